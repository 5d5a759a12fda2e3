using System.Text;
using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Ner;

namespace NewsApi.Nlp.Tests.Analysis;

/// <summary>
/// Pathological texts stay bounded: the analysis stops at its limits and says which it reached, and the
/// rules that look across an article give the same answers on long repetitive text as they are meant to.
/// </summary>
public class AnalysisLimitsTests
{
    private static string Repeat(string sentence, int times) => new StringBuilder(sentence.Length * times).Insert(0, sentence, times).ToString();

    [Fact]
    public void An_ordinary_article_reaches_no_limit()
    {
        var analysis = new ArticleAnalyzer(EntityRecognizer.Default).Analyze("Talks resume", "Antony Blinken met Yair Lapid in Rome on Sunday. \"We will keep talking,\" Blinken said.");

        Assert.Empty(analysis.LimitsReached);
    }

    [Fact]
    public void A_text_longer_than_the_limit_is_analysed_up_to_a_word_break_and_flagged()
    {
        var analyzer = new ArticleAnalyzer(EntityRecognizer.Default) { Limits = new AnalysisLimits { MaxCharacters = 2_000 } };
        var body = Repeat("Antony Blinken met Yair Lapid in Rome on Sunday. ", 200);

        var analysis = analyzer.Analyze(null, body);

        Assert.Contains(AnalysisLimits.TruncatedFlag, analysis.LimitsReached);
        Assert.InRange(analysis.Text.Length, 1_000, 2_000);
        Assert.EndsWith(".", analysis.Text);
        Assert.All(analysis.Entities.SelectMany(e => e.Mentions), m => Assert.True(m.End <= analysis.Text.Length));
    }

    [Fact]
    public void Mentions_over_the_cap_keep_the_first_ones_with_their_roles_and_aliases()
    {
        var analyzer = new ArticleAnalyzer(EntityRecognizer.Default) { Limits = new AnalysisLimits { MaxMentions = 10 } };
        var body = Repeat("Prime Minister Benjamin Netanyahu spoke in Jerusalem. Netanyahu left. ", 20);

        var analysis = analyzer.Analyze(null, body);

        Assert.Contains(AnalysisLimits.MentionsCappedFlag, analysis.LimitsReached);
        var mentions = analysis.Entities.SelectMany(e => e.Mentions).ToList();
        Assert.Equal(10, mentions.Count);
        var last = mentions.Max(m => m.Start);
        Assert.All(analysis.Entities.SelectMany(e => e.Roles), r => Assert.True(r.Start <= last));
        var netanyahu = Assert.Single(analysis.Entities, e => e.Name == "Benjamin Netanyahu");
        Assert.Equal(netanyahu.Mentions.Count(m => m.Surface == "Netanyahu"), netanyahu.Aliases.GetValueOrDefault("Netanyahu"));
    }

    [Fact]
    public void Quotes_and_events_over_their_caps_are_cut_and_flagged()
    {
        var analyzer = new ArticleAnalyzer(EntityRecognizer.Default) { Limits = new AnalysisLimits { MaxQuotes = 3, MaxEvents = 2 } };
        var body = Repeat("\"We will keep on talking with everyone,\" said John Smith. Smith met Yair Lapid in Rome. Lapid met Smith in Paris. ", 6);

        var analysis = analyzer.Analyze(null, body);

        Assert.Equal(3, analysis.Quotes.Count);
        Assert.Contains(AnalysisLimits.QuotesCappedFlag, analysis.LimitsReached);
        Assert.True(analysis.Events.Sum(e => e.Evidence.Count) <= 2);
        Assert.Contains(AnalysisLimits.EventsCappedFlag, analysis.LimitsReached);
    }

    [Fact]
    public void A_repeated_sentence_gives_the_same_reading_in_every_copy()
    {
        // Each copy is read alike: the document-wide counts the recogniser keeps per word do not drift with repetition.
        var analysis = new ArticleAnalyzer(EntityRecognizer.Default).Analyze(null, Repeat("The minister said the talks in Geneva would resume on Monday. ", 3_000));

        var geneva = Assert.Single(analysis.Entities, e => e.Name == "Geneva");
        Assert.Equal(3_000, geneva.Mentions.Count);
        Assert.Equal(AnalysisLimits.Default.MaxQuotes, analysis.Quotes.Count);
        Assert.All(analysis.Quotes, q => Assert.Equal("the talks in Geneva would resume on Monday", q.Text));
        Assert.Equal([AnalysisLimits.QuotesCappedFlag], analysis.LimitsReached);
    }

    [Fact]
    public void Several_people_sharing_a_surname_still_take_the_nearest_full_mention_in_long_text()
    {
        var body = Repeat("John Smith arrived in London. Smith spoke to reporters. Mary Smith arrived in Paris. Smith replied to them. ", 400);

        var analysis = new ArticleAnalyzer(EntityRecognizer.Default).Analyze(null, body);

        var john = Assert.Single(analysis.Entities, e => e.Name == "John Smith");
        var mary = Assert.Single(analysis.Entities, e => e.Name == "Mary Smith");
        Assert.Equal(800, john.Mentions.Count);
        Assert.Equal(800, mary.Mentions.Count);

        // Every "Smith" goes to the full name just before it, never across to the other person.
        Assert.All(john.Mentions.Where(m => m.Surface == "Smith"), m => Assert.Contains("John Smith is the nearest", m.Reason));
        Assert.All(mary.Mentions.Where(m => m.Surface == "Smith"), m => Assert.Contains("Mary Smith is the nearest", m.Reason));
    }
}
