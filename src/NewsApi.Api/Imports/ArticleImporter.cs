using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsApi.Api.Analysis;
using NewsApi.Api.Entities;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Normalisation;
using NewsApi.Nlp.Text;

namespace NewsApi.Api.Imports;

/// <summary>
/// Imports article files into PostgreSQL. Runs are rows in <c>import_runs</c>: any instance may queue one, and
/// one instance claims it (<c>FOR UPDATE SKIP LOCKED</c>). Each file is imported in its own transaction under
/// PostgreSQL advisory locks on its path and on its content hash, so instances sharing a database never import
/// the same file, or the same content, at the same time. A file that is not an article is recorded as rejected
/// with its reason, and the run goes on.
/// </summary>
public sealed class ArticleImporter(
    IDbContextFactory<NewsDbContext> contexts,
    IOptionsMonitor<ImportOptions> options,
    ArticleAnalyzer analyzer,
    AnalysisStore store,
    TimeProvider time,
    ILogger<ArticleImporter> logger)
{
    public static readonly string Instance = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Records a run request; a worker (this instance's or another's) will claim it.</summary>
    public async Task<ImportRun> QueueAsync(ImportTrigger trigger, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = new ImportRun
        {
            Trigger = trigger,
            Status = ImportStatus.Queued,
            Path = options.CurrentValue.FullPath,
            RequestedAt = Now(),
        };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }

    /// <summary>Claims and executes queued runs until none is left; returns how many ran.</summary>
    public async Task<int> RunQueuedAsync(CancellationToken cancellationToken)
    {
        var executed = 0;
        while (await ClaimAsync(cancellationToken) is { } run)
        {
            await ExecuteAsync(run, cancellationToken);
            executed++;
        }

        return executed;
    }

    private async Task<ImportRun?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = Now();
        var claimed = await db.Database.SqlQuery<long>($"""
            UPDATE import_runs SET status = 'Running', started_at = {now}, instance = {Instance}
            WHERE id = (SELECT id FROM import_runs WHERE status = 'Queued' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        return claimed.Count == 0 ? null : await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == claimed[0], cancellationToken);
    }

    private async Task ExecuteAsync(ImportRun run, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        logger.LogInformation("Import run {RunId} ({Trigger}) started on {Path}", run.Id, run.Trigger, run.Path);
        var counts = new Dictionary<ImportOutcome, int>();
        string? error = null;
        try
        {
            if (!Directory.Exists(run.Path))
            {
                error = $"The import folder '{run.Path}' does not exist.";
            }
            else
            {
                // Files are independent (each its own transaction and locks), so several go at once.
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.CurrentValue.Concurrency, CancellationToken = cancellationToken };
                await Parallel.ForEachAsync(ListFiles(run.Path), parallel, async (path, token) =>
                {
                    var result = await ImportFileAsync(run.Id, run.Path, path, token);
                    lock (counts)
                    {
                        counts[result.Outcome] = counts.GetValueOrDefault(result.Outcome) + 1;
                    }
                });
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error = "The instance shut down before the run finished; files not listed were not imported.";
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Import run {RunId} failed", run.Id);
            error = $"The run stopped: {exception.Message}";
        }

        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        await db.ImportRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.Status, error is null ? ImportStatus.Succeeded : ImportStatus.Failed)
            .SetProperty(r => r.Error, error)
            .SetProperty(r => r.FinishedAt, Now())
            .SetProperty(r => r.Imported, counts.GetValueOrDefault(ImportOutcome.Imported))
            .SetProperty(r => r.Updated, counts.GetValueOrDefault(ImportOutcome.Updated))
            .SetProperty(r => r.Unchanged, counts.GetValueOrDefault(ImportOutcome.Unchanged))
            .SetProperty(r => r.Duplicates, counts.GetValueOrDefault(ImportOutcome.Duplicate))
            .SetProperty(r => r.Rejected, counts.GetValueOrDefault(ImportOutcome.Rejected)), CancellationToken.None);

        logger.LogInformation(
            "Import run {RunId} {Status} in {DurationMs:0} ms: {Imported} imported, {Updated} updated, {Unchanged} unchanged, {Duplicates} duplicates, {Rejected} rejected{Error}",
            run.Id, error is null ? "succeeded" : "failed", stopwatch.Elapsed.TotalMilliseconds,
            counts.GetValueOrDefault(ImportOutcome.Imported), counts.GetValueOrDefault(ImportOutcome.Updated),
            counts.GetValueOrDefault(ImportOutcome.Unchanged), counts.GetValueOrDefault(ImportOutcome.Duplicate),
            counts.GetValueOrDefault(ImportOutcome.Rejected), error is null ? "" : $": {error}");
    }

    private IEnumerable<string> ListFiles(string root) =>
        Directory.EnumerateFiles(root, options.CurrentValue.SearchPattern, new EnumerationOptions
        {
            RecurseSubdirectories = true,
            MatchCasing = MatchCasing.CaseInsensitive,
            IgnoreInaccessible = false,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        }).Order(StringComparer.Ordinal);

    /// <summary>Imports one file and records the outcome; never throws for a bad file.</summary>
    public async Task<ImportFile> ImportFileAsync(long runId, string root, string path, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var record = new ImportFile
        {
            RunId = runId,
            File = Path.GetRelativePath(root, path).Replace('\\', '/'),
            Outcome = ImportOutcome.Rejected,
        };

        var read = await ReadAsync(path, record, cancellationToken);
        if (read is not null)
        {
            try
            {
                await StoreAsync(record, read.Value.Bytes, read.Value.Decoded, read.Value.Article, stopwatch, cancellationToken);
            }
            catch (DbUpdateException exception)
            {
                logger.LogError(exception, "The database refused {File}", record.File);
                record.Outcome = ImportOutcome.Rejected;
                record.Reason = $"The database refused the article: {exception.InnerException?.Message ?? exception.Message}";
                record.ArticleId = null;
            }
        }

        if (record.Id == 0)
        {
            await SaveRecordAsync(record, stopwatch, cancellationToken);
        }

        logger.LogInformation("Import {File}: {Outcome} in {DurationMs:0.0} ms{Reason}",
            record.File, record.Outcome, record.DurationMs, record.Reason is null ? "" : $" ({record.Reason})");
        return record;
    }

    private async Task<(byte[] Bytes, DecodedText Decoded, NormalizedArticle Article)?> ReadAsync(string path, ImportFile record, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            record.Bytes = length;
            var max = options.CurrentValue.MaxFileBytes;
            if (length > max)
            {
                record.Reason = $"The file is {length:N0} bytes, over the {max:N0}-byte limit (Import:MaxFileBytes).";
                return null;
            }

            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            record.Bytes = bytes.Length;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            record.Reason = $"The file could not be read: {exception.Message}";
            return null;
        }

        if (!TextDecoder.TryDecode(bytes, out var decoded, out var rejection))
        {
            record.Reason = rejection!.Reason;
            return null;
        }

        record.Encoding = decoded.Encoding;
        NormalizedArticle article;
        try
        {
            article = ArticleNormalizer.Normalize(decoded.Text);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Normalising {File} failed", record.File);
            record.Reason = $"The text could not be normalised: {exception.Message}";
            return null;
        }

        if (article.Paragraphs.Count == 0 || article.WordCount == 0)
        {
            record.Reason = "No article text remains once page furniture is removed.";
            return null;
        }

        return (bytes, decoded, article);
    }

    private async Task StoreAsync(ImportFile record, byte[] bytes, DecodedText decoded, NormalizedArticle normalized, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // An import can always be redone from its file, so it does not wait for the WAL flush at commit: a crash
        // may forget the last few imports (never corrupt anything), and the next run imports those files again.
        await db.Database.ExecuteSqlAsync($"SET LOCAL synchronous_commit TO OFF", cancellationToken);

        // File lock first, then content lock: every importer takes them in this order, so none deadlocks.
        var hash = normalized.ContentHash();
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({FileLockKey(record.File)})", cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey("content:" + hash)})", cancellationToken);

        var existing = await db.Articles.Where(a => a.File == record.File).Select(a => new { a.Id, a.ContentHash }).FirstOrDefaultAsync(cancellationToken);
        var twin = await db.Articles.Where(a => a.ContentHash == hash).Select(a => new { a.Id, a.File }).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null && existing.ContentHash == hash)
        {
            record.Outcome = ImportOutcome.Unchanged;
            record.ArticleId = existing.Id;
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
            var now = Now();
            var sourceId = await SourceIdAsync(db, normalized.Source, cancellationToken);
            Article article;
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
                record.Outcome = ImportOutcome.Updated;
                record.Reason = "The file's content changed.";
            }

            Apply(article, normalized, hash, bytes, decoded, sourceId, now);
            await db.SaveChangesAsync(cancellationToken);
            record.ArticleId = article.Id;

            var analysis = analyzer.Analyze(normalized.TitleDerived ? null : normalized.Title, normalized.Body, normalized.PublishedAt);
            await store.StoreAsync(db, article, analysis, analyzer.PipelineVersion, cancellationToken);
        }

        record.DurationMs = stopwatch.Elapsed.TotalMilliseconds;
        record.ProcessedAt = Now();
        db.ImportFiles.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

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

    private static async Task<long?> SourceIdAsync(NewsDbContext db, string? name, CancellationToken cancellationToken)
    {
        if (name is null)
        {
            return null;
        }

        name = name.Length > 200 ? name[..200] : name;
        var known = await db.Sources.Where(s => s.Name == name).Select(s => (long?)s.Id).FirstOrDefaultAsync(cancellationToken);
        if (known is not null)
        {
            return known;
        }

        // Another instance may add the same source at the same moment; the unique name settles it.
        await db.Database.ExecuteSqlAsync($"INSERT INTO sources (name) VALUES ({name}) ON CONFLICT (name) DO NOTHING", cancellationToken);
        return await db.Sources.Where(s => s.Name == name).Select(s => s.Id).SingleAsync(cancellationToken);
    }

    private async Task SaveRecordAsync(ImportFile record, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        record.DurationMs = stopwatch.Elapsed.TotalMilliseconds;
        record.ProcessedAt = Now();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ImportFiles.Add(record);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The advisory lock held while a file's article is written (import or re-analysis).</summary>
    public static long FileLockKey(string file) => LockKey("file:" + file);

    /// <summary>A 64-bit advisory lock key for a name (first 8 bytes of its SHA-256).</summary>
    private static long LockKey(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("newsapi:import:" + name)), 0);

    /// <summary>Now, to the microsecond PostgreSQL stores, so values read back compare equal.</summary>
    private DateTimeOffset Now()
    {
        var ticks = time.GetUtcNow().UtcTicks;
        return new DateTimeOffset(ticks - ticks % 10, TimeSpan.Zero);
    }
}
