using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Nlp.Stories;

namespace NewsApi.Api.Stories;

/// <summary>
/// Puts each article in a story. The article's shingle sketch (<see cref="ShingleSketch"/>) is stored in an
/// inverted index (<c>article_shingles</c>); one query finds every stored article sharing sampled shingles,
/// and <see cref="StoryRules"/> judges each: a near-duplicate points to the earliest article it copies, and the
/// article joins the story of the articles it shares a story with (merging their stories when it bridges
/// several), or starts a story of its own. Runs under the resolution lock, inside the article's transaction.
/// </summary>
public sealed class StoryStore(TimeProvider time)
{
    public async Task StoreAsync(NewsDbContext db, Article article, string text, CancellationToken cancellationToken)
    {
        var sketch = ShingleSketch.Compute(text);
        var previousStory = article.StoryId;
        await db.Database.ExecuteSqlAsync($"DELETE FROM article_shingles WHERE article_id = {article.Id}", cancellationToken);

        var shared = sketch.Length == 0 ? [] : await db.ArticleShingles.AsNoTracking().Where(s => sketch.Contains(s.Hash))
            .GroupBy(s => s.ArticleId).Select(g => new { ArticleId = g.Key, Shared = g.Count() }).Where(g => g.Shared >= StoryRules.MinShared)
            .ToListAsync(cancellationToken);
        var sharedIds = shared.Select(s => s.ArticleId).ToArray();
        var others = await db.Articles.AsNoTracking().Where(a => sharedIds.Contains(a.Id))
            .Select(a => new { a.Id, a.ShingleCount, a.StoryId, a.DuplicateOfId, a.PublishedAt, a.SortDate })
            .ToDictionaryAsync(a => a.Id, cancellationToken);

        var related = shared.Where(s => others.ContainsKey(s.ArticleId))
            .Select(s => (Other: others[s.ArticleId], Kinship: StoryRules.Judge(s.Shared, sketch.Length, others[s.ArticleId].ShingleCount, article.PublishedAt, others[s.ArticleId].PublishedAt)))
            .Where(r => r.Kinship != Kinship.Unrelated)
            .ToList();

        var original = related.Where(r => r.Kinship == Kinship.NearDuplicate && r.Other.Id < article.Id)
            .Select(r => r.Other.DuplicateOfId ?? r.Other.Id).DefaultIfEmpty().Min();
        article.DuplicateOfId = original == 0 ? null : original;

        var stories = related.Where(r => r.Other.StoryId is not null).Select(r => r.Other.StoryId!.Value).Distinct().Order().ToList();
        long story;
        if (stories.Count == 0)
        {
            var record = new Story { Title = article.Title, FirstDate = article.SortDate, LastDate = article.SortDate, ArticleCount = 1, CreatedAt = time.GetUtcNow() };
            db.Stories.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            story = record.Id;
        }
        else
        {
            story = stories[0];
            var merged = stories.Skip(1).ToArray();
            if (merged.Length > 0)
            {
                await db.Database.ExecuteSqlAsync($"UPDATE articles SET story_id = {story} WHERE story_id = ANY({merged})", cancellationToken);
            }
        }

        article.StoryId = story;
        article.ShingleCount = sketch.Length;
        await db.SaveChangesAsync(cancellationToken);
        if (sketch.Length > 0)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO article_shingles (hash, article_id) SELECT h, {article.Id} FROM unnest({sketch}) AS h
                """, cancellationToken);
        }

        var touched = stories.Append(story).Concat(previousStory is { } p ? [p] : []).Distinct().ToArray();
        await RecomputeAsync(db, touched, cancellationToken);
    }

    /// <summary>Counts, dates and title (the earliest article's) of the stories; stories left without articles go.</summary>
    public static async Task RecomputeAsync(NewsDbContext db, long[] ids, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"""
            UPDATE stories s SET article_count = x.n, first_date = x.first_date, last_date = x.last_date, title = x.title
            FROM (SELECT story_id, count(*)::int AS n, min(sort_date) AS first_date, max(sort_date) AS last_date,
                         (array_agg(title ORDER BY sort_date, id))[1] AS title
                  FROM articles WHERE story_id = ANY({ids}) GROUP BY story_id) x
            WHERE s.id = x.story_id;
            DELETE FROM stories s WHERE s.id = ANY({ids}) AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id);
            """, cancellationToken);
    }
}
