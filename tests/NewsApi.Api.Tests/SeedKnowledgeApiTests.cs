using System.Net;
using System.Text;
using System.Text.Json;
using NewsApi.Api.Articles;
using NewsApi.Api.Entities;
using NewsApi.Api.Events;
using NewsApi.Api.Infrastructure;
using NewsApi.Api.Quotes;
using NewsApi.Api.Shared;
using NewsApi.Api.Stories;
using NewsApi.Api.Tests.Infrastructure;
using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Entities;

namespace NewsApi.Api.Tests;

/// <summary>Quotes, events, stories and the timeline over the seed articles, through real HTTP and PostgreSQL.</summary>
public sealed class SeedKnowledgeApiTests(DatabaseFixture database) : ApiTestBase(database)
{
    protected override NewsApiFactory CreateFactory() => new(Database.ConnectionString, Files.Path, new Dictionary<string, string?>
    {
        ["Analysis:ReprocessEnabled"] = "false",
    });

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Files.WithSeeds();
        await Factory.ImportAsync();
    }

    private async Task<long> ArticleAsync(string prefix) =>
        (await GetJsonAsync<Page<ArticleSummary>>("/articles?limit=100")).Items.Single(a => a.File.StartsWith(prefix, StringComparison.Ordinal)).Id;

    private async Task<long> EntityAsync(string resource, string name) =>
        (await GetJsonAsync<Page<EntitySummary>>($"/{resource}?q={Uri.EscapeDataString(name)}&limit=100")).Items.Single(e => e.Name == name).Id;

    private async Task<List<T>> AllAsync<T>(string url)
    {
        var items = new List<T>();
        string? cursor = null;
        do
        {
            var page = await GetJsonAsync<Page<T>>($"{url}{(url.Contains('?', StringComparison.Ordinal) ? "&" : "?")}limit=3{(cursor is null ? "" : "&cursor=" + cursor)}");
            items.AddRange(page.Items);
            cursor = page.Next;
        }
        while (cursor is not null);
        return items;
    }

    private async Task<List<EventSummary>> EventsAsync(string query = "") => await AllAsync<EventSummary>($"/events{query}");

    [Theory]
    [InlineData("000", "Mistakes were made in the last few years", "Yair Lapid")]
    [InlineData("000", "We believe that direct and professional discussion", "Yair Lapid")]
    [InlineData("000", "Nobody believes it is a good idea", "Ilan Goldenberg")]
    [InlineData("000", "What they’re building now is mutual trust", "Michael Oren")]
    [InlineData("000", "We have the same goal", "Antony Blinken")]
    [InlineData("000", "We will continue to consult with our friends", "Naftali Bennett")]
    [InlineData("004", "We’re determined to get a ceasefire", "Antony Blinken")]
    [InlineData("004", "No more delays", "Antony Blinken")]
    [InlineData("004", "it is “critically important", "Antony Blinken")]
    [InlineData("004", "with or without a deal", "Benjamin Netanyahu")]
    public async Task Seed_quotes_are_attributed_to_their_speakers(string file, string start, string speaker)
    {
        var id = await ArticleAsync(file);
        var quotes = await AllAsync<QuoteItem>($"/quotes?article={id}");

        var quote = Assert.Single(quotes, q => q.Text.StartsWith(start, StringComparison.Ordinal));
        Assert.Equal(speaker, quote.Speaker?.Name);
        Assert.Equal("person", quote.Speaker?.Kind);
    }

    [Fact]
    public async Task Every_quoted_utterance_in_the_two_quote_heavy_seeds_has_a_speaker_from_the_text()
    {
        var expected = new Dictionary<string, string[]>
        {
            ["000"] = ["Yair Lapid", "Antony Blinken", "Ilan Goldenberg", "Michael Oren", "Naftali Bennett"],
            ["004"] = ["Antony Blinken", "Benjamin Netanyahu"],
        };
        foreach (var (file, speakers) in expected)
        {
            var quotes = await AllAsync<QuoteItem>($"/quotes?article={await ArticleAsync(file)}");
            var direct = quotes.Where(q => q.Kind is "direct" or "partial" && q.Cue is not null).ToList();
            Assert.True(direct.Count >= 10, $"{file}: {direct.Count} quotes");
            Assert.All(direct, q => Assert.Contains(q.Speaker?.Name, speakers));
            Assert.Equal(speakers.Order(), direct.Select(q => q.Speaker!.Name).Distinct().Order());
        }
    }

    [Fact]
    public async Task The_Rome_meeting_is_one_event_reported_by_both_articles()
    {
        var rome = await EntityAsync("places", "Rome");
        var meeting = Assert.Single(await EventsAsync($"?type=consult_or_meet&place={rome}"));
        var detail = await GetJsonAsync<EventDetail>($"/events/{meeting.Id}");

        Assert.Equal(("consult_or_meet", "040", "04 Consult"), (detail.Type, detail.Cameo, detail.CameoRoot));
        var files = (await GetJsonAsync<Page<ArticleSummary>>("/articles?limit=100")).Items.Where(a => detail.Articles.Any(x => x.Id == a.Id)).Select(a => a.File[..3]);
        Assert.Equal(["000", "001"], files.Order());
        Assert.Equal("Rome", detail.Place?.Name);
        Assert.Contains(detail.Participants, p => p.Name == "Antony Blinken" && p.Role == "actor1" && p.Kind == "person");
        Assert.Contains(detail.Participants, p => p.Name == "Yair Lapid" && p.Role == "actor2");
        Assert.Contains(detail.Evidence, e => e.Sentence.Contains("met in Rome", StringComparison.Ordinal));
        Assert.Equal(2, detail.Evidence.Select(e => e.ArticleId).Distinct().Count());
        Assert.Contains(detail.Articles, a => a.MatchReason!.Contains("shared participants", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("resign", "Benny Gantz", null, null)]
    [InlineData("consult_or_meet", "Benny Gantz", "Mahmoud Abbas", "Rosh Ha’ayin")]
    [InlineData("negotiate", "Egypt", "Qatar", "Cairo")]
    public async Task Seed_events_have_their_participants_and_places(string type, string first, string? second, string? place)
    {
        var events = await EventsAsync($"?type={type}");

        Assert.Contains(events, e => e.Participants.Any(p => p.Name == first && p.Role != "other")
            && (second is null || e.Participants.Any(p => p.Name == second))
            && (place is null || e.Place?.Name == place));
    }

    [Fact]
    public async Task A_planned_meeting_is_its_own_event_under_the_default_threshold()
    {
        // "The top US diplomat will meet with Egyptian President Abdel Fattah al-Sisi in Cairo": a meeting that has not
        // happened yet is not news that it did, and it is not the meeting Blinken had with Gantz either.
        static bool BlinkenMeetsSisi(EventSummary e) => e.Participants.Any(p => p.Name == "Antony Blinken" && p.Role == "actor1")
            && e.Participants.Any(p => p.Name == "Abdel Fattah al-Sisi") && e.Place?.Name == "Cairo";

        Assert.DoesNotContain(await EventsAsync("?type=consult_or_meet"), BlinkenMeetsSisi);
        var planned = Assert.Single(await EventsAsync("?type=consult_or_meet&minConfidence=0.3"), BlinkenMeetsSisi);
        Assert.True(planned.Confidence < 0.5);
        Assert.DoesNotContain(planned.Participants, p => p.Name == "Benny Gantz");
    }

    [Fact]
    public async Task The_seventh_and_eighth_trips_are_two_visits()
    {
        var blinken = await EntityAsync("people", "Antony Blinken");
        var visits = await EventsAsync($"?type=visit&participant={blinken}");
        var ordinals = new List<int?>();
        foreach (var visit in visits)
        {
            ordinals.Add((await GetJsonAsync<EventDetail>($"/events/{visit.Id}")).Ordinal);
        }

        Assert.Contains(7, ordinals);
        Assert.Contains(8, ordinals);
        Assert.NotEqual(visits.Single(v => v.Title.Contains("trip 7", StringComparison.Ordinal)).Id, visits.Single(v => v.Title.Contains("trip 8", StringComparison.Ordinal)).Id);
    }

    [Fact]
    public async Task Event_filters_and_sorts_do_what_they_say()
    {
        var all = await EventsAsync();
        Assert.True(all.Count > 20);
        Assert.Equal(all.Count, all.Select(e => e.Id).Distinct().Count());

        var blinken = await EntityAsync("people", "Antony Blinken");
        Assert.All(await EventsAsync($"?participant={blinken}"), e => Assert.Contains(e.Participants, p => p.Id == blinken));
        Assert.All(await EventsAsync("?type=visit,resign"), e => Assert.Contains(e.Type, new[] { "visit", "resign" }));

        var article = await ArticleAsync("003");
        var ofArticle = await EventsAsync($"?article={article}");
        Assert.NotEmpty(ofArticle);
        Assert.True(ofArticle.Count < all.Count);

        var byArticles = await EventsAsync("?sort=articles");
        Assert.Equal(byArticles.OrderByDescending(e => e.ArticleCount).ThenByDescending(e => e.Id).Select(e => e.Id), byArticles.Select(e => e.Id));
        Assert.Equal(2, byArticles[0].ArticleCount);

        var earliest = await EventsAsync("?sort=date");
        Assert.Equal(all.Select(e => e.Id).Reverse(), earliest.Select(e => e.Id));
        var dated = earliest.Where(e => e.Date is not null).ToList();
        Assert.NotEmpty(dated);

        Assert.Empty(await EventsAsync("?from=2100-01-01"));
        Assert.Equal(all.Count, (await EventsAsync("?to=2100-01-01")).Count);
        Assert.All(await EventsAsync("?to=2020-12-31"), e => Assert.True(e.Date!.From <= new DateOnly(2020, 12, 31)));

        // Lists serve events at the default confidence; minConfidence lowers or raises the bar.
        Assert.All(all, e => Assert.True(e.Confidence >= 0.5, $"{e.Title}: {e.Confidence}"));
        var everything = await EventsAsync("?minConfidence=0");
        Assert.True(everything.Count > all.Count, $"{everything.Count} events at any confidence, {all.Count} at 0.5");
        Assert.All(await EventsAsync("?minConfidence=0.8"), e => Assert.True(e.Confidence >= 0.8));
    }

    [Theory]
    [InlineData("/events?minConfidence=2", "minConfidence")]
    [InlineData("/events?minConfidence=-0.1", "minConfidence")]
    [InlineData("/events?type=wedding", "type")]
    [InlineData("/events?sort=newest", "sort")]
    [InlineData("/events?from=yesterday", "from")]
    [InlineData("/events?limit=0", "limit")]
    [InlineData("/events?cursor=abc", "cursor")]
    [InlineData("/quotes?kind=sarcastic", "kind")]
    [InlineData("/quotes?to=soon", "to")]
    [InlineData("/stories?sort=random", "sort")]
    [InlineData("/stories?minArticles=0", "minArticles")]
    [InlineData("/timeline", "entity")]
    [InlineData("/events?from=2021-06-02&to=2021-06-01", "from")]
    [InlineData("/quotes?from=2021-06-02&to=2021-06-01", "from")]
    [InlineData("/people?sort=height", "sort")]
    public async Task Bad_parameters_are_400_problems_naming_the_parameter(string url, string parameter)
    {
        var problem = await GetProblemAsync(url, 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Theory]
    [InlineData("/events?sort=newest&limit=0", "sort must be date, -date or articles (got 'newest').")]
    [InlineData("/stories?sort=random&limit=0", "sort must be latest or articles (got 'random').")]
    public async Task Every_bad_parameter_is_reported_at_once(string url, string sortMessage)
    {
        var errors = (await GetProblemAsync(url, 400)).GetProperty("errors");

        Assert.Equal(sortMessage, errors.GetProperty("sort")[0].GetString());
        Assert.True(errors.TryGetProperty("limit", out _), errors.ToString());
    }

    [Theory]
    [InlineData("/events/999999")]
    [InlineData("/quotes/999999")]
    [InlineData("/stories/999999")]
    [InlineData("/articles/999999/similar")]
    [InlineData("/timeline?entity=999999")]
    [InlineData("/people/999999/quotes")]
    [InlineData("/people/999999/events")]
    [InlineData("/organisations/999999/events")]
    [InlineData("/places/999999/events")]
    public async Task Unknown_ids_are_404_problems(string url) => await GetProblemAsync(url, 404);

    [Fact]
    public async Task Entity_events_and_the_timeline_list_an_entitys_events()
    {
        var blinken = await EntityAsync("people", "Antony Blinken");
        var his = await AllAsync<EventSummary>($"/people/{blinken}/events");
        var timeline = await AllAsync<EventSummary>($"/timeline?entity={blinken}");

        Assert.Equal(his.Select(e => e.Id).Order(), timeline.Select(e => e.Id).Order());
        Assert.Equal(his.Select(e => e.Id).Reverse(), timeline.Select(e => e.Id));
        Assert.NotEmpty(await AllAsync<EventSummary>($"/organisations/{await EntityAsync("organisations", "Hamas")}/events"));
        var rome = await EntityAsync("places", "Rome");
        Assert.Contains(await AllAsync<EventSummary>($"/places/{rome}/events"), e => e.Place?.Id == rome);
    }

    [Fact]
    public async Task Quote_filters_search_and_speaker_lists_agree()
    {
        var lapid = await EntityAsync("people", "Yair Lapid");
        var byFilter = await AllAsync<QuoteItem>($"/quotes?speaker={lapid}");
        var bySpeaker = await AllAsync<QuoteItem>($"/people/{lapid}/quotes");

        Assert.True(byFilter.Count >= 4);
        Assert.Equal(byFilter.Select(q => q.Id), bySpeaker.Select(q => q.Id));
        Assert.All(byFilter, q => Assert.Equal(lapid, q.Speaker?.Id));

        var mistakes = await AllAsync<QuoteItem>("/quotes?q=mistakes");
        Assert.NotEmpty(mistakes);
        Assert.All(mistakes, q => Assert.Contains("mistake", q.Text, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(await AllAsync<QuoteItem>("/quotes?from=2100-01-01"));

        var all = await AllAsync<QuoteItem>("/quotes");
        Assert.Equal(all.Count, (await AllAsync<QuoteItem>("/quotes?to=2100-01-01")).Count);
        var kinds = new Dictionary<string, int>();
        foreach (var kind in new[] { "direct", "partial", "indirect" })
        {
            var ofKind = await AllAsync<QuoteItem>($"/quotes?kind={kind}");
            Assert.NotEmpty(ofKind);
            Assert.All(ofKind, q => Assert.Equal(kind, q.Kind));
            kinds[kind] = ofKind.Count;
        }

        Assert.Equal(all.Count, kinds.Values.Sum());

        var lapidMistakes = await AllAsync<QuoteItem>($"/people/{lapid}/quotes?q=mistakes");
        Assert.NotEmpty(lapidMistakes);
        Assert.Subset(bySpeaker.Select(q => q.Id).ToHashSet(), lapidMistakes.Select(q => q.Id).ToHashSet());
        Assert.Empty(await AllAsync<QuoteItem>($"/people/{lapid}/quotes?from=2100-01-01"));
        Assert.Equal(bySpeaker.Select(q => q.Id), (await AllAsync<QuoteItem>($"/people/{lapid}/quotes?to=2100-01-01")).Select(q => q.Id));
        Assert.Equal(all.Count, all.Select(q => q.Id).Distinct().Count());
        var one = await GetJsonAsync<QuoteItem>($"/quotes/{all[0].Id}");
        Assert.Equal(all[0].Text, one.Text);
        Assert.Empty(await AllAsync<QuoteItem>($"/organisations/{await EntityAsync("organisations", "Hamas")}/quotes"));
    }

    [Fact]
    public async Task Quote_offsets_point_at_the_quoted_words()
    {
        var id = await ArticleAsync("000");
        var article = await GetJsonAsync<ArticleDetail>($"/articles/{id}");

        Assert.NotEmpty(article.Quotes);
        foreach (var quote in article.Quotes)
        {
            var field = quote.Offsets.Field == "title" ? article.Title : article.Body;
            Assert.Equal(quote.Text, field[quote.Offsets.Start..quote.Offsets.End]);
            if (quote.SpeakerOffsets is { } speaker)
            {
                Assert.Equal(quote.SpeakerText, field[speaker.Start..speaker.End]);
            }
        }
    }

    [Fact]
    public async Task An_article_lists_its_quotes_events_main_event_and_story()
    {
        var rewrite = await GetJsonAsync<ArticleDetail>($"/articles/{await ArticleAsync("001")}");
        var original = await GetJsonAsync<ArticleDetail>($"/articles/{await ArticleAsync("000")}");

        Assert.NotEmpty(original.Events);
        Assert.Contains(original.Events, e => e.Type == "consult_or_meet" && e.Title.Contains("Rome", StringComparison.Ordinal));
        Assert.Equal(original.Events.Single(e => e.Title.Contains("Rome", StringComparison.Ordinal)).Id, rewrite.Events.Single(e => e.Title.Contains("Rome", StringComparison.Ordinal)).Id);
        var main = Assert.IsType<MainEventItem>(original.MainEvent);
        Assert.Equal(original.Events.Single(e => e.Title.Contains("Rome", StringComparison.Ordinal)).Id, main.EventId);
        Assert.Contains("Blinken", main.Who, StringComparison.Ordinal);
        Assert.Contains(main.WhoEntities, e => e.Name == "Antony Blinken");
        Assert.Equal("Rome", main.WherePlace?.Name);
        Assert.NotNull(main.EventId);
        Assert.NotNull(original.StoryId);
        Assert.Equal(original.StoryId, rewrite.StoryId);
    }

    [Fact]
    public async Task The_two_versions_of_the_AP_story_are_one_story_and_similar()
    {
        var original = await ArticleAsync("000");
        var rewrite = await ArticleAsync("001");
        var stories = await AllAsync<StorySummary>("/stories");

        var story = Assert.Single(stories);
        Assert.Equal(2, story.ArticleCount);
        var detail = await GetJsonAsync<StoryDetail>($"/stories/{story.Id}");
        Assert.Equal(new[] { original, rewrite }.Order(), detail.Articles.Select(a => a.Id).Order());
        Assert.Equal(detail.Articles.OrderBy(a => a.Date).ThenBy(a => a.Id).Select(a => a.Id), detail.Articles.Select(a => a.Id));
        Assert.Equal(5, (await AllAsync<StorySummary>("/stories?minArticles=1")).Sum(s => s.ArticleCount));
        var byArticles = await AllAsync<StorySummary>("/stories?minArticles=1&sort=articles");
        Assert.Equal(4, byArticles.Count);
        Assert.Equal((story.Id, 2), (byArticles[0].Id, byArticles[0].ArticleCount));
        Assert.Equal(byArticles.Select(s => s.ArticleCount).OrderDescending(), byArticles.Select(s => s.ArticleCount));

        var similar = (await GetJsonAsync<Page<SimilarArticle>>($"/articles/{original}/similar")).Items;
        var top = similar[0];
        Assert.Equal((rewrite, "same-story", true), (top.Id, top.Relation, top.SameStory));
        Assert.InRange(top.Similarity, 0.05, 0.5);
        Assert.All(similar.Skip(1), s => Assert.True(s.Similarity <= top.Similarity));
    }

    [Fact]
    public async Task Analyze_includes_dates_quotes_events_and_the_main_event()
    {
        var body = JsonSerializer.Serialize(new { text = "Antony Blinken met Yair Lapid in Rome on Sunday. “We have the same goal,” Blinken said.", published = "2021-06-28" });
        using var response = await Client.PostAsync("/analyze", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = (await ReadAsync<AnalysisReport>(response))!;

        Assert.Contains(report.Dates, d => d.Text == "on Sunday" && d.Value == "2021-06-27" && d.Precision == "day");
        var quote = Assert.Single(report.Quotes);
        Assert.Equal(("direct", "Antony Blinken"), (quote.Kind, quote.Speaker));
        var meeting = Assert.Single(report.Events);
        Assert.Equal(("consult_or_meet", "040", "Rome", "2021-06-27"), (meeting.Type, meeting.Cameo, meeting.Place, meeting.Date));
        Assert.Equal("on Sunday", report.MainEvent?.When);

        using var plain = await Client.PostAsync("/analyze?published=2021-06-28", new StringContent("Antony Blinken met Yair Lapid in Rome on Sunday.", Encoding.UTF8, "text/plain"));
        Assert.Equal("2021-06-27", (await ReadAsync<AnalysisReport>(plain))!.Events.Single().Date);
        using var bad = await Client.PostAsync("/analyze?published=someday", new StringContent("Text.", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
