using NewsApi.Nlp.Text;

namespace NewsApi.Nlp.Normalisation;

/// <summary>
/// Makes a title for an article that has no headline: the first sentence of the body, cut at its first
/// clause boundary when that leaves a complete phrase of reasonable length.
/// </summary>
public static class TitleDeriver
{
    public const int MaxWords = 20;
    private const int MaxClauseWords = 25;
    private const int MinWords = 6;

    private static readonly string[] ClauseStarts = [" as ", " while ", " after ", " amid ", " because ", " since ", " following ", " despite ", " with ", " which ", " who "];

    public static string Derive(IReadOnlyList<string> paragraphs)
    {
        foreach (var paragraph in paragraphs)
        {
            var sentence = FirstSentence(paragraph);
            if (WordCount(sentence) >= 4)
            {
                return Shorten(sentence);
            }
        }

        return paragraphs.Count > 0 ? Shorten(FirstSentence(paragraphs[0])) : "";
    }

    /// <summary>The first sentence of a paragraph, with its final full stop removed.</summary>
    public static string FirstSentence(string paragraph)
    {
        for (var i = 0; i < paragraph.Length - 1; i++)
        {
            var c = paragraph[i];
            if (c is not ('.' or '!' or '?'))
            {
                continue;
            }

            var next = i + 1;
            while (next < paragraph.Length && paragraph[next] is '"' or '”' or '’' or '\'' or ')')
            {
                next++;
            }

            if (next >= paragraph.Length || paragraph[next] != ' ')
            {
                continue;
            }

            var following = next + 1 < paragraph.Length ? paragraph[next + 1] : ' ';
            if (!(char.IsUpper(following) || char.IsDigit(following) || following is '"' or '“' or '‘'))
            {
                continue;
            }

            if (c == '.' && IsAbbreviationBefore(paragraph, i))
            {
                continue;
            }

            return paragraph[..(c == '.' ? i : i + 1)].Trim();
        }

        return paragraph.TrimEnd('.', ' ');
    }

    private static bool IsAbbreviationBefore(string text, int dot)
    {
        var start = dot;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        var word = text.AsSpan(start, dot - start).TrimStart("\"“‘'(");
        return word.Length == 1 && char.IsUpper(word[0])
            || Abbreviations.IsKnown(word)
            || Abbreviations.IsDotted(word);
    }

    private static string Shorten(string sentence)
    {
        var words = WordCount(sentence);
        if (words <= 12)
        {
            return sentence;
        }

        var cut = FirstClauseBoundary(sentence);
        if (cut > 0)
        {
            var clause = sentence[..cut].TrimEnd(' ', ',', ';', ':', '—', '–');
            var clauseWords = WordCount(clause);
            if (clauseWords is >= MinWords and <= MaxClauseWords)
            {
                return clause;
            }
        }

        if (words <= MaxWords)
        {
            return sentence;
        }

        var kept = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(MaxWords);
        return string.Join(' ', kept).TrimEnd(',', ';', ':') + "…";
    }

    private static int FirstClauseBoundary(string sentence)
    {
        var best = -1;
        foreach (var separator in new[] { ",", ";", " —", " –", ":" })
        {
            var index = sentence.IndexOf(separator, StringComparison.Ordinal);
            if (index > 0 && (best < 0 || index < best) && WordCount(sentence[..index]) >= MinWords)
            {
                best = index;
            }
        }

        foreach (var start in ClauseStarts)
        {
            var index = sentence.IndexOf(start, StringComparison.Ordinal);
            if (index > 0 && (best < 0 || index < best) && WordCount(sentence[..index]) >= MinWords)
            {
                best = index;
            }
        }

        return best;
    }

    private static int WordCount(string text) => WordCounter.Count(text);
}
