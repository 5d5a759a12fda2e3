using System.Text;

namespace NewsApi.Nlp.Training.Evaluation;

/// <summary>Comparing phrases by their words, as evaluations of 5W1H and entity names do.</summary>
public static class PhraseMatch
{
    private static readonly HashSet<string> Stopwords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "and", "in", "on", "at", "to", "for", "by", "with", "from", "as", "is", "was", "were", "be", "has", "have", "had",
        "its", "his", "her", "their", "that", "this", "it", "'s", "s",
    };

    /// <summary>Lower-case content words: letters and digits, stop words left out.</summary>
    public static List<string> Words(string? phrase)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(phrase))
        {
            return words;
        }

        var current = new StringBuilder();
        foreach (var c in phrase + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                if (!Stopwords.Contains(current.ToString()))
                {
                    words.Add(current.ToString());
                }

                current.Clear();
            }
        }

        return words;
    }

    /// <summary>
    /// The Giveme5W1H criterion: the system's phrase is a hit when at least half of its words appear in one of the
    /// annotated phrases. An empty answer is never a hit.
    /// </summary>
    public static bool Hit(string? system, IEnumerable<string> annotated)
    {
        var words = Words(system);
        if (words.Count == 0)
        {
            return false;
        }

        foreach (var phrase in annotated)
        {
            var gold = Words(phrase).ToHashSet(StringComparer.Ordinal);
            if (gold.Count > 0 && words.Count(gold.Contains) * 2 >= words.Count)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A name's matching key: its words, without "the" and possessives, lower case, full stops gone ("U.S." → "us").</summary>
    public static string Key(string name) => string.Join(' ', Words(name.Replace(".", "", StringComparison.Ordinal).Replace("’s", "", StringComparison.Ordinal).Replace("'s", "", StringComparison.Ordinal)));

    /// <summary>Token Jaccard similarity of two texts (all words, for sentences).</summary>
    public static double Jaccard(string a, string b)
    {
        var x = Words(a).ToHashSet(StringComparer.Ordinal);
        var y = Words(b).ToHashSet(StringComparer.Ordinal);
        return x.Count + y.Count == 0 ? 0 : (double)x.Count(y.Contains) / x.Union(y).Count();
    }

    /// <summary>The share of the smaller text's words that the larger one has.</summary>
    public static double Containment(string a, string b)
    {
        var x = Words(a).ToHashSet(StringComparer.Ordinal);
        var y = Words(b).ToHashSet(StringComparer.Ordinal);
        var smaller = x.Count <= y.Count ? x : y;
        var larger = ReferenceEquals(smaller, x) ? y : x;
        return smaller.Count == 0 ? 0 : (double)smaller.Count(larger.Contains) / smaller.Count;
    }
}
