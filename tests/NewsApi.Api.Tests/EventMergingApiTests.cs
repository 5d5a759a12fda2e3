using System.Net;
using System.Net.Http.Json;
using NewsApi.Api.Articles;
using NewsApi.Api.Entities;
using NewsApi.Api.Events;
using NewsApi.Api.Infrastructure;
using NewsApi.Api.Quotes;
using NewsApi.Api.Shared;
using NewsApi.Api.Stories;
using NewsApi.Api.Tests.Infrastructure;

namespace NewsApi.Api.Tests;

/// <summary>
/// One record per real-world event across articles, near-duplicates, re-imports and corrections, on hand-written
/// dated articles (not the seeds) through real HTTP and PostgreSQL.
/// </summary>
public sealed class EventMergingApiTests(DatabaseFixture database) : ApiTestBase(database)
{
    private const string Key = "test-corrections-key";

    private const string First = """
        Chancellors meet in Vienna to discuss energy
        Published June 28, 2021

        Austrian Chancellor Karl Nehammer met German Chancellor Olaf Scholz in Vienna on Sunday to discuss rising energy prices and gas storage before the winter.

        “We agreed to work together on gas storage and to share our reserves if the winter is hard,” Nehammer said after the meeting.

        The two leaders also discussed migration along the Balkan route and the future of the European Union's budget rules, officials said.
        """;

    private const string Rewrite = """
        Scholz and Nehammer hold energy talks
        Published June 29, 2021

        Olaf Scholz and Karl Nehammer held talks in Vienna on Sunday, focusing on energy prices as Europe prepares for a difficult winter.

        Scholz told reporters that Germany would help its neighbours fill their gas storage facilities ahead of the cold months.
        """;

    private const string MonthLater = """
        Nehammer and Scholz meet again
        Published July 30, 2021

        Karl Nehammer met Olaf Scholz in Vienna on Thursday, a month after their first meeting, to review progress on gas storage.

        “The storage is almost full,” Scholz said.
        """;

    protected override NewsApiFactory CreateFactory() => new(Database.ConnectionString, Files.Path, new Dictionary<string, string?>
    {
        ["ApiKeys:AdminKey"] = Key,
        ["Analysis:ReprocessEnabled"] = "false",
        // One worker, so that the files are stored in name order and a.txt is the earlier of the two near-duplicates: with
        // parallel preparation the order of one run's files follows which analysis finishes first.
        ["Import:Concurrency"] = "1",
    });

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Files.Write("a.txt", First);
        Files.Write("b.txt", Rewrite);
        Files.Write("c.txt", MonthLater);
        Files.Write("d.txt", First.Replace("The two leaders also discussed migration", "The two leaders then talked about migration", StringComparison.Ordinal));
        await Factory.ImportAsync();
    }

    private async Task<Dictionary<string, ArticleDetail>> ArticlesAsync()
    {
        var result = new Dictionary<string, ArticleDetail>();
        foreach (var summary in (await GetJsonAsync<Page<ArticleSummary>>("/articles?limit=100")).Items)
        {
            result[summary.File] = await GetJsonAsync<ArticleDetail>($"/articles/{summary.Id}");
        }

        return result;
    }

    private async Task<List<EventSummary>> MeetingsAsync() => (await GetJsonAsync<Page<EventSummary>>("/events?type=consult_or_meet&sort=date&limit=100")).Items.ToList();

    [Fact]
    public async Task Reports_of_one_meeting_merge_and_a_later_meeting_stays_apart()
    {
        var articles = await ArticlesAsync();
        var meetings = await MeetingsAsync();

        Assert.Equal(2, meetings.Count);
        var june = await GetJsonAsync<EventDetail>($"/events/{meetings[0].Id}");
        var july = await GetJsonAsync<EventDetail>($"/events/{meetings[1].Id}");
        Assert.Equal(("2021-06-27", "day", false), (june.Date?.Value, june.Date?.Precision, june.Date?.Inferred));
        Assert.Equal("2021-07-29", july.Date?.Value);
        Assert.Equal(new[] { articles["a.txt"].Id, articles["b.txt"].Id, articles["d.txt"].Id }.Order(), june.Articles.Select(a => a.Id).Order());
        Assert.Equal([articles["c.txt"].Id], july.Articles.Select(a => a.Id));
        Assert.Equal("Vienna", june.Place?.Name);
        Assert.Equal(["Karl Nehammer", "Olaf Scholz"], june.Participants.Where(p => p.Role != "other").Select(p => p.Name).Order());
        Assert.Equal(3, june.Evidence.Select(e => e.ArticleId).Distinct().Count());
        Assert.Equal(june.Evidence.Count, june.EvidenceCount);
        Assert.True(june.Confidence > meetings[1].Confidence || june.Confidence >= 0.99);
    }

    [Fact]
    public async Task A_near_duplicate_points_to_its_original_and_shares_its_story()
    {
        var articles = await ArticlesAsync();

        Assert.Equal(articles["a.txt"].Id, articles["d.txt"].DuplicateOf);
        Assert.Null(articles["a.txt"].DuplicateOf);
        Assert.Equal(articles["a.txt"].StoryId, articles["d.txt"].StoryId);
        Assert.NotEqual(articles["a.txt"].StoryId, articles["c.txt"].StoryId);
        var story = await GetJsonAsync<StoryDetail>($"/stories/{articles["a.txt"].StoryId}");
        Assert.Contains(story.Articles, a => a.Id == articles["d.txt"].Id && a.DuplicateOf == articles["a.txt"].Id);
        var similar = (await GetJsonAsync<Page<SimilarArticle>>($"/articles/{articles["a.txt"].Id}/similar")).Items;
        Assert.Equal(("near-duplicate", articles["d.txt"].Id), (similar[0].Relation, similar[0].Id));
        Assert.True(similar[0].Similarity >= 0.7);
    }

    [Fact]
    public async Task The_timeline_orders_an_entitys_events_by_their_dates()
    {
        var scholz = (await GetJsonAsync<Page<EntitySummary>>("/people?q=Olaf%20Scholz")).Items.Single(p => p.Name == "Olaf Scholz");
        var timeline = (await GetJsonAsync<Page<EventSummary>>($"/timeline?entity={scholz.Id}&limit=100")).Items;

        var dated = timeline.Where(e => e.Date is not null).Select(e => e.Date!.From).ToList();
        Assert.Equal(["2021-06-27", "2021-07-29"], timeline.Where(e => e.Type == "consult_or_meet").Select(e => e.Date!.Value));
        Assert.Equal(dated.Order(), dated);
        Assert.Equal(2, (await GetJsonAsync<Page<EventSummary>>($"/timeline?entity={scholz.Id}&type=consult_or_meet&from=2021-06-01&to=2021-08-01")).Items.Count);
    }

    [Fact]
    public async Task Re_importing_a_changed_article_replaces_its_quotes_and_events()
    {
        var before = await ArticlesAsync();
        var julyMeeting = (await MeetingsAsync())[1].Id;
        Files.Write("c.txt", MonthLater.Replace("Nehammer and Scholz meet again", "Nehammer and Scholz speak by phone", StringComparison.Ordinal).Replace("Karl Nehammer met Olaf Scholz in Vienna on Thursday, a month after their first meeting,", "Karl Nehammer phoned Olaf Scholz on Thursday", StringComparison.Ordinal)
            .Replace("“The storage is almost full,” Scholz said.", "“The storage is nearly full,” Scholz said.", StringComparison.Ordinal));
        await Factory.ImportAsync();

        await GetProblemAsync($"/events/{julyMeeting}", 404);
        Assert.Single(await MeetingsAsync());
        var quotes = (await GetJsonAsync<Page<QuoteItem>>($"/quotes?article={before["c.txt"].Id}")).Items;
        Assert.Equal("The storage is nearly full,", Assert.Single(quotes).Text);
        Assert.Equal(3, (await GetJsonAsync<EventDetail>($"/events/{(await MeetingsAsync())[0].Id}")).Articles.Count);
    }

    [Fact]
    public async Task An_article_rewritten_to_other_news_leaves_its_story_and_the_rest_stay_together()
    {
        var before = await ArticlesAsync();
        Assert.Equal(before["a.txt"].StoryId, before["d.txt"].StoryId);

        Files.Write("a.txt", """
            Harbour festival draws record crowds
            Published June 28, 2021

            The harbour festival in Bergen drew a record 40,000 visitors over the weekend, with boat races, food stalls and concerts along the quay.

            Organisers said the fireworks on Saturday night were the most popular event, and that next year's festival will run for four days.
            """);
        await Factory.ImportAsync();

        var after = await ArticlesAsync();
        Assert.NotEqual(after["a.txt"].StoryId, after["d.txt"].StoryId);
        var own = await GetJsonAsync<StoryDetail>($"/stories/{after["a.txt"].StoryId}");
        Assert.Equal([after["a.txt"].Id], own.Articles.Select(a => a.Id));
        Assert.Equal("Harbour festival draws record crowds", own.Title);
        var rest = await GetJsonAsync<StoryDetail>($"/stories/{after["d.txt"].StoryId}");
        Assert.DoesNotContain(rest.Articles, a => a.Id == after["a.txt"].Id);
        Assert.Contains(rest.Articles, a => a.Id == after["d.txt"].Id);
        Assert.Equal("Chancellors meet in Vienna to discuss energy", rest.Title);
    }

    [Fact]
    public async Task An_event_an_updated_article_still_reports_keeps_its_id()
    {
        var before = await MeetingsAsync();
        Files.Write("c.txt", MonthLater.Replace("almost full", "nearly full", StringComparison.Ordinal));
        await Factory.ImportAsync();

        Assert.Equal(before.Select(e => e.Id), (await MeetingsAsync()).Select(e => e.Id));
    }

    [Fact]
    public async Task Merging_two_people_moves_their_quotes_and_event_roles()
    {
        Files.Write("e.txt", """
            Scholtz speaks on gas
            Published June 30, 2021

            “We will not leave our neighbours alone this winter,” German Chancellor Olaf Scholtz said in Berlin on Tuesday.

            Scholtz visited Munich on Monday to open a new gas terminal.
            """);
        await Factory.ImportAsync();
        var people = (await GetJsonAsync<Page<EntitySummary>>("/people?limit=100")).Items;
        var scholz = people.Single(p => p.Name == "Olaf Scholz");
        var misspelt = people.Single(p => p.Name == "Olaf Scholtz");
        Assert.Single((await GetJsonAsync<Page<QuoteItem>>($"/people/{misspelt.Id}/quotes")).Items);
        var visit = Assert.Single((await GetJsonAsync<Page<EventSummary>>($"/people/{misspelt.Id}/events")).Items, e => e.Type == "visit");
        Assert.DoesNotContain((await GetJsonAsync<Page<EventSummary>>($"/people/{scholz.Id}/events?limit=100")).Items, e => e.Id == visit.Id);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/people/{scholz.Id}/merge") { Content = JsonContent.Create(new { otherId = misspelt.Id }) };
        request.Headers.Add("X-Api-Key", Key);
        using var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var quotes = (await GetJsonAsync<Page<QuoteItem>>($"/people/{scholz.Id}/quotes?limit=100")).Items;
        Assert.Contains(quotes, q => q.Text.StartsWith("We will not leave our neighbours", StringComparison.Ordinal) && q.Speaker?.Name == "Olaf Scholz");
        Assert.Equal(quotes.Select(q => q.Id), (await GetJsonAsync<Page<QuoteItem>>($"/people/{misspelt.Id}/quotes?limit=100")).Items.Select(q => q.Id));

        var events = (await GetJsonAsync<Page<EventSummary>>($"/people/{scholz.Id}/events?limit=100")).Items;
        Assert.Contains(events, e => e.Id == visit.Id && e.Participants.Any(p => p.Id == scholz.Id));
        var timeline = (await GetJsonAsync<Page<EventSummary>>($"/timeline?entity={scholz.Id}&limit=100")).Items;
        Assert.Equal(timeline.Select(e => e.Id), (await GetJsonAsync<Page<EventSummary>>($"/timeline?entity={misspelt.Id}&limit=100")).Items.Select(e => e.Id));
        Assert.Contains(timeline, e => e.Id == visit.Id);
    }
}
