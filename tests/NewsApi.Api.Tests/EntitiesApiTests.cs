using NewsApi.Api.Shared;
using NewsApi.Ingestion.Analysis;
using NewsApi.Ingestion.Imports;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Api.Articles;
using NewsApi.Api.Entities;
using NewsApi.Api.Infrastructure;
using NewsApi.Api.Tests.Infrastructure;
using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Entities;

namespace NewsApi.Api.Tests;

/// <summary>People, organisations and places over the seed articles, through real HTTP and PostgreSQL.</summary>
public sealed class EntitiesApiTests(DatabaseFixture database) : ApiTestBase(database)
{
    private const string Key = "test-corrections-key";

    protected override NewsApiFactory CreateFactory() => new(Database.ConnectionString, Files.Path, new Dictionary<string, string?>
    {
        ["ApiKeys:AdminKey"] = Key,
        ["Analysis:ReprocessEnabled"] = "false",
    });

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Files.WithSeeds();
        await Factory.ImportAsync();
    }

    private async Task<EntitySummary> FindAsync(string resource, string name)
    {
        var page = await GetJsonAsync<Page<EntitySummary>>($"/{resource}?q={Uri.EscapeDataString(name)}&limit=100");
        return Assert.Single(page.Items, e => e.Name == name);
    }

    private async Task<HashSet<string>> ArticleFilesAsync(string resource, long id)
    {
        var page = await GetJsonAsync<Page<ArticleSummary>>($"/{resource}/{id}/articles?limit=100");
        return page.Items.Select(a => a.File[..3]).ToHashSet();
    }

    [Fact]
    public async Task The_seed_facts_hold()
    {
        var blinken = await FindAsync("people", "Antony Blinken");
        Assert.Equal(4, blinken.ArticleCount);
        Assert.Equal(["000", "001", "003", "004"], (await ArticleFilesAsync("people", blinken.Id)).Order());
        Assert.Contains(blinken.Roles!, r => r.Title == "Secretary of State" && r.Affiliation == "United States" && r.Current);

        Assert.Equal(5, (await FindAsync("people", "Joe Biden")).ArticleCount);
        Assert.Equal(["000", "001", "003", "004"], (await ArticleFilesAsync("people", (await FindAsync("people", "Benjamin Netanyahu")).Id)).Order());
        Assert.Equal(["002", "003"], (await ArticleFilesAsync("people", (await FindAsync("people", "Benny Gantz")).Id)).Order());

        var isaac = await FindAsync("people", "Isaac Herzog");
        var michael = await FindAsync("people", "Michael Herzog");
        Assert.NotEqual(isaac.Id, michael.Id);
        Assert.Contains(isaac.Roles!, r => r.Title == "President");
        Assert.Contains(michael.Roles!, r => r.Title == "Ambassador");

        var hamas = await FindAsync("organisations", "Hamas");
        Assert.Equal(4, hamas.ArticleCount);

        var people = await GetJsonAsync<Page<EntitySummary>>("/people?limit=100");
        foreach (var notAPerson in new[] { "Iron Dome", "Rafah", "Hamas", "Hezbollah", "Gaza", "Israel", "Abraham Accords", "Blinken Lapid" })
        {
            Assert.DoesNotContain(people.Items, p => p.Name == notAPerson);
        }
    }

    [Fact]
    public async Task Search_finds_by_prefix_alias_and_misspelling()
    {
        Assert.Contains((await GetJsonAsync<Page<EntitySummary>>("/people?q=Blin")).Items, p => p.Name == "Antony Blinken");
        Assert.Contains((await GetJsonAsync<Page<EntitySummary>>("/people?q=netanyhu")).Items, p => p.Name == "Benjamin Netanyahu");
        Assert.Contains((await GetJsonAsync<Page<EntitySummary>>("/places?q=U.S.")).Items, p => p.Name == "United States");
        Assert.Contains((await GetJsonAsync<Page<EntitySummary>>("/organisations?q=CIA")).Items, p => p.Name == "Central Intelligence Agency");
        Assert.Empty((await GetJsonAsync<Page<EntitySummary>>("/people?q=zzzzzz")).Items);
    }

    [Theory]
    [InlineData("articles")]
    [InlineData("mentions")]
    [InlineData("name")]
    public async Task Lists_page_through_every_record_once_in_order(string sort)
    {
        var all = await GetJsonAsync<Page<EntitySummary>>($"/places?sort={sort}&limit=100");
        var seen = new List<EntitySummary>();
        string? cursor = null;
        do
        {
            var page = await GetJsonAsync<Page<EntitySummary>>($"/places?sort={sort}&limit=3{(cursor is null ? "" : "&cursor=" + cursor)}");
            seen.AddRange(page.Items);
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.Equal(all.Items.Select(p => p.Id), seen.Select(p => p.Id));
        var ordered = sort switch
        {
            "articles" => seen.OrderByDescending(p => p.ArticleCount).ThenByDescending(p => p.Id),
            "mentions" => seen.OrderByDescending(p => p.MentionCount).ThenByDescending(p => p.Id),
            _ => seen.OrderBy(p => p.Name.ToLowerInvariant(), StringComparer.Ordinal).ThenBy(p => p.Id), // the API sorts by lower-case name
        };
        Assert.Equal(ordered.Select(p => p.Id), seen.Select(p => p.Id));
        Assert.True(seen.Count > 20);
    }

    [Fact]
    public async Task A_person_has_aliases_roles_with_evidence_dates_and_connections()
    {
        var blinken = await FindAsync("people", "Antony Blinken");
        var detail = await GetJsonAsync<EntityDetail>($"/people/{blinken.Id}");

        Assert.Equal("person", detail.Kind);
        Assert.Contains(detail.Aliases, a => a.Alias == "Blinken" && a.MentionCount > 20 && a.Source == "text");
        var role = Assert.Single(detail.Roles, r => r.Title == "Secretary of State");
        Assert.Equal("United States", role.Affiliation);
        Assert.NotEmpty(role.Evidence!);
        Assert.All(role.Evidence!, e => Assert.Contains("Secretary of State Antony Blinken", e.Sentence));
        Assert.NotNull(detail.FirstSeen);
        Assert.True(detail.LastSeen >= detail.FirstSeen);
        Assert.Contains(detail.Connections, c => c.Name == "Joe Biden" && c.Kind == "person" && c.Articles == 4);
        Assert.Contains(detail.Connections, c => c.Name == "Israel" && c.Kind == "place");
    }

    [Fact]
    public async Task Mentions_carry_offsets_sentences_and_reasons()
    {
        var lapid = await FindAsync("people", "Yair Lapid");
        var mentions = await GetJsonAsync<Page<EntityMentionItem>>($"/people/{lapid.Id}/mentions?limit=100");

        Assert.Equal(lapid.MentionCount, mentions.Items.Count);
        await using var db = Database.CreateContext();
        foreach (var mention in mentions.Items)
        {
            var article = await db.Articles.SingleAsync(a => a.Id == mention.ArticleId);
            var field = mention.Field == "title" ? article.Title : article.Body;
            Assert.Equal(mention.Text, field[mention.Start..mention.End]);
            Assert.Contains(mention.Text, mention.Sentence.Text);
            Assert.Equal(mention.Sentence.Text, field[mention.Sentence.Start..mention.Sentence.End]);
        }

        Assert.Contains(mentions.Items, m => m.Text == "Lapid" && m.Reason == "surname of Yair Lapid in the same article");
        Assert.Contains(mentions.Items, m => m.Field == "title");

        var first = await GetJsonAsync<Page<EntityMentionItem>>($"/people/{lapid.Id}/mentions?limit=5");
        var second = await GetJsonAsync<Page<EntityMentionItem>>($"/people/{lapid.Id}/mentions?limit=5&cursor={first.Next}");
        Assert.Empty(first.Items.Select(m => m.Id).Intersect(second.Items.Select(m => m.Id)));
    }

    [Fact]
    public async Task Articles_list_their_entities_by_salience_and_filter_by_them()
    {
        await using var db = Database.CreateContext();
        var id = await db.Articles.Where(a => a.File.StartsWith("004")).Select(a => a.Id).SingleAsync();
        var article = await GetJsonAsync<ArticleDetail>($"/articles/{id}");

        Assert.Equal("Antony Blinken", article.People[0].Name);
        Assert.Equal(article.People.OrderByDescending(p => p.Salience).Select(p => p.Id), article.People.Select(p => p.Id));
        Assert.Contains(article.People, p => p.Name == "Isaac Herzog");
        Assert.Contains(article.Organisations, o => o.Name == "Hamas");
        Assert.Contains(article.Places, p => p.Name == "Rafah");
        Assert.StartsWith("newsapi-ner-", article.PipelineVersion);

        var gantz = await FindAsync("people", "Benny Gantz");
        var cairo = await FindAsync("places", "Cairo");
        var withGantz = await GetJsonAsync<Page<ArticleSummary>>($"/articles?person={gantz.Id}");
        Assert.Equal(["002", "003"], withGantz.Items.Select(a => a.File[..3]).Order());
        var both = await GetJsonAsync<Page<ArticleSummary>>($"/articles?person={gantz.Id}&place={cairo.Id}");
        Assert.Equal(["003"], both.Items.Select(a => a.File[..3]));
        var hamas = await FindAsync("organisations", "Hamas");
        Assert.Equal(4, (await GetJsonAsync<Page<ArticleSummary>>($"/articles?organisation={hamas.Id}")).Items.Count);
    }

    [Theory]
    [InlineData("/people?sort=popularity", "sort")]
    [InlineData("/people?limit=0", "limit")]
    [InlineData("/organisations?cursor=bogus", "cursor")]
    [InlineData("/places?limit=x", "limit")]
    [InlineData("/people/abc", "id")]
    [InlineData("/people/1/mentions?limit=500", "limit")]
    [InlineData("/articles?person=0", "person")]
    [InlineData("/articles?place=abc", "place")]
    public async Task Bad_parameters_are_400_problems(string url, string parameter)
    {
        var problem = await GetProblemAsync(url, 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task Unknown_ids_and_ids_of_another_kind_are_404()
    {
        var rome = await FindAsync("places", "Rome");
        await GetProblemAsync("/people/999999", 404);
        await GetProblemAsync($"/people/{rome.Id}", 404);
        await GetProblemAsync($"/organisations/{rome.Id}/articles", 404);
        await GetProblemAsync("/places/999999/mentions", 404);
    }

    [Fact]
    public async Task Analyze_returns_the_analysis_of_plain_text_or_json_without_storing_it()
    {
        const string text = "U.S. Secretary of State Antony Blinken met Israeli Foreign Minister Yair Lapid in Rome. Blinken smiled.";
        await using var before = Database.CreateContext();
        var mentions = await before.EntityMentions.CountAsync();

        using var plain = await Client.PostAsync("/analyze", new StringContent(text, Encoding.UTF8, "text/plain"));
        var report = await ReadAsync<AnalysisReport>(plain);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        var blinken = Assert.Single(report!.Entities, e => e.Name == "Antony Blinken");
        Assert.Equal(2, blinken.Mentions.Count);
        Assert.Equal("Secretary of State", blinken.Roles.Single().Title);
        Assert.Equal("Blinken", text[blinken.Mentions[1].Start..blinken.Mentions[1].End]);

        using var json = await Client.PostAsJsonAsync("/analyze", new { title = "Blinken in Rome", text });
        var titled = await ReadAsync<AnalysisReport>(json);
        Assert.Equal(3, titled!.Entities.Single(e => e.Name == "Antony Blinken").Mentions.Count);

        await using var after = Database.CreateContext();
        Assert.Equal(mentions, await after.EntityMentions.CountAsync());

        using var empty = await Client.PostAsync("/analyze", new StringContent("  ", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        using var xml = await Client.PostAsync("/analyze", new StringContent("<a/>", Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, xml.StatusCode);
        using var broken = await Client.PostAsync("/analyze", new StringContent("{\"text\":", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        using var huge = await Client.PostAsync("/analyze", new StringContent(new string('a', AnalyzeApi.MaxLength + 1), Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("at most 200,000 characters", await huge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, object? body, string? key = Key)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return await Client.SendAsync(request);
    }

    [Fact]
    public async Task Corrections_need_the_api_key()
    {
        var lapid = await FindAsync("people", "Yair Lapid");

        using var missing = await SendAsync(HttpMethod.Post, $"/people/{lapid.Id}/aliases", new { alias = "Lapid Y." }, key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        using var wrong = await SendAsync(HttpMethod.Post, $"/people/{lapid.Id}/aliases", new { alias = "Lapid Y." }, key: "nope");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("does not hold a key", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var delete = await SendAsync(HttpMethod.Delete, $"/people/{lapid.Id}/aliases/Lapid", null, key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, delete.StatusCode);
    }

    /// <summary>Touches every seed file so the next import updates each article and resolves it again.</summary>
    private async Task ReimportAsync()
    {
        foreach (var file in Directory.GetFiles(Files.Path))
        {
            await File.AppendAllTextAsync(file, "\n\nThis closing paragraph was added by the test so that every article is imported once again and resolved anew.\n");
        }

        var run = await Factory.ImportAsync();
        Assert.Equal(5, run.Updated);
    }

    [Fact]
    public async Task A_merge_moves_everything_redirects_and_survives_a_reimport()
    {
        var lapid = await FindAsync("people", "Yair Lapid");
        var bennett = await FindAsync("people", "Naftali Bennett");

        using var response = await SendAsync(HttpMethod.Post, $"/people/{lapid.Id}/merge", new { otherId = bennett.Id });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var merged = await ReadAsync<EntityDetail>(response);
        Assert.Equal(lapid.MentionCount + bennett.MentionCount, merged!.MentionCount);
        Assert.Contains(merged.Aliases, a => a.Alias == "Naftali Bennett");

        var noRedirects = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var redirect = await noRedirects.GetAsync($"/people/{bennett.Id}");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal($"/people/{lapid.Id}", redirect.Headers.Location?.OriginalString);

        await ReimportAsync();
        var after = await GetJsonAsync<EntityDetail>($"/people/{lapid.Id}");
        Assert.Contains(after.Aliases, a => a.Alias == "Bennett" && a.MentionCount > 0);
        Assert.Equal(merged.ArticleCount, after.ArticleCount);
        Assert.DoesNotContain((await GetJsonAsync<Page<EntitySummary>>("/people?limit=100")).Items, p => p.Name == "Naftali Bennett");

        using var again = await SendAsync(HttpMethod.Post, $"/people/{lapid.Id}/merge", new { otherId = bennett.Id });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var self = await SendAsync(HttpMethod.Post, $"/people/{lapid.Id}/merge", new { otherId = lapid.Id });
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        var rome = await FindAsync("places", "Rome");
        using var wrongKind = await SendAsync(HttpMethod.Post, $"/people/{lapid.Id}/merge", new { otherId = rome.Id });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongKind.StatusCode);
        using var missing = await SendAsync(HttpMethod.Post, $"/people/{lapid.Id}/merge", new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task Added_and_removed_aliases_survive_a_reimport()
    {
        var blinken = await FindAsync("people", "Antony Blinken");

        using var added = await SendAsync(HttpMethod.Post, $"/people/{blinken.Id}/aliases", new { alias = "Tony Blinken" });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        using var removed = await SendAsync(HttpMethod.Delete, $"/people/{blinken.Id}/aliases/Blinken", null);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);

        await ReimportAsync();

        var detail = await GetJsonAsync<EntityDetail>($"/people/{blinken.Id}");
        Assert.Contains(detail.Aliases, a => a.Alias == "Tony Blinken" && a.Source == "manual");
        Assert.DoesNotContain(detail.Aliases, a => a.Alias == "Blinken");
        Assert.Contains((await GetJsonAsync<Page<EntitySummary>>("/people?q=tony%20blinken")).Items, p => p.Id == blinken.Id);

        using var unknown = await SendAsync(HttpMethod.Delete, $"/people/{blinken.Id}/aliases/Nobody", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var name = await SendAsync(HttpMethod.Delete, $"/people/{blinken.Id}/aliases/Antony%20Blinken", null);
        Assert.Equal(HttpStatusCode.Conflict, name.StatusCode);
        using var empty = await SendAsync(HttpMethod.Post, $"/people/{blinken.Id}/aliases", new { alias = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task A_split_moves_an_alias_and_its_mentions_and_survives_a_reimport()
    {
        var us = await FindAsync("places", "United States");
        var before = await GetJsonAsync<EntityDetail>($"/places/{us.Id}");
        var america = before.Aliases.Single(a => a.Alias == "America");

        using var response = await SendAsync(HttpMethod.Post, $"/places/{us.Id}/split", new { alias = "America" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var split = await ReadAsync<EntityDetail>(response);
        Assert.Equal($"/places/{split!.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("America", split.Name);
        Assert.Equal(america.MentionCount, split.MentionCount);

        var remaining = await GetJsonAsync<EntityDetail>($"/places/{us.Id}");
        Assert.Equal(before.MentionCount - america.MentionCount, remaining.MentionCount);
        Assert.DoesNotContain(remaining.Aliases, a => a.Alias == "America");

        await ReimportAsync();

        Assert.Equal(america.MentionCount, (await GetJsonAsync<EntityDetail>($"/places/{split.Id}")).MentionCount);
        var afterUs = await GetJsonAsync<EntityDetail>($"/places/{us.Id}");
        Assert.DoesNotContain(afterUs.Aliases, a => a.Alias == "America");
        var mentions = await GetJsonAsync<Page<EntityMentionItem>>($"/places/{split.Id}/mentions?limit=100");
        Assert.All(mentions.Items, m => Assert.Equal("America", m.Text));

        await using var db = Database.CreateContext();
        var corrections = await db.EntityCorrections.ToListAsync();
        var correction = Assert.Single(corrections);
        Assert.Equal((NewsApi.Data.Entities.CorrectionKind.Split, us.Id, split.Id, "America"), (correction.Kind, correction.EntityId, correction.OtherEntityId, correction.Alias));

        using var name = await SendAsync(HttpMethod.Post, $"/places/{us.Id}/split", new { alias = "United States" });
        Assert.Equal(HttpStatusCode.Conflict, name.StatusCode);
        using var unknown = await SendAsync(HttpMethod.Post, $"/places/{us.Id}/split", new { alias = "Atlantis" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Articles_from_an_older_pipeline_are_reanalysed_in_the_background_path()
    {
        await using (var db = Database.CreateContext())
        {
            await db.Articles.ExecuteUpdateAsync(s => s.SetProperty(a => a.PipelineVersion, "old-model+old-rules"));
        }

        var blinken = await FindAsync("people", "Antony Blinken");
        var worker = Factory.Services.GetRequiredService<ReprocessWorker>();

        Assert.Equal(5, await worker.ReprocessBatchAsync(CancellationToken.None));
        Assert.Equal(0, await worker.ReprocessBatchAsync(CancellationToken.None));

        var analyzer = Factory.Services.GetRequiredService<ArticleAnalyzer>();
        await using var check = Database.CreateContext();
        Assert.All(await check.Articles.Select(a => a.PipelineVersion).ToListAsync(), v => Assert.Equal(analyzer.PipelineVersion, v));
        var after = await FindAsync("people", "Antony Blinken");
        Assert.Equal((blinken.Id, blinken.ArticleCount, blinken.MentionCount), (after.Id, after.ArticleCount, after.MentionCount));
    }

    [Fact]
    public async Task The_etag_changes_when_an_entity_in_the_article_is_corrected()
    {
        await using var db = Database.CreateContext();
        var id = await db.Articles.Where(a => a.File.StartsWith("002")).Select(a => a.Id).SingleAsync();
        using var first = await Client.GetAsync($"/articles/{id}");
        var etag = first.Headers.ETag!;

        var gantz = await FindAsync("people", "Benny Gantz");
        using var added = await SendAsync(HttpMethod.Post, $"/people/{gantz.Id}/aliases", new { alias = "B. Gantz" });
        var abbas = await FindAsync("people", "Mahmoud Abbas");
        using var merged = await SendAsync(HttpMethod.Post, $"/people/{gantz.Id}/merge", new { otherId = abbas.Id });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/articles/{id}");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var body = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement;
        Assert.DoesNotContain(body.GetProperty("people").EnumerateArray(), p => p.GetProperty("name").GetString() == "Mahmoud Abbas");
    }
}
