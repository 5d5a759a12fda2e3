using System.Text;

namespace NewsApi.Nlp.Normalisation;

/// <summary>
/// Whitespace normalisation for one line of text: Unicode NFC, every kind of space becomes one ASCII space,
/// invisible format characters and stray control characters go, and the line is trimmed. Typographic quotes,
/// apostrophes and dashes are kept as written.
/// </summary>
public static class LineCleaner
{
    /// <summary>Splits text into lines, accepting LF, CRLF and lone CR line ends.</summary>
    public static string[] SplitLines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');

    public static string Clean(string line)
    {
        if (line.Length == 0)
        {
            return line;
        }

        var normalised = line.IsNormalized(NormalizationForm.FormC) ? line : line.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalised.Length);
        var pendingSpace = false;
        foreach (var c in normalised)
        {
            if (IsInvisible(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Zero-width and other format characters that carry no text (soft hyphen, BOM, joiners).</summary>
    private static bool IsInvisible(char c) =>
        c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u200E' or '\u200F';
}
