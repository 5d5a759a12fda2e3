using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Training.Quotes;
using System.Diagnostics;
using System.Globalization;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Ner;
using NewsApi.Nlp.Quotes;

namespace NewsApi.Cli;

public static class QuoteCommands
{
    /// <summary><c>quotes eval &lt;dir&gt;</c>: quote detection and attribution against a PolNeAR-format folder.</summary>
    public static int Evaluate(Arguments args)
    {
        if (args.Positional.Count != 1)
        {
            throw new UsageException("quotes eval needs one folder (with text/ and attributions/).");
        }

        var analyzer = new ArticleAnalyzer(new EntityRecognizer(NerCommands.LoadModel(args)));
        var verbose = args.Flag("verbose");
        var total = new QuoteScores(0, 0, 0, 0, 0, 0, 0, 0);
        var perPart = total;
        foreach (var document in AttributionCorpus.Read(args.Positional[0]))
        {
            // The file as it is, so that offsets are the annotation's offsets.
            var stopwatch = Stopwatch.StartNew();
            var analysis = analyzer.Analyze(null, document.Text);
            var seconds = stopwatch.Elapsed.TotalSeconds;
            var errors = args.Flag("errors") ? new List<string>() : null;
            var scores = QuoteEvaluation.Score(document, analysis, seconds, errors);
            errors?.ForEach(Console.WriteLine);
            total = total.Add(scores);
            perPart = perPart.Add(QuoteEvaluation.Score(document, analysis, perQuotation: false));
            if (verbose)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{document.Name}: gold {scores.Gold} predicted {scores.Predicted} matched {scores.Matched} speaker {scores.SpeakerCorrect}/{scores.MatchedWithSource}"));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{total.Documents} documents, {total.Gold} gold attributions, {total.Predicted} predicted, {total.Matched} matched; speaker right in {total.SpeakerCorrect} of {total.MatchedWithSource} matched with a source"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"analysis (entities, dates, quotes, events): {total.Characters / Math.Max(total.Seconds, 1e-9) / 1000:F0}k characters/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"each part of a split quotation scored on its own: {perPart.Predicted} predicted, {perPart.Matched} matched; {perPart.Summary}"));
        Console.WriteLine(total.Summary);
        return 0;
    }
}
