using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NewsApi.Data;

public static class DatabaseMigrator
{
    /// <summary>
    /// Applies pending migrations. The history table is created first, so that on a new database EF does not
    /// log a spurious error while probing for it (npgsql/efcore.pg#3407).
    /// </summary>
    public static async Task MigrateAsync(this NewsDbContext db, CancellationToken cancellationToken = default)
    {
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
