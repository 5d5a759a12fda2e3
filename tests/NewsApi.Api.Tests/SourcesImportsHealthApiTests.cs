using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsApi.Api.Health;
using NewsApi.Api.Imports;
using NewsApi.Api.Infrastructure;
using NewsApi.Api.Sources;
using NewsApi.Api.Tests.Infrastructure;
using NewsApi.Data.Entities;

namespace NewsApi.Api.Tests;

public sealed class SourcesApiTests(DatabaseFixture database) : ApiTestBase(database)
{
    [Fact]
    public async Task Sources_are_listed_by_name_with_article_counts_and_paged()
    {
        Files.WithSeeds();
        await Factory.ImportAsync();

        var first = await GetJsonAsync<Page<SourceItem>>("/sources?limit=1");
        var second = await GetJsonAsync<Page<SourceItem>>($"/sources?limit=1&cursor={first.Next}");

        Assert.Equal(("Associated Press", 2), (first.Items[0].Name, first.Items[0].ArticleCount));
        Assert.Equal(("The Times of Israel", 1), (second.Items[0].Name, second.Items[0].ArticleCount));
        Assert.Null(second.Next);

        var one = await GetJsonAsync<SourceItem>($"/sources/{first.Items[0].Id}");
        Assert.Equal(first.Items[0], one);
    }
}

public sealed class ImportsApiTests(DatabaseFixture database) : ApiTestBase(database)
{
    protected override NewsApiFactory CreateFactory() => new(Database.ConnectionString, Files.Path, new Dictionary<string, string?>
    {
        ["Import:Enabled"] = "true",
        ["Import:RunOnStartup"] = "false",
        ["Import:IntervalSeconds"] = "0",
    });

    [Fact]
    public async Task Post_imports_is_accepted_and_the_worker_runs_it()
    {
        Files.WithSeeds();
        Files.WriteBytes("empty.txt", []);

        using var admin = Factory.CreateAdminClient();
        using var response = await admin.PostAsync("/imports", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var queued = await ReadAsync<ImportRunSummary>(response);
        Assert.Equal(ImportStatus.Queued, queued!.Status);
        Assert.Equal(ImportTrigger.Request, queued.Trigger);
        Assert.Equal($"/imports/{queued.Id}", response.Headers.Location?.OriginalString);

        var detail = await WaitForRunAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(ImportStatus.Succeeded, detail.Run.Status);
        Assert.Equal(new ImportCounts(5, 0, 0, 0, 1), detail.Run.Counts);
        Assert.Equal(6, detail.Files.Count);
        var rejected = Assert.Single(detail.Files, f => f.Outcome == ImportOutcome.Rejected);
        Assert.Equal(("empty.txt", "The file is empty (0 bytes)."), (rejected.File, rejected.Reason));
        Assert.All(detail.Files.Where(f => f.Outcome == ImportOutcome.Imported), f => Assert.NotNull(f.ArticleId));

        var runs = await GetJsonAsync<Page<ImportRunSummary>>("/imports");
        Assert.Equal(queued.Id, Assert.Single(runs.Items).Id);
    }

    [Fact]
    public async Task Starting_a_run_needs_a_key_with_the_imports_scope()
    {
        await using var factory = new NewsApiFactory(Database.ConnectionString, Files.Path, new Dictionary<string, string?>
        {
            ["ApiKeys:Clients:0:Name"] = "editor",
            ["ApiKeys:Clients:0:Key"] = "editor-key-0123456789",
            ["ApiKeys:Clients:0:Scopes:0"] = "corrections",
        });
        using var client = factory.CreateClient();

        using var anonymous = await client.PostAsync("/imports", null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ApiKey", anonymous.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        using var editor = new HttpRequestMessage(HttpMethod.Post, "/imports") { Headers = { { "X-Api-Key", "editor-key-0123456789" } } };
        using var forbidden = await client.SendAsync(editor);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("scope", await forbidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var db = Database.CreateContext();
        Assert.Equal(0, db.ImportRuns.Count());
    }

    [Fact]
    public async Task Thirty_requests_while_a_run_is_queued_get_that_one_run()
    {
        // No worker here, so the run stays queued.
        await using var factory = new NewsApiFactory(Database.ConnectionString, Files.Path);
        using var admin = factory.CreateAdminClient();

        var locations = new List<string>();
        foreach (var _ in Enumerable.Range(0, 30))
        {
            using var response = await admin.PostAsync("/imports", null);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            locations.Add(response.Headers.Location!.OriginalString);
        }

        Assert.Single(locations.Distinct());
        await using var db = Database.CreateContext();
        Assert.Equal(1, db.ImportRuns.Count());
    }

    [Fact]
    public async Task Server_paths_and_instances_are_shown_to_admin_keys_only()
    {
        Files.WithSeeds();
        using var admin = Factory.CreateAdminClient();
        using var started = await admin.PostAsync("/imports", null);
        await WaitForRunAsync(started.Headers.Location!.OriginalString);

        var anonymous = await GetJsonAsync<Page<ImportRunSummary>>("/imports");
        Assert.Null(anonymous.Items[0].Path);
        Assert.Null(anonymous.Items[0].Instance);
        var body = await Client.GetStringAsync(started.Headers.Location!.OriginalString);
        Assert.DoesNotContain(Files.Path, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Environment.MachineName, body, StringComparison.Ordinal);

        var mine = JsonSerializer.Deserialize<Page<ImportRunSummary>>(await admin.GetStringAsync("/imports"), Json)!;
        Assert.Equal(Path.GetFullPath(Files.Path), mine.Items[0].Path);
        Assert.StartsWith(Environment.MachineName + ":", mine.Items[0].Instance, StringComparison.Ordinal);
    }

    private async Task<ImportRunDetail> WaitForRunAsync(string location)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var detail = await GetJsonAsync<ImportRunDetail>(location);
            if (detail.Run.Status is ImportStatus.Succeeded or ImportStatus.Failed || DateTime.UtcNow > deadline)
            {
                return detail;
            }

            await Task.Delay(100);
        }
    }
}

public sealed class HealthApiTests(DatabaseFixture database) : ApiTestBase(database)
{
    [Fact]
    public async Task Live_and_ready_are_healthy_with_a_migrated_database()
    {
        var live = await GetJsonAsync<HealthStatus>("/health/live");
        var ready = await GetJsonAsync<HealthStatus>("/health/ready");

        Assert.Equal("healthy", live.Status);
        Assert.Equal("healthy", ready.Status);
        Assert.Equal("ok", ready.Checks["database"]);
        Assert.Equal("ok", ready.Checks["migrations"]);
    }

    [Fact]
    public async Task Ready_is_503_when_the_database_cannot_be_reached()
    {
        await using var factory = new NewsApiFactory("Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=none;Timeout=2", Files.Path, new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "false",
        });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var status = await response.Content.ReadFromJsonAsync<HealthStatus>(Json);
        Assert.Equal("cannot connect", status!.Checks["database"]);
    }
}
