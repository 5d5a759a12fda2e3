using NewsApi.Nlp.Normalisation;

namespace NewsApi.Nlp.Tests.Normalisation;

/// <summary>The five seed articles, normalised end to end.</summary>
public class SeedNormalisationTests
{
    private static readonly string[] Furniture =
    [
        "Home Posts", "Leave a Reply", "Leave a reply", "Your email address", "Required fields", "Related Posts",
        "Social Media", "Community.", "Source:", "is a breaking news editor", "(AP) —",
    ];

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void No_page_furniture_or_metadata_is_left_in_the_body(string seed)
    {
        var article = TestData.NormalizeFile(TestData.Seed(seed));

        foreach (var phrase in Furniture)
        {
            Assert.DoesNotContain(phrase, article.Body);
        }

        Assert.DoesNotContain(article.Title, article.Body.Split("\n\n"));
        Assert.All(article.Paragraphs, p => Assert.Equal(p.Trim(), p));
        Assert.All(article.Paragraphs, p => Assert.DoesNotContain("  ", p));
        Assert.Equal("en", article.Language);
    }

    [Fact]
    public void Seed_000_has_its_headline_once_and_an_agency_dateline()
    {
        var article = TestData.NormalizeFile(TestData.Seed("000"));

        Assert.Equal("Blinken Meets With His New Israeli Counterpart As Both Governments Attempt To Reestablish Relations", article.Title);
        Assert.False(article.TitleDerived);
        Assert.Null(article.Subtitle);
        Assert.Equal("Associated Press", article.Source);
        Assert.Equal(new Dateline("Rome", "Associated Press", "ROME (AP)"), article.Dateline);
        Assert.Equal("Secret diplomacy. In-person visits. And a very public no-surprises deal with Iran.", article.Paragraphs[0]);
        Assert.StartsWith("However, the US has yet to explain", article.Paragraphs[^1]);
        Assert.Equal(31, article.Paragraphs.Count);
        Assert.Null(article.PublishedAt);
        Assert.Empty(article.Authors);
        Assert.Contains(article.Removed, r => r.Reason == "breadcrumb");
        Assert.Contains(article.Removed, r => r.Reason == "repeated headline");
    }

    [Fact]
    public void Seed_001_takes_its_source_from_the_source_line_and_its_dateline_from_the_place()
    {
        var article = TestData.NormalizeFile(TestData.Seed("001"));

        Assert.Equal("Blinken Lapid meet in Rome to initiate new phase in US Israel relations", article.Title);
        Assert.Equal("Associated Press", article.Source);
        Assert.Equal("Rome", article.Dateline?.Place);
        Assert.Null(article.Dateline?.Agency);
        Assert.StartsWith("U.S. Secretary of State Antony Blinken and Israeli Foreign Minister Yair Lapid met in Rome", article.Paragraphs[0]);
        Assert.StartsWith("Both governments will try to preserve", article.Paragraphs[^1]);
        Assert.Contains("Biden's “quiet” diplomacy", article.Body);
        Assert.Equal(10, article.Paragraphs.Count);
    }

    [Fact]
    public void Seed_002_has_a_standfirst_an_author_note_and_a_community_footer()
    {
        var article = TestData.NormalizeFile(TestData.Seed("002"));

        Assert.Equal("Report: US attempt at Israeli-Palestinian talks stalls due to coalition crisis", article.Title);
        Assert.Equal("Reported initiative to bring together security officials would have seen discussions focused on security and economic cooperation", article.Subtitle);
        Assert.Equal(["Tobias Siegal"], article.Authors);
        Assert.Equal("The Times of Israel", article.Source);
        Assert.Null(article.Dateline);
        Assert.StartsWith("US President Joe Biden’s administration recently raised", article.Paragraphs[0]);
        Assert.Equal("But even that seems unlikely with Bennett’s government now facing the threat of collapse.", article.Paragraphs[^1]);
        Assert.Equal(14, article.Paragraphs.Count);
    }

    [Theory]
    [InlineData("003", "US Secretary of State Antony Blinken is set to embark on a critical diplomatic mission to Egypt and Israel this week")]
    [InlineData("004", "US Secretary of State Antony Blinken began another round of high-stakes talks in Israel on Wednesday")]
    public void Seeds_without_a_headline_get_a_title_from_their_first_sentence(string seed, string title)
    {
        var article = TestData.NormalizeFile(TestData.Seed(seed));

        Assert.Equal(title, article.Title);
        Assert.True(article.TitleDerived);
        Assert.StartsWith(title, article.Paragraphs[0]);
        Assert.Null(article.Source);
        Assert.Null(article.Subtitle);
        Assert.Empty(article.Authors);
    }

    [Fact]
    public void Seed_004_keeps_its_subheading_and_correction_as_paragraphs()
    {
        var article = TestData.NormalizeFile(TestData.Seed("004"));

        Assert.Contains("Humanitarian crisis", article.Paragraphs);
        Assert.StartsWith("Correction: An earlier version of this story", article.Paragraphs[^1]);
        Assert.Equal(24, article.Paragraphs.Count);
    }

    [Fact]
    public void Word_counts_are_about_what_a_reader_would_count()
    {
        var article = TestData.NormalizeFile(TestData.Seed("003"));
        var naive = article.Body.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;

        Assert.InRange(article.WordCount, naive - 10, naive + 10);
    }
}
