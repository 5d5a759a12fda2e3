using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Quotes;

namespace NewsApi.Ingestion.Analysis;

/// <summary>Replaces an article's quotes with those of its latest analysis, speakers linked to their stored records.</summary>
public static class QuoteStore
{
    /// <summary>Replaces the article's quotes; <paramref name="fresh"/> when the article was never analysed (nothing to delete).</summary>
    public static async Task StoreAsync(NewsDbContext db, Article article, ArticleAnalysis analysis,
        IReadOnlyDictionary<AnalysedEntity, long> ids, bool fresh, CancellationToken cancellationToken)
    {
        if (!fresh)
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM quotes WHERE article_id = {article.Id}", cancellationToken);
        }

        if (analysis.Quotes.Count == 0)
        {
            return;
        }

        var rows = analysis.Quotes.Select(q =>
        {
            var (inTitle, start) = EntityStore.Field(analysis, q.Start);
            var speakerStart = q.SpeakerStart >= 0 ? EntityStore.Field(analysis, q.SpeakerStart).Offset : (int?)null;
            return new
            {
                InTitle = inTitle,
                Start = start,
                End = start + (q.End - q.Start),
                q.Text,
                Kind = (q.Kind switch { QuoteType.Direct => QuoteKind.Direct, QuoteType.Partial => QuoteKind.Partial, _ => QuoteKind.Indirect }).ToString(),
                Cue = q.Cue is null ? null : EntityStore.Truncate(q.Cue, 50),
                SpeakerId = q.Speaker is not null && ids.TryGetValue(q.Speaker, out var id) ? id : (long?)null,
                SpeakerText = q.SpeakerText is null ? null : EntityStore.Truncate(q.SpeakerText),
                SpeakerStart = speakerStart,
                SpeakerEnd = speakerStart + q.SpeakerText?.Length,
                q.Sentence,
                q.Continues,
            };
        }).ToList();

        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO quotes (article_id, in_title, start, "end", text, kind, cue, speaker_id, speaker_text, speaker_start, speaker_end, sentence_index, continues, article_date)
            SELECT {article.Id}, * , {article.SortDate} FROM unnest({rows.Select(r => r.InTitle).ToArray()}, {rows.Select(r => r.Start).ToArray()},
              {rows.Select(r => r.End).ToArray()}, {rows.Select(r => r.Text).ToArray()}, {rows.Select(r => r.Kind).ToArray()}, {rows.Select(r => r.Cue).ToArray()},
              {rows.Select(r => r.SpeakerId).ToArray()}, {rows.Select(r => r.SpeakerText).ToArray()}, {rows.Select(r => r.SpeakerStart).ToArray()},
              {rows.Select(r => r.SpeakerEnd).ToArray()}, {rows.Select(r => r.Sentence).ToArray()}, {rows.Select(r => r.Continues).ToArray()})
            """, cancellationToken);
    }
}
