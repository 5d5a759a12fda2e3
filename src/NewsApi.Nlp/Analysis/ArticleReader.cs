using System.Diagnostics.CodeAnalysis;
using NewsApi.Nlp.Normalisation;
using NewsApi.Nlp.Text;

namespace NewsApi.Nlp.Analysis;

/// <summary>A file's bytes read as an article: the decoded text (its encoding and what decoding noticed) and the clean article.</summary>
public sealed record ArticleFile(DecodedText Decoded, NormalizedArticle Article);

/// <summary>
/// The one front door from a file's bytes to an article, for the importer, the command-line tools, the benchmarks and
/// the tests alike: decode (<see cref="TextDecoder"/>), normalise (<see cref="ArticleNormalizer"/>), and check that an
/// article remains once page furniture is removed. What is not an article comes back with the reason, in the words
/// an import run shows.
/// </summary>
public static class ArticleReader
{
    public const string NoArticleText = "No article text remains once page furniture is removed.";

    public static bool TryRead(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out ArticleFile? file, [NotNullWhen(false)] out string? rejection)
    {
        file = null;
        if (!TextDecoder.TryDecode(bytes, out var decoded, out var refused))
        {
            rejection = refused!.Reason;
            return false;
        }

        var article = ArticleNormalizer.Normalize(decoded.Text);
        if (article.Paragraphs.Count == 0 || article.WordCount == 0)
        {
            rejection = NoArticleText;
            return false;
        }

        file = new ArticleFile(decoded, article);
        rejection = null;
        return true;
    }
}
