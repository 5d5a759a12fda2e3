using Microsoft.EntityFrameworkCore;
using NewsApi.Data.Entities;
using Npgsql;

namespace NewsApi.Data;

public class NewsDbContext(DbContextOptions<NewsDbContext> options) : DbContext(options)
{
    /// <summary>The assembly that holds the migrations.</summary>
    public const string MigrationsAssembly = "NewsApi.Migrations";

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<Source> Sources => Set<Source>();

    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();

    public DbSet<ImportFile> ImportFiles => Set<ImportFile>();

    /// <summary>The provider options every host uses: Npgsql, migrations in their own assembly, snake_case names.</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly))
            .UseSnakeCaseNamingConvention();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NewsDbContext).Assembly);
}
