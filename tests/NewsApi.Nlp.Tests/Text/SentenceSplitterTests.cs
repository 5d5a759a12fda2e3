using NewsApi.Nlp.Text;

namespace NewsApi.Nlp.Tests.Text;

public class SentenceSplitterTests
{
    private static string[] Sentences(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        Assert.Equal(tokens.Count, sentences.Sum(s => s.TokenCount));
        return sentences.Select(s => text[s.Start(tokens)..s.End(tokens)]).ToArray();
    }

    [Fact]
    public void Abbreviations_and_initials_do_not_end_sentences()
    {
        Assert.Equal(
            ["Gen. Smith met Mr. Jones and J. K. Rowling in the U.S. Senate on Monday.", "They talked."],
            Sentences("Gen. Smith met Mr. Jones and J. K. Rowling in the U.S. Senate on Monday. They talked."));
    }

    [Fact]
    public void A_dotted_abbreviation_ends_a_sentence_before_a_sentence_opener()
    {
        Assert.Equal(["He flew to the U.S.", "The talks begin today."], Sentences("He flew to the U.S. The talks begin today."));
    }

    [Fact]
    public void A_month_or_a_day_abbreviates_only_before_a_number()
    {
        Assert.Equal(["They were told by hosts Ant and Dec.", "Natalie Appleton quit on Monday."],
            Sentences("They were told by hosts Ant and Dec. Natalie Appleton quit on Monday."));
        Assert.Equal(["He told The Sun.", "Call of Duty is next."], Sentences("He told The Sun. Call of Duty is next."));
        Assert.Single(Sentences("The talks end on Dec. 5 in Geneva."));
    }

    [Fact]
    public void A_full_stop_inside_a_short_parenthesis_ends_no_sentence()
    {
        Assert.Equal(
            ["Rep. Gregory Meeks (D-N.Y.), chairman of the caucus, said members would help.", "They met (again.)", "Then they left."],
            Sentences("Rep. Gregory Meeks (D-N.Y.), chairman of the caucus, said members would help. They met (again.) Then they left."));
    }

    [Fact]
    public void Closing_quotes_stay_with_their_sentence()
    {
        Assert.Equal(
            ["“Mistakes were made,” Lapid told Blinken.", "“We will correct those mistakes together.”", "He left."],
            Sentences("“Mistakes were made,” Lapid told Blinken. “We will correct those mistakes together.” He left."));
    }

    [Fact]
    public void Questions_exclamations_and_line_breaks_end_sentences()
    {
        Assert.Equal(["Why now?", "Because!", "A headline without a full stop", "The body."],
            Sentences("Why now? Because! A headline without a full stop\nThe body."));
    }

    [Fact]
    public void Datelines_and_glued_sentences_are_handled()
    {
        Assert.Equal(["ROME (AP) — Secret diplomacy.", "In-person visits."], Sentences("ROME (AP) — Secret diplomacy. In-person visits."));
        Assert.Equal(["He met Yoav Gallant.", "During these meetings, he spoke."], Sentences("He met Yoav Gallant.During these meetings, he spoke."));
    }

    [Fact]
    public void Lower_case_after_a_full_stop_does_not_split()
    {
        Assert.Equal(["The firm, Dot.com etc. and others, grew 3.5 per cent."], Sentences("The firm, Dot.com etc. and others, grew 3.5 per cent."));
    }
}
