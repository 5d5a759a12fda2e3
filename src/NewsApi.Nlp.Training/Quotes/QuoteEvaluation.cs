using System.Globalization;
using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Quotes;

namespace NewsApi.Nlp.Training.Quotes;

/// <summary>Scores of quote detection and attribution against gold attributions.</summary>
public sealed record QuoteScores(int Gold, int Predicted, int Matched, int MatchedWithSource, int SpeakerCorrect, int Documents, int Characters, double Seconds)
{
    public double Precision => Predicted == 0 ? 0 : 100.0 * Matched / Predicted;

    public double Recall => Gold == 0 ? 0 : 100.0 * Matched / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Share of matched quotes whose gold attribution names a source that we attribute to that source.</summary>
    public double SpeakerAccuracy => MatchedWithSource == 0 ? 0 : 100.0 * SpeakerCorrect / MatchedWithSource;

    public QuoteScores Add(QuoteScores other) => new(Gold + other.Gold, Predicted + other.Predicted, Matched + other.Matched,
        MatchedWithSource + other.MatchedWithSource, SpeakerCorrect + other.SpeakerCorrect, Documents + other.Documents,
        Characters + other.Characters, Seconds + other.Seconds);

    /// <summary>The summary line: <c>F1 x P x R x speaker x</c>, percentages to two decimals.</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture, $"F1 {F1:F2} P {Precision:F2} R {Recall:F2} speaker {SpeakerAccuracy:F2}");
}

/// <summary>
/// Scores quotes against gold attributions (PolNeAR). Rules:
/// <list type="bullet">
/// <item>a predicted quote matches a gold attribution when their content overlaps by at least half the length
/// of the shorter of the two (gold content is the union of its ranges); each is matched at most once, greedily
/// by largest overlap;</item>
/// <item>the speaker is right when the predicted speaker's words overlap the gold source span, or when the
/// entity the quote is attributed to has a mention overlapping the gold source span (both resolve to the same
/// entity: "he" resolved to Clinton where the gold source is "Clinton"). Speaker accuracy is over matched
/// quotes whose gold attribution has a source.</item>
/// </list>
/// </summary>
public static class QuoteEvaluation
{
    /// <param name="errors">When given, receives one line per missed gold attribution ("missed", its cue and the
    /// start of its content) and per unmatched prediction ("extra", its cue and content).</param>
    /// <param name="perQuotation">Score a quotation's parts as one prediction (the default); false scores each part on its own.</param>
    public static QuoteScores Score(AttributionDocument document, ArticleAnalysis analysis, double seconds = 0, List<string>? errors = null, bool perQuotation = true)
    {
        // A quotation split around its attribution is one attribution in PolNeAR (one source, a discontinuous content): its
        // parts (Quote.Continues) are scored as one prediction.
        var groups = new List<List<Quote>>();
        foreach (var q in analysis.Quotes.OrderBy(q => q.Start))
        {
            if (q.Continues && groups.Count > 0 && perQuotation)
            {
                groups[^1].Add(q);
            }
            else
            {
                groups.Add([q]);
            }
        }

        var predicted = groups.Select(g => g[0]).ToList();
        var ranges = groups.Select(g => g.Select(q => (q.Start, q.End)).ToList()).ToList();
        var gold = document.Attributions;
        var pairs = new List<(int Overlap, int P, int G)>();
        for (var p = 0; p < predicted.Count; p++)
        {
            for (var g = 0; g < gold.Count; g++)
            {
                var overlap = gold[g].Content.Sum(r => ranges[p].Sum(x => Overlap(x.Start, x.End, r.Start, r.End)));
                var goldLength = gold[g].Content.Sum(r => r.End - r.Start);
                var shorter = Math.Min(ranges[p].Sum(x => x.End - x.Start), goldLength);
                if (overlap > 0 && overlap * 2 >= shorter)
                {
                    pairs.Add((overlap, p, g));
                }
            }
        }

        var usedP = new HashSet<int>();
        var usedG = new HashSet<int>();
        int matched = 0, withSource = 0, correct = 0;
        foreach (var (_, p, g) in pairs.OrderByDescending(x => x.Overlap).ThenBy(x => x.P).ThenBy(x => x.G))
        {
            if (!usedP.Add(p))
            {
                continue;
            }

            if (!usedG.Add(g))
            {
                usedP.Remove(p);
                continue;
            }

            matched++;
            var source = gold[g].Source;
            if (source.Count == 0)
            {
                continue;
            }

            withSource++;
            if (SpeakerMatches(predicted[p], source))
            {
                correct++;
            }
        }

        if (errors is not null)
        {
            string Clip(int start, int end) => document.Text[start..Math.Clamp(end, start, start + 90)].ReplaceLineEndings(" ");
            for (var g = 0; g < gold.Count; g++)
            {
                if (!usedG.Contains(g) && gold[g].Content.Count > 0)
                {
                    var cue = string.Join(' ', gold[g].Cue.Select(r => document.Text[r.Start..r.End]));
                    var start = gold[g].Content.Min(r => r.Start);
                    var before = Math.Max(0, start - 70);
                    var end = gold[g].Content.Max(r => r.End);
                    var after = document.Text[end..Math.Min(document.Text.Length, end + 50)].ReplaceLineEndings(" ");
                    errors.Add($"{document.Name}: missed [{cue}] …{document.Text[before..start].ReplaceLineEndings(" ")}⟦{Clip(start, end)}⟧{after}…");
                }
            }

            for (var p = 0; p < predicted.Count; p++)
            {
                if (!usedP.Contains(p))
                {
                    errors.Add($"{document.Name}: extra [{predicted[p].Cue}] {Clip(predicted[p].Start, predicted[p].End)}");
                }
            }
        }

        return new QuoteScores(gold.Count, predicted.Count, matched, withSource, correct, 1, document.Text.Length, seconds);
    }

    private static bool SpeakerMatches(Quote quote, IReadOnlyList<(int Start, int End)> source)
    {
        if (quote.SpeakerStart >= 0 && source.Any(r => Overlap(quote.SpeakerStart, quote.SpeakerEnd, r.Start, r.End) > 0))
        {
            return true;
        }

        return quote.Speaker is { } speaker && speaker.Mentions.Any(m => source.Any(r => Overlap(m.Start, m.End, r.Start, r.End) > 0));
    }

    private static int Overlap(int aStart, int aEnd, int bStart, int bEnd) => Math.Max(0, Math.Min(aEnd, bEnd) - Math.Max(aStart, bStart));
}
