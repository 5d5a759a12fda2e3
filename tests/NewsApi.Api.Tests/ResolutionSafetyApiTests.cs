using NewsApi.Api.Articles;
using NewsApi.Api.Entities;
using NewsApi.Api.Infrastructure;
using NewsApi.Api.Tests.Infrastructure;

namespace NewsApi.Api.Tests;

/// <summary>
/// Cross-article resolution errs towards two records rather than one wrong merge: a surname alone joins a full
/// name only when the articles share someone, a given name alone joins no one, and organisation variants ("Labour"
/// / "Labour Party", "Tories" / "Conservatives") are one record. Hand-written articles, imported in a fixed order
/// through the real importer, HTTP and PostgreSQL.
/// </summary>
public sealed class ResolutionSafetyApiTests(DatabaseFixture database) : ApiTestBase(database)
{
    private const string Sprinter = """
        Marion Jones faces doping inquiry
        Published March 3, 2004

        The sprinter Marion Jones has been asked to appear before an inquiry by the International Association of Athletics Federations (IAAF).

        Jones, who won five medals at the Sydney Olympics, denies ever taking banned substances.

        The IAAF said the hearing would take place in Monaco next month.
        """;

    private const string Squad = """
        Wales name squad for Six Nations opener
        Published January 20, 2005

        Wales coach Mike Ruddock has named his squad for the opening match against England in Cardiff.

        Jones returns at fly-half after injury, while Shane Williams keeps his place on the wing.

        Ruddock said the squad had trained well in the last fortnight.
        """;

    private const string Cleared = """
        Sprinter cleared by athletics body
        Published June 10, 2004

        Jones has been cleared of any wrongdoing by the IAAF after a three-month inquiry.

        The IAAF said no further action would be taken and the case was closed.
        """;

    private const string Labour = """
        Labour sets out election pledges
        Published April 11, 2005

        The Labour Party has set out its election pledges on schools and hospitals.

        Labour said the plans would be paid for without raising income tax, and the Tories called them a fantasy.

        The Conservatives will publish their own manifesto on Wednesday.
        """;

    private const string Conservatives = """
        Tory manifesto promises tax cuts
        Published April 13, 2005

        The Conservative Party has promised tax cuts worth four billion pounds in its manifesto.

        Labour said the sums did not add up.
        """;

    private const string Wizard = """
        Harry Potter book breaks records
        Published July 18, 2005

        The new Harry Potter book sold more than two million copies in its first day in the UK, its publisher Bloomsbury said.
        """;

    private const string Prince = """
        Prince visits flood town
        Published August 2, 2005

        Harry spoke to residents of the town of Boscastle and thanked the rescue workers, a palace spokesman said.
        """;

    private async Task<IReadOnlyList<EntitySummary>> ListAsync(string resource) =>
        (await GetJsonAsync<Page<EntitySummary>>($"/{resource}?limit=100")).Items;

    private async Task<HashSet<string>> FilesAsync(string resource, long id) =>
        (await GetJsonAsync<Page<ArticleSummary>>($"/{resource}/{id}/articles?limit=100")).Items.Select(a => a.File).ToHashSet();

    /// <summary>Writes the files and imports them one step at a time, so that which article comes first is fixed.</summary>
    private async Task ImportInOrderAsync(params (string File, string Text)[] files)
    {
        foreach (var (file, text) in files)
        {
            Files.Write(file, text);
            await Factory.ImportAsync();
        }
    }

    [Fact]
    public async Task A_surname_alone_joins_the_full_name_only_in_articles_that_share_someone()
    {
        await ImportInOrderAsync(("sprinter.txt", Sprinter), ("squad.txt", Squad), ("cleared.txt", Cleared));

        var people = await ListAsync("people");
        var marion = Assert.Single(people, p => p.Name == "Marion Jones");

        // The inquiry's second report shares the IAAF with the first: its "Jones" is Marion Jones.
        Assert.Equal(["cleared.txt", "sprinter.txt"], (await FilesAsync("people", marion.Id)).Order());

        // The fly-half in a Wales squad list shares no one with her articles and stays a record of his own.
        var fly = Assert.Single(people, p => p.Name == "Jones");
        Assert.Equal(["squad.txt"], await FilesAsync("people", fly.Id));
    }

    [Fact]
    public async Task A_surname_several_people_share_joins_the_one_named_far_more_often_in_the_same_context()
    {
        var files = Enumerable.Range(1, 5).Select(i => ($"pm{i}.txt", $"""
            Tony Blair sets out plan {i}
            Published March {i}, 2005

            Prime Minister Tony Blair has set out the Labour Party's plan number {i} for schools and hospitals in a speech to party members.
            """)).Append(("cherie.txt", """
            Cherie Blair backs campaign
            Published March 8, 2005

            Cherie Blair has backed a Labour Party campaign for women's rights at work.
            """)).Append(("blair.txt", """
            Blair defends plans
            Published March 9, 2005

            Blair defended the plans on Wednesday, and the Labour Party said they would be paid for without new taxes.
            """)).Append(("rival.txt", """
            Howard attacks plans
            Published March 10, 2005

            Michael Howard attacked the plans. Tony Blair and Cherie Blair were in Sedgefield, where Blair spoke to the Labour Party.
            """)).ToArray();
        await ImportInOrderAsync(files);

        var people = await ListAsync("people");
        var tony = Assert.Single(people, p => p.Name == "Tony Blair");
        Assert.Contains("blair.txt", await FilesAsync("people", tony.Id));
        Assert.DoesNotContain(people, p => p.Name == "Blair");
        Assert.DoesNotContain("blair.txt", await FilesAsync("people", Assert.Single(people, p => p.Name == "Cherie Blair").Id));
    }

    [Fact]
    public async Task A_given_name_alone_joins_no_one_across_articles()
    {
        await ImportInOrderAsync(("wizard.txt", Wizard), ("prince.txt", Prince));

        var people = await ListAsync("people");
        var potter = people.Single(p => p.Name == "Harry Potter");
        Assert.DoesNotContain("prince.txt", await FilesAsync("people", potter.Id));
    }

    [Fact]
    public async Task Party_short_forms_and_nicknames_are_one_record_across_articles()
    {
        await ImportInOrderAsync(("labour.txt", Labour), ("tory.txt", Conservatives));

        var organisations = await ListAsync("organisations");
        var labour = Assert.Single(organisations, o => o.Name.StartsWith("Labour", StringComparison.Ordinal));
        Assert.Equal("Labour Party", labour.Name);
        Assert.Equal(["labour.txt", "tory.txt"], (await FilesAsync("organisations", labour.Id)).Order());

        var tories = Assert.Single(organisations, o => o.Name is "Conservative Party" or "Conservatives" or "Tories");
        Assert.Equal("Conservative Party", tories.Name);
        Assert.Equal(["labour.txt", "tory.txt"], (await FilesAsync("organisations", tories.Id)).Order());

        // The aliases say where each came from: seen in the text, or given by the alias file.
        var detail = await GetJsonAsync<EntityDetail>($"/organisations/{tories.Id}");
        Assert.Contains(detail.Aliases, a => a.Alias == "Tories" && a.Source == "text");
        Assert.Contains(detail.Aliases, a => a.Alias == "Tory Party" && a.Source == "rule");
    }
}
