using System.Collections.Concurrent;
using System.Text;

namespace NewsApi.Nlp.Ner;

/// <summary>The forms of one token the features look at.</summary>
public sealed class WordForm
{
    /// <summary>The token with typographic quotes and dashes mapped to the ASCII forms of the training corpus.</summary>
    public required string Word { get; init; }

    public required string Lower { get; init; }

    /// <summary>Character classes with runs capped at four: "Blinken" → "Xxxxx", "1,200" → "d,ddd".</summary>
    public required string Shape { get; init; }

    /// <summary>Character classes with runs collapsed: "Blinken" → "Xx", "U.S." → "X.X.".</summary>
    public required string ShortShape { get; init; }

    public bool InitialCapital => Word.Length > 0 && char.IsUpper(Word[0]);

    public bool AllCapitals { get; init; }

    public bool HasLetter { get; init; }

    public bool HasDigit { get; init; }

    public bool IsPunctuation { get; init; }

    /// <summary>Text hashes (<see cref="FeatureHash.Text"/>) of the forms above, computed once per distinct word.</summary>
    public ulong WordHash { get; init; }

    public ulong LowerHash { get; init; }

    /// <summary>Hash of the lower-cased word with its first letter capitalised ("delaware", "DELAWARE" → "Delaware").</summary>
    public ulong TitleHash { get; init; }

    public ulong ShapeHash { get; init; }

    public ulong ShortShapeHash { get; init; }

    /// <summary>Hashes of the word's first 1–4 characters (as many as it has).</summary>
    public required ulong[] PrefixHashes { get; init; }

    /// <summary>Hashes of the word's last 1–4 characters.</summary>
    public required ulong[] SuffixHashes { get; init; }
}

public static class WordForms
{
    private const int MaxCached = 500_000;
    private static readonly ConcurrentDictionary<string, WordForm> Cache = new(StringComparer.Ordinal);

    private static bool NeedsNormalizing(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
        {
            if (c is '’' or '‘' or 'ʼ' or '“' or '”' or '„' or '—' or '–' or '‐' or '‑' or '…' or '\u00A0')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The forms of a token as it appears in text (normalised first), without allocating for known words.</summary>
    public static WordForm Of(ReadOnlySpan<char> token)
    {
        if (NeedsNormalizing(token))
        {
            return Of(Normalize(token));
        }

        return Cache.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(token, out var cached) ? cached : Of(token.ToString());
    }

    /// <summary>Maps typographic characters to the ASCII forms the CoNLL corpus uses.</summary>
    public static string Normalize(ReadOnlySpan<char> token)
    {
        if (!NeedsNormalizing(token))
        {
            return token.ToString();
        }

        var builder = new StringBuilder(token.Length);
        foreach (var c in token)
        {
            builder.Append(c switch
            {
                '’' or '‘' or 'ʼ' => "'",
                '“' or '”' or '„' => "\"",
                '—' or '–' => "-",
                '‐' or '‑' => "-",
                '…' => "...",
                '\u00A0' => " ",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>The forms of a normalised token, cached: most tokens of news are frequent words.</summary>
    public static WordForm Of(string word)
    {
        if (Cache.TryGetValue(word, out var cached))
        {
            return cached;
        }

        var form = Create(word);
        if (Cache.Count < MaxCached)
        {
            Cache.TryAdd(word, form);
        }

        return form;
    }

    private static WordForm Create(string word)
    {
        var shape = new StringBuilder(Math.Min(word.Length, 12));
        var shortShape = new StringBuilder(6);
        char previous = '\0';
        var run = 0;
        bool letter = false, digit = false, lower = false, punctuation = true;
        foreach (var c in word)
        {
            var cls = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            letter |= char.IsLetter(c);
            digit |= char.IsDigit(c);
            lower |= char.IsLower(c);
            punctuation &= char.IsPunctuation(c) || char.IsSymbol(c);
            run = cls == previous ? run + 1 : 1;
            if (run <= 4)
            {
                shape.Append(cls);
            }

            if (cls != previous)
            {
                shortShape.Append(cls);
            }

            previous = cls;
        }

        var lowerWord = word.ToLowerInvariant();
        var shapeText = shape.ToString();
        var shortShapeText = shortShape.ToString();
        var affixes = Math.Min(4, word.Length);
        var prefixes = new ulong[affixes];
        var suffixes = new ulong[affixes];
        for (var n = 1; n <= affixes; n++)
        {
            prefixes[n - 1] = FeatureHash.Text(word.AsSpan(0, n));
            suffixes[n - 1] = FeatureHash.Text(word.AsSpan(word.Length - n));
        }

        return new WordForm
        {
            Word = word,
            Lower = lowerWord,
            Shape = shapeText,
            ShortShape = shortShapeText,
            WordHash = FeatureHash.Text(word),
            LowerHash = FeatureHash.Text(lowerWord),
            TitleHash = lowerWord.Length > 0 ? FeatureHash.Text(char.ToUpperInvariant(lowerWord[0]) + lowerWord[1..]) : 0,
            ShapeHash = FeatureHash.Text(shapeText),
            ShortShapeHash = FeatureHash.Text(shortShapeText),
            PrefixHashes = prefixes,
            SuffixHashes = suffixes,
            AllCapitals = letter && !lower,
            HasLetter = letter,
            HasDigit = digit,
            IsPunctuation = punctuation && word.Length > 0,
        };
    }
}
