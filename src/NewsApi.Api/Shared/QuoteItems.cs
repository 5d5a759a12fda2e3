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
    private static readonly Expression<Func<Quote, Article, QuoteRow>> Row = (x, a) => new QuoteRow(
        new Quote
        {
            Id = x.Id, Text = x.Text, Kind = x.Kind, Cue = x.Cue, SpeakerId = x.SpeakerId, SpeakerText = x.SpeakerText, InTitle = x.InTitle,
            Start = x.Start, End = x.End, SpeakerStart = x.SpeakerStart, SpeakerEnd = x.SpeakerEnd, ArticleId = x.ArticleId, ArticleDate = x.ArticleDate,
            Continues = x.Continues,
        },
        x.Speaker == null ? null : x.Speaker.Name,
        x.Speaker == null ? null : x.Speaker.Kind,
        a.Title);

    private static readonly Func<NewsDbContext, long, IAsyncEnumerable<QuoteRow>> OfArticle = EF.CompileAsyncQuery((NewsDbContext db, long articleId) =>
        db.Quotes.AsNoTracking().Where(q => q.ArticleId == articleId).Join(db.Articles, x => x.ArticleId, a => a.Id, Row));

    private static QuoteItem Item(QuoteRow row)
    {
        var q = row.Quote;
        return new QuoteItem
        {
            Id = q.Id,
            Text = q.Text,
            Kind = q.Kind.ToString().ToLowerInvariant(),
            Cue = q.Cue,
            Speaker = q.SpeakerId is { } sid && row.SpeakerName is not null ? new QuoteSpeaker(sid, row.SpeakerName, EntityLookup.Noun(row.SpeakerKind!.Value)) : null,
            SpeakerText = q.SpeakerText,
            Offsets = new TextOffsets(q.InTitle ? "title" : "body", q.Start, q.End),
            SpeakerOffsets = q.SpeakerStart is { } start && q.SpeakerEnd is { } end ? new TextOffsets(q.InTitle ? "title" : "body", start, end) : null,
            Continues = q.Continues,
            ArticleId = q.ArticleId,
            ArticleTitle = row.ArticleTitle,
            ArticleDate = q.ArticleDate,
        };
    }

    /// <summary>A quote's shown columns, with its speaker's name and kind and its article's title.</summary>
    private sealed record QuoteRow(Quote Quote, string? SpeakerName, EntityKind? SpeakerKind, string ArticleTitle);
}
