using NewsApi.Api.Articles;
using NewsApi.Api.Entities;
using NewsApi.Api.Infrastructure;
using NewsApi.Api.Tests.Infrastructure;

namespace NewsApi.Api.Tests;

/// <summary>
/// Other names (works, competitions, awards) are stored and served on the article, searchable with
/// <c>?name=</c>, and no longer land among organisations and places. Hand-written articles through the real
/// importer, HTTP and PostgreSQL.
/// </summary>
public sealed class ArticleNamesApiTests(DatabaseFixture database) : ApiTestBase(database)
{
    private const string Rugby = """
        Wales name squad for Six Nations opener
        Published January 20, 2005

        Wales coach Mike Ruddock has named his squad for the opening Six Nations match against England in Cardiff.

        Ruddock said the squad had trained well in the last fortnight.
        """;

    private const string Film = """
        Eastwood film leads Oscar race
        Published January 25, 2005

        Clint Eastwood's boxing drama "Million Dollar Baby" has received seven nominations for the Academy Awards, the organisers said on Tuesday.

        "Million Dollar Baby" tells the story of a waitress who becomes a boxer.
        """;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Files.Write("rugby.txt", Rugby);
        Files.Write("film.txt", Film);
        await Factory.ImportAsync();
    }

    private async Task<ArticleDetail> DetailAsync(string file)
    {
        var summary = (await GetJsonAsync<Page<ArticleSummary>>("/articles?limit=100")).Items.Single(a => a.File == file);
        return await GetJsonAsync<ArticleDetail>($"/articles/{summary.Id}");
    }

    [Fact]
    public async Task An_article_serves_its_other_names_with_counts_and_offsets()
    {
        var film = await DetailAsync("film.txt");

        var title = Assert.Single(film.Names, n => n.Name == "Million Dollar Baby");
        Assert.Equal(2, title.MentionCount);
        Assert.Equal("body", title.Offsets.Field);
        Assert.Equal("Million Dollar Baby", film.Body[title.Offsets.Start..title.Offsets.End]);
        Assert.DoesNotContain(film.Organisations, o => o.Name.Contains("Million Dollar", StringComparison.Ordinal));
        Assert.DoesNotContain(film.People, p => p.Name.Contains("Million Dollar", StringComparison.Ordinal));

        var rugby = await DetailAsync("rugby.txt");
        var tournament = Assert.Single(rugby.Names, n => n.Name == "Six Nations");
        Assert.Equal("title", tournament.Offsets.Field);
        Assert.Equal("Six Nations", rugby.Title[tournament.Offsets.Start..tournament.Offsets.End]);
        Assert.DoesNotContain(rugby.Organisations, o => o.Name == "Six Nations");
    }

    [Theory]
    [InlineData("Six Nations", "rugby.txt")]
    [InlineData("six nations", "rugby.txt")]
    [InlineData("Million Dollar Baby", "film.txt")]
    public async Task Articles_filter_by_an_other_name_ignoring_case(string name, string file)
    {
        var page = await GetJsonAsync<Page<ArticleSummary>>($"/articles?name={Uri.EscapeDataString(name)}");
        Assert.Equal([file], page.Items.Select(a => a.File));
    }

    [Fact]
    public async Task An_unknown_name_matches_nothing_and_a_name_without_letters_is_a_bad_request()
    {
        Assert.Empty((await GetJsonAsync<Page<ArticleSummary>>("/articles?name=Eurovision")).Items);
        var problem = await GetProblemAsync("/articles?name=%21%21", 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }
}
