using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Ner;
using NewsApi.Nlp.Normalisation;
using NewsApi.Nlp.Training.Evaluation;

namespace NewsApi.Nlp.Tests.Evaluation;

public class EvaluationTests
{
    [Theory]
    [InlineData("Antony Blinken", "Blinken and Lapid", true)]
    [InlineData("the US Federal Reserve", "Federal Reserve", true)]
    [InlineData("Rome", "in a tunnel near Croydon", false)]
    [InlineData("", "anything", false)]
    public void A_phrase_hits_when_half_its_words_are_in_an_annotated_one(string system, string annotated, bool hit) =>
        Assert.Equal(hit, PhraseMatch.Hit(system, [annotated]));

    [Fact]
    public void The_sentence_around_an_offset_ends_at_full_stops_and_lines()
    {
        const string text = "Headline\n\nFirst sentence here. Second one, with U.S. in it. Third.";
        Assert.Equal("First sentence here.", AnnotatedEvaluation.SentenceAround(text, text.IndexOf("sentence", StringComparison.Ordinal)));
        Assert.Equal("Headline", AnnotatedEvaluation.SentenceAround(text, 2).TrimEnd('\n'));
    }

    [Fact]
    public void Events_pair_as_a_maximum_matching_not_first_come()
    {
        // The first system event could take either annotation, the second only the first: first come would pair one.
        string[] gold = ["Goodrem won", "Noll taking"];
        var pairs = AnnotatedEvaluation.MaximumMatching<string>([[gold[0], gold[1]], [gold[0]]]);

        Assert.Equal(2, pairs.Count);
        Assert.Equal(gold[1], pairs[0]);
        Assert.Equal(gold[0], pairs[1]);
        Assert.Empty(AnnotatedEvaluation.MaximumMatching<string>([[], []]));
    }

    [Fact]
    public void A_country_named_by_its_demonym_or_a_variant_is_the_same_who()
    {
        var analyzer = new ArticleAnalyzer(EntityRecognizer.Default);
        var main = analyzer.Analyze("Norwegian economy shrinks", "Norway's economy shrank by 0.5% in the last three months of 2004, figures show.").MainEvent;

        Assert.Equal("Norway", main?.Who);
        Assert.True(AnnotatedEvaluation.WhoHit(main, ["Norwegian"]));
        Assert.False(AnnotatedEvaluation.WhoHit(main, ["Swedish"]));
    }

    [Fact]
    public void A_date_the_annotators_did_not_mark_is_not_checked_against_another_one_with_its_year()
    {
        // Only the ceremony's "2003" is annotated; the span "1965-2003" later in the text is not, so it is neither right nor wrong.
        const string title = "Book prizes announced";
        const string body = "Judges met during the 2003 ceremony in New York.\n\nThe poetry prize went to Collected Poems, 1965-2003.";
        var text = title + "\n\n" + body;
        var year = text.IndexOf("2003", StringComparison.Ordinal);
        var gold = new ArticleAnnotation { File = "x.txt", Split = "dev", Sha256 = "", Dates = [new AnnotatedDate(year, year + 4, "2003")] };
        var analysis = new ArticleAnalyzer(EntityRecognizer.Default).Analyze(title, body);
        Assert.Contains(analysis.Dates, d => d.Text == "1965-2003" && d.Resolved);

        var scores = AnnotatedEvaluation.Score(gold, text, analysis, 0.5);

        Assert.Equal(0, scores.WrongDates);
        Assert.Equal(1, scores.RightDates);
    }

    [BbcFact]
    public void The_annotated_sample_matches_its_files_holds_no_text_and_scores()
    {
        var folder = Path.Combine(TestData.RepositoryRoot, "data", "annotations", "bbc");
        var loaded = ArticleAnnotation.Load(folder, TestData.Bbc).ToList();

        Assert.Equal(320, loaded.Count);
        Assert.Equal(96, loaded.Count(a => a.Annotation.Split == "test"));
        Assert.All(Directory.GetFiles(folder, "*.json"), path => Assert.DoesNotContain("\"text\"", File.ReadAllText(path), StringComparison.Ordinal));
        Assert.All(loaded, a => Assert.All(a.Annotation.Entities, e => Assert.InRange(e.End, e.Start + 1, a.Text.Length)));

        var analyzer = new ArticleAnalyzer(EntityRecognizer.Default);
        var (annotation, text) = loaded[0];
        var article = ArticleNormalizer.Normalize(text);
        var scores = AnnotatedEvaluation.Score(annotation, text, analyzer.Analyze(article.Title, article.Body), 0.5);
        Assert.Equal(1, scores.Articles);
        Assert.True(scores.Entities.Values.Sum(e => e.Gold) > 0);
    }

    [BbcFact]
    public void The_confidence_bands_add_up_to_the_events_served_at_each_threshold()
    {
        var folder = Path.Combine(TestData.RepositoryRoot, "data", "annotations", "bbc");
        var analyzer = new ArticleAnalyzer(EntityRecognizer.Default);
        var scored = ArticleAnnotation.Load(folder, TestData.Bbc).Take(12)
            .Select(a => (a.Annotation, a.Text, Analysis: analyzer.Analyze(ArticleNormalizer.Normalize(a.Text)))).ToList();

        var bands = AnnotatedEvaluation.Calibration(scored, [0.8, 0.5, 0.0]);

        Assert.Equal([0.8, 0.5, 0.0], bands.Select(b => b.Lower));
        Assert.Null(bands[0].Upper);
        Assert.Equal(0.5, bands[2].Upper);
        Assert.All(bands, b => Assert.InRange(b.Right, 0, Math.Max(0, b.Events)));
        Assert.Equal(scored.Sum(s => s.Analysis.Events.Count), bands.Sum(b => b.Events));
        Assert.Equal(bands[^1].AtLower.SystemEvents, bands.Sum(b => b.Events));
        Assert.Equal(scored.Sum(s => s.Analysis.Events.Count(e => e.Confidence >= 0.5)), bands[1].AtLower.SystemEvents);
        Assert.True(bands[^1].AtLower.SystemEvents > 0);
    }
}
