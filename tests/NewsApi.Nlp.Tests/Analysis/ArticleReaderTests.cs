using System.Text;
using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Normalisation;

namespace NewsApi.Nlp.Tests.Analysis;

public sealed class ArticleReaderTests
{
    [Fact]
    public void A_file_is_decoded_and_normalised_in_one_call()
    {
        var bytes = Encoding.UTF8.GetBytes("Harbour reopens\r\n\r\nThe harbour reopened on Monday after repairs that took three months.\r\n");

        Assert.True(ArticleReader.TryRead(bytes, out var file, out var rejection));
        Assert.Null(rejection);
        Assert.Equal("utf-8", file.Decoded.Encoding);
        Assert.Equal("Harbour reopens", file.Article.Title);
        Assert.Contains("three months", file.Article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void What_is_not_an_article_comes_back_with_the_reason_an_import_shows()
    {
        Assert.False(ArticleReader.TryRead([], out var none, out var empty));
        Assert.Null(none);
        Assert.False(string.IsNullOrWhiteSpace(empty));

        Assert.False(ArticleReader.TryRead([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], out _, out var binary));
        Assert.NotEqual(ArticleReader.NoArticleText, binary);
    }
}
