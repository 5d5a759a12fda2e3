using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace NewsApi.Data;

public static class DatabaseMigrator
{
    /// <summary>The advisory lock key every instance takes to migrate ("newsapi-migrate" as ASCII).</summary>
    public const long LockKey = 0x6E65_7773_6D69_6772;

    /// <summary>
    /// Applies pending migrations, one instance at a time: instances that start together on an empty database
    /// queue on a session advisory lock, and each finds the work done by the one before it. The history table is
    /// created first, so that on a new database EF does not log a spurious error while probing for it
    /// (npgsql/efcore.pg#3407).
    /// </summary>
    public static async Task MigrateAsync(this NewsDbContext db, CancellationToken cancellationToken = default)
    {
        // The lock lives on a connection of its own, held across EF's migration transactions.
        await using var lockConnection = new NpgsqlConnection(db.Database.GetConnectionString());
        await lockConnection.OpenAsync(cancellationToken);
        // Waiting for another instance's migration may take longer than the driver's default command timeout.
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({LockKey})", lockConnection) { CommandTimeout = 0 })
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", lockConnection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
