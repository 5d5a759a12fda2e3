namespace NewsApi.Nlp.Text;

public enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
    Symbol,
    Url,
}

/// <summary>A token: a span of the source text, never a copy of it.</summary>
/// <param name="Start">Offset of the first character in the source text.</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Kind">What the token is.</param>
/// <param name="SpaceBefore">Whitespace (or the start of the text) precedes the token.</param>
/// <param name="LineBreakBefore">A line break precedes the token.</param>
public readonly record struct Token(int Start, int Length, TokenKind Kind, bool SpaceBefore, bool LineBreakBefore)
{
    public int End => Start + Length;

    public ReadOnlySpan<char> Span(string text) => text.AsSpan(Start, Length);

    public string Text(string text) => text.Substring(Start, Length);
}

/// <summary>
/// Splits news text into tokens with character offsets into the original text, in the convention of the
/// CoNLL-2003 and Penn Treebank corpora the tagger learns from: possessive and clitic endings are tokens of
/// their own ("Netanyahu" "’s"), hyphenated words stay whole ("al-Sisi", "cease-fire"), so do numbers
/// ("37,000", "1996-08-22", "3.5"), abbreviations keep their full stop ("U.S.", "Gen.", "Mr."), and URLs and
/// e-mail addresses are single tokens. A full stop glued to the next sentence ("Gallant.During") is split.
/// </summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5 + 4);
        Tokenize(text, tokens);
        return tokens;
    }

    public static void Tokenize(string text, List<Token> tokens)
    {
        var i = 0;
        var space = true;
        var lineBreak = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                space = true;
                lineBreak |= c is '\n' or '\r' or '\u2028' or '\u2029';
                i++;
                continue;
            }

            var start = i;
            var kind = TokenKind.Word;
            if (TryUrl(text, i, out var urlEnd))
            {
                i = urlEnd;
                kind = TokenKind.Url;
            }
            else if (char.IsLetterOrDigit(c))
            {
                i = ScanWord(text, i, out kind);
            }
            else if (c == '.' && i + 2 < text.Length && text[i + 1] == '.' && text[i + 2] == '.')
            {
                i += 3;
                kind = TokenKind.Punctuation;
            }
            else if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
            {
                i = SkipRun(text, i, '-');
                kind = TokenKind.Punctuation;
            }
            else if (IsApostrophe(c) && TryClitic(text, i, space, out var cliticEnd))
            {
                i = cliticEnd;
            }
            else
            {
                i += char.IsSurrogatePair(text, i) ? 2 : 1;
                kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
            }

            tokens.Add(new Token(start, i - start, kind, space, lineBreak));
            space = false;
            lineBreak = false;
        }
    }

    private static bool IsMark(char c) =>
        char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    public static bool IsApostrophe(char c) => c is '\'' or '’' or '‘' or 'ʼ';

    private static int ScanWord(string text, int start, out TokenKind kind)
    {
        var i = start;
        var digits = 0;
        var letters = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || IsMark(c))
            {
                if (char.IsDigit(c))
                {
                    digits++;
                }
                else
                {
                    letters++;
                }

                i++;
                continue;
            }

            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            var previous = text[i - 1];

            // Joiners inside a word: hyphens (al-Sisi), dots in numbers and dotted abbreviations (3.5, U.S.),
            // digit group separators (37,000), slashes and colons between digits (9/11, 10:30), apostrophes
            // inside names (O’Neill, Ha’ayin) but not before a clitic ending (Netanyahu’s, don’t).
            if (c is '-' or '‐' or '‑' && char.IsLetterOrDigit(next) && char.IsLetterOrDigit(previous))
            {
                i++;
                continue;
            }

            if (c is ',' or '/' or ':' && char.IsDigit(previous) && char.IsDigit(next))
            {
                i++;
                continue;
            }

            if (c == '.' && char.IsDigit(previous) && char.IsDigit(next))
            {
                i++;
                continue;
            }

            if (c == '.' && char.IsLetter(previous) && char.IsLetter(next) && IsDottedContinuation(text, start, i))
            {
                i++;
                continue;
            }

            if (IsApostrophe(c) && char.IsLetter(previous) && char.IsLetter(next) && !StartsClitic(text, i))
            {
                i++;
                continue;
            }

            break;
        }

        // A trailing full stop belongs to an abbreviation ("Gen.", "U.S.", "J.") but not to a sentence.
        if (i < text.Length && text[i] == '.' && letters > 0 && digits == 0 && KeepsFullStop(text, start, i))
        {
            i++;
        }

        kind = digits > 0 && letters == 0 ? TokenKind.Number : TokenKind.Word;
        return i;
    }

    /// <summary>Inside "U.S" or "a.m": short letter runs joined by dots, not "Gallant.During".</summary>
    private static bool IsDottedContinuation(string text, int start, int dot)
    {
        var runStart = dot;
        while (runStart > start && text[runStart - 1] != '.')
        {
            runStart--;
        }

        if (dot - runStart > 2)
        {
            return false;
        }

        var next = dot + 1;
        var runEnd = next;
        while (runEnd < text.Length && char.IsLetter(text[runEnd]))
        {
            runEnd++;
        }

        return runEnd - next <= 2;
    }

    private static bool KeepsFullStop(string text, int start, int dot)
    {
        var word = text.AsSpan(start, dot - start);
        if (Abbreviations.IsMonthOrDay(word))
        {
            return dot + 2 < text.Length && text[dot + 1] == ' ' && char.IsAsciiDigit(text[dot + 2]);
        }

        if (Abbreviations.IsDotted(word) || Abbreviations.IsKnown(word))
        {
            return true;
        }

        // An initial: one capital letter ("J. K. Rowling"), not a one-letter word ending a sentence ("plan B.").
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            var after = dot + 1;
            return after < text.Length && text[after] == ' ' && after + 1 < text.Length && char.IsUpper(text[after + 1]);
        }

        return false;
    }

    private static readonly string[] Clitics = ["s", "re", "ve", "ll", "d", "m", "t"];

    /// <summary>True when the apostrophe at <paramref name="index"/> starts a clitic: ’s ’re ’ve ’ll ’d ’m, or n’t.</summary>
    private static bool StartsClitic(string text, int index)
    {
        var end = index + 1;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        var rest = text.AsSpan(index + 1, end - index - 1);
        foreach (var clitic in Clitics)
        {
            if (rest.Equals(clitic, StringComparison.OrdinalIgnoreCase))
            {
                return clitic != "t" || (index > 0 && text[index - 1] is 'n' or 'N');
            }
        }

        return false;
    }

    /// <summary>’s, ’re, … after a word, and a bare possessive apostrophe after a plural (Hamas’ attack).</summary>
    private static bool TryClitic(string text, int index, bool spaceBefore, out int end)
    {
        end = index;
        if (spaceBefore || index == 0 || !char.IsLetterOrDigit(text[index - 1]))
        {
            return false;
        }

        if (StartsClitic(text, index))
        {
            end = index + 1;
            while (end < text.Length && char.IsLetter(text[end]))
            {
                end++;
            }

            return true;
        }

        return false;
    }

    private static int SkipRun(string text, int i, char c)
    {
        while (i < text.Length && text[i] == c)
        {
            i++;
        }

        return i;
    }

    private static bool TryUrl(string text, int i, out int end)
    {
        end = i;
        var span = text.AsSpan(i);
        var isUrl = span.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || span.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || span.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
        if (!isUrl && !LooksLikeEmail(text, i))
        {
            return false;
        }

        end = i;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('"' or '“' or '”' or '<' or '>'))
        {
            end++;
        }

        // Trailing punctuation ends the sentence, not the address.
        while (end > i && text[end - 1] is '.' or ',' or ';' or ':' or ')' or '!' or '?' or '\'' or '’')
        {
            end--;
        }

        return end > i;
    }

    private static bool LooksLikeEmail(string text, int i)
    {
        var end = i;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '.' or '_' or '-' or '+'))
        {
            end++;
        }

        if (end >= text.Length || text[end] != '@' || end == i)
        {
            return false;
        }

        var domain = end + 1;
        var dots = 0;
        var j = domain;
        while (j < text.Length && (char.IsLetterOrDigit(text[j]) || text[j] is '.' or '-'))
        {
            dots += text[j] == '.' ? 1 : 0;
            j++;
        }

        return dots > 0 && j - domain > 3;
    }
}
