namespace NewsApi.Nlp.Ner;

/// <summary>
/// 64-bit feature identifiers: a template number mixed with the feature's values (FNV-1a over the characters,
/// then a final avalanche). Features are never materialised as strings, which keeps tagging allocation-free.
/// </summary>
public static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Start(int template) => Step(Offset, (uint)template + 0x9E37u);

    public static ulong Add(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        return (hash ^ 0xFFFF) * Prime;
    }

    public static ulong Add(ulong hash, int value) => Step(hash, (uint)value);

    public static ulong Of(int template) => Finish(Start(template));

    public static ulong Of(int template, ReadOnlySpan<char> text) => Finish(Add(Start(template), text));

    public static ulong Of(int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Finish(Add(Add(Start(template), a), b));

    public static ulong Of(int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b, ReadOnlySpan<char> c) =>
        Finish(Add(Add(Add(Start(template), a), b), c));

    public static ulong Of(int template, int value) => Finish(Add(Start(template), value));

    public static ulong Of(int template, int value, ReadOnlySpan<char> text) => Finish(Add(Add(Start(template), value), text));

    public static ulong Of(int template, int a, int b) => Finish(Add(Add(Start(template), a), b));

    /// <summary>The hash of a phrase for gazetteer lookups: lower-cased words joined by single spaces.</summary>
    public static ulong Phrase(IEnumerable<string> lowerWords)
    {
        var hash = PhraseStart;
        var first = true;
        foreach (var word in lowerWords)
        {
            hash = PhraseAdd(hash, word, first);
            first = false;
        }

        return Finish(hash);
    }

    /// <summary>The unfinished hash of an empty phrase; extend it word by word with <see cref="PhraseAdd"/>.</summary>
    public static readonly ulong PhraseStart = Start(-1);

    public static ulong PhraseAdd(ulong hash, ReadOnlySpan<char> lowerWord, bool first)
    {
        if (!first)
        {
            hash = (hash ^ ' ') * Prime;
        }

        foreach (var c in lowerWord)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }

    /// <summary>Finishes an unfinished phrase hash.</summary>
    public static ulong PhraseEnd(ulong hash) => Finish(hash);

    private static ulong Step(ulong hash, uint value)
    {
        for (var i = 0; i < 4; i++)
        {
            hash = (hash ^ (value & 0xFF)) * Prime;
            value >>= 8;
        }

        return hash;
    }

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
