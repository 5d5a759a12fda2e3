using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Training.Quotes;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Ner;
using NewsApi.Nlp.Quotes;

namespace NewsApi.Nlp.Tests.Quotes;

/// <summary>The PolNeAR reader and scorer on a hand-written fixture.</summary>
public sealed class QuoteEvaluationTests : IDisposable
{
    private const string Text = "“We will rebuild the trust between our countries,” Yair Lapid said. Officials hope the deal is close.";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"newsapi-polnear-{Guid.NewGuid():N}");

    public QuoteEvaluationTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "text"));
        Directory.CreateDirectory(Path.Combine(_folder, "attributions"));
        File.WriteAllText(Path.Combine(_folder, "text", "a.txt"), Text);
        var quote = Text.IndexOf("We will", StringComparison.Ordinal);
        var lapid = Text.IndexOf("Yair Lapid", StringComparison.Ordinal);
        var officials = Text.IndexOf("Officials", StringComparison.Ordinal);
        var hope = Text.IndexOf("hope", StringComparison.Ordinal);
        var deal = Text.IndexOf("the deal", StringComparison.Ordinal);
        var close = Text.IndexOf("is close", StringComparison.Ordinal);
        File.WriteAllLines(Path.Combine(_folder, "attributions", "a_0001.ann"),
        [
            $"T1\tContent {quote} {quote + 48}\tWe will rebuild the trust between our countries",
            $"T2\tSource {lapid} {lapid + 10}\tYair Lapid",
            $"T3\tCue {lapid + 11} {lapid + 15}\tsaid",
            $"E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2",
            $"T4\tSource {officials} {officials + 9}\tOfficials",
            $"T5\tCue {hope} {hope + 4}\thope",
            $"T6\tContent {deal} {deal + 8};{close} {close + 8}\tthe deal is close",
            $"E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4",
            $"T7\tDiscard 0 1\t“",
        ]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_reader_pairs_files_and_reads_discontinuous_spans()
    {
        var document = Assert.Single(AttributionCorpus.Read(_folder));

        Assert.Equal(2, document.Attributions.Count);
        Assert.Equal(2, document.Attributions[1].Content.Count);
        Assert.Equal("Yair Lapid", Text[document.Attributions[0].Source[0].Start..document.Attributions[0].Source[0].End]);
    }

    [Fact]
    public void The_scorer_matches_by_overlap_and_checks_the_speaker()
    {
        var document = Assert.Single(AttributionCorpus.Read(_folder));
        var analysis = new ArticleAnalyzer(EntityRecognizer.Default).Analyze(null, document.Text);

        var scores = QuoteEvaluation.Score(document, analysis);

        Assert.Equal((2, 1, 1, 1), (scores.Gold, scores.Predicted, scores.Matched, scores.SpeakerCorrect));
        Assert.Equal("F1 66.67 P 100.00 R 50.00 speaker 100.00", scores.Summary);
    }
}
