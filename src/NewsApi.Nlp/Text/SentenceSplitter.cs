namespace NewsApi.Nlp.Text;

/// <summary>A sentence as a range of tokens.</summary>
/// <param name="FirstToken">Index of its first token.</param>
/// <param name="TokenCount">Number of tokens.</param>
public readonly record struct Sentence(int FirstToken, int TokenCount)
{
    public int EndToken => FirstToken + TokenCount;

    public int Start(IReadOnlyList<Token> tokens) => tokens[FirstToken].Start;

    public int End(IReadOnlyList<Token> tokens) => tokens[EndToken - 1].End;
}

/// <summary>
/// Splits tokens into sentences. A sentence ends at a line break, or at ".", "!", "?" or "…" (with any closing
/// quotes and brackets after it) when the next token can start a sentence. Abbreviations and initials keep
/// their full stop inside the token (see <see cref="Tokenizer"/>), so "Gen. Smith" and "J. K. Rowling" never
/// split; a dotted abbreviation ends a sentence only when the next word is a typical sentence opener
/// ("… to the U.S. The talks …").
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> SentenceOpeners = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "Or", "So", "Yet", "In", "On",
        "At", "This", "That", "These", "Those", "There", "Their", "His", "Her", "Its", "Our", "Some", "Many", "Most",
        "Officials", "Meanwhile", "However", "Still", "Now", "Then", "When", "While", "After", "Before", "If",
        "As", "For", "With", "Without", "Despite", "Although", "According",
    };

    public static List<Sentence> Split(string text, IReadOnlyList<Token> tokens)
    {
        var sentences = new List<Sentence>();
        var start = 0;

        // The last "(" not yet closed on this line: a full stop inside a short parenthesis ("Rep. Gregory Meeks (D-N.Y.),
        // chairman of …") is an abbreviation's, unless the bracket closes right after it.
        var open = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            var next = i + 1;
            var span = tokens[i].Span(text);
            if (span is "(")
            {
                open = i;
            }
            else if (span is ")")
            {
                open = -1;
            }

            if (next < tokens.Count && tokens[next].LineBreakBefore)
            {
                sentences.Add(new Sentence(start, next - start));
                start = next;
                open = -1;
                continue;
            }

            if (!EndsSentence(text, tokens, i)
                || (open >= 0 && i - open <= 8 && !(next < tokens.Count && tokens[next].Span(text) is ")")))
            {
                continue;
            }

            // Closing quotes and brackets after the full stop belong to this sentence.
            while (next < tokens.Count && !tokens[next].SpaceBefore && IsCloser(tokens[next].Span(text)))
            {
                next++;
            }

            if (next >= tokens.Count || CanStartSentence(text, tokens[next]) || tokens[next].LineBreakBefore)
            {
                i = next - 1;
                if (next < tokens.Count)
                {
                    sentences.Add(new Sentence(start, next - start));
                    start = next;
                }
            }
        }

        if (start < tokens.Count)
        {
            sentences.Add(new Sentence(start, tokens.Count - start));
        }

        return sentences;
    }

    private static bool EndsSentence(string text, IReadOnlyList<Token> tokens, int i)
    {
        var token = tokens[i];
        var span = token.Span(text);
        if (token.Kind == TokenKind.Punctuation)
        {
            return span is "." or "!" or "?" or "…" or "..." or "?!" or "!?";
        }

        // "U.S." ends a sentence only before a sentence opener; "Gen." and initials never do.
        if (token.Kind == TokenKind.Word && span.Length > 1 && span[^1] == '.' && Abbreviations.IsDotted(span[..^1]))
        {
            var next = i + 1 < tokens.Count ? tokens[i + 1] : default;
            return i + 1 >= tokens.Count || SentenceOpeners.Contains(next.Text(text));
        }

        return false;
    }

    private static bool IsCloser(ReadOnlySpan<char> span) =>
        span is "\"" or "”" or "’" or "'" or ")" or "]" or "»";

    private static bool CanStartSentence(string text, Token token)
    {
        var first = text[token.Start];
        return char.IsUpper(first) || char.IsDigit(first) || first is '"' or '“' or '‘' or '\'' or '(' or '[' or '«' or '—' or '-';
    }
}
