using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NewsApi.Api.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of a test's own (scripts/local-postgres.sh), so that the test can stop and start it without
/// touching the server every other test uses. Needs the local server binaries.
/// </summary>
public sealed partial class LocalCluster : IAsyncDisposable
{
    /// <summary>Every cluster started, stopped when the test run ends, whatever became of the test that started it.</summary>
    private static readonly List<string> Started = [];

    static LocalCluster()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            lock (Started)
            {
                foreach (var directory in Started)
                {
                    using var stop = Process.Start(new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot.Find(), "scripts", "local-postgres.sh"), "stop", directory])
                    {
                        RedirectStandardError = true,
                    });
                    stop?.WaitForExit(TimeSpan.FromSeconds(30));
                }
            }
        };
    }

    private readonly string _directory;

    private LocalCluster(string directory, int port, string connectionString)
    {
        _directory = directory;
        Port = port;
        ConnectionString = connectionString;
    }

    public int Port { get; }

    /// <summary>The cluster's newsapi database.</summary>
    public string ConnectionString { get; }

    /// <summary>Whether the server binaries are installed (else tests that need their own cluster are skipped).</summary>
    public static bool Available =>
        Directory.Exists("/usr/lib/postgresql") && Directory.GetDirectories("/usr/lib/postgresql").Any(d => File.Exists(Path.Combine(d, "bin", "initdb")))
        || (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, "initdb")));

    public static async Task<LocalCluster> StartAsync(string name)
    {
        var directory = Path.Combine(RepositoryRoot.Find(), ".data", $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)]);
        var output = await RunAsync("start", directory, null);
        var news = NewsExport().Match(output);
        if (!news.Success)
        {
            await RunAsync("stop", directory, null);
            Assert.Fail($"local-postgres.sh printed no connection string:\n{output}");
        }

        var connectionString = Regex.Replace(news.Groups["value"].Value, @"\\(.)", "$1");
        var port = int.Parse(PortPattern().Match(connectionString).Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var cluster = new LocalCluster(directory, port, connectionString);
        lock (Started)
        {
            Started.Add(directory);
        }

        return cluster;
    }

    public Task StopAsync() => RunAsync("stop", _directory, null);

    /// <summary>Starts the cluster again on the same port, so clients reconnect with the same connection string.</summary>
    public Task StartAgainAsync() => RunAsync("start", _directory, Port);

    private static async Task<string> RunAsync(string command, string directory, int? port)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot.Find(), "scripts", "local-postgres.sh"), command, directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["NEWSAPI_PG_FAST"] = "1";
        if (port is not null)
        {
            start.Environment["NEWSAPI_PG_PORT"] = port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"local-postgres.sh {command} failed ({process.ExitCode}):\n{errors}");
        return output;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [GeneratedRegex(@"^export ConnectionStrings__News=(?<value>\S+)$", RegexOptions.Multiline)]
    private static partial Regex NewsExport();

    [GeneratedRegex(@"Port=(?<port>\d+)")]
    private static partial Regex PortPattern();
}

/// <summary>A fact that needs a cluster of its own; skipped, with the reason, when the server binaries are absent.</summary>
public sealed class LocalClusterFactAttribute : FactAttribute
{
    public LocalClusterFactAttribute()
    {
        if (!LocalCluster.Available)
        {
            Skip = "PostgreSQL server binaries (initdb) are not installed, so this test cannot stop and start a server of its own.";
        }
    }
}
