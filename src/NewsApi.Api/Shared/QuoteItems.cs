using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Infrastructure;
using NewsApi.Data;
using NewsApi.Data.Entities;

namespace NewsApi.Api.Shared;

/// <summary>Quotes as <c>GET /quotes</c>, an entity's quotes and <c>GET /articles/{id}</c> show them.</summary>
public static class QuoteItems
{
    /// <summary>Quotes as the API shows them, in no particular order.</summary>
    public static async Task<List<QuoteItem>> ProjectAsync(NewsDbContext db, IQueryable<Quote> quotes, CancellationToken cancellationToken)
    {
        var rows = await (
                from x in quotes
                join a in db.Articles on x.ArticleId equals a.Id
                select new
                {
                    // The columns shown, not the whole row (its text vector is the largest column and is not shown).
                    Quote = new
                    {
                        x.Id, x.Text, x.Kind, x.Cue, x.SpeakerId, x.SpeakerText, x.InTitle, x.Start, x.End, x.SpeakerStart, x.SpeakerEnd, x.ArticleId, x.ArticleDate,
                    },
                    SpeakerName = x.Speaker == null ? null : x.Speaker.Name,
                    SpeakerKind = x.Speaker == null ? (EntityKind?)null : x.Speaker.Kind,
                    a.Title,
                })
            .ToListAsync(cancellationToken);

        return rows.Select(r => new QuoteItem
        {
            Id = r.Quote.Id,
            Text = r.Quote.Text,
            Kind = r.Quote.Kind.ToString().ToLowerInvariant(),
            Cue = r.Quote.Cue,
            Speaker = r.Quote.SpeakerId is { } sid && r.SpeakerName is not null ? new QuoteSpeaker(sid, r.SpeakerName, EntityLookup.Noun(r.SpeakerKind!.Value)) : null,
            SpeakerText = r.Quote.SpeakerText,
            Offsets = new TextOffsets(r.Quote.InTitle ? "title" : "body", r.Quote.Start, r.Quote.End),
            SpeakerOffsets = r.Quote.SpeakerStart is { } start && r.Quote.SpeakerEnd is { } end ? new TextOffsets(r.Quote.InTitle ? "title" : "body", start, end) : null,
            ArticleId = r.Quote.ArticleId,
            ArticleTitle = r.Title,
            ArticleDate = r.Quote.ArticleDate,
        }).ToList();
    }
}
