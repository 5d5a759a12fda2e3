using NewsApi.Nlp.Normalisation;
using NewsApi.Nlp.Text;

namespace NewsApi.Nlp.Tests.Normalisation;

/// <summary>The same rules on BBC News files (headline on line 1, blank-line paragraphs), which nobody tuned them to.</summary>
public class BbcNormalisationTests
{
    [BbcFact]
    public void A_sample_of_every_section_keeps_line_one_as_title_and_every_paragraph()
    {
        foreach (var section in new[] { "business", "entertainment", "politics", "sport", "tech" })
        {
            foreach (var path in Directory.GetFiles(Path.Combine(TestData.Bbc, section), "*.txt").Order().Take(40))
            {
                Assert.True(TextDecoder.TryDecode(File.ReadAllBytes(path), out var decoded, out _));
                var article = ArticleNormalizer.Normalize(decoded.Text);
                var lines = LineCleaner.SplitLines(decoded.Text).Select(LineCleaner.Clean).Where(l => l.Length > 0).ToList();

                Assert.Equal(lines[0].TrimEnd('.'), article.Title.TrimEnd('.'));
                Assert.False(article.TitleDerived, path);
                Assert.Null(article.Subtitle);
                Assert.Null(article.Source);
                Assert.Null(article.Dateline);
                Assert.Equal(lines.Skip(1).Where(l => !article.Removed.Any(r => r.Text == l)), article.Paragraphs);
            }
        }
    }

    [BbcFact]
    public void Guest_columns_name_their_author_from_the_note_at_the_foot()
    {
        var article = TestData.NormalizeFile(Path.Combine(TestData.Bbc, "tech", "396.txt"));

        Assert.Equal(["Owain Bennallack"], article.Authors);
        Assert.Null(article.Source);
        Assert.DoesNotContain("is the editor of", article.Body);
    }

    [BbcFact]
    public void Headlines_ending_in_an_ellipsis_are_still_headlines()
    {
        var article = TestData.NormalizeFile(Path.Combine(TestData.Bbc, "tech", "301.txt"));

        Assert.Equal("Rivals of the £400 Apple...", article.Title);
        Assert.False(article.TitleDerived);
    }

    [BbcFact]
    public void The_latin1_file_normalises_with_its_pound_signs()
    {
        var article = TestData.NormalizeFile(Path.Combine(TestData.Bbc, "sport", "199.txt"));

        Assert.Contains("£", article.Body);
        Assert.Equal("en", article.Language);
    }
}
