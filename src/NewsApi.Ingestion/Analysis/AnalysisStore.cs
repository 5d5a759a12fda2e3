using NewsApi.Data;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data.Entities;
using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Entities;

namespace NewsApi.Ingestion.Analysis;

/// <summary>
/// Stores everything an analysis found about an article, in the caller's transaction: entities (which take the
/// resolution lock), then quotes, events and the article's story, all linked to the entity records. Everything
/// after the lock is serialised across importers, so each step keeps its round trips few (and skips deleting
/// what a never-analysed article cannot have).
/// </summary>
public sealed class AnalysisStore(EntityStore entities, EventStore events, StoryStore stories, TimeProvider time)
{
    /// <summary>
    /// Stores <paramref name="analysis"/> of <paramref name="article"/> and <paramref name="dates"/>, its dates as
    /// <see cref="StoredDates.Of"/> serialised them where the analysis was made. <paramref name="previousSortDate"/>:
    /// the article's date when its previous analysis was stored, if an update changed it (null: unchanged).
    /// </summary>
    public async Task StoreAsync(NewsDbContext db, Article article, ArticleAnalysis analysis, string dates, string pipelineVersion,
        DateTimeOffset? previousSortDate, CancellationToken cancellationToken)
    {
        var fresh = article.AnalysedAt is null;
        var ids = await entities.StoreAsync(db, article, analysis, fresh, previousSortDate ?? article.SortDate, cancellationToken);
        await QuoteStore.StoreAsync(db, article, analysis, ids, fresh, cancellationToken);
        await events.StoreAsync(db, article, analysis, ids, fresh, cancellationToken);
        var touched = await stories.StoreAsync(db, article, analysis.Text, fresh, cancellationToken);
        await StoreNamesAsync(db, article, analysis, fresh, cancellationToken);

        // The article row is written once, with everything the steps set on it.
        article.PipelineVersion = pipelineVersion;
        article.AnalysedAt = time.GetUtcNow();
        article.TokenCount = analysis.Tokens.Tokens.Count;
        article.Dates = dates;
        article.Flags = [.. article.Flags.Where(f => !AnalysisLimits.Flags.Contains(f)), .. analysis.LimitsReached];
        await db.SaveChangesAsync(cancellationToken);
        await StoryStore.RecomputeAsync(db, touched, cancellationToken);
    }

    /// <summary>The article's other names (works, products, competitions, awards), saved with the article row.</summary>
    private static async Task StoreNamesAsync(NewsDbContext db, Article article, ArticleAnalysis analysis, bool fresh, CancellationToken cancellationToken)
    {
        if (!fresh)
        {
            await db.ArticleNames.Where(n => n.ArticleId == article.Id).ExecuteDeleteAsync(cancellationToken);
        }

        foreach (var (name, key) in analysis.Names.Select(n => (n, EntityStore.Truncate(EntityNames.SearchKey(n.Name)))).DistinctBy(n => n.Item2))
        {
            var (start, end) = name.Mentions[0];
            var inTitle = start < analysis.BodyOffset;
            var shift = inTitle ? 0 : analysis.BodyOffset;
            db.ArticleNames.Add(new ArticleName
            {
                ArticleId = article.Id,
                NameKey = key,
                Name = EntityStore.Truncate(name.Name),
                MentionCount = name.Mentions.Count,
                InTitle = inTitle,
                Start = start - shift,
                End = end - shift,
            });
        }
    }
}
