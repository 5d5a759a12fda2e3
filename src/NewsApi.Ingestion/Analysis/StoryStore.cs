using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Nlp.Stories;

namespace NewsApi.Ingestion.Analysis;

/// <summary>
/// Puts each article in a story. The article's shingle sketch (<see cref="ShingleSketch"/>) is stored in an
/// inverted index (<c>article_shingles</c>); one query finds every stored article sharing sampled shingles,
/// and <see cref="StoryRules"/> judges each: a near-duplicate points to the earliest article it copies, and the
/// article joins the story of the articles it shares a story with (merging their stories when it bridges
/// several, into the oldest), or starts a story of its own, which takes the article's id. Each shingle's newest
/// <see cref="PostingsPerShingle"/> articles are read, so the cost of an import does not grow with the table. Runs under the
/// resolution lock, inside the article's transaction, in three round trips (four for a re-import).
/// </summary>
public sealed class StoryStore(TimeProvider time)
{
    /// <summary>Articles read per shingle of a new article, newest first.</summary>
    public const int PostingsPerShingle = 50;

    /// <summary>A stored article sharing shingles with the new one (columns by the snake_case naming convention).</summary>
    private sealed record Candidate(long Id, int Shared, int ShingleCount, long? StoryId, long? DuplicateOfId, DateOnly? PublishedAt);

    /// <summary>
    /// Finds the article's story and stores its sketch; sets the story on the (tracked) article for the caller to
    /// save, then the caller runs <see cref="RecomputeAsync"/> on the returned stories.
    /// </summary>
    public async Task<long[]> StoreAsync(NewsDbContext db, Article article, string text, bool fresh, CancellationToken cancellationToken)
    {
        var sketch = ShingleSketch.Compute(text);
        var previousStory = article.StoryId;
        if (!fresh)
        {
            // Only the shingles the article no longer has: re-analysing unchanged text keeps its rows (inserting them
            // again, with a foreign-key check per row, was 1.5 ms of an article's 12 ms of statements). The insert below
            // skips the rows kept with NOT EXISTS: ON CONFLICT DO NOTHING took 0.40 ms per re-analysed BBC article against
            // 0.09 ms (pg_stat_statements over a whole re-analysis each).
            await db.Database.ExecuteSqlAsync($"DELETE FROM article_shingles WHERE article_id = {article.Id} AND NOT (hash = ANY({sketch}))", cancellationToken);
        }

        // The newest PostingsPerShingle articles of each shingle, not all of them: a phrase every article uses
        // ("said in a statement") would otherwise make each import read a share of the whole table, so that the
        // cost grew with the database (8 → 86% of PostgreSQL's time from 2,000 to 23,000 generated articles). A
        // new article still finds the latest members of a story however large it grows, and they carry its id.
        var others = sketch.Length == 0 ? [] : await db.Database.SqlQuery<Candidate>($"""
            SELECT a.id, c.shared, a.shingle_count, a.story_id, a.duplicate_of_id, a.published_at
            FROM (SELECT p.article_id, count(*)::int AS shared
                  FROM unnest({sketch}) AS h(hash)
                  CROSS JOIN LATERAL (SELECT s.article_id FROM article_shingles s
                                      WHERE s.hash = h.hash AND s.article_id <> {article.Id}
                                      ORDER BY s.article_id DESC LIMIT {PostingsPerShingle}) p
                  GROUP BY p.article_id
                  HAVING count(*) >= {StoryRules.MinShared}) c
            JOIN articles a ON a.id = c.article_id
            """).ToListAsync(cancellationToken);

        var related = others
            .Select(o => (Other: o, Kinship: StoryRules.Judge(o.Shared, sketch.Length, o.ShingleCount, article.PublishedAt, o.PublishedAt)))
            .Where(r => r.Kinship != Kinship.Unrelated)
            .ToList();

        var original = related.Where(r => r.Kinship == Kinship.NearDuplicate && r.Other.Id < article.Id)
            .Select(r => r.Other.DuplicateOfId ?? r.Other.Id).DefaultIfEmpty().Min();
        long? duplicateOf = original == 0 ? null : original;

        // Join the oldest of the related stories; the others merge into it.
        var stories = related.Where(r => r.Other.StoryId is not null).Select(r => r.Other.StoryId!.Value).Distinct().Order().ToList();
        var story = stories.Count > 0 ? stories[0] : article.Id;
        var merged = stories.Skip(1).ToArray();
        var touched = stories.Append(story).Concat(previousStory is { } p ? [p] : []).Distinct().ToList();
        var now = time.GetUtcNow();

        if (!fresh && stories.Count == 0 && previousStory == article.Id)
        {
            // The article leaves the story it founded (its text changed): the articles left there keep their story,
            // under the id of the oldest of them, and the article starts again on its own.
            var keeper = await db.Articles.Where(a => a.StoryId == article.Id && a.Id != article.Id).MinAsync(a => (long?)a.Id, cancellationToken);
            if (keeper is { } kept)
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO stories (id, title, article_count, first_date, last_date, created_at)
                    VALUES ({kept}, '', 0, {article.SortDate}, {article.SortDate}, {now})
                    ON CONFLICT (id) DO NOTHING;
                    UPDATE articles SET story_id = {kept} WHERE story_id = {article.Id} AND id <> {article.Id};
                    """, cancellationToken);
                touched.Add(kept);
            }
        }

        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO stories (id, title, article_count, first_date, last_date, created_at)
            VALUES ({story}, {article.Title}, 1, {article.SortDate}, {article.SortDate}, {now})
            ON CONFLICT (id) DO NOTHING;
            UPDATE articles SET story_id = {story} WHERE story_id = ANY({merged}) AND id <> {article.Id};
            INSERT INTO article_shingles (hash, article_id) SELECT h, {article.Id} FROM unnest({sketch}) AS h
            WHERE {fresh} OR NOT EXISTS (SELECT 1 FROM article_shingles s WHERE s.hash = h AND s.article_id = {article.Id});
            """, cancellationToken);

        // The article row itself is written by the caller's SaveChanges (it carries a row version).
        article.StoryId = story;
        article.DuplicateOfId = duplicateOf;
        article.ShingleCount = sketch.Length;
        return touched.Distinct().ToArray();
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
