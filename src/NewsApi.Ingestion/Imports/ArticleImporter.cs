using System.Diagnostics;
using System.Threading.Channels;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsApi.Ingestion.Analysis;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Normalisation;
using NewsApi.Nlp.Text;
using Npgsql;

namespace NewsApi.Ingestion.Imports;

/// <summary>
/// Imports article files into PostgreSQL. Runs are rows in <c>import_runs</c>: any instance may queue one (at most
/// one is queued per folder), and one instance claims it (<c>FOR UPDATE SKIP LOCKED</c>) and holds it by a lease
/// it renews with a heartbeat; a run whose instance is gone is marked abandoned and its folder queued again. Each
/// file is read safely (<see cref="ImportFolder"/>), analysed outside any transaction, and stored in a
/// transaction of its own under PostgreSQL advisory locks on its path and on its content hash, so instances
/// sharing a database never import the same file, or the same content, at the same time. A file that is not an
/// article, or that takes longer than its time budget, is recorded as rejected with its reason and the run goes on;
/// a run that loses the database stops and ends as failed, with the reason, once the database is back.
/// </summary>
public sealed class ArticleImporter(
    IDbContextFactory<NewsDbContext> contexts,
    IOptionsMonitor<ImportOptions> options,
    ArticleAnalyzer analyzer,
    AnalysisStore store,
    TimeProvider time,
    ILogger<ArticleImporter> logger)
{
    /// <summary>Records a run request for the configured folder, or returns the run already queued for it.</summary>
    public async Task<ImportRun> QueueAsync(ImportTrigger trigger, CancellationToken cancellationToken) =>
        await QueueAsync(trigger, options.CurrentValue.FullPath, cancellationToken);

    private async Task<ImportRun> QueueAsync(ImportTrigger trigger, string path, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var created = await EnqueueAsync(db, trigger, path, cancellationToken);
        var run = created.Count > 0
            ? await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == created[0], cancellationToken)
            : await db.ImportRuns.AsNoTracking().Where(r => r.Path == path && r.Status == ImportStatus.Queued).OrderBy(r => r.Id).FirstOrDefaultAsync(cancellationToken);

        // The queued run may have been claimed between the two statements; then queue a fresh one.
        return run ?? await QueueAsync(trigger, path, cancellationToken);
    }

    /// <summary>
    /// Inserts a queued run for the folder in the caller's connection (and so in its transaction, if it has one); the
    /// partial unique index on queued runs settles races between instances: the loser inserts nothing.
    /// </summary>
    private Task<List<long>> EnqueueAsync(NewsDbContext db, ImportTrigger trigger, string path, CancellationToken cancellationToken)
    {
        var now = Now();
        var triggerName = trigger.ToString();
        return db.Database.SqlQuery<long>($"""
            INSERT INTO import_runs (trigger, status, path, requested_at, imported, updated, unchanged, duplicates, rejected)
            VALUES ({triggerName}, 'Queued', {path}, {now}, 0, 0, 0, 0, 0)
            ON CONFLICT (path) WHERE status = 'Queued' DO NOTHING
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
    }

    /// <summary>Marks runs whose instance is gone as abandoned, then claims and executes queued runs until none is left; returns how many ran.</summary>
    public async Task<int> RunQueuedAsync(CancellationToken cancellationToken)
    {
        await RecoverAbandonedAsync(cancellationToken);
        var executed = 0;
        while (await ClaimAsync(cancellationToken) is { } run)
        {
            await ExecuteAsync(run, cancellationToken);
            executed++;
        }

        return executed;
    }

    /// <summary>
    /// Marks as abandoned every running run whose lease expired, or whose owner is a process of this machine that
    /// no longer runs (so a restarted instance recovers at once), and queues its folder again; returns the runs.
    /// </summary>
    public async Task<List<long>> RecoverAbandonedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var running = await db.ImportRuns.AsNoTracking().Where(r => r.Status == ImportStatus.Running)
            .Select(r => new { r.Id, r.Owner }).ToListAsync(cancellationToken);
        if (running.Count == 0)
        {
            return [];
        }

        var gone = running.Where(r => r.Owner is not null && InstanceIdentity.IsGone(r.Owner)).Select(r => r.Id).ToArray();
        var lease = options.CurrentValue.LeaseSeconds;

        // Ending a run and queueing its folder again commit together: no one ever sees the run ended and nothing queued.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var abandoned = await db.Database.SqlQuery<AbandonedRun>($"""
            UPDATE import_runs SET status = 'Abandoned', finished_at = now(),
              error = CASE WHEN id = ANY({gone}) THEN 'The instance running it stopped before it finished.'
                           ELSE 'The instance running it stopped sending heartbeats for longer than its lease.' END
            WHERE status = 'Running' AND (id = ANY({gone}) OR heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => {lease}))
            RETURNING id AS "Id", path AS "Path"
            """).ToListAsync(cancellationToken);
        foreach (var run in abandoned)
        {
            await RecountAsync(db, run.Id, cancellationToken);
            await EnqueueAsync(db, ImportTrigger.Recovery, run.Path, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var run in abandoned)
        {
            logger.LogWarning("Import run {RunId} was abandoned by its instance; its folder is queued again", run.Id);
        }

        return abandoned.Select(r => r.Id).ToList();
    }

    private sealed record AbandonedRun(long Id, string Path);

    private async Task<ImportRun?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = Now();
        var instance = InstanceIdentity.Display;
        var owner = InstanceIdentity.Owner;
        var claimed = await db.Database.SqlQuery<long>($"""
            UPDATE import_runs SET status = 'Running', started_at = {now}, instance = {instance}, owner = {owner}, heartbeat_at = now()
            WHERE id = (SELECT id FROM import_runs WHERE status = 'Queued' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        return claimed.Count == 0 ? null : await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == claimed[0], cancellationToken);
    }

    /// <summary>The run lost the database; it stops, and ends as failed once the database is back.</summary>
    private sealed class DatabaseLostException(Exception inner) : Exception("The database became unreachable.", inner);

    private async Task ExecuteAsync(ImportRun run, CancellationToken stopping)
    {
        var stopwatch = Stopwatch.StartNew();
        logger.LogInformation("Import run {RunId} ({Trigger}) started on {Path}", run.Id, run.Trigger, run.Path);
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var heartbeat = HeartbeatAsync(run.Id, lost);
        ImportStatus status;
        string? error = null;
        var requeue = false;
        try
        {
            if (!Directory.Exists(run.Path))
            {
                status = ImportStatus.Failed;
                error = "The import folder does not exist.";
            }
            else
            {
                await ImportFolderAsync(run, lost.Token);
                status = ImportStatus.Succeeded;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            (status, error, requeue) = (ImportStatus.Abandoned, "The instance stopped before the run finished; its folder is queued again.", true);
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
            (status, error) = (ImportStatus.Abandoned, "The run's lease expired and another instance took over its folder.");
        }
        catch (Exception exception) when (exception is DatabaseLostException || DatabaseErrors.IsUnavailable(exception))
        {
            logger.LogError("Import run {RunId} lost the database: {Message}", run.Id, (exception.InnerException ?? exception).Message);
            (status, error, requeue) = (ImportStatus.Failed, "The database became unreachable during the run; the files not yet imported are queued again.", true);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Import run {RunId} failed", run.Id);
            (status, error) = (ImportStatus.Failed, "The run stopped on an unexpected error; the details are in the server log.");
        }

        await lost.CancelAsync();
        await heartbeat;
        await FinishAsync(run, status, error, requeue, stopping);
        logger.LogInformation("Import run {RunId} {Status} in {DurationMs:0} ms{Error}", run.Id, status, stopwatch.Elapsed.TotalMilliseconds,
            error is null ? "" : $": {error}");
    }

    /// <summary>
    /// Writes the run's end (its counts from its files' records). After an outage the database may not be back
    /// yet: retries until it is, or until the instance stops (then the lease hands the run to another instance).
    /// </summary>
    private async Task FinishAsync(ImportRun run, ImportStatus status, string? error, bool requeue, CancellationToken stopping)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);

                // The run's end, its counts and its folder queued again commit together.
                await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
                var owner = InstanceIdentity.Owner;
                var now = Now();
                var statusText = status.ToString();
                var updated = await db.Database.ExecuteSqlAsync($"""
                    UPDATE import_runs SET status = {statusText}, error = {error}, finished_at = {now}
                    WHERE id = {run.Id} AND status = 'Running' AND owner = {owner}
                    """, CancellationToken.None);
                await RecountAsync(db, run.Id, CancellationToken.None);
                if (updated > 0 && requeue)
                {
                    await EnqueueAsync(db, ImportTrigger.Recovery, run.Path, CancellationToken.None);
                }

                await transaction.CommitAsync(CancellationToken.None);
                return;
            }
            catch (Exception exception) when (DatabaseErrors.IsUnavailable(exception) && !stopping.IsCancellationRequested)
            {
                if (attempt == 0)
                {
                    logger.LogWarning("Import run {RunId} cannot record its end until the database is back; retrying", run.Id);
                }

                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), time, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Sets a run's counts from its files' records, the one account of what happened to each file.</summary>
    private static Task RecountAsync(NewsDbContext db, long runId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE import_runs r SET
              imported = coalesce(c.imported, 0), updated = coalesce(c.updated, 0), unchanged = coalesce(c.unchanged, 0),
              duplicates = coalesce(c.duplicates, 0), rejected = coalesce(c.rejected, 0)
            FROM (SELECT count(*) FILTER (WHERE outcome = 'Imported') AS imported, count(*) FILTER (WHERE outcome = 'Updated') AS updated,
                         count(*) FILTER (WHERE outcome = 'Unchanged') AS unchanged, count(*) FILTER (WHERE outcome = 'Duplicate') AS duplicates,
                         count(*) FILTER (WHERE outcome = 'Rejected') AS rejected
                  FROM import_files WHERE run_id = {runId}) c
            WHERE r.id = {runId}
            """, cancellationToken);

    /// <summary>Renews the run's lease until the run ends; cancels it when another instance has taken the run over.</summary>
    private async Task HeartbeatAsync(long runId, CancellationTokenSource run)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.LeaseSeconds / 3.0));
        var owner = InstanceIdentity.Owner;
        while (!run.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, run.Token);
                await using var db = await contexts.CreateDbContextAsync(run.Token);
                var renewed = await db.Database.ExecuteSqlAsync(
                    $"UPDATE import_runs SET heartbeat_at = now() WHERE id = {runId} AND status = 'Running' AND owner = {owner}", run.Token);
                if (renewed == 0)
                {
                    logger.LogWarning("Import run {RunId} was taken over by another instance; stopping it here", runId);
                    await run.CancelAsync();
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception exception)
            {
                // An outage is noticed by the files' own writes, which stop the run; anything else is logged, and
                // the next beat tries again (the lease is a third of a beat's worth of slack away).
                if (!DatabaseErrors.IsUnavailable(exception))
                {
                    logger.LogWarning(exception, "Import run {RunId} could not renew its lease; trying again", runId);
                }
            }
        }
    }

    private async Task ImportFolderAsync(ImportRun run, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var entries = ImportFolder.Scan(run.Path, settings.SearchPattern);
        var settle = TimeSpan.FromSeconds(settings.SettleSeconds);
        var scannedAt = time.GetUtcNow();
        var unsettled = new List<FolderEntry>();
        var ready = new List<FolderEntry>();
        foreach (var entry in entries)
        {
            (entry.Status is { } status && entry.Rejection is null && scannedAt - status.Modified < settle ? unsettled : ready).Add(entry);
        }

        var changed = await ImportEntriesAsync(run.Id, ready, cancellationToken);
        unsettled.AddRange(changed);
        if (unsettled.Count > 0)
        {
            await ImportWhenSettledAsync(run.Id, run.Path, unsettled, settle, cancellationToken);
        }
    }

    /// <summary>
    /// The import pipeline: <see cref="ImportOptions.Concurrency"/> workers read, decode, normalise and analyse
    /// files in parallel into a bounded channel, and one writer stores what is ready, up to
    /// <see cref="ImportOptions.BatchSize"/> articles per transaction (<see cref="WriteBatchAsync"/>). Returns the
    /// entries that changed while they were read (to import once they settle).
    /// </summary>
    internal async Task<List<FolderEntry>> ImportEntriesAsync(long runId, IReadOnlyList<FolderEntry> entries, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var changed = new List<FolderEntry>();
        var ready = Channel.CreateBounded<PreparedFile>(new BoundedChannelOptions(2 * settings.BatchSize) { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = stop.Token };
        var producer = Task.Run(async () =>
        {
            try
            {
                await Parallel.ForEachAsync(entries, parallel, async (entry, token) =>
                {
                    if (await PrepareEntryAsync(runId, entry, token) is { } prepared)
                    {
                        await ready.Writer.WriteAsync(prepared, token);
                    }
                    else
                    {
                        lock (changed)
                        {
                            changed.Add(entry);
                        }
                    }
                });
                ready.Writer.Complete();
            }
            catch (Exception exception)
            {
                ready.Writer.Complete(exception);
            }
        }, CancellationToken.None);

        try
        {
            var batch = new List<PreparedFile>(settings.BatchSize);
            while (await ready.Reader.WaitToReadAsync(cancellationToken))
            {
                batch.Clear();
                while (batch.Count < settings.BatchSize && ready.Reader.TryRead(out var prepared))
                {
                    batch.Add(prepared);
                }

                var later = await WriteBatchAsync(runId, batch, cancellationToken);
                lock (changed)
                {
                    changed.AddRange(later);
                }
            }
        }
        finally
        {
            // The writer stopped (done, shut down, or lost the database): the workers stop too.
            await stop.CancelAsync();
            await producer;
        }

        return changed;
    }

    /// <summary>A file read and analysed, waiting for the writer; or only its record, when it is not an article.</summary>
    private sealed class PreparedFile(FolderEntry entry, ImportFile record, Stopwatch stopwatch)
    {
        public FolderEntry Entry { get; } = entry;

        public ImportFile Record { get; set; } = record;

        public Stopwatch Stopwatch { get; } = stopwatch;

        public byte[]? Bytes { get; init; }

        /// <summary>The decoded and normalised article; null when the file is not one.</summary>
        public ArticleFile? File { get; init; }

        public string Hash { get; init; } = "";

        /// <summary>Null when the content was already stored when the file was read (nothing to analyse).</summary>
        public ArticleAnalysis? Analysis { get; init; }

        /// <summary>The article's dates for storing (<see cref="StoredDates.Of"/>), made with the analysis.</summary>
        public string? Dates { get; init; }
    }

    /// <summary>
    /// Reads, decodes, normalises and analyses one entry within the file time budget; null when the file changed
    /// while it was read. A file that is not an article, or over its budget, comes back as its rejected record.
    /// </summary>
    private async Task<PreparedFile?> PrepareEntryAsync(long runId, FolderEntry entry, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        if (entry.Rejection is not null)
        {
            return new PreparedFile(entry, Rejected(runId, entry, entry.Status?.Size ?? 0, entry.Rejection), stopwatch);
        }

        var timeout = TimeSpan.FromSeconds(options.CurrentValue.FileTimeoutSeconds);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(timeout);
        var token = budget.Token;
        var work = Task.Run(async () =>
        {
            if (ReadEntry(runId, entry) is not { } read)
            {
                return null;
            }

            return read.File is { } file
                ? await AnalyseAsync(entry, read.Record, read.Bytes!, file, stopwatch, token)
                : new PreparedFile(entry, read.Record, stopwatch);
        }, CancellationToken.None);

        try
        {
            return await work.WaitAsync(budget.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var record = Rejected(runId, entry, entry.Status?.Size ?? 0,
                $"Importing the file took longer than {timeout.TotalSeconds:N0} s (Import:FileTimeoutSeconds), so it was skipped.");
            return new PreparedFile(entry, record, stopwatch);
        }
        catch (Exception exception) when (DatabaseErrors.IsUnavailable(exception))
        {
            throw new DatabaseLostException(exception);
        }
    }

    /// <summary>
    /// Stores a batch of prepared files in one transaction: the advisory locks on every file and content of the
    /// batch in one statement, without waiting (a file another instance is writing leaves the batch and is
    /// imported on its own after it, waiting its turn within its time budget), the resolution lock once, then each
    /// article under a savepoint, so that an article the database refuses is rolled back alone and recorded as
    /// rejected with the reason while the rest of the batch commits. Returns the entries that changed meanwhile.
    /// </summary>
    private async Task<List<FolderEntry>> WriteBatchAsync(long runId, List<PreparedFile> batch, CancellationToken cancellationToken)
    {
        var articles = batch.Where(p => p.File is not null).ToList();
        var contested = new List<PreparedFile>();
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.Database.AutoSavepointsEnabled = false;
            db.Database.SetCommandTimeout(options.CurrentValue.FileTimeoutSeconds + 10);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SET LOCAL synchronous_commit TO OFF", cancellationToken);
            if (articles.Count > 0)
            {
                var files = articles.Select(p => FileLockKey(p.Record.File)).ToArray();
                var contents = articles.Select(p => LockKey("content:" + p.Hash)).ToArray();
                var granted = await db.Database.SqlQuery<bool>($"""
                    SELECT pg_try_advisory_xact_lock(f) AND pg_try_advisory_xact_lock(c) AS "Value"
                    FROM unnest({files}, {contents}) WITH ORDINALITY AS t(f, c, i) ORDER BY i
                    """).ToListAsync(cancellationToken);
                contested = articles.Where((_, i) => !granted[i]).ToList();
                articles = articles.Where((_, i) => granted[i]).ToList();
            }

            var view = await StoredView.LoadAsync(db, articles.Select(p => (p.Record.File, p.Hash, p.File!.Article.Source)).ToList(), cancellationToken);

            await ArticleSavepoints.EachAsync(db, articles, async prepared =>
                {
                    await WriteArticleAsync(db, prepared, view, cancellationToken);
                    view.Keep();
                },
                (prepared, exception) =>
                {
                    view.Forget();
                    prepared.Record = Refused(runId, prepared.Entry, prepared.Record, exception);
                },
                cancellationToken);

            var done = batch.Where(p => !contested.Contains(p)).ToList();
            foreach (var prepared in done)
            {
                prepared.Record.DurationMs = prepared.Stopwatch.Elapsed.TotalMilliseconds;
                prepared.Record.ProcessedAt = Now();
                db.ImportFiles.Add(prepared.Record);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(CancellationToken.None);
            foreach (var prepared in done)
            {
                Log(prepared.Record);
            }
        }
        catch (Exception exception) when (DatabaseErrors.IsUnavailable(exception))
        {
            throw new DatabaseLostException(exception);
        }

        // Files another instance was writing: one at a time now, each waiting for its locks within its budget.
        var changed = new List<FolderEntry>();
        foreach (var prepared in contested)
        {
            if (await ImportEntryAsync(runId, prepared.Entry, cancellationToken) is null)
            {
                changed.Add(prepared.Entry);
            }
        }

        return changed;
    }

    /// <summary>The record of an article the database refused (or the writer failed on): rejected, with the reason.</summary>
    private ImportFile Refused(long runId, FolderEntry entry, ImportFile record, Exception exception)
    {
        logger.LogError(exception, "Storing {File} failed", record.File);
        var reason = (exception as PostgresException ?? exception.InnerException as PostgresException)?.SqlState is { } state
            ? $"The database refused the article (SQL state {state})"
            : exception is DbUpdateException ? "The database refused the article" : "The article could not be stored";
        return Rejected(runId, entry, record.Bytes, reason + "; the details are in the server log under this file's name.");
    }

    private void Log(ImportFile record) =>
        logger.LogInformation("Import {File}: {Outcome} in {DurationMs:0.0} ms{Reason}",
            record.File, record.Outcome, record.DurationMs, record.Reason is null ? "" : $" ({record.Reason})");

    /// <summary>
    /// Files modified within the last <see cref="ImportOptions.SettleSeconds"/> (or that changed while read) are
    /// imported once their size and modification time have held still that long; one still changing after the
    /// file time budget is rejected with that reason.
    /// </summary>
    private async Task ImportWhenSettledAsync(long runId, string root, List<FolderEntry> pending, TimeSpan settle, CancellationToken cancellationToken)
    {
        var budget = TimeSpan.FromSeconds(Math.Max(options.CurrentValue.FileTimeoutSeconds, 5 * options.CurrentValue.SettleSeconds));
        var since = time.GetUtcNow();
        var waiting = pending.Select(e => (Entry: e, Seen: e.Status!.Value, StableSince: time.GetUtcNow())).ToList();
        while (waiting.Count > 0)
        {
            await Task.Delay(settle < TimeSpan.FromMilliseconds(200) ? TimeSpan.FromMilliseconds(200) : settle / 2, time, cancellationToken);
            var now = time.GetUtcNow();
            var next = new List<(FolderEntry Entry, FileStatus Seen, DateTimeOffset StableSince)>();
            foreach (var (entry, seen, stableSince) in waiting)
            {
                // Judged again from scratch: what was a regular file in the folder may now be a link out of it.
                var current = ImportFolder.Recheck(root, entry);
                if (current.Rejection is not null)
                {
                    await SaveRecordAsync(Rejected(runId, current, current.Status?.Size ?? seen.Size, current.Rejection), cancellationToken);
                    continue;
                }

                // Stable means unchanged for the settle time while watched (a modification time in the future,
                // from a skewed clock or touch -d, does not hold a file back for ever).
                var status = current.Status!.Value;
                var still = status.SameContentAs(seen);
                var stable = still ? stableSince : now;
                if (still && now - stable >= settle && await ImportEntryAsync(runId, current, cancellationToken) is not null)
                {
                    continue;
                }

                if (now - since > budget)
                {
                    await SaveRecordAsync(Rejected(runId, entry, status.Size,
                        $"The file was still being written after {budget.TotalSeconds:N0} s; a later run imports it once it stops changing."), cancellationToken);
                    continue;
                }

                next.Add((entry, status, stable));
            }

            waiting = next;
        }
    }

    /// <summary>
    /// Imports one listed entry within the file time budget and records its outcome; null when the file changed
    /// while it was read (it is being written: try again later). Never throws for a bad file; throws only when the
    /// run must stop (shut down, lost the database).
    /// </summary>
    public async Task<ImportFile?> ImportEntryAsync(long runId, FolderEntry entry, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        if (entry.Rejection is not null)
        {
            return await SaveRecordAsync(Rejected(runId, entry, entry.Status?.Size ?? 0, entry.Rejection), cancellationToken);
        }

        var timeout = TimeSpan.FromSeconds(options.CurrentValue.FileTimeoutSeconds);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(timeout);
        ImportFile? record;

        // Off the caller's thread, and awaited no longer than the budget even if a read blocks.
        var work = Task.Run(() => ImportFileAsync(runId, entry, stopwatch, budget.Token), CancellationToken.None);
        try
        {
            record = await work.WaitAsync(budget.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The work sees the same cancellation and rolls back; wait (briefly) for it to finish, so that a file is
            // never recorded as rejected while its import commits after all.
            record = await WorkAfterTimeoutAsync(work);
            if (record is null)
            {
                record = Rejected(runId, entry, entry.Status?.Size ?? 0,
                    $"Importing the file took longer than {timeout.TotalSeconds:N0} s (Import:FileTimeoutSeconds), so it was skipped.");
                record.DurationMs = stopwatch.Elapsed.TotalMilliseconds;
                await SaveRecordAsync(record, cancellationToken);
            }
        }
        catch (Exception exception) when (DatabaseErrors.IsUnavailable(exception))
        {
            throw new DatabaseLostException(exception);
        }

        if (record is not null)
        {
            logger.LogInformation("Import {File}: {Outcome} in {DurationMs:0.0} ms{Reason}",
                record.File, record.Outcome, record.DurationMs, record.Reason is null ? "" : $" ({record.Reason})");
        }

        return record;
    }

    /// <summary>How long a file's work may take to wind down after its budget ran out.</summary>
    private static readonly TimeSpan WindDown = TimeSpan.FromSeconds(10);

    /// <summary>The record of a file's work that ran past its budget: its own, if it finished (committed) after all; else null.</summary>
    private async Task<ImportFile?> WorkAfterTimeoutAsync(Task<ImportFile?> work)
    {
        try
        {
            var record = await work.WaitAsync(WindDown);
            return record is { Id: > 0 } ? record : null;
        }
        catch (Exception exception) when (exception is OperationCanceledException or TimeoutException || DatabaseErrors.IsUnavailable(exception))
        {
            return null;
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "A file's import failed after its time budget ran out");
            return null;
        }
    }

    private async Task<ImportFile?> ImportFileAsync(long runId, FolderEntry entry, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        if (ReadEntry(runId, entry) is not { } read)
        {
            return null;
        }

        var record = read.Record;
        if (read.File is not { } file)
        {
            return await SaveRecordAsync(record, cancellationToken, stopwatch);
        }

        try
        {
            await StoreAsync(await AnalyseAsync(entry, record, read.Bytes!, file, stopwatch, cancellationToken), cancellationToken);
        }
        catch (DbUpdateException exception) when (!DatabaseErrors.IsUnavailable(exception))
        {
            return await SaveRecordAsync(Refused(runId, entry, record, exception), cancellationToken, stopwatch);
        }

        return record;
    }

    /// <summary>
    /// Reads one entry and decodes and normalises it; null when the file changed while it was read (try again later).
    /// <c>File</c> is null when it is not an article, with the reason on the record.
    /// </summary>
    private (ImportFile Record, byte[]? Bytes, ArticleFile? File)? ReadEntry(long runId, FolderEntry entry)
    {
        var record = Rejected(runId, entry, entry.Status!.Value.Size, null);
        var read = ImportFolder.Read(entry, options.CurrentValue.MaxFileBytes);
        record.Bytes = read.Length;
        if (read.Changed)
        {
            return null;
        }

        var prepared = read.Bytes is null ? null : Prepare(read.Bytes, record);
        if (read.Rejection is not null)
        {
            record.Reason ??= read.Rejection;
            prepared = null;
        }

        return (record, read.Bytes, prepared);
    }

    private static ImportFile Rejected(long runId, FolderEntry entry, long bytes, string? reason) => new()
    {
        RunId = runId,
        File = entry.File,
        Outcome = ImportOutcome.Rejected,
        Reason = reason,
        Bytes = bytes,
    };

    /// <summary>Decodes and normalises a file (<see cref="ArticleReader"/>); null (with the reason on the record) when it is not an article.</summary>
    private ArticleFile? Prepare(byte[] bytes, ImportFile record)
    {
        try
        {
            if (!ArticleReader.TryRead(bytes, out var file, out var rejection))
            {
                record.Reason = rejection;
                return null;
            }

            record.Encoding = file.Decoded.Encoding;
            return file;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Normalising {File} failed", record.File);
            record.Reason = "The text could not be normalised; the details are in the server log under this file's name.";
            return null;
        }
    }

    /// <summary>
    /// The article of a file, with its analysis unless its content is already stored (as this file or another):
    /// then there is nothing to analyse. Runs before any transaction is open, so a slow article holds no locks and no
    /// connection.
    /// </summary>
    private async Task<PreparedFile> AnalyseAsync(FolderEntry entry, ImportFile record, byte[] bytes, ArticleFile file, Stopwatch stopwatch,
        CancellationToken cancellationToken)
    {
        var hash = file.Article.ContentHash();
        bool known;
        await using (var look = await contexts.CreateDbContextAsync(cancellationToken))
        {
            known = await look.Articles.AnyAsync(a => a.ContentHash == hash, cancellationToken);
        }

        var analysis = known ? null : analyzer.Analyze(file.Article, cancellationToken);
        return new PreparedFile(entry, record, stopwatch)
        {
            Bytes = bytes,
            File = file,
            Hash = hash,
            Analysis = analysis,
            Dates = analysis is null ? null : Dates(file.Article, analysis),
        };
    }

    /// <summary>Stores one prepared file on its own, in its own transaction, waiting for its locks.</summary>
    private async Task StoreAsync(PreparedFile prepared, CancellationToken cancellationToken)
    {
        var (record, hash, stopwatch) = (prepared.Record, prepared.Hash, prepared.Stopwatch);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // The file's time budget bounds its statements (a lock wait included), not the driver's shorter default.
        db.Database.SetCommandTimeout(options.CurrentValue.FileTimeoutSeconds + 10);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // An import can always be redone from its file, so it does not wait for the WAL flush at commit: a crash
        // may forget the last few imports (never corrupt anything), and the next run imports those files again.
        await db.Database.ExecuteSqlAsync($"SET LOCAL synchronous_commit TO OFF", cancellationToken);

        // File lock first, then content lock: every importer takes them in this order, so none deadlocks.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({FileLockKey(record.File)})", cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey("content:" + hash)})", cancellationToken);
        await WriteArticleAsync(db, prepared, await StoredView.LoadAsync(db, [(record.File, hash, prepared.File!.Article.Source)], cancellationToken), cancellationToken);

        record.DurationMs = stopwatch.Elapsed.TotalMilliseconds;
        record.ProcessedAt = Now();
        db.ImportFiles.Add(record);
        await db.SaveChangesAsync(cancellationToken);

        // Past its budget the file is not committed; once the commit has begun it is not interrupted.
        cancellationToken.ThrowIfCancellationRequested();
        await transaction.CommitAsync(CancellationToken.None);
    }

    /// <summary>
    /// Stores one prepared article in the caller's transaction, which holds the article's file and content locks:
    /// unchanged, a duplicate of stored content, or a new or updated article with its analysis. Sets the outcome on
    /// its record (which the caller saves).
    /// </summary>
    private async Task WriteArticleAsync(NewsDbContext db, PreparedFile prepared, StoredView view, CancellationToken cancellationToken)
    {
        var (record, normalized, hash, bytes, decoded) = (prepared.Record, prepared.File!.Article, prepared.Hash, prepared.Bytes!, prepared.File.Decoded);
        var existing = view.OfFile(record.File);

        // A twin from the batch's snapshot is confirmed: another instance updating that article to other content
        // holds neither this file's lock nor this content's, and may have committed since (one query per duplicate).
        // Same title and body as stored from this file: unchanged unless the file now gives other metadata (a
        // corrected publication date changes the article's date and every relative date its analysis resolved).
        var metadata = StoredView.StoredMetadata.Of(normalized);
        var sameContent = existing is not null && existing.ContentHash == hash;
        var changedFields = sameContent ? existing!.Metadata.Differences(metadata) : [];
        var unchanged = sameContent && changedFields.Count == 0;
        var twin = sameContent || view.OfContent(hash) is null ? null
            : await db.Articles.Where(a => a.ContentHash == hash).Select(a => new { a.Id, a.File }).FirstOrDefaultAsync(cancellationToken);
        if (unchanged)
        {
            record.Outcome = ImportOutcome.Unchanged;
            record.ArticleId = existing!.Id;
        }
        else if (twin is not null)
        {
            record.Outcome = ImportOutcome.Duplicate;
            record.ArticleId = twin.Id;
            record.Reason = existing is null
                ? $"Same content as article {twin.Id} ({twin.File})."
                : $"The file changed to the same content as article {twin.Id} ({twin.File}); article {existing.Id} keeps its previous version.";
        }
        else
        {
            // Not analysed by the worker because the content was stored: the file's metadata changed (rare), or another
            // importer stored this content and then removed it between our look and the lock. Analyse now, in the batch.
            var analysis = prepared.Analysis ?? analyzer.Analyze(normalized, cancellationToken);
            var dates = prepared.Analysis is null ? Dates(normalized, analysis) : prepared.Dates!;
            var now = Now();
            var sourceId = await view.SourceIdAsync(db, normalized.Source, cancellationToken);
            Article article;
            DateTimeOffset? previousSortDate = null;
            if (existing is null)
            {
                article = new Article
                {
                    Title = normalized.Title,
                    Language = normalized.Language,
                    Body = normalized.Body,
                    File = record.File,
                    ContentHash = hash,
                    RawBytes = bytes,
                    Encoding = decoded.Encoding,
                    ImportedAt = now,
                };
                db.Articles.Add(article);
                record.Outcome = ImportOutcome.Imported;
            }
            else
            {
                article = await db.Articles.SingleAsync(a => a.Id == existing.Id, cancellationToken);
                previousSortDate = article.SortDate;
                record.Outcome = ImportOutcome.Updated;
                record.Reason = sameContent ? $"The file's metadata changed ({string.Join(", ", changedFields)})." : "The file's content changed.";
            }

            Apply(article, normalized, hash, bytes, decoded, sourceId, now);
            await db.SaveChangesAsync(cancellationToken);
            record.ArticleId = article.Id;
            await store.StoreAsync(db, article, analysis, dates, analyzer.PipelineVersion, previousSortDate, cancellationToken);
            view.Stored(article.Id, record.File, hash, metadata, existing?.ContentHash);
        }
    }

    private static string Dates(NormalizedArticle article, ArticleAnalysis analysis) =>
        StoredDates.Of(article.TitleDerived ? null : article.Title, article.Body, article.PublishedAt, analysis);

    private static void Apply(Article article, NormalizedArticle normalized, string hash, byte[] bytes, DecodedText decoded, long? sourceId, DateTimeOffset now)
    {
        article.Title = normalized.Title;
        article.TitleDerived = normalized.TitleDerived;
        article.Subtitle = normalized.Subtitle;
        article.Authors = [.. normalized.Authors];
        article.SourceId = sourceId;
        article.Dateline = normalized.Dateline?.Place;
        article.PublishedAt = normalized.PublishedAt;
        article.SortDate = normalized.PublishedAt is { } published
            ? new DateTimeOffset(published.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : article.ImportedAt;
        article.Language = normalized.Language;
        article.WordCount = normalized.WordCount;
        article.Body = normalized.Body;
        article.ContentHash = hash;
        article.RawBytes = bytes;
        article.Encoding = decoded.Encoding;
        article.Flags = Flags(decoded);
        article.UpdatedAt = now;
    }

    private static List<string> Flags(DecodedText decoded)
    {
        var flags = new List<string>();
        if (decoded.UsedFallback)
        {
            flags.Add("encoding-fallback");
        }

        if (decoded.HadByteOrderMark)
        {
            flags.Add("byte-order-mark");
        }

        if (decoded.Text.Contains('\r'))
        {
            flags.Add("line-ends-normalised");
        }

        return flags;
    }

    private async Task<ImportFile> SaveRecordAsync(ImportFile record, CancellationToken cancellationToken, Stopwatch? stopwatch = null)
    {
        if (stopwatch is not null)
        {
            record.DurationMs = stopwatch.Elapsed.TotalMilliseconds;
        }

        record.ProcessedAt = Now();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ImportFiles.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    /// <summary>The advisory lock held while a file's article is written (import or re-analysis).</summary>
    public static long FileLockKey(string file) => LockKey("file:" + file);

    /// <summary>
    /// Tries the file locks (<see cref="FileLockKey"/>) of <paramref name="files"/> for the caller's transaction in one
    /// statement, without waiting; for each file in order, whether it was granted (a file another writer holds is not).
    /// </summary>
    public static async Task<List<bool>> TryLockFilesAsync(NewsDbContext db, IEnumerable<string> files, CancellationToken cancellationToken)
    {
        var keys = files.Select(FileLockKey).ToArray();
        return await db.Database.SqlQuery<bool>($"""
            SELECT pg_try_advisory_xact_lock(f) AS "Value" FROM unnest({keys}) WITH ORDINALITY AS t(f, i) ORDER BY i
            """).ToListAsync(cancellationToken);
    }

    /// <summary>A 64-bit advisory lock key for a name (first 8 bytes of its SHA-256).</summary>
    private static long LockKey(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("newsapi:import:" + name)), 0);

    /// <summary>Now, to the microsecond PostgreSQL stores, so values read back compare equal.</summary>
    private DateTimeOffset Now()
    {
        var ticks = time.GetUtcNow().UtcTicks;
        return new DateTimeOffset(ticks - ticks % 10, TimeSpan.Zero);
    }
}
