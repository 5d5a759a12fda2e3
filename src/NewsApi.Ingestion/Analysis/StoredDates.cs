using NewsApi.Data.Entities;
using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Dates;

namespace NewsApi.Ingestion.Analysis;

/// <summary>
/// An article's date expressions as <see cref="Article.Dates"/> stores them: found in its whole title and body
/// against its publication date, exactly as <c>GET /articles/{id}</c> would find them on its own.
/// </summary>
public static class StoredDates
{
    /// <summary>
    /// The dates of an analysed article, serialised: the analysis's own when it read the whole text, else (an
    /// article past the analysis's length limit) found again in the whole text. Called where the analysis is made,
    /// outside any transaction, so that the whole-text search of a long article holds no lock.
    /// </summary>
    public static string Of(string? title, string body, DateOnly? published, ArticleAnalysis analysis) =>
        ArticleDateRecord.Serialize(analysis.LimitsReached.Contains(AnalysisLimits.TruncatedFlag)
            ? Find(title, body, published)
            : Records(analysis.Dates, BodyOffset(title)));

    /// <summary>The date expressions of a title (null when it was derived from the body) and body.</summary>
    public static List<ArticleDateRecord> Find(string? title, string body, DateOnly? published) =>
        Records(DateResolver.Find(ArticleAnalyzer.Join(title, body), published), BodyOffset(title));

    private static int BodyOffset(string? title) => string.IsNullOrWhiteSpace(title) ? 0 : title.Length + 2;

    private static List<ArticleDateRecord> Records(IEnumerable<DateMention> dates, int bodyOffset) =>
        dates.Select(d =>
        {
            var inTitle = d.Start < bodyOffset;
            var shift = inTitle ? 0 : bodyOffset;
            return new ArticleDateRecord(d.Text, inTitle, d.Start - shift, d.End - shift, d.Kind == DateKind.Duration, d.Iso,
                d.Resolved ? d.Precision.ToString().ToLowerInvariant() : null, d.Value, d.Until, d.Duration);
        }).ToList();
}
