using System.Diagnostics;
using System.Globalization;
using NewsApi.Nlp.Ner;

namespace NewsApi.Nlp.Training.Ner;

/// <summary>The result of scoring a corpus: entity-level counts, and how fast tagging ran.</summary>
public sealed record EvaluationReport(EntityEvaluator Scores, int Documents, int Tokens, double TaggingSeconds)
{
    public double TokensPerSecond => TaggingSeconds > 0 ? Tokens / TaggingSeconds : 0;

    /// <summary>The report as printed by <c>ner eval</c>; the last line is <c>F1 … P … R … tokens/s …</c>.</summary>
    public IEnumerable<string> Lines(string subject)
    {
        var c = CultureInfo.InvariantCulture;
        yield return string.Create(c, $"{subject}: {Documents} documents, {Tokens:N0} tokens");
        foreach (var type in Scores.Types)
        {
            var score = Scores.For(type);
            yield return string.Create(c, $"{type,-5} P {score.Precision,6:F2} R {score.Recall,6:F2} F1 {score.F1,6:F2}  ({score.Gold} gold, {score.Predicted} predicted, {score.Correct} correct)");
        }

        var overall = Scores.Overall;
        yield return string.Create(c, $"F1 {overall.F1:F2} P {overall.Precision:F2} R {overall.Recall:F2} tokens/s {TokensPerSecond:F0}");
    }
}

/// <summary>Scores entity recognition on CoNLL-style files (see <see cref="EntityEvaluator"/> for the rules).</summary>
public static class ConllEvaluation
{
    /// <summary>Tags every document with <paramref name="model"/> and scores it against the gold tags.</summary>
    public static EvaluationReport Evaluate(IReadOnlyList<ConllDocument> documents, NerModel model, IReadOnlySet<EntityType>? types = null)
    {
        var evaluator = new EntityEvaluator(types);
        var tokens = 0;
        var stopwatch = new Stopwatch();
        foreach (var document in documents)
        {
            var input = TaggerDocument.FromWords(document.Sentences.Select(s => (IReadOnlyList<string>)s.Tokens));
            stopwatch.Start();
            var labels = model.Tag(input);
            stopwatch.Stop();
            for (var s = 0; s < document.Sentences.Count; s++)
            {
                evaluator.Add(document.Sentences[s].Entities, Bilou.Decode(labels[s]));
                tokens += document.Sentences[s].Tokens.Length;
            }
        }

        return new EvaluationReport(evaluator, documents.Count, tokens, stopwatch.Elapsed.TotalSeconds);
    }

    /// <summary>Scores predictions already in the file (conlleval's input: gold tags, then predicted tags, as the last two columns).</summary>
    public static EvaluationReport Score(IReadOnlyList<ConllDocument> gold, IReadOnlyList<ConllDocument> predicted, IReadOnlySet<EntityType>? types = null)
    {
        var evaluator = new EntityEvaluator(types);
        var tokens = 0;
        for (var d = 0; d < gold.Count; d++)
        {
            for (var s = 0; s < gold[d].Sentences.Count; s++)
            {
                evaluator.Add(gold[d].Sentences[s].Entities, predicted[d].Sentences[s].Entities);
                tokens += gold[d].Sentences[s].Tokens.Length;
            }
        }

        return new EvaluationReport(evaluator, gold.Count, tokens, 0);
    }
}
