using NewsApi.Nlp.Normalisation;

namespace NewsApi.Nlp.Tests.Normalisation;

/// <summary>General rules of the normaliser on hand-written articles.</summary>
public class ArticleNormalizerTests
{
    [Fact]
    public void Crlf_and_stray_whitespace_are_normalised_but_typography_is_kept()
    {
        var article = ArticleNormalizer.Normalize("Talks resume\r\n\r\nThe  minister’s   “quiet”\u00A0plan\u200B moved on.\r\n");

        Assert.Equal("Talks resume", article.Title);
        Assert.Equal(["The minister’s “quiet” plan moved on."], article.Paragraphs);
    }

    [Fact]
    public void Hard_wrapped_paragraphs_are_joined()
    {
        const string text = """
            Harbour reopens after repairs

            The harbour reopened on Monday after repairs that took three months,
            the port authority said, adding that ferries would run on the normal
            timetable from next week.

            Fishermen welcomed the news.
            """;

        var article = ArticleNormalizer.Normalize(text);

        Assert.Equal(2, article.Paragraphs.Count);
        Assert.StartsWith("The harbour reopened on Monday after repairs that took three months, the port authority said", article.Paragraphs[0]);
    }

    [Fact]
    public void Bylines_dates_and_copyright_lines_become_metadata()
    {
        const string text = """
            Harbour reopens after repairs
            By Jane Doe and John Roe
            Published March 3, 2019

            WASHINGTON (Reuters) — The harbour reopened on Monday after repairs that took three months.

            Ferries will run on the normal timetable from next week, officials said.

            Copyright 2019 Reuters. All rights reserved.
            """;

        var article = ArticleNormalizer.Normalize(text);

        Assert.Equal("Harbour reopens after repairs", article.Title);
        Assert.Null(article.Subtitle);
        Assert.Equal(["Jane Doe", "John Roe"], article.Authors);
        Assert.Equal(new DateOnly(2019, 3, 3), article.PublishedAt);
        Assert.Equal("Reuters", article.Source);
        Assert.Equal("Washington", article.Dateline?.Place);
        Assert.Equal(["The harbour reopened on Monday after repairs that took three months.", "Ferries will run on the normal timetable from next week, officials said."], article.Paragraphs);
    }

    [Fact]
    public void A_related_links_block_after_the_article_is_cut_but_not_one_followed_by_paragraphs()
    {
        const string tail = """
            Harbour reopens after repairs

            The harbour reopened on Monday after repairs that took three months, the port authority said.

            Related Articles
            Ferry fares to rise in spring
            Port strike called off
            """;
        Assert.Single(ArticleNormalizer.Normalize(tail).Paragraphs);

        const string middle = """
            Harbour reopens after repairs

            The harbour reopened on Monday after repairs that took three months, the port authority said.

            Related Articles

            Ferries will run on the normal timetable from next week, and fares will not rise until the spring, the operator said on Monday.
            """;
        Assert.Equal(2, ArticleNormalizer.Normalize(middle).Paragraphs.Count);
    }

    [Fact]
    public void Sentences_ending_with_a_full_stop_are_not_headlines()
    {
        var article = ArticleNormalizer.Normalize("The harbour reopened on Monday.\n\nFerries will run on the normal timetable from next week.");

        Assert.True(article.TitleDerived);
        Assert.Equal("The harbour reopened on Monday", article.Title);
        Assert.Equal(2, article.Paragraphs.Count);
    }

    [Fact]
    public void The_content_hash_ignores_formatting_but_not_words()
    {
        var a = ArticleNormalizer.Normalize("Title here\n\nSame words in the body.");
        var b = ArticleNormalizer.Normalize("Title here\r\n\r\nSame   words in the body.\r\n");
        var c = ArticleNormalizer.Normalize("Title here\n\nOther words in the body.");

        Assert.Equal(a.ContentHash(), b.ContentHash());
        Assert.NotEqual(a.ContentHash(), c.ContentHash());
    }
}
