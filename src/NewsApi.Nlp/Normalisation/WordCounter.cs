namespace NewsApi.Nlp.Normalisation;

/// <summary>
/// Counts words as a reader would: runs of letters and digits, joined across inner apostrophes, hyphens,
/// dots and digit separators, so "Netanyahu’s", "al-Sisi", "U.S." and "37,000" are one word each.
/// </summary>
public static class WordCounter
{
    public static int Count(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                if (!inWord)
                {
                    count++;
                    inWord = true;
                }

                continue;
            }

            var joins = inWord && c is '\'' or '’' or '-' or '.' or ',' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])
                && (c != ',' || (i > 0 && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1])));
            if (!joins)
            {
                inWord = false;
            }
        }

        return count;
    }
}
