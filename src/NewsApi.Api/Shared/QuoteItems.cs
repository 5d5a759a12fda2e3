using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Infrastructure;
using NewsApi.Data;
using NewsApi.Data.Entities;

namespace NewsApi.Api.Shared;

/// <summary>Quotes as <c>GET /quotes</c>, an entity's quotes and <c>GET /articles/{id}</c> show them.</summary>
public static class QuoteItems
{
    /// <summary>Quotes as the API shows them, in no particular order.</summary>
    public static async Task<List<QuoteItem>> ProjectAsync(NewsDbContext db, IQueryable<Quote> quotes, CancellationToken cancellationToken) =>
        (await quotes.Join(db.Articles, x => x.ArticleId, a => a.Id, Row).ToListAsync(cancellationToken)).Select(Item).ToList();

    /// <summary>An article's quotes, in no particular order: a compiled query (the by-id page runs it on every request).</summary>
    public static async Task<List<QuoteItem>> OfArticleAsync(NewsDbContext db, long articleId, CancellationToken cancellationToken) =>
        (await OfArticle(db, articleId).ToListAsync(cancellationToken)).Select(Item).ToList();

    /// <summary>The columns shown, not the whole row (its text vector is the largest column and is not shown).</summary>
    private static readonly Expression<Func<Quote, Article, QuoteRow>> Row = (x, a) => new QuoteRow
    {
        Id = x.Id,
        Text = x.Text,
        Kind = x.Kind,
        Cue = x.Cue,
        SpeakerId = x.SpeakerId,
        SpeakerText = x.SpeakerText,
        InTitle = x.InTitle,
        Start = x.Start,
        End = x.End,
        SpeakerStart = x.SpeakerStart,
        SpeakerEnd = x.SpeakerEnd,
        ArticleId = x.ArticleId,
        ArticleDate = x.ArticleDate,
        SpeakerName = x.Speaker == null ? null : x.Speaker.Name,
        SpeakerKind = x.Speaker == null ? null : x.Speaker.Kind,
        ArticleTitle = a.Title,
    };

    private static readonly Func<NewsDbContext, long, IAsyncEnumerable<QuoteRow>> OfArticle = EF.CompileAsyncQuery((NewsDbContext db, long articleId) =>
        db.Quotes.AsNoTracking().Where(q => q.ArticleId == articleId).Join(db.Articles, x => x.ArticleId, a => a.Id, Row));

    private static QuoteItem Item(QuoteRow r) => new()
    {
        Id = r.Id,
        Text = r.Text,
        Kind = r.Kind.ToString().ToLowerInvariant(),
        Cue = r.Cue,
        Speaker = r.SpeakerId is { } sid && r.SpeakerName is not null ? new QuoteSpeaker(sid, r.SpeakerName, EntityLookup.Noun(r.SpeakerKind!.Value)) : null,
        SpeakerText = r.SpeakerText,
        Offsets = new TextOffsets(r.InTitle ? "title" : "body", r.Start, r.End),
        SpeakerOffsets = r.SpeakerStart is { } start && r.SpeakerEnd is { } end ? new TextOffsets(r.InTitle ? "title" : "body", start, end) : null,
        ArticleId = r.ArticleId,
        ArticleTitle = r.ArticleTitle,
        ArticleDate = r.ArticleDate,
    };

    private sealed class QuoteRow
    {
        public long Id { get; init; }

        public required string Text { get; init; }

        public QuoteKind Kind { get; init; }

        public string? Cue { get; init; }

        public long? SpeakerId { get; init; }

        public string? SpeakerText { get; init; }

        public bool InTitle { get; init; }

        public int Start { get; init; }

        public int End { get; init; }

        public int? SpeakerStart { get; init; }

        public int? SpeakerEnd { get; init; }

        public long ArticleId { get; init; }

        public DateTimeOffset ArticleDate { get; init; }

        public string? SpeakerName { get; init; }

        public EntityKind? SpeakerKind { get; init; }

        public required string ArticleTitle { get; init; }
    }
}
