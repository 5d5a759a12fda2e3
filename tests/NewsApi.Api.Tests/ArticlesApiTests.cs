using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Api.Articles;
using NewsApi.Api.Infrastructure;
using NewsApi.Api.Tests.Infrastructure;

namespace NewsApi.Api.Tests;

public sealed class ArticlesApiTests(DatabaseFixture database) : ApiTestBase(database)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Files.WithSeeds();
        await Factory.ImportAsync();
    }

    [Fact]
    public async Task Paging_with_limit_2_visits_every_article_exactly_once()
    {
        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await GetJsonAsync<Page<ArticleSummary>>($"/articles?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(page.Items.Select(i => i.Id));
            cursor = page.Next;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(5, seen.Count);
        Assert.Equal(5, seen.Distinct().Count());
    }

    [Fact]
    public async Task Paging_neither_skips_nor_repeats_when_articles_arrive_between_pages()
    {
        var first = await GetJsonAsync<Page<ArticleSummary>>("/articles?limit=2&sort=oldest");
        Files.Write("late-1.txt", "A late story\n\nThis story arrived while a client was paging through the list of articles.\n");
        Files.Write("late-2.txt", "Another late story\n\nThis one too arrived while the client was still paging through.\n");
        await Factory.ImportAsync();

        var seen = first.Items.Select(i => i.Id).ToList();
        var cursor = first.Next;
        while (cursor is not null)
        {
            var page = await GetJsonAsync<Page<ArticleSummary>>($"/articles?limit=2&sort=oldest&cursor={cursor}");
            seen.AddRange(page.Items.Select(i => i.Id));
            cursor = page.Next;
        }

        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal(7, seen.Count);
        await using var db = Database.CreateContext();
        var dates = await db.Articles.ToDictionaryAsync(a => a.Id, a => a.SortDate);
        Assert.Equal(seen.OrderBy(id => dates[id]).ThenBy(id => id), seen);
    }

    [Fact]
    public async Task Newest_and_oldest_are_opposite_orders()
    {
        var newest = await GetJsonAsync<Page<ArticleSummary>>("/articles?limit=100");
        var oldest = await GetJsonAsync<Page<ArticleSummary>>("/articles?limit=100&sort=oldest");

        Assert.Equal(5, newest.Items.Count);
        Assert.Equal(newest.Items.Select(i => i.Id).Reverse(), oldest.Items.Select(i => i.Id));
        Assert.Null(newest.Next);
    }

    [Fact]
    public async Task Full_text_search_finds_matching_articles_and_ranks_them()
    {
        var gantz = await GetJsonAsync<Page<ArticleSummary>>("/articles?q=Gantz");
        Assert.Equal(["002_5fed5ddd68b665e3.txt", "003_7703b048443ede42.txt"], gantz.Items.Select(i => i.File).Order());

        var phrase = await GetJsonAsync<Page<ArticleSummary>>("/articles?q=%22Iron%20Dome%22");
        Assert.Equal(["000_e37a18c862025018.txt", "001_4b083657f77f1721.txt"], phrase.Items.Select(i => i.File).Order());

        var excluded = await GetJsonAsync<Page<ArticleSummary>>("/articles?q=Blinken%20-Lapid");
        Assert.Equal(["003_7703b048443ede42.txt", "004_b034e67b18444db0.txt"], excluded.Items.Select(i => i.File).Order());

        // Only 000 and 001 name Lapid; 001 has him in its headline, and title words weigh most.
        var ranked = await GetJsonAsync<Page<ArticleSummary>>("/articles?q=Lapid&sort=relevance&limit=1");
        Assert.Equal("001_4b083657f77f1721.txt", Assert.Single(ranked.Items).File);
        var rest = await GetJsonAsync<Page<ArticleSummary>>($"/articles?q=Lapid&sort=relevance&limit=1&cursor={ranked.Next}");
        Assert.Equal("000_e37a18c862025018.txt", Assert.Single(rest.Items).File);
        Assert.Null(rest.Next);

        var none = await GetJsonAsync<Page<ArticleSummary>>("/articles?q=zeppelin");
        Assert.Empty(none.Items);
    }

    [Fact]
    public async Task A_rare_term_pages_by_date_from_its_matches_with_every_filter_and_the_cursor()
    {
        // 90 articles on other things and 4 naming the term, two of them from one source: the term is in under 5%
        // of the table, so the matches are looked up in the full-text index and the page is cut from their dates.
        for (var i = 0; i < 90; i++)
        {
            Files.Write($"filler-{i:00}.txt", $"Road works {i}\nPublished: March {1 + i % 28}, 20{10 + i % 12}\n\n" +
                $"Crews closed lane {i} of the ring road for {i + 3} nights to resurface bridge number {i * 7 + 11}.\n");
        }

        string[] days = ["May 4, 2015", "June 9, 2021", "June 9, 2021", "January 2, 2018"];
        for (var i = 0; i < days.Length; i++)
        {
            Files.Write($"airship-{i}.txt", $"Airship sighting {i}\nPublished: {days[i]}\n{(i % 2 == 0 ? "Source: Harbour Gazette\n" : "")}\n" +
                $"A zeppelin crossed valley {i} on its way north, watched by {i + 40} walkers on the ridge.\n");
        }

        await Factory.ImportAsync();
        await using var db = Database.CreateContext();
        await db.Database.ExecuteSqlRawAsync("ANALYZE articles");
        var plan = await db.Database.SqlQueryRaw<string>(
            "EXPLAIN (FORMAT JSON) SELECT 1 FROM articles WHERE search_vector @@ websearch_to_tsquery('english', 'zeppelin')").ToListAsync();
        var estimate = JsonDocument.Parse(string.Concat(plan)).RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
        Assert.InRange(estimate, 1, 0.05 * 99);

        var expected = await db.Articles.Where(a => a.File.StartsWith("airship-")).OrderByDescending(a => a.SortDate).ThenByDescending(a => a.Id)
            .Select(a => a.Id).ToListAsync();
        foreach (var (query, order) in new[] { ("q=zeppelin", expected), ("q=zeppelin&sort=oldest", Enumerable.Reverse(expected).ToList()) })
        {
            var seen = new List<long>();
            string? cursor = null;
            do
            {
                var page = await GetJsonAsync<Page<ArticleSummary>>($"/articles?{query}&limit=1{(cursor is null ? "" : $"&cursor={cursor}")}");
                seen.AddRange(page.Items.Select(i => i.Id));
                cursor = page.Next;
            }
            while (cursor is not null);

            Assert.Equal(order, seen);
        }

        var gazette = await GetJsonAsync<Page<ArticleSummary>>("/articles?q=zeppelin&source=Harbour%20Gazette&limit=1");
        var rest = await GetJsonAsync<Page<ArticleSummary>>($"/articles?q=zeppelin&source=Harbour%20Gazette&limit=1&cursor={gazette.Next}");
        Assert.Equal(["airship-0.txt", "airship-2.txt"], gazette.Items.Concat(rest.Items).Select(i => i.File).Order());
        Assert.Null(rest.Next);

        var dated = await GetJsonAsync<Page<ArticleSummary>>("/articles?q=zeppelin&from=2021-06-09&to=2021-06-09");
        Assert.Equal(["airship-1.txt", "airship-2.txt"], dated.Items.Select(i => i.File).Order());
    }

    [Fact]
    public async Task Source_filter_accepts_an_id_or_a_name()
    {
        var byName = await GetJsonAsync<Page<ArticleSummary>>("/articles?source=associated%20press");
        Assert.Equal(["000_e37a18c862025018.txt", "001_4b083657f77f1721.txt"], byName.Items.Select(i => i.File).Order());

        var sourceId = byName.Items[0].Source!.Id;
        var byId = await GetJsonAsync<Page<ArticleSummary>>($"/articles?source={sourceId}");
        Assert.Equal(byName.Items.Select(i => i.Id).Order(), byId.Items.Select(i => i.Id).Order());

        var unknown = await GetJsonAsync<Page<ArticleSummary>>("/articles?source=Nobody%20News");
        Assert.Empty(unknown.Items);
    }

    [Fact]
    public async Task Date_filters_use_the_publication_date_or_else_the_import_time()
    {
        Files.Write("dated.txt", "Harbour reopens\nPublished: March 3, 2019\n\nThe harbour reopened on Monday after three months of repairs.\n");
        await Factory.ImportAsync();

        var in2019 = await GetJsonAsync<Page<ArticleSummary>>("/articles?from=2019-03-03&to=2019-03-03");
        var dated = Assert.Single(in2019.Items);
        Assert.Equal(new DateOnly(2019, 3, 3), dated.PublishedAt);

        var before = await GetJsonAsync<Page<ArticleSummary>>("/articles?to=2019-03-02");
        Assert.Empty(before.Items);

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var importedToday = await GetJsonAsync<Page<ArticleSummary>>($"/articles?from={today}");
        Assert.Equal(5, importedToday.Items.Count);

        var instant = await GetJsonAsync<Page<ArticleSummary>>("/articles?from=2019-03-02T23:00:00Z&to=2019-03-03T01:00:00%2B00:00");
        Assert.Single(instant.Items);
    }

    [Fact]
    public async Task Dates_stored_at_analysis_are_the_dates_the_page_finds_on_its_own()
    {
        await using var db = Database.CreateContext();
        Assert.Equal(0, await db.Articles.CountAsync(a => a.Dates == null));
        var stored = new Dictionary<long, string>();
        foreach (var id in await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync())
        {
            stored[id] = JsonSerializer.Serialize((await GetJsonAsync<ArticleDetail>($"/articles/{id}")).Dates);
        }

        Assert.Contains(stored.Values, dates => dates.Contains("\"Precision\":\"day\"", StringComparison.Ordinal));

        // An article analysed before dates were stored: the page finds them itself, the same ones.
        var columns = await db.Articles.ToDictionaryAsync(a => a.Id, a => a.Dates);
        await db.Articles.ExecuteUpdateAsync(a => a.SetProperty(x => x.Dates, (string?)null));
        foreach (var (id, dates) in stored)
        {
            Assert.Equal(dates, JsonSerializer.Serialize((await GetJsonAsync<ArticleDetail>($"/articles/{id}")).Dates));
        }

        // The background worker stores them again, the same (its own loop may get there first).
        var worker = Factory.Services.GetRequiredService<NewsApi.Ingestion.Analysis.ReprocessWorker>();
        Assert.InRange(await worker.FillDatesBatchAsync(CancellationToken.None), 0, columns.Count);
        Assert.Equal(0, await worker.FillDatesBatchAsync(CancellationToken.None));
        await using var after = Database.CreateContext();
        Assert.Equal(columns, await after.Articles.ToDictionaryAsync(a => a.Id, a => a.Dates));
    }

    [Fact]
    public async Task An_article_has_every_documented_field()
    {
        var id = await IdOf("002_5fed5ddd68b665e3.txt");
        var article = await GetJsonAsync<ArticleDetail>($"/articles/{id}");

        Assert.Equal("Report: US attempt at Israeli-Palestinian talks stalls due to coalition crisis", article.Title);
        Assert.False(article.TitleDerived);
        Assert.StartsWith("Reported initiative to bring together security officials", article.Subtitle);
        Assert.Equal(["Tobias Siegal"], article.Authors);
        Assert.Equal("The Times of Israel", article.Source!.Name);
        Assert.Equal("en", article.Language);
        Assert.Equal(string.Join("\n\n", article.Paragraphs), article.Body);
        Assert.StartsWith("US President Joe Biden’s administration", article.Paragraphs[0]);
        Assert.DoesNotContain("Community.", article.Body);
        Assert.InRange(article.WordCount, 380, 440);
        Assert.Equal("utf-8", article.Encoding);

        using var raw = await Client.GetAsync("/articles/" + id);
        var json = JsonDocument.Parse(await raw.Content.ReadAsStringAsync()).RootElement;
        foreach (var field in new[] { "id", "title", "titleDerived", "subtitle", "authors", "source", "dateline", "publishedAt", "language", "wordCount", "paragraphs", "body", "file", "importedAt" })
        {
            Assert.True(json.TryGetProperty(field, out _), $"missing field {field}");
        }
    }

    [Fact]
    public async Task ETag_revalidation_answers_304_until_the_article_changes()
    {
        var id = await IdOf("003_7703b048443ede42.txt");
        using var first = await Client.GetAsync($"/articles/{id}");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/articles/{id}");
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        var path = Path.Combine(Files.Path, "003_7703b048443ede42.txt");
        await File.AppendAllTextAsync(path, "\nA late paragraph was added to this story after it was first published.\n");
        await Factory.ImportAsync();

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/articles/{id}");
        again.Headers.IfNoneMatch.Add(etag);
        using var changed = await Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Fact]
    public async Task Raw_text_is_the_file_as_it_was()
    {
        var id = await IdOf("000_e37a18c862025018.txt");
        using var response = await Client.GetAsync($"/articles/{id}/raw");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var expected = await File.ReadAllTextAsync(Path.Combine(Files.Path, "000_e37a18c862025018.txt"));
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/articles?limit=0", "limit")]
    [InlineData("/articles?limit=1000", "limit")]
    [InlineData("/articles?limit=abc", "limit")]
    [InlineData("/articles?cursor=not-a-cursor", "cursor")]
    [InlineData("/articles?from=2024-05-01&to=2024-01-01", "from")]
    [InlineData("/articles?from=yesterday", "from")]
    [InlineData("/articles?to=2024-13-45", "to")]
    [InlineData("/articles?sort=popular", "sort")]
    [InlineData("/articles?sort=relevance", "sort")]
    [InlineData("/articles/abc", "id")]
    [InlineData("/articles/abc/raw", "id")]
    [InlineData("/sources?limit=101", "limit")]
    [InlineData("/imports?limit=-1", "limit")]
    public async Task Invalid_parameters_are_400_problems_naming_the_parameter(string url, string parameter)
    {
        var problem = await GetProblemAsync(url, 400);

        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
        Assert.Contains(parameter, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_cursor_from_another_query_is_refused()
    {
        var page = await GetJsonAsync<Page<ArticleSummary>>("/articles?limit=1&sort=oldest");

        var problem = await GetProblemAsync($"/articles?limit=1&sort=newest&cursor={page.Next}", 400);

        Assert.Contains("other filters or sort", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/articles/999999")]
    [InlineData("/articles/999999/raw")]
    [InlineData("/sources/999999")]
    [InlineData("/imports/999999")]
    [InlineData("/no-such-endpoint")]
    public async Task Unknown_ids_and_paths_are_404_problems(string url)
    {
        var problem = await GetProblemAsync(url, 404);

        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.False(problem.TryGetProperty("exception", out _));
    }

    private async Task<long> IdOf(string file)
    {
        await using var db = Database.CreateContext();
        return await db.Articles.Where(a => a.File == file).Select(a => a.Id).SingleAsync();
    }
}
