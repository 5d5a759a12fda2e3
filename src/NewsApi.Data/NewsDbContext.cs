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

    public DbSet<Entity> Entities => Set<Entity>();

    public DbSet<EntityAlias> EntityAliases => Set<EntityAlias>();

    public DbSet<EntityMention> EntityMentions => Set<EntityMention>();

    public DbSet<ArticleEntity> ArticleEntities => Set<ArticleEntity>();

    public DbSet<EntityRole> EntityRoles => Set<EntityRole>();

    public DbSet<EntityCorrection> EntityCorrections => Set<EntityCorrection>();

    public DbSet<Quote> Quotes => Set<Quote>();

    public DbSet<Event> Events => Set<Event>();

    public DbSet<ArticleEvent> ArticleEvents => Set<ArticleEvent>();

    public DbSet<EventParticipant> EventParticipants => Set<EventParticipant>();

    public DbSet<EventEvidence> EventEvidence => Set<EventEvidence>();

    public DbSet<Story> Stories => Set<Story>();

    public DbSet<ArticleShingle> ArticleShingles => Set<ArticleShingle>();

    public DbSet<ServerKey> ServerKeys => Set<ServerKey>();

    public DbSet<ArticleName> ArticleNames => Set<ArticleName>();

    /// <summary>
    /// The provider options every host uses: Npgsql, migrations in their own assembly, snake_case names, and no parallel
    /// query unless the connection string's <c>Options</c> say otherwise. A page of a list is a small query; a parallel
    /// plan for one costs more in starting its workers (30 ms for an entity's articles at a million) than it saves.
    /// </summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(WithoutParallelQuery(connectionString), npgsql => npgsql.MigrationsAssembly(MigrationsAssembly))
            .UseSnakeCaseNamingConvention();

    /// <summary>The connection string with <c>max_parallel_workers_per_gather = 0</c>, unless it sets <c>Options</c> itself.</summary>
    public static string WithoutParallelQuery(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.Options))
        {
            return connectionString;
        }

        builder.Options = "-c max_parallel_workers_per_gather=0";
        return builder.ConnectionString;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NewsDbContext).Assembly);
    }
}
