using NewsApi.Nlp.Text;

namespace NewsApi.Nlp.Tests.Text;

public class TokenizerTests
{
    private static string[] Tokens(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        // Every token is a span of the source: offsets ascending, never overlapping, text as in the source.
        for (var i = 0; i < tokens.Count; i++)
        {
            Assert.True(tokens[i].Length > 0);
            Assert.True(i == 0 || tokens[i].Start >= tokens[i - 1].End);
            Assert.Equal(text.Substring(tokens[i].Start, tokens[i].Length), tokens[i].Text(text));
            Assert.All(text[(i == 0 ? 0 : tokens[i - 1].End)..tokens[i].Start], c => Assert.True(char.IsWhiteSpace(c)));
        }

        return tokens.Select(t => t.Text(text)).ToArray();
    }

    [Theory]
    [InlineData("U.S. officials met Gen. Smith and Mr. Jones.", new[] { "U.S.", "officials", "met", "Gen.", "Smith", "and", "Mr.", "Jones", "." })]
    [InlineData("Netanyahu’s government", new[] { "Netanyahu", "’s", "government" })]
    [InlineData("Netanyahu's allies don't agree", new[] { "Netanyahu", "'s", "allies", "don", "'t", "agree" })]
    [InlineData("Hamas’ attack", new[] { "Hamas", "’", "attack" })]
    [InlineData("al-Sisi met him in Rosh Ha’ayin", new[] { "al-Sisi", "met", "him", "in", "Rosh", "Ha’ayin" })]
    [InlineData("O’Neill", new[] { "O’Neill" })]
    [InlineData("killed 1,200 people and 37,000 more; 3.5% of 1996-08-22", new[] { "killed", "1,200", "people", "and", "37,000", "more", ";", "3.5", "%", "of", "1996-08-22" })]
    [InlineData("freedom — democracy – markets--peace", new[] { "freedom", "—", "democracy", "–", "markets", "--", "peace" })]
    [InlineData("“We will,” he said.", new[] { "“", "We", "will", ",", "”", "he", "said", "." })]
    [InlineData("See https://example.com/a?b=1, or www.example.org.", new[] { "See", "https://example.com/a?b=1", ",", "or", "www.example.org", "." })]
    [InlineData("Mail press@example.com now", new[] { "Mail", "press@example.com", "now" })]
    [InlineData("Defense Minister Yoav Gallant.During these meetings", new[] { "Defense", "Minister", "Yoav", "Gallant", ".", "During", "these", "meetings" })]
    [InlineData("J. K. Rowling wrote it at 10:30 a.m. on 9/11.", new[] { "J.", "K.", "Rowling", "wrote", "it", "at", "10:30", "a.m.", "on", "9/11", "." })]
    [InlineData("the cease-fire and the 11-day war", new[] { "the", "cease-fire", "and", "the", "11-day", "war" })]
    [InlineData("a plan B.", new[] { "a", "plan", "B", "." })]
    [InlineData("$1.13bn (£600m)", new[] { "$", "1.13bn", "(", "£", "600m", ")" })]
    public void News_text_is_split_as_the_training_corpus_is(string text, string[] expected)
    {
        Assert.Equal(expected, Tokens(text));
    }

    [Fact]
    public void Offsets_point_into_the_original_text_across_lines()
    {
        const string text = "First line.\n\n  Second  “line” here.";
        var tokens = Tokenizer.Tokenize(text);

        var second = tokens.Single(t => t.Text(text) == "Second");
        Assert.Equal(text.IndexOf("Second", StringComparison.Ordinal), second.Start);
        Assert.True(second.LineBreakBefore);
        Assert.False(tokens.Single(t => t.Text(text) == "here").LineBreakBefore);
        Assert.Equal(TokenKind.Punctuation, tokens.Single(t => t.Text(text) == "“").Kind);
    }

    [Fact]
    public void Token_kinds_are_told_apart()
    {
        const string text = "In 2015 Blinken paid $5 at www.example.com.";
        var kinds = Tokenizer.Tokenize(text).ToDictionary(t => t.Text(text), t => t.Kind);

        Assert.Equal(TokenKind.Number, kinds["2015"]);
        Assert.Equal(TokenKind.Word, kinds["Blinken"]);
        Assert.Equal(TokenKind.Symbol, kinds["$"]);
        Assert.Equal(TokenKind.Url, kinds["www.example.com"]);
        Assert.Equal(TokenKind.Punctuation, kinds["."]);
    }

    [Theory]
    [InlineData(0, -1)]
    [InlineData(1, -1)]
    [InlineData(2, 0)]
    [InlineData(4, 0)]
    [InlineData(5, 0)]
    [InlineData(6, 1)]
    [InlineData(12, 1)]
    [InlineData(14, 2)]
    [InlineData(17, 3)]
    [InlineData(100, 3)]
    public void A_token_is_found_by_any_offset_inside_it_or_after_it(int offset, int expected)
    {
        const string text = "  Mr. Blinken met.";
        var tokens = Tokenizer.Tokenize(text);

        Assert.Equal(["Mr.", "Blinken", "met", "."], tokens.Select(t => t.Text(text)));
        Assert.Equal(expected, tokens.IndexAt(offset));
    }
}
