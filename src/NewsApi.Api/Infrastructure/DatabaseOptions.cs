namespace NewsApi.Api.Infrastructure;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending EF Core migrations when the API starts (true in Development and in run.sh).</summary>
    public bool MigrateOnStartup { get; set; }
}
