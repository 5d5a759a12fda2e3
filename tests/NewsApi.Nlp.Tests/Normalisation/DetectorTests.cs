using NewsApi.Nlp.Normalisation;

namespace NewsApi.Nlp.Tests.Normalisation;

public class BylineDetectorTests
{
    [Theory]
    [InlineData("By Jane Doe", new[] { "Jane Doe" }, null)]
    [InlineData("By JANE DOE and JOHN ROE", new[] { "Jane Doe", "John Roe" }, null)]
    [InlineData("By Jane Doe, John Roe & Sam Poe", new[] { "Jane Doe", "John Roe", "Sam Poe" }, null)]
    [InlineData("By Jane Doe, Reuters", new[] { "Jane Doe" }, "Reuters")]
    [InlineData("By Jane Doe | CNN", new[] { "Jane Doe" }, "CNN")]
    [InlineData("Written by Maria de la Cruz", new[] { "Maria de la Cruz" }, null)]
    public void Bylines_name_authors_and_sometimes_the_publisher(string line, string[] authors, string? publisher)
    {
        Assert.True(BylineDetector.TryParse(line, out var byline));
        Assert.Equal(authors, byline.Authors);
        Assert.Equal(publisher, byline.Publisher);
    }

    [Theory]
    [InlineData("Tobias (Toby) Siegal is a breaking news editor and contributor to The Times of Israel.", "Tobias Siegal", "The Times of Israel")]
    [InlineData("Jane Doe is a senior correspondent for The Example Herald.", "Jane Doe", "The Example Herald")]
    [InlineData("Owain Bennallack is the editor of Develop magazine.", "Owain Bennallack", "Develop")]
    public void Author_notes_name_the_author_and_their_publication(string line, string author, string publisher)
    {
        Assert.True(BylineDetector.TryParse(line, out var byline));
        Assert.Equal([author], byline.Authors);
        Assert.StartsWith(publisher, byline.Publisher);
    }

    [Fact]
    public void Reporting_credits_name_the_reporters_not_the_editors()
    {
        Assert.True(BylineDetector.TryParse("Reporting by Jane Doe and John Roe in Cairo; Editing by Sam Poe", out var byline));
        Assert.Equal(["Jane Doe", "John Roe"], byline.Authors);
    }

    [Theory]
    [InlineData("By the end of 2004 Microsoft aims to launch search software.")]
    [InlineData("By contrast, said Mr Purushotma, learning via The Sims may mean students do not feel like they are studying.")]
    [InlineData("By 2025, 40% of the UK's population will still be without internet access.")]
    [InlineData("Howl's Moving Castle is the follow-up to Miyazaki's Spirited Away, which won best animation.")]
    [InlineData("The minister is a former journalist who worked for years in radio.")]
    [InlineData("By Tuesday")]
    public void Ordinary_sentences_are_not_bylines(string line)
    {
        Assert.False(BylineDetector.TryParse(line, out _));
    }
}

public class DatelineParserTests
{
    [Theory]
    [InlineData("ROME (AP) — Secret diplomacy.", "Rome", "Associated Press", "Secret diplomacy.")]
    [InlineData("LONDON, June 5 (Reuters) - Shares fell.", "London", "Reuters", "Shares fell.")]
    [InlineData("GAZA CITY, Gaza Strip (AP) — Smoke rose.", "Gaza City, Gaza Strip", "Associated Press", "Smoke rose.")]
    [InlineData("WASHINGTON — The Senate voted.", "Washington", null, "The Senate voted.")]
    [InlineData("NEW DELHI: The monsoon arrived early.", "New Delhi", null, "The monsoon arrived early.")]
    [InlineData("TEL AVIV (AFP) -- Crowds gathered.", "Tel Aviv", "Agence France-Presse", "Crowds gathered.")]
    public void Datelines_give_the_place_and_agency(string paragraph, string place, string? agency, string rest)
    {
        Assert.True(DatelineParser.TryParse(paragraph, paragraph, out var dateline, out var remainder));
        Assert.Equal(place, dateline.Place);
        Assert.Equal(agency, dateline.Agency);
        Assert.Equal(rest, remainder);
    }

    [Fact]
    public void A_place_then_full_stop_is_a_dateline_when_the_place_is_named_again()
    {
        const string text = "Rome. Ministers met on Sunday. The talks in Rome went on late.";
        Assert.True(DatelineParser.TryParse(text, text, out var dateline, out var rest));
        Assert.Equal("Rome", dateline.Place);
        Assert.Equal("Ministers met on Sunday. The talks in Rome went on late.", rest);
    }

    [Theory]
    [InlineData("Secret diplomacy. In-person visits.")]
    [InlineData("Yes. The minister agreed on Monday.")]
    [InlineData("BREAKING: The minister resigned.")]
    [InlineData("Chelsea have sacked Adrian Mutu after he failed a drugs test.")]
    [InlineData("US President Joe Biden outlined a proposal.")]
    public void Ordinary_openings_are_not_datelines(string paragraph)
    {
        Assert.False(DatelineParser.TryParse(paragraph, paragraph, out _, out _));
    }
}

public class BoilerplateFilterTests
{
    [Theory]
    [InlineData("Home Posts Big news today", "Big news today")]
    [InlineData("Home › World › Middle East › Big news today", "Big news today")]
    [InlineData("Home / News / Big news today", "Big news today")]
    public void Breadcrumbs_are_stripped_leaving_the_headline(string line, string remainder)
    {
        Assert.True(BoilerplateFilter.TryStripBreadcrumb(line, out var rest));
        Assert.Equal(remainder, rest);
    }

    [Theory]
    [InlineData("Home secretary Priti Patel said the rules would change.")]
    [InlineData("Homeowners face higher rates")]
    public void Sentences_starting_with_home_are_not_breadcrumbs(string line)
    {
        Assert.False(BoilerplateFilter.TryStripBreadcrumb(line, out _));
    }

    [Theory]
    [InlineData("Leave a Reply")]
    [InlineData("Related Posts")]
    [InlineData("Related Articles:")]
    [InlineData("Social Media")]
    [InlineData("You may also like")]
    [InlineData("12 Comments")]
    [InlineData("Share this article")]
    [InlineData("Your email address will not be published. Required fields are marked *")]
    [InlineData("Advertisement")]
    [InlineData("Share Tweet Email")]
    [InlineData("Sign up for our daily newsletter")]
    [InlineData("Photo: Reuters")]
    [InlineData("Read more: Why the talks failed")]
    public void Page_furniture_is_recognised(string line)
    {
        Assert.NotNull(BoilerplateFilter.Classify(line));
    }

    [Theory]
    [InlineData("Related talks will resume in Cairo next week, officials said.")]
    [InlineData("Share prices rose 3% on Monday.")]
    [InlineData("Comments by the minister angered the opposition.")]
    [InlineData("Humanitarian crisis")]
    public void Ordinary_lines_are_content(string line)
    {
        Assert.Null(BoilerplateFilter.Classify(line));
    }

    [Fact]
    public void Community_footers_name_the_publisher()
    {
        Assert.True(BoilerplateFilter.TryParseCommunityFooter("The Times of Israel Community.", out var publisher));
        Assert.Equal("The Times of Israel", publisher);
        Assert.False(BoilerplateFilter.TryParseCommunityFooter("They spoke to the local community.", out _));
    }
}

public class NewsDateParserTests
{
    [Theory]
    [InlineData("Published June 27, 2021", 2021, 6, 27, NewsDateParser.DateLineKind.Published)]
    [InlineData("Published: Sunday, June 27, 2021 10:45 AM EDT", 2021, 6, 27, NewsDateParser.DateLineKind.Published)]
    [InlineData("Updated 3:45 PM EDT, Wed April 30, 2024", 2024, 4, 30, NewsDateParser.DateLineKind.Updated)]
    [InlineData("27 June 2021", 2021, 6, 27, NewsDateParser.DateLineKind.Bare)]
    [InlineData("2021-06-27", 2021, 6, 27, NewsDateParser.DateLineKind.Bare)]
    [InlineData("Posted on Jan. 5, 2020", 2020, 1, 5, NewsDateParser.DateLineKind.Published)]
    public void Date_lines_are_read(string line, int year, int month, int day, NewsDateParser.DateLineKind kind)
    {
        Assert.True(NewsDateParser.TryParseDateLine(line, out var date, out var parsedKind));
        Assert.Equal(new DateOnly(year, month, day), date);
        Assert.Equal(kind, parsedKind);
    }

    [Theory]
    [InlineData("Bennett’s alliance was sworn in on June 13, 2021.")]
    [InlineData("Friday, 25 February")]
    [InlineData("February 30, 2021")]
    [InlineData("2000 GMT")]
    public void Dates_inside_sentences_or_incomplete_are_not_publication_dates(string line)
    {
        Assert.False(NewsDateParser.TryParseDateLine(line, out _, out _));
    }
}

public class TitleDeriverTests
{
    [Fact]
    public void A_long_first_sentence_is_cut_at_its_first_clause()
    {
        var title = TitleDeriver.Derive(["The central bank kept its main interest rate at 4% for a third month, as inflation stayed above target. Markets rose."]);
        Assert.Equal("The central bank kept its main interest rate at 4% for a third month", title);
    }

    [Fact]
    public void Abbreviations_do_not_end_the_first_sentence()
    {
        var title = TitleDeriver.Derive(["U.S. officials met Mr. Smith in Washington. They talked."]);
        Assert.Equal("U.S. officials met Mr. Smith in Washington", title);
    }

    [Fact]
    public void Very_short_openings_are_passed_over()
    {
        var title = TitleDeriver.Derive(["Secret diplomacy.", "Ministers met in Rome on Sunday to talk about trade."]);
        Assert.Equal("Ministers met in Rome on Sunday to talk about trade", title);
    }

    [Fact]
    public void A_title_never_runs_on_without_end()
    {
        var words = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"word{i}"));
        var title = TitleDeriver.Derive([words + "."]);
        Assert.Equal(TitleDeriver.MaxWords, title.Split(' ').Length);
        Assert.EndsWith("…", title);
    }
}

public class LanguageAndWordTests
{
    [Theory]
    [InlineData("en", "The minister said that the talks with the rebels would continue in the capital for another week.")]
    [InlineData("fr", "Le ministre a déclaré que les discussions avec les rebelles se poursuivraient dans la capitale pendant une semaine.")]
    [InlineData("de", "Der Minister sagte, dass die Gespräche mit den Rebellen in der Hauptstadt noch eine Woche dauern werden.")]
    [InlineData("es", "El ministro dijo que las conversaciones con los rebeldes continuarían en la capital durante una semana más.")]
    [InlineData("und", "Arsenal 2 Chelsea 1")]
    public void Language_is_detected_from_function_words(string expected, string text)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text));
    }

    [Theory]
    [InlineData("Netanyahu’s government", 2)]
    [InlineData("al-Sisi met U.S. officials", 4)]
    [InlineData("at least 37,000 people", 4)]
    [InlineData("war — and peace", 3)]
    [InlineData("", 0)]
    public void Words_are_counted_as_a_reader_counts_them(string text, int expected)
    {
        Assert.Equal(expected, WordCounter.Count(text));
    }
}
