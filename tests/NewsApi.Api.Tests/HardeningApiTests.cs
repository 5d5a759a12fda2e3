using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Api.Entities;
using NewsApi.Api.Infrastructure;
using NewsApi.Api.Tests.Infrastructure;
using NewsApi.Data.Entities;
using Serilog.Core;
using Serilog.Events;

namespace NewsApi.Api.Tests;

/// <summary>
/// What a hostile or careless client can send is answered with a problem it can read, through the real pipeline
/// and PostgreSQL: NUL characters, forged cursors, oversized bodies, floods, malformed JSON; and the shapes of
/// lists and problems are the same everywhere.
/// </summary>
public sealed class HardeningApiTests(DatabaseFixture database) : ApiTestBase(database)
{
    private async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}, expected {(int)status}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static void AssertNames(JsonElement problem, string parameter, string contains)
    {
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var messages), $"errors do not name {parameter}: {problem}");
        Assert.Contains(contains, messages[0].GetString(), StringComparison.Ordinal);
    }

    private async Task<long> SeedPersonAsync()
    {
        Files.WithSeeds();
        await Factory.ImportAsync();
        await using var db = Database.CreateContext();
        return await db.Entities.Where(e => e.Kind == EntityKind.Person && e.Name == "Antony Blinken").Select(e => e.Id).SingleAsync();
    }

    [Fact]
    public async Task A_nul_character_anywhere_is_a_400_naming_the_parameter()
    {
        var blinken = await SeedPersonAsync();
        using var admin = Factory.CreateAdminClient();

        AssertNames(await ProblemAsync(await Client.GetAsync("/people?q=a%00b"), HttpStatusCode.BadRequest), "q", "NUL");
        AssertNames(await ProblemAsync(await Client.GetAsync("/articles?source=x%00"), HttpStatusCode.BadRequest), "source", "NUL");
        // (A NUL in the path itself never reaches the application: the server refuses such a request line; see LiveServerTests.)
        AssertNames(await ProblemAsync(await admin.PostAsync($"/people/{blinken}/aliases",
            new StringContent("{\"alias\":\"a\\u0000b\"}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest), "alias", "NUL");
        AssertNames(await ProblemAsync(await Client.PostAsync("/analyze", new StringContent("Blinken\0met Lapid.", Encoding.UTF8, "text/plain")),
            HttpStatusCode.BadRequest), "text", "NUL");
        AssertNames(await ProblemAsync(await Client.PostAsync("/analyze",
            new StringContent("{\"title\":\"a\\u0000\",\"text\":\"Blinken met Lapid.\"}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest), "title", "NUL");

        await using var db = Database.CreateContext();
        Assert.False(await db.EntityAliases.AnyAsync(a => a.Alias.Contains("a")  && a.Alias.Contains("b") && a.Alias.Length == 3));
    }

    [Fact]
    public async Task Cursors_are_signed_and_anything_else_is_a_400()
    {
        Files.WithSeeds();
        await Factory.ImportAsync();
        var first = await GetJsonAsync<Page<Articles.ArticleSummary>>("/articles?limit=2");
        Assert.NotNull(first.Next);

        // The next page works, also from a fresh instance on the same database (the key is kept there).
        await using (var restarted = new NewsApiFactory(Database.ConnectionString, Files.Path))
        {
            using var client = restarted.CreateClient();
            using var next = await client.GetAsync($"/articles?limit=2&cursor={first.Next}");
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        }

        // Forged: a well-formed payload with no signature, a changed payload, a payload signed with another key,
        // keys of the wrong type signed with the right key, and plain garbage.
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("{\"Q\":\"x\",\"K\":[\"1\",\"2\"]}"));
        var tampered = (first.Next![0] == 'A' ? "B" : "A") + first.Next[1..];
        await using var db = Database.CreateContext();
        var key = await db.ServerKeys.Where(k => k.Name == "cursor-signing").Select(k => k.Value).SingleAsync();
        var fingerprint = first.Next.Split('.')[0];
        var decoded = JsonDocument.Parse(Base64Url.DecodeFromChars(fingerprint)).RootElement.GetProperty("Q").GetString();
        string Sign(byte[] signingKey, string json)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            return Base64Url.EncodeToString(bytes) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(signingKey, bytes).AsSpan(0, 16));
        }

        var wrongTypes = Sign(key, $"{{\"Q\":\"{decoded}\",\"K\":[\"yesterday\",\"9999999999999999999999\"]}}");
        var otherKey = Sign(RandomNumberGenerator.GetBytes(32), $"{{\"Q\":\"{decoded}\",\"K\":[\"1\",\"2\"]}}");
        foreach (var cursor in new[] { payload, payload + ".AAAA", tampered, wrongTypes, otherKey, "abc", "%%%", new string('A', 5000) })
        {
            var problem = await ProblemAsync(await Client.GetAsync($"/articles?limit=2&cursor={Uri.EscapeDataString(cursor)}"), HttpStatusCode.BadRequest);
            AssertNames(problem, "cursor", "not a cursor this API issued");
        }

        // A genuine cursor with other filters is refused too, and says why.
        AssertNames(await ProblemAsync(await Client.GetAsync($"/articles?limit=2&sort=oldest&cursor={first.Next}"), HttpStatusCode.BadRequest),
            "cursor", "other filters");
    }

    /// <summary>A JSON-looking body of a given size that counts how much of it the server pulled.</summary>
    private sealed class CountingContent : HttpContent
    {
        private readonly long _size;
        private readonly bool _declareLength;

        public CountingContent(long size, bool declareLength)
        {
            _size = size;
            _declareLength = declareLength;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        public long Sent { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = Encoding.ASCII.GetBytes(new string(' ', 16 * 1024));
            try
            {
                while (Sent < _size)
                {
                    var count = (int)Math.Min(chunk.Length, _size - Sent);
                    await stream.WriteAsync(chunk.AsMemory(0, count));
                    Sent += count;
                }
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The server stopped reading: that is the point.
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _size;
            return _declareLength;
        }
    }

    [Fact]
    public async Task A_flood_from_one_client_is_429_with_retry_after_while_others_and_probes_go_on()
    {
        await using var factory = new NewsApiFactory(Database.ConnectionString, Files.Path, new Dictionary<string, string?>
        {
            ["RateLimits:RequestsPerSecond"] = "1",
            ["RateLimits:Burst"] = "3",
        });
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 6; i++)
        {
            var response = await client.GetAsync("/sources");
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.NotNull(refused);
        var problem = await ProblemAsync(refused!, HttpStatusCode.TooManyRequests);
        Assert.Contains("Too many requests", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(refused!.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));

        // The probes are never limited, and a client with its own key has its own bucket.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        using var admin = factory.CreateAdminClient();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/sources")).StatusCode);
    }

    [Fact]
    public async Task Analyses_beyond_the_concurrency_limit_and_its_queue_are_429()
    {
        await using var factory = new NewsApiFactory(Database.ConnectionString, Files.Path, new Dictionary<string, string?>
        {
            ["RateLimits:AnalyzeConcurrency"] = "1",
            ["RateLimits:AnalyzeQueue"] = "0",
        });
        using var client = factory.CreateClient();
        var text = string.Concat(Enumerable.Repeat("Antony Blinken met Yair Lapid in Rome on Sunday to discuss Iran. ", 2_500));

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            client.PostAsync("/analyze", new StringContent(text, Encoding.UTF8, "text/plain"))));

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        var problem = await ProblemAsync(refused[0], HttpStatusCode.TooManyRequests);
        Assert.Contains("analysing as many texts", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotNull(refused[0].Headers.RetryAfter);
    }

    /// <summary>Collects the host's log events.</summary>
    private sealed class LogSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent)
        {
            lock (Events)
            {
                Events.Add(logEvent);
            }
        }
    }

    [Fact]
    public async Task Client_errors_are_logged_at_their_status_without_stack_traces()
    {
        var sink = new LogSink();
        await using var factory = new NewsApiFactory(Database.ConnectionString, Files.Path, new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Information",
        });
        using var client = factory.WithWebHostBuilder(host => host.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(sink))).CreateClient();

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/articles/abc")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/articles?limit=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/analyze", new StringContent("{\"text\":", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await client.PostAsync("/analyze", new CountingContent(AnalyzeApi.MaxBodyBytes + 10, true))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/articles/424242")).StatusCode);

        List<LogEvent> events;
        lock (sink.Events)
        {
            events = [.. sink.Events];
        }

        Assert.DoesNotContain(events, e => e.Level >= LogEventLevel.Error);
        Assert.DoesNotContain(events, e => e.Exception is not null);
        var requests = events.Where(e => e.Properties.ContainsKey("StatusCode") && e.Properties.ContainsKey("RequestPath")).ToList();
        Assert.Equal(5, requests.Count);
        Assert.Equal(["400", "400", "400", "413", "404"], requests.Select(e => e.Properties["StatusCode"].ToString()));
        Assert.Equal([LogEventLevel.Information, LogEventLevel.Information, LogEventLevel.Information, LogEventLevel.Warning, LogEventLevel.Information],
            requests.Select(e => e.Level));
    }

    [Theory]
    [InlineData("POST", "/analyze?published=abc", "text/plain", "Blinken met Lapid.", "published", "published must be a date (yyyy-MM-dd)")]
    [InlineData("POST", "/analyze", "application/json", "[1, 2]", "body", "must be an object")]
    [InlineData("POST", "/analyze", "application/json", "{\"text\": 5}", "text", "text must be a string")]
    [InlineData("POST", "/analyze", "application/json", "{\"text\": \"x\", \"published\": \"soon\"}", "published", "published must be a date")]
    [InlineData("GET", "/articles?limit=abc", null, null, "limit", "limit must be a whole number (got 'abc')")]
    [InlineData("GET", "/articles/abc", null, null, "id", "id must be a whole number (got 'abc')")]
    [InlineData("GET", "/places/ab%22cd%22ef", null, null, "id", "id must be a whole number (got 'ab\"cd\"ef')")]
    [InlineData("GET", "/articles?person=9999999999999999999999", null, null, "person", "person must be a whole number")]
    [InlineData("GET", "/events?from=yesterday", null, null, "from", "from must be a date")]
    public async Task Problem_texts_say_what_to_send_in_the_clients_terms(string method, string url, string? type, string? body, string field, string says)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, type!);
        }

        var problem = await ProblemAsync(await Client.SendAsync(request), HttpStatusCode.BadRequest);
        AssertNames(problem, field, says);
        var text = problem.ToString();
        foreach (var leak in new[] { "System.", "`1", "Nullable", "Failed to", "parameter \"", "Exception", "JSON value could not be converted" })
        {
            Assert.DoesNotContain(leak, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_correction_body_of_the_wrong_shape_says_which_shape_to_send()
    {
        var blinken = await SeedPersonAsync();
        using var admin = Factory.CreateAdminClient();

        var array = await ProblemAsync(await admin.PostAsync($"/people/{blinken}/aliases", new StringContent("[\"x\"]", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.Contains("{\"alias\": \"…\"}", array.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var number = await ProblemAsync(await admin.PostAsync($"/people/{blinken}/merge", new StringContent("{\"otherId\": \"x\"}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        AssertNames(number, "otherId", "otherId must be a whole number");

        var text = await ProblemAsync(await admin.PostAsync($"/people/{blinken}/merge", new StringContent("x", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", text.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var empty = await ProblemAsync(await admin.PostAsync($"/people/{blinken}/merge", null), HttpStatusCode.BadRequest);
        Assert.Contains("{\"otherId\": 1}", empty.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_404_has_the_same_title_and_says_what_is_missing()
    {
        var unknownPath = await ProblemAsync(await Client.GetAsync("/no-such-thing"), HttpStatusCode.NotFound);
        var unknownRecord = await ProblemAsync(await Client.GetAsync("/people/424242"), HttpStatusCode.NotFound);
        var unknownArticle = await ProblemAsync(await Client.GetAsync("/articles/424242/similar"), HttpStatusCode.NotFound);

        Assert.All(new[] { unknownPath, unknownRecord, unknownArticle }, p => Assert.Equal("Not Found", p.GetProperty("title").GetString()));
        Assert.Contains("/no-such-thing", unknownPath.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("424242", unknownRecord.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_sort_case_insensitively_across_pages()
    {
        await using (var db = Database.CreateContext())
        {
            foreach (var name in new[] { "CNN", "Center for Strategic Studies", "apple", "BBC", "bank of england", "Zeta" })
            {
                db.Entities.Add(new Entity { Kind = EntityKind.Organisation, Name = name, NameKey = name.ToLowerInvariant(), LastWordKey = name.Split(' ')[^1].ToLowerInvariant(), ArticleCount = 1, MentionCount = 1 });
            }

            await db.SaveChangesAsync();
        }

        var names = new List<string>();
        string? cursor = null;
        do
        {
            var page = await GetJsonAsync<Page<EntitySummary>>($"/organisations?sort=name&limit=2{(cursor is null ? "" : "&cursor=" + cursor)}");
            names.AddRange(page.Items.Select(i => i.Name));
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.Equal(["apple", "bank of england", "BBC", "Center for Strategic Studies", "CNN", "Zeta"], names);
    }

    [Fact]
    public async Task Similar_articles_are_a_list_like_every_other()
    {
        Files.WithSeeds();
        await Factory.ImportAsync();
        await using var db = Database.CreateContext();
        var id = await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();

        var body = JsonDocument.Parse(await Client.GetStringAsync($"/articles/{id}/similar")).RootElement;

        Assert.Equal(JsonValueKind.Object, body.ValueKind);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("items").ValueKind);
        Assert.True(body.TryGetProperty("next", out _));
    }

    [Fact]
    public async Task The_document_declares_the_key_scheme_and_the_operations_that_need_it()
    {
        var document = JsonDocument.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json")).RootElement;

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));

        var paths = document.GetProperty("paths");
        var start = paths.GetProperty("/imports").GetProperty("post");
        Assert.Equal("imports", start.GetProperty("security")[0].GetProperty("ApiKey")[0].GetString());
        Assert.Equal("corrections", paths.GetProperty("/people/{id}/merge").GetProperty("post").GetProperty("security")[0].GetProperty("ApiKey")[0].GetString());
        Assert.False(paths.GetProperty("/articles").GetProperty("get").TryGetProperty("security", out _));
        Assert.True(paths.GetProperty("/articles").GetProperty("get").GetProperty("responses").TryGetProperty("503", out _));
        Assert.True(paths.GetProperty("/analyze").GetProperty("post").GetProperty("responses").TryGetProperty("429", out _));
    }
}
