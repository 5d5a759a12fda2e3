using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Ingestion.Imports;
using NewsApi.Nlp.Analysis;

namespace NewsApi.Ingestion.Analysis;

/// <summary>
/// Re-analyses stored articles whose annotations came from another pipeline version (a new model or new rules)
/// while the API keeps serving, the way the importer imports: <see cref="AnalysisOptions.ReprocessConcurrency"/>
/// workers analyse articles read a round at a time, outside any transaction, into a bounded channel, and one writer
/// stores what is ready, up to <see cref="AnalysisOptions.ReprocessBatchSize"/> articles per transaction, each under a
/// savepoint (<see cref="ArticleSavepoints"/>) through <see cref="AnalysisStore"/>, the path every analysis is
/// written by. The import advisory lock on each article's file, tried without waiting, keeps it from racing an import
/// of the same file: an article an import is writing is left for the next round, and one an import changed meanwhile
/// keeps the import's analysis. Then it stores the dates of articles analysed before dates were stored
/// (<see cref="FillDatesBatchAsync"/>).
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
                    while (await ReprocessAsync(int.MaxValue, stoppingToken) > 0)
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

    /// <summary>Re-analyses up to one batch of out-of-date articles; returns how many it stored or gave up on.</summary>
    public Task<int> ReprocessBatchAsync(CancellationToken cancellationToken) => ReprocessAsync(options.CurrentValue.ReprocessBatchSize, cancellationToken);

    /// <summary>A stored article as read for re-analysis.</summary>
    private sealed record Source(long Id, string File, string ContentHash, string? Title, string Body, DateOnly? PublishedAt);

    /// <summary>An article re-analysed, waiting for the writer.</summary>
    private sealed record Reanalysed(Source Source, ArticleAnalysis Analysis, string Dates);

    /// <summary>
    /// One pass over the out-of-date articles, in id order, up to <paramref name="limit"/> of them: analysed in
    /// parallel, written in batches as they are ready. Returns how many were stored, found already up to date (an
    /// import wrote them meanwhile), or given up on; articles whose file another writer held are left for the next pass.
    /// </summary>
    private async Task<int> ReprocessAsync(int limit, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var batchSize = settings.ReprocessBatchSize;
        var channel = Channel.CreateBounded<Reanalysed>(new BoundedChannelOptions(2 * batchSize) { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var analysing = Task.Run(() => AnalyseAsync(channel.Writer, limit, settings, stop.Token), stop.Token);
        var done = 0;
        var completed = false;
        try
        {
            var batch = new List<Reanalysed>(batchSize);
            while (await channel.Reader.WaitToReadAsync(cancellationToken))
            {
                while (batch.Count < batchSize && channel.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                done += await WriteBatchAsync(batch, cancellationToken);
                batch.Clear();
            }

            completed = true;
        }
        finally
        {
            // A writer that failed stops the analysis; the articles it had not stored stay out of date for the next pass.
            if (!completed)
            {
                await stop.CancelAsync();
            }

            try
            {
                done += await analysing;
            }
            catch (OperationCanceledException) when (!completed)
            {
            }
        }

        if (done > 0)
        {
            logger.LogInformation("Re-analysed {Count} articles to pipeline {Version}", done, analyzer.PipelineVersion);
        }

        return done;
    }

    /// <summary>
    /// Reads the out-of-date articles a round at a time and analyses each round in parallel into the channel; returns
    /// how many it gave up on (their analysis threw).
    /// </summary>
    private async Task<int> AnalyseAsync(ChannelWriter<Reanalysed> channel, int limit, AnalysisOptions settings, CancellationToken cancellationToken)
    {
        var failures = 0;
        try
        {
            var version = analyzer.PipelineVersion;
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.ReprocessConcurrency, CancellationToken = cancellationToken };
            var after = 0L;
            for (var taken = 0; taken < limit;)
            {
                var round = Math.Min(settings.ReprocessBatchSize, limit - taken);
                List<Source> rows;
                await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
                {
                    var failed = Failed();
                    rows = await db.Articles.AsNoTracking()
                        .Where(a => a.Id > after && (a.PipelineVersion == null || a.PipelineVersion != version) && !failed.Contains(a.Id))
                        .OrderBy(a => a.Id).Take(round)
                        .Select(a => new Source(a.Id, a.File, a.ContentHash, a.TitleDerived ? null : a.Title, a.Body, a.PublishedAt))
                        .ToListAsync(cancellationToken);
                }

                if (rows.Count == 0)
                {
                    break;
                }

                after = rows[^1].Id;
                taken += rows.Count;
                await Parallel.ForEachAsync(rows, parallel, async (row, token) =>
                {
                    Reanalysed item;
                    try
                    {
                        var analysis = analyzer.Analyze(row.Title, row.Body, row.PublishedAt, token);
                        item = new Reanalysed(row, analysis, StoredDates.Of(row.Title, row.Body, row.PublishedAt, analysis));
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
                    {
                        Fail(row.Id, exception);
                        Interlocked.Increment(ref failures);
                        return;
                    }

                    await channel.WriteAsync(item, token);
                });

                if (rows.Count < round)
                {
                    break;
                }
            }

            channel.Complete();
        }
        catch (Exception exception)
        {
            channel.Complete(exception);
        }

        return failures;
    }

    /// <summary>
    /// Stores a batch of re-analysed articles in one transaction: their file locks tried in one statement, then each
    /// article, re-read under its lock, under a savepoint. Returns how many it is done with (not those whose file
    /// another writer held).
    /// </summary>
    private async Task<int> WriteBatchAsync(List<Reanalysed> batch, CancellationToken cancellationToken)
    {
        var version = analyzer.PipelineVersion;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // An article keeps its old pipeline version until the commit that stores its new analysis, so a commit lost
        // in a crash is redone by the next pass: nothing is lost by not waiting for the disk.
        await db.Database.ExecuteSqlAsync($"SET LOCAL synchronous_commit TO OFF", cancellationToken);
        var granted = await ArticleImporter.TryLockFilesAsync(db, batch.Select(b => b.Source.File), cancellationToken);
        var mine = batch.Where((_, i) => granted[i]).ToList();
        await ArticleSavepoints.EachAsync(db, mine, async item =>
            {
                // Read under its lock, when its turn comes (an earlier article of the batch may have moved it to another
                // story). Gone, or imported again meanwhile (its own analysis is then the newer one): nothing to store.
                var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == item.Source.Id, cancellationToken);
                if (article is null || article.PipelineVersion == version || article.ContentHash != item.Source.ContentHash || article.File != item.Source.File)
                {
                    return;
                }

                await store.StoreAsync(db, article, item.Analysis, item.Dates, version, previousSortDate: null, cancellationToken);
            },
            (item, exception) => Fail(item.Source.Id, exception),
            cancellationToken);
        await transaction.CommitAsync(CancellationToken.None);
        return mine.Count;
    }

    private long[] Failed()
    {
        lock (_failed)
        {
            return [.. _failed];
        }
    }

    private void Fail(long articleId, Exception exception)
    {
        lock (_failed)
        {
            _failed.Add(articleId);
        }

        logger.LogError(exception, "Re-analysing article {ArticleId} failed; it is skipped until the service restarts", articleId);
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

        var dates = rows.Select(r => ArticleDateRecord.Serialize(StoredDates.Find(r.TitleDerived ? null : r.Title, r.Body, r.PublishedAt))).ToArray();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var granted = await ArticleImporter.TryLockFilesAsync(db, rows.Select(r => r.File), cancellationToken);
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
}
