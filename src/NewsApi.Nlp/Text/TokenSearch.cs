namespace NewsApi.Nlp.Text;

/// <summary>Finding tokens by character offset.</summary>
public static class TokenSearch
{
    /// <summary>
    /// The index of the token containing <paramref name="offset"/>: the last token starting at or before it
    /// (-1 when the offset comes before the first token). Binary search over the tokens, which are in text order.
    /// </summary>
    public static int IndexAt(this IReadOnlyList<Token> tokens, int offset)
    {
        int low = 0, high = tokens.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (tokens[middle].Start <= offset)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low - 1;
    }
}
