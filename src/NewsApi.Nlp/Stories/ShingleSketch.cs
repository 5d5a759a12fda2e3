namespace NewsApi.Nlp.Stories;

/// <summary>
/// A document's sketch for near-duplicate and story detection: the hashes of its word 3-shingles (lower-cased
/// words of letters and digits), sampled by keeping those whose 64-bit hash is 0 modulo 4 (Broder's MOD-m
/// sketch). Two sketches estimate the Jaccard similarity of the documents' full shingle sets without bias, and
/// because the sample is chosen by value, not by document, the sampled hashes can be looked up in an inverted
/// index (PostgreSQL: <c>article_shingles</c>) to find candidates in one query, at any similarity threshold.
/// </summary>
public static class ShingleSketch
{
    public const int ShingleWords = 3;
    public const int SampleModulus = 4;

    /// <summary>Sorted distinct sampled shingle hashes of <paramref name="text"/>.</summary>
    public static int[] Compute(string text)
    {
        var hashes = new HashSet<int>();
        ulong w1 = 0, w2 = 0;
        var words = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            // FNV-1a over the lower-cased word.
            var h = 14695981039346656037UL;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                h = (h ^ char.ToLowerInvariant(text[i])) * 1099511628211UL;
                i++;
            }

            words++;
            if (words >= ShingleWords)
            {
                var shingle = Mix(Mix(w1 * 31 + w2) * 31 + h);
                if (shingle % SampleModulus == 0)
                {
                    hashes.Add((int)(shingle >> 32));
                }
            }

            w1 = w2;
            w2 = h;
        }

        var result = hashes.ToArray();
        Array.Sort(result);
        return result;
    }

    /// <summary>Shared hashes of two sorted sketches.</summary>
    public static int Shared(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared;
    }

    /// <summary>Estimated Jaccard similarity of the two documents.</summary>
    public static double Jaccard(int shared, int countA, int countB) =>
        countA + countB - shared <= 0 ? 0 : (double)shared / (countA + countB - shared);

    /// <summary>Estimated share of the smaller document's shingles found in the other (a short rewrite of a long story).</summary>
    public static double Containment(int shared, int countA, int countB) =>
        Math.Min(countA, countB) <= 0 ? 0 : (double)shared / Math.Min(countA, countB);

    // SplitMix64 finaliser: spreads the combined word hashes over all 64 bits.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>How similar two articles are, and what that makes them.</summary>
public enum Kinship
{
    Unrelated,

    /// <summary>The same story told in other words (a rewrite, a follow-up quoting the same sentences).</summary>
    SameStory,

    /// <summary>Nearly the same text.</summary>
    NearDuplicate,
}

/// <summary>The thresholds, measured on the BBC corpus and the seeds (docs/events.md, Stories).</summary>
public static class StoryRules
{
    /// <summary>Estimated Jaccard at or above which two articles are near-duplicates.</summary>
    public const double DuplicateJaccard = 0.7;

    /// <summary>Estimated Jaccard at or above which two articles tell one story.</summary>
    public const double StoryJaccard = 0.08;

    /// <summary>Or: this share of the shorter article's shingles are in the longer one.</summary>
    public const double StoryContainment = 0.3;

    /// <summary>At least this many shared sampled shingles (short texts give noisy estimates).</summary>
    public const int MinShared = 4;

    /// <summary>Dated articles further apart than this are not one story, however similar.</summary>
    public const int MaxDaysApart = 14;

    public static Kinship Judge(int shared, int countA, int countB, DateOnly? dateA = null, DateOnly? dateB = null)
    {
        if (shared < MinShared)
        {
            return Kinship.Unrelated;
        }

        var jaccard = ShingleSketch.Jaccard(shared, countA, countB);
        if (jaccard >= DuplicateJaccard)
        {
            return Kinship.NearDuplicate;
        }

        if (dateA is { } a && dateB is { } b && Math.Abs(a.DayNumber - b.DayNumber) > MaxDaysApart)
        {
            return Kinship.Unrelated;
        }

        return jaccard >= StoryJaccard || ShingleSketch.Containment(shared, countA, countB) >= StoryContainment
            ? Kinship.SameStory
            : Kinship.Unrelated;
    }
}
