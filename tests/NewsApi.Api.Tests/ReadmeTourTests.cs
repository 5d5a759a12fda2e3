using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Tests.Infrastructure;
using NewsApi.Data.Entities;

namespace NewsApi.Api.Tests;

/// <summary>
/// The README's tour, run verbatim with bash, curl and jq against the built API as a live process on the seeds:
/// every command must answer 2xx or 3xx, so the tour cannot drift from the API.
/// </summary>
public sealed class ReadmeTourTests : IAsyncLifetime
{
    private readonly DatabaseFixture _database = new();
    private readonly TempFolder _files = new TempFolder().WithSeeds();

    public Task InitializeAsync() => _database.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _files.Dispose();
    }

    /// <summary>The shell blocks of the README's "A tour of the API" section.</summary>
    public static string TourScript()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "README.md"));
        var start = readme.IndexOf("## A tour of the API", StringComparison.Ordinal);
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = readme[start..end];
        var blocks = new List<string>();
        for (var at = section.IndexOf("```sh\n", StringComparison.Ordinal); at >= 0; at = section.IndexOf("```sh\n", at, StringComparison.Ordinal))
        {
            var close = section.IndexOf("\n```", at + 6, StringComparison.Ordinal);
            blocks.Add(section[(at + 6)..close]);
            at = close;
        }

        return string.Join('\n', blocks);
    }

    [Fact]
    public void The_tour_is_found_and_has_commands()
    {
        var script = TourScript();
        Assert.True(script.Split('\n').Count(l => l.TrimStart().StartsWith("curl", StringComparison.Ordinal)) >= 35, script);
        Assert.DoesNotContain("<", script.Replace("<<", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact(Timeout = 300_000)]
    public async Task Every_command_of_the_tour_succeeds_against_a_fresh_instance()
    {
        await using var api = await ApiProcess.StartAsync(_database.ConnectionString, _files.Path, new Dictionary<string, string?>
        {
            ["Import:RunOnStartup"] = "true",
        });
        var deadline = DateTime.UtcNow.AddMinutes(2);
        await using (var db = _database.CreateContext())
        {
            while (!await db.ImportRuns.AnyAsync(r => r.Status == ImportStatus.Succeeded) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }

        // Any curl that does not get 2xx or 3xx fails the script, and with it the test.
        var script = "set -euo pipefail\n" +
                     "curl() { command curl --silent --show-error --fail-with-body --max-time 60 \"$@\"; }\n" +
                     TourScript();
        var start = new ProcessStartInfo("bash", ["-x", "-c", script])
        {
            WorkingDirectory = RepositoryRoot.Find(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["NEWSAPI_URL"] = api.BaseAddress.ToString().TrimEnd('/');
        start.Environment["NEWSAPI_ADMIN_KEY"] = NewsApiFactory.AdminKey;
        using var bash = Process.Start(start)!;
        var output = bash.StandardOutput.ReadToEndAsync();
        var errors = bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();

        var trace = await errors;
        Assert.True(bash.ExitCode == 0, $"the tour failed (exit {bash.ExitCode}); the last commands:\n{string.Join('\n', trace.Split('\n').TakeLast(12))}\n{(await output)[^Math.Min(2000, (await output).Length)..]}");
        Assert.Contains("304 Not Modified", await output, StringComparison.Ordinal);
        Assert.Contains("202 Accepted", await output, StringComparison.Ordinal);
    }
}
