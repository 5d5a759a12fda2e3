namespace NewsApi.Nlp.Ner;

/// <summary>
/// 64-bit feature identifiers. A text is hashed once (FNV-1a and an avalanche, see <see cref="Text"/>); word
/// forms cache their hashes, so a feature costs one mix of a per-template seed with those values. Features are
/// never materialised as strings, which keeps tagging allocation-light.
/// </summary>
public static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;
    private const ulong K1 = 0x9E3779B97F4A7C15UL;
    private const ulong K2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong K3 = 0x165667B19E3779F9UL;

    private static readonly ulong[] Seeds = Enumerable.Range(0, 128).Select(t => Finish((ulong)(t + 1) * K1 ^ 0x5bd1e995UL)).ToArray();

    /// <summary>The hash of a text.</summary>
    public static ulong Text(ReadOnlySpan<char> text)
    {
        var hash = Offset;
        foreach (var c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        return Finish(hash ^ (ulong)text.Length);
    }

    public static ulong Of(int template) => Seeds[template];

    public static ulong Of(int template, ulong a) => Finish(Seeds[template] ^ (a * K1));

    public static ulong Of(int template, ulong a, ulong b) => Finish(Seeds[template] ^ (a * K1) ^ (ulong.RotateLeft(b, 29) * K2));

    public static ulong Of(int template, ulong a, ulong b, ulong c) =>
        Finish(Seeds[template] ^ (a * K1) ^ (ulong.RotateLeft(b, 29) * K2) ^ (ulong.RotateLeft(c, 47) * K3));

    public static ulong OfInt(int template, int value) => Of(template, (ulong)(uint)value + 0x100000000UL);

    public static ulong OfInts(int template, int a, int b) => Of(template, (ulong)(uint)a + 0x100000000UL, (ulong)(uint)b + 0x100000000UL);

    public static ulong Of(int template, ReadOnlySpan<char> text) => Of(template, Text(text));

    /// <summary>The hash of a phrase of words given by their text hashes, for gazetteer lookups.</summary>
    public static ulong Phrase(IEnumerable<ulong> wordHashes)
    {
        var hash = PhraseStart;
        foreach (var word in wordHashes)
        {
            hash = PhraseAdd(hash, word);
        }

        return hash;
    }

    public const ulong PhraseStart = 0x27D4EB2F165667C5UL;

    public static ulong PhraseAdd(ulong hash, ulong wordHash) => Finish((hash * K2) ^ wordHash);

    private static ulong Finish(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash;
    }
}
