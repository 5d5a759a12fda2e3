using NewsApi.Api.Articles;
using NewsApi.Api.Infrastructure;
using NewsApi.Api.Shared;
using NewsApi.Api.Tests.Infrastructure;

namespace NewsApi.Api.Tests;

/// <summary>
/// A quotation split around its attribution is served as its parts, the later ones marked <c>continues</c>; a
/// quotation running over paragraphs is one quote per paragraph. A hand-written article through the real importer,
/// HTTP and PostgreSQL.
/// </summary>
public sealed class QuotePartsApiTests(DatabaseFixture database) : ApiTestBase(database)
{
    private const string Talks = """
        Envoys meet on harbour deal
        Published March 3, 2025

        “We have the same goal,” the harbour minister Peter Holt said. “But we sometimes disagree on the tolls.”

        “The talks will go on next week in the capital,” Holt added.
        """;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Files.Write("talks.txt", Talks);
        await Factory.ImportAsync();
    }

    [Fact]
    public async Task The_later_part_of_a_split_quotation_continues_the_quote_before_it()
    {
        var summary = Assert.Single((await GetJsonAsync<Page<ArticleSummary>>("/articles?limit=100")).Items, a => a.File == "talks.txt");
        var article = await GetJsonAsync<ArticleDetail>($"/articles/{summary.Id}");

        var quotes = article.Quotes.OrderBy(q => q.Offsets.Start).ToList();
        Assert.Equal(["We have the same goal,", "But we sometimes disagree on the tolls.", "The talks will go on next week in the capital,"], quotes.Select(q => q.Text));
        Assert.Equal([false, true, false], quotes.Select(q => q.Continues));
        Assert.All(quotes, q => Assert.Equal("Peter Holt", q.Speaker?.Name));

        var one = await GetJsonAsync<QuoteItem>($"/quotes/{quotes[1].Id}");
        Assert.True(one.Continues);
    }
}
