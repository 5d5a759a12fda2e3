using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsApi.Data;
using NewsApi.Ingestion.Imports;
using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Entities;

namespace NewsApi.Ingestion.Analysis;

/// <summary>
/// Re-analyses stored articles whose annotations came from another pipeline version (a new model or new
/// rules), a batch at a time, each article in its own transaction, while the API keeps serving. The import
/// advisory lock on the article's file keeps it from racing an import of the same file. Then it stores the dates
/// of articles analysed before dates were stored (<see cref="FillDatesBatchAsync"/>).
/// </summary>
public sealed class ReprocessWorker(
    IDbContextFactory<NewsDbContext> contexts,
    ArticleAnalyzer analyzer,
    AnalysisStore store,
    IOptionsMonitor<AnalysisOptions> options,
    ILogger<ReprocessWorker> logger) : BackgroundService
{
    /// <summary>Articles whose re-analysis failed: skipped until the service restarts, so one cannot hold up the rest.</summary>
    private readonly HashSet<long> _failed = [];
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (options.CurrentValue.ReprocessEnabled)
                {
                    while (await ReprocessBatchAsync(stoppingToken) > 0)
                    {
                    }

                    while (await FillDatesBatchAsync(stoppingToken) > 0)
                    {
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Reprocessing failed; retrying later");
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.ReprocessIntervalSeconds)), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Re-analyses up to one batch of out-of-date articles; returns how many.</summary>
    public async Task<int> ReprocessBatchAsync(CancellationToken cancellationToken)
    {
        var version = analyzer.PipelineVersion;
        List<long> ids;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var failed = _failed.ToArray();
            ids = await db.Articles.Where(a => (a.PipelineVersion == null || a.PipelineVersion != version) && !failed.Contains(a.Id))
                .OrderBy(a => a.Id).Select(a => a.Id).Take(options.CurrentValue.ReprocessBatchSize).ToListAsync(cancellationToken);
        }

        foreach (var id in ids)
        {
            try
            {
                await ReprocessAsync(id, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _failed.Add(id);
                logger.LogError(exception, "Re-analysing article {ArticleId} failed; it is skipped until the service restarts", id);
            }
        }

        if (ids.Count > 0)
        {
            logger.LogInformation("Re-analysed {Count} articles to pipeline {Version}", ids.Count, version);
        }

        return ids.Count;
    }

    /// <summary>
    /// Stores the dates of up to one batch of articles analysed before dates were stored (their pages find them on
    /// every request until then); articles still due for re-analysis get theirs with it. The dates are found
    /// outside any transaction; the update takes each article's file lock without waiting (an article an import
    /// is writing is left for a later round) and writes only rows whose content is still the one read. Returns how
    /// many articles it stored dates for.
    /// </summary>
    public async Task<int> FillDatesBatchAsync(CancellationToken cancellationToken)
    {
        var version = analyzer.PipelineVersion;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Articles.AsNoTracking().Where(a => a.Dates == null && a.PipelineVersion == version).OrderBy(a => a.Id)
            .Take(options.CurrentValue.ReprocessBatchSize)
            .Select(a => new { a.Id, a.File, a.ContentHash, a.Title, a.TitleDerived, a.Body, a.PublishedAt }).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        var dates = rows.Select(r => Data.Entities.ArticleDateRecord.Serialize(StoredDates.Find(r.TitleDerived ? null : r.Title, r.Body, r.PublishedAt))).ToArray();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var files = rows.Select(r => ArticleImporter.FileLockKey(r.File)).ToArray();
        var granted = await db.Database.SqlQuery<bool>($"""
            SELECT pg_try_advisory_xact_lock(f) AS "Value" FROM unnest({files}) WITH ORDINALITY AS t(f, i) ORDER BY i
            """).ToListAsync(cancellationToken);
        var ids = rows.Where((_, i) => granted[i]).Select(r => r.Id).ToArray();
        var hashes = rows.Where((_, i) => granted[i]).Select(r => r.ContentHash).ToArray();
        var values = dates.Where((_, i) => granted[i]).ToArray();
        var stored = await db.Database.ExecuteSqlAsync($"""
            UPDATE articles a SET dates = d.dates::jsonb
            FROM unnest({ids}, {hashes}, {values}) AS d(id, hash, dates)
            WHERE a.id = d.id AND a.content_hash = d.hash AND a.dates IS NULL
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (stored > 0)
        {
            logger.LogDebug("Stored the dates of {Count} articles analysed before dates were stored", stored);
        }

        return stored;
    }

    public async Task ReprocessAsync(long articleId, CancellationToken cancellationToken)
    {
        // Analyse first, outside any transaction, so a slow article holds no locks; then write it under the
        // file lock, unless an import changed the article meanwhile (its own analysis is then the newer one).
        string hash;
        ArticleAnalysis analysis;
        string dates;
        await using (var read = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var source = await read.Articles.AsNoTracking().Where(a => a.Id == articleId)
                .Select(a => new { a.Title, a.TitleDerived, a.Body, a.PublishedAt, a.ContentHash, a.PipelineVersion })
                .SingleOrDefaultAsync(cancellationToken);
            if (source is null || source.PipelineVersion == analyzer.PipelineVersion)
            {
                return;
            }

            hash = source.ContentHash;
            var title = source.TitleDerived ? null : source.Title;
            analysis = analyzer.Analyze(title, source.Body, source.PublishedAt, cancellationToken);
            dates = StoredDates.Of(title, source.Body, source.PublishedAt, analysis);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var file = await db.Articles.Where(a => a.Id == articleId).Select(a => a.File).SingleOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return;
        }

        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ArticleImporter.FileLockKey(file)})", cancellationToken);
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null || article.PipelineVersion == analyzer.PipelineVersion || article.ContentHash != hash)
        {
            return;
        }

        await store.StoreAsync(db, article, analysis, dates, analyzer.PipelineVersion, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
