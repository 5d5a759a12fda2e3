using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NewsApi.Data;

namespace NewsApi.Migrations;

/// <summary>
/// Lets <c>dotnet ef</c> build the model without starting the API. Adding a migration needs no database;
/// commands that do (<c>database update</c>) read <c>ConnectionStrings__News</c>.
/// </summary>
public sealed class DesignTimeNewsDbContextFactory : IDesignTimeDbContextFactory<NewsDbContext>
{
    public NewsDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__News")
            ?? "Host=127.0.0.1;Database=newsapi;Username=newsapi";
        var options = new DbContextOptionsBuilder<NewsDbContext>();
        NewsDbContext.Configure(options, connectionString);
        return new NewsDbContext(options.Options);
    }
}
