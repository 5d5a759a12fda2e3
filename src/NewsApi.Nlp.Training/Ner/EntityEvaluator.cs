using NewsApi.Nlp.Ner;

namespace NewsApi.Nlp.Training.Ner;

/// <summary>Precision, recall and F1 as percentages.</summary>
public readonly record struct Score(int Correct, int Predicted, int Gold)
{
    public double Precision => Predicted == 0 ? 0 : 100.0 * Correct / Predicted;

    public double Recall => Gold == 0 ? 0 : 100.0 * Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Entity-level scoring in the conlleval convention: an entity counts as correct only when its span and its
/// type both match exactly. With a type filter, only those types are scored and predictions of other types
/// are ignored.
/// </summary>
public sealed class EntityEvaluator(IReadOnlySet<EntityType>? types = null)
{
    private readonly Dictionary<EntityType, (int Correct, int Predicted, int Gold)> _counts = [];

    public void Add(IReadOnlyList<TokenSpan> gold, IReadOnlyList<TokenSpan> predicted)
    {
        var goldSet = gold.Where(Counts).ToHashSet();
        foreach (var span in goldSet)
        {
            Bump(span.Type, gold: 1);
        }

        foreach (var span in predicted.Where(Counts).Distinct())
        {
            Bump(span.Type, predicted: 1, correct: goldSet.Contains(span) ? 1 : 0);
        }
    }

    public Score Overall => new(
        _counts.Values.Sum(c => c.Correct), _counts.Values.Sum(c => c.Predicted), _counts.Values.Sum(c => c.Gold));

    public Score For(EntityType type) =>
        _counts.TryGetValue(type, out var c) ? new Score(c.Correct, c.Predicted, c.Gold) : default;

    public IEnumerable<EntityType> Types => Enum.GetValues<EntityType>().Where(t => types is null || types.Contains(t));

    private bool Counts(TokenSpan span) => types is null || types.Contains(span.Type);

    private void Bump(EntityType type, int gold = 0, int predicted = 0, int correct = 0)
    {
        var c = _counts.GetValueOrDefault(type);
        _counts[type] = (c.Correct + correct, c.Predicted + predicted, c.Gold + gold);
    }
}
