using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Tests.Infrastructure;
using NewsApi.Data;
using NewsApi.Data.Entities;

namespace NewsApi.Api.Tests;

/// <summary>
/// PostgreSQL is stopped while the built API serves and imports, then started again: during the outage every data
/// endpoint answers 503 problem+json with Retry-After and the process stays alive; afterwards they answer 200, the
/// interrupted run has ended as failed with its reason, a recovery run has imported the rest, and nothing is stored twice.
/// </summary>
public sealed class OutageTests
{
    private static NewsDbContext Context(string connectionString)
    {
        var options = new DbContextOptionsBuilder<NewsDbContext>();
        NewsDbContext.Configure(options, connectionString);
        return new NewsDbContext(options.Options);
    }

    [LocalClusterFact(Timeout = 600_000)]
    public async Task Stopping_the_database_mid_import_gives_503s_and_then_a_complete_import_with_nothing_twice()
    {
        await using var cluster = await LocalCluster.StartAsync("postgres-outage");
        using var files = new TempFolder();
        TestCorpus.Write(files.Path, 60);
        var total = Directory.GetFiles(files.Path).Length;
        await using var api = await ApiProcess.StartAsync(cluster.ConnectionString, files.Path, new Dictionary<string, string?>
        {
            ["Import:RunOnStartup"] = "false",
            ["Import:Concurrency"] = "1",

            // Small batches, so that the database stops in the middle of the run, not after it.
            ["Import:BatchSize"] = "2",
        });
        using var admin = new HttpClient { BaseAddress = api.BaseAddress };
        admin.DefaultRequestHeaders.Add("X-Api-Key", NewsApiFactory.AdminKey);

        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/imports", null)).StatusCode);
        await using (var db = Context(cluster.ConnectionString))
        {
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (await db.ImportFiles.CountAsync() < 5 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(25);
            }
        }

        await cluster.StopAsync();

        foreach (var url in new[] { "/articles", "/articles/1", "/people?q=merkel", "/events", "/quotes", "/stories", "/sources", "/imports" })
        {
            using var response = await api.Client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{url} → {(int)response.StatusCode}: {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{url} has no Retry-After");
            Assert.Equal(503, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await api.Client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync("/health/live")).StatusCode);
        Assert.False(api.HasExited);

        await cluster.StartAgainAsync();

        // This test's own pooled connections died with the server.
        Npgsql.NpgsqlConnection.ClearAllPools();
        var back = DateTime.UtcNow.AddMinutes(1);
        HttpStatusCode status;
        do
        {
            status = (await api.Client.GetAsync("/articles")).StatusCode;
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(250);
            }
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < back);

        Assert.Equal(HttpStatusCode.OK, status);

        List<ImportRun> runs;
        var finished = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            await using var db = Context(cluster.ConnectionString);
            runs = await db.ImportRuns.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
            if (runs.All(r => r.Status is not (ImportStatus.Running or ImportStatus.Queued)) || DateTime.UtcNow > finished)
            {
                break;
            }

            await Task.Delay(250);
        }

        Assert.All(runs, r => Assert.True(r.Status is not (ImportStatus.Running or ImportStatus.Queued), $"run {r.Id} is {r.Status}"));
        var interrupted = runs[0];
        Assert.Equal(ImportStatus.Failed, interrupted.Status);
        Assert.Contains("database became unreachable", interrupted.Error, StringComparison.Ordinal);
        var recovery = Assert.Single(runs, r => r.Trigger == ImportTrigger.Recovery);
        Assert.Equal(ImportStatus.Succeeded, recovery.Status);

        await using var after = Context(cluster.ConnectionString);
        Assert.Equal(total, await after.Articles.CountAsync());
        Assert.All(await after.Articles.GroupBy(a => a.File).Select(g => g.Count()).ToListAsync(), count => Assert.Equal(1, count));
        Assert.All(await after.ImportFiles.Where(f => f.Outcome == ImportOutcome.Imported).GroupBy(f => f.File).Select(g => g.Count()).ToListAsync(),
            count => Assert.Equal(1, count));
        Assert.Equal(0, await after.ImportFiles.CountAsync(f => f.Outcome == ImportOutcome.Rejected));
    }
}
