using NewsApi.Nlp.Entities;

namespace NewsApi.Nlp.Analysis;

/// <summary>
/// Bounds on the work and output of one article's analysis, so that a pathological file (a megabyte of one
/// repeated sentence, a roll call of thousands of names) costs a bounded time and a bounded number of rows.
/// Real news articles are far inside them; an article that reaches one is flagged with it.
/// </summary>
public sealed record AnalysisLimits
{
    public const string TruncatedFlag = "analysis-truncated";
    public const string MentionsCappedFlag = "mentions-capped";
    public const string QuotesCappedFlag = "quotes-capped";
    public const string EventsCappedFlag = "events-capped";

    /// <summary>Every flag an analysis can set (to replace them when an article is analysed again).</summary>
    public static readonly IReadOnlySet<string> Flags = new HashSet<string>(StringComparer.Ordinal)
    {
        TruncatedFlag, MentionsCappedFlag, QuotesCappedFlag, EventsCappedFlag,
    };

    public static AnalysisLimits Default { get; } = new();

    /// <summary>Characters of title and body analysed; the rest of a longer text is stored and served, not analysed.</summary>
    public int MaxCharacters { get; init; } = 200_000;

    /// <summary>Entity mentions kept, the first in text order.</summary>
    public int MaxMentions { get; init; } = 5_000;

    /// <summary>Quotes kept, the first in text order.</summary>
    public int MaxQuotes { get; init; } = 500;

    /// <summary>Event reports read (body sentences first) before they are merged into events.</summary>
    public int MaxEvents { get; init; } = 200;

    /// <summary>Where to cut a text to at most <paramref name="max"/> characters: the last paragraph, sentence or word break before it.</summary>
    public static int CutPoint(string text, int max)
    {
        var window = text.AsSpan(0, max);
        foreach (var separator in new[] { "\n\n", ". ", " " })
        {
            var at = window.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > max / 2)
            {
                return separator == ". " ? at + 1 : at;
            }
        }

        // Never split a surrogate pair.
        return char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
    }

    /// <summary>
    /// Keeps the first <paramref name="max"/> mentions (text order) across <paramref name="entities"/>, with the roles
    /// and alias counts they support; true when some were dropped. Entities left without mentions are the caller's to drop.
    /// </summary>
    public static bool KeepFirstMentions(List<AnalysedEntity> entities, int max)
    {
        var total = entities.Sum(e => e.Mentions.Count);
        if (total <= max)
        {
            return false;
        }

        var cutoff = entities.SelectMany(e => e.Mentions).Select(m => m.Start).Order().ElementAt(max);
        foreach (var entity in entities)
        {
            entity.Mentions.RemoveAll(m => m.Start >= cutoff);
            entity.Roles.RemoveAll(r => r.Start >= cutoff);
            entity.Aliases.Clear();
            foreach (var mention in entity.Mentions.Where(m => !string.Equals(m.Surface, entity.Name, StringComparison.Ordinal)))
            {
                entity.Aliases[mention.Surface] = entity.Aliases.GetValueOrDefault(mention.Surface) + 1;
            }
        }

        return true;
    }
}
