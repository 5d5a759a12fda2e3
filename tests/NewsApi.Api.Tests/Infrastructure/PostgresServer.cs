using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;
using Testcontainers.PostgreSql;

namespace NewsApi.Api.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests run against, started once per test run. In order of preference:
/// <list type="number">
/// <item>a server named by <c>NEWSAPI_TEST_POSTGRES</c> (a superuser connection string; test.sh sets it);</item>
/// <item>a <c>postgres:15</c> container through Testcontainers, when a Docker engine answers;</item>
/// <item>the project's private cluster (<c>scripts/local-postgres.sh</c>), started from the local server binaries.</item>
/// </list>
/// Every test class gets its own database on this server (see <see cref="DatabaseFixture"/>).
/// </summary>
public static partial class PostgresServer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _adminConnectionString;

    /// <summary>How the server was found, for test output.</summary>
    public static string Origin { get; private set; } = "not started";

    public static async Task<string> GetAdminConnectionStringAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _adminConnectionString ??= await StartAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("NEWSAPI_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            Origin = "NEWSAPI_TEST_POSTGRES";
            return configured;
        }

        var container = await TryStartContainerAsync();
        if (container is not null)
        {
            Origin = "Testcontainers (postgres:15)";
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return new NpgsqlConnectionStringBuilder(container.GetConnectionString()) { Database = "postgres" }.ConnectionString;
        }

        Origin = "scripts/local-postgres.sh";
        return StartLocalCluster();
    }

    private static async Task<PostgreSqlContainer?> TryStartContainerAsync()
    {
        if (!DockerMightBeReachable())
        {
            return null;
        }

        try
        {
            var container = new PostgreSqlBuilder("postgres:15").Build();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await container.StartAsync(timeout.Token);
            return container;
        }
        catch (Exception exception)
        {
            Console.Error.WriteLine($"Testcontainers could not start PostgreSQL ({exception.GetType().Name}: {exception.Message}); using the local cluster.");
            return null;
        }
    }

    /// <summary>A cheap look for a Docker engine before asking Testcontainers, which is slow to give up.</summary>
    private static bool DockerMightBeReachable()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST")))
        {
            return true;
        }

        if (!File.Exists("/var/run/docker.sock"))
        {
            return false;
        }

        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", "info --format {{.ServerVersion}}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (docker is null || !docker.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                return false;
            }

            return docker.ExitCode == 0;
        }
        catch (Exception)
        {
            return false;
        }
    }

    private static string StartLocalCluster()
    {
        var root = RepositoryRoot.Find();
        var script = Path.Combine(root, "scripts", "local-postgres.sh");
        var dataDirectory = Path.Combine(root, ".data", "postgres-test");
        var start = new ProcessStartInfo("bash", [script, "start", dataDirectory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["NEWSAPI_PG_FAST"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run scripts/local-postgres.sh.");
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"No PostgreSQL for the tests: NEWSAPI_TEST_POSTGRES is not set, no Docker engine answered, and scripts/local-postgres.sh failed (exit {process.ExitCode}):\n{errors}");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            using var stop = Process.Start(new ProcessStartInfo("bash", [script, "stop", dataDirectory]) { RedirectStandardError = true });
            stop?.WaitForExit(TimeSpan.FromSeconds(30));
        };

        var admin = AdminExport().Match(output);
        if (!admin.Success)
        {
            throw new InvalidOperationException($"scripts/local-postgres.sh printed no NEWSAPI_PG_ADMIN:\n{output}");
        }

        return Unescape(admin.Groups["value"].Value);
    }

    /// <summary>Undoes bash's printf %q escaping of a connection string.</summary>
    private static string Unescape(string value) => BackslashEscape().Replace(value, "$1");

    [GeneratedRegex(@"^export NEWSAPI_PG_ADMIN=(?<value>\S+)$", RegexOptions.Multiline)]
    private static partial Regex AdminExport();

    [GeneratedRegex(@"\\(.)")]
    private static partial Regex BackslashEscape();
}
