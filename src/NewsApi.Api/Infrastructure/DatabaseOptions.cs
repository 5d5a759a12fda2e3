using System.ComponentModel.DataAnnotations;
using Npgsql;

namespace NewsApi.Api.Infrastructure;

/// <summary>The <c>Database</c> configuration section, and the connection string <c>ConnectionStrings:News</c>.</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    /// <summary>Apply pending EF Core migrations when the API starts (true in Development and in run.sh).</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>The PostgreSQL connection string, from <c>ConnectionStrings:News</c> (<c>ConnectionStrings__News</c>).</summary>
    public string? ConnectionString { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "No database is configured. Set ConnectionStrings__News (or ConnectionStrings:News in appsettings), " +
                "or start NewsApi with ./run.sh, which starts a private PostgreSQL, or with 'docker compose up'.", [nameof(ConnectionString)]);
            yield break;
        }

        string? problem = null;
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(ConnectionString);
            if (string.IsNullOrWhiteSpace(parsed.Host))
            {
                problem = "ConnectionStrings:News names no Host.";
            }
        }
        catch (ArgumentException exception)
        {
            problem = $"ConnectionStrings:News is not a valid PostgreSQL connection string: {exception.Message}";
        }

        if (problem is not null)
        {
            yield return new ValidationResult(problem, [nameof(ConnectionString)]);
        }
    }
}
