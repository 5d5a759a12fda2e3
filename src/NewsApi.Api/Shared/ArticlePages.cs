using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Articles;
using NewsApi.Api.Infrastructure;
using NewsApi.Data.Configurations;
using NewsApi.Data.Entities;
using NewsApi.Nlp.Normalisation;

namespace NewsApi.Api.Shared;

/// <summary>
/// Articles as lists and the article endpoint show them, from one projection (<see cref="ArticleRow"/>): pages of
/// summaries by date (for <c>GET /articles</c> and an entity's articles) and by relevance, and the row of one article.
/// </summary>
public static class ArticlePages
{
    private const int ExcerptLength = 240;

    public static readonly KeysetOrder<Article, (DateTimeOffset, long)> Newest = Keyset.Order((Article a) => a.SortDate, a => a.Id, descending: true);

    public static readonly KeysetOrder<Article, (DateTimeOffset, long)> Oldest = Keyset.Order((Article a) => a.SortDate, a => a.Id, descending: false);

    public static IKeysetOrder Relevance => ByRank;

    private static readonly KeysetOrder<Ranked, (float, long)> ByRank = Keyset.Order((Ranked r) => r.Rank, r => r.Id, descending: true);

    /// <summary>An article's summary fields, with the start of its body for the excerpt.</summary>
    private static readonly Expression<Func<Article, ArticleRow>> Summaries = Project(a => a.Body.Substring(0, ExcerptLength + 1), a => null);

    /// <summary>An article's fields for <c>GET /articles/{id}</c>: the summary's, the whole body and the rest.</summary>
    public static readonly Expression<Func<Article, ArticleRow>> Details = Project(a => a.Body, a => new ArticleDetailRow
    {
        Encoding = a.Encoding,
        Flags = a.Flags,
        UpdatedAt = a.UpdatedAt,
        PipelineVersion = a.PipelineVersion,
        StoryId = a.StoryId,
        DuplicateOfId = a.DuplicateOfId,
        MainEvent = a.MainEvent,
        Dates = a.Dates,
    });

    /// <summary>A page of article summaries in a date order.</summary>
    public static async Task<Page<ArticleSummary>> ByDateAsync(Paging paging, IQueryable<Article> articles, KeysetOrder<Article, (DateTimeOffset, long)> order,
        Cursor? after, int limit, string fingerprint, CancellationToken cancellationToken)
    {
        var rows = await order.Page(articles, after).Take(limit + 1).Select(Summaries).ToListAsync(cancellationToken);
        var page = paging.Create(rows, limit, fingerprint, order, r => (r.SortDate, r.Summary.Id));
        return new Page<ArticleSummary>(page.Items.Select(Summary).ToList(), page.Next);
    }

    /// <summary>A page of article summaries, best match for <paramref name="q"/> first.</summary>
    public static async Task<Page<ArticleSummary>> ByRelevanceAsync(Paging paging, IQueryable<Article> articles, string q,
        Cursor? after, int limit, string fingerprint, CancellationToken cancellationToken)
    {
        var ranked = articles.Select(a => new Ranked { Id = a.Id, Rank = a.SearchVector.Rank(EF.Functions.WebSearchToTsQuery(ArticleConfiguration.SearchConfiguration, q)) });
        var ranks = await ByRank.Page(ranked, after).Take(limit + 1).Select(r => new { r.Id, r.Rank }).ToListAsync(cancellationToken);

        // The summaries of the ranked ids in one query, then the rank order restored.
        var ids = ranks.Select(r => r.Id).ToList();
        var rows = await articles.Where(a => ids.Contains(a.Id)).Select(Summaries).ToDictionaryAsync(r => r.Summary.Id, cancellationToken);
        var page = paging.Create(ranks, limit, fingerprint, ByRank, r => (r.Rank, r.Id));
        return new Page<ArticleSummary>(page.Items.Select(r => Summary(rows[r.Id])).ToList(), page.Next);
    }

    private static ArticleSummary Summary(ArticleRow r) => r.Summary with { Excerpt = Excerpt(r.Text) };

    private static string Excerpt(string start)
    {
        var text = start.Replace(NormalizedArticle.ParagraphSeparator, " ", StringComparison.Ordinal);
        if (text.Length <= ExcerptLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', ExcerptLength);
        return text[..(cut > ExcerptLength / 2 ? cut : ExcerptLength)].TrimEnd(',', ';', ':', ' ') + "…";
    }

    /// <summary>The one projection of an article's fields, with the text and the detail fields a use needs put in.</summary>
    private static Expression<Func<Article, ArticleRow>> Project(Expression<Func<Article, string>> text, Expression<Func<Article, ArticleDetailRow?>> detail)
    {
        Expression<Func<Article, string, ArticleDetailRow?, ArticleRow>> template = (a, t, d) => new ArticleRow
        {
            // The excerpt is cut from Text once the row is loaded (at a word, in .NET).
            Summary = new ArticleSummary
            {
                Id = a.Id,
                Title = a.Title,
                TitleDerived = a.TitleDerived,
                Subtitle = a.Subtitle,
                Authors = a.Authors,
                Source = a.Source == null ? null : new SourceReference(a.Source.Id, a.Source.Name),
                Dateline = a.Dateline,
                PublishedAt = a.PublishedAt,
                Language = a.Language,
                WordCount = a.WordCount,
                Excerpt = "",
                File = a.File,
                ImportedAt = a.ImportedAt,
            },
            SortDate = a.SortDate,
            Text = t,
            Detail = d,
        };
        var article = template.Parameters[0];
        var body = new Substitute(new Dictionary<ParameterExpression, Expression>
        {
            [template.Parameters[1]] = new Substitute(new() { [text.Parameters[0]] = article }).Visit(text.Body),
            [template.Parameters[2]] = new Substitute(new() { [detail.Parameters[0]] = article }).Visit(detail.Body),
        }).Visit(template.Body);
        return Expression.Lambda<Func<Article, ArticleRow>>(body, article);
    }

    private sealed class Substitute(Dictionary<ParameterExpression, Expression> map) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => map.TryGetValue(node, out var to) ? to : base.VisitParameter(node);
    }

    private sealed class Ranked
    {
        public long Id { get; init; }

        public float Rank { get; init; }
    }
}

/// <summary>An article as <see cref="ArticlePages"/> projects it (not a wire type): its summary, sort date and text.</summary>
public sealed class ArticleRow
{
    /// <summary>The summary fields, the excerpt still empty.</summary>
    public required ArticleSummary Summary { get; init; }

    public DateTimeOffset SortDate { get; init; }

    /// <summary>The body, or its start for a summary's excerpt.</summary>
    public required string Text { get; init; }

    /// <summary>The fields only <c>GET /articles/{id}</c> shows; null in a summary.</summary>
    public ArticleDetailRow? Detail { get; init; }
}

public sealed class ArticleDetailRow
{
    public required string Encoding { get; init; }

    public required IReadOnlyList<string> Flags { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public string? PipelineVersion { get; init; }

    public long? StoryId { get; init; }

    public long? DuplicateOfId { get; init; }

    /// <summary>The stored date expressions (<see cref="Article.Dates"/>); null when the article's analysis predates them.</summary>
    public string? Dates { get; init; }

    public MainEventFrame? MainEvent { get; init; }
}
