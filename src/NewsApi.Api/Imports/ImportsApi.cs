using NewsApi.Ingestion.Analysis;
using NewsApi.Ingestion.Imports;
using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Infrastructure;
using NewsApi.Data;
using NewsApi.Data.Entities;

namespace NewsApi.Api.Imports;

/// <summary>How many files of a run ended each way.</summary>
public sealed record ImportCounts(int Imported, int Updated, int Unchanged, int Duplicates, int Rejected);

/// <summary>One import run.</summary>
public sealed record ImportRunSummary
{
    /// <example>1</example>
    public required long Id { get; init; }

    /// <summary>startup, schedule, request (POST /imports) or recovery (re-queued after a run was abandoned or lost the database).</summary>
    public required ImportTrigger Trigger { get; init; }

    /// <summary>queued, running, succeeded, failed, or abandoned (its instance stopped before it finished).</summary>
    public required ImportStatus Status { get; init; }

    /// <summary>The folder scanned, as a path on the server: shown to admin keys only.</summary>
    public string? Path { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Milliseconds from start to finish, once finished.</summary>
    public double? DurationMs { get; init; }

    /// <summary>The instance (host:pid) that ran it: shown to admin keys only.</summary>
    public string? Instance { get; init; }

    /// <summary>Why the run failed as a whole, e.g. a missing folder.</summary>
    public string? Error { get; init; }

    public required ImportCounts Counts { get; init; }
}

/// <summary>What happened to one file.</summary>
public sealed record ImportFileResult
{
    /// <summary>The path relative to the import folder.</summary>
    /// <example>000_e37a18c862025018.txt</example>
    public required string File { get; init; }

    /// <summary>imported, updated, unchanged, duplicate or rejected.</summary>
    public required ImportOutcome Outcome { get; init; }

    /// <summary>Why, for rejected, duplicate and updated files.</summary>
    /// <example>The file is empty (0 bytes).</example>
    public string? Reason { get; init; }

    /// <summary>The article the file is stored as (or duplicates).</summary>
    public long? ArticleId { get; init; }

    public required long Bytes { get; init; }

    /// <summary>The encoding the file was decoded with.</summary>
    public string? Encoding { get; init; }

    /// <summary>Time to read, normalise and store the file.</summary>
    public required double DurationMs { get; init; }
}

/// <summary>An import run with every file's outcome.</summary>
public sealed record ImportRunDetail
{
    public required ImportRunSummary Run { get; init; }

    /// <summary>Every file the run looked at, in the order processed.</summary>
    public required IReadOnlyList<ImportFileResult> Files { get; init; }
}

/// <summary>Query parameters of <c>GET /imports</c>.</summary>
public sealed record ImportListQuery : PageQuery;

/// <summary>The import endpoints: runs of the background importer, and a way to start one.</summary>
public static class ImportsApi
{
    public static RouteGroupBuilder MapImports(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/imports").ProducesProblem(StatusCodes.Status500InternalServerError).WithTags("Imports");

        group.MapGet("/", ListImports)
            .WithName("ListImports")
            .WithSummary("List import runs")
            .WithDescription("Runs of the background importer, newest first, with their counts of imported, updated, unchanged, duplicate and rejected files.")
            .ProducesValidationProblem();

        group.MapGet("/{id}", GetImport)
            .WithName("GetImport")
            .WithSummary("Get one import run")
            .WithDescription("The run with each file's outcome, the reason for rejected and duplicate files, and the time each took.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", StartImport)
            .WithName("StartImport")
            .WithSummary("Start an import run")
            .WithDescription(
                "Queues a scan of the import folder and returns at once with 202 Accepted; follow the Location header to see the run " +
                "progress from queued to succeeded. While a run is already queued, that run is returned instead of a new one. " +
                "Needs an API key with the imports scope (X-Api-Key).")
            .RequireAuthorization(Scopes.Imports)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        return group;
    }

    private static readonly KeysetOrder<ImportRun, ValueTuple<long>> Newest = Keyset.Order((ImportRun r) => r.Id, descending: true);

    public static async Task<Results<Ok<Page<ImportRunSummary>>, ValidationProblem>> ListImports(
        [AsParameters] ImportListQuery query, NewsDbContext db, Paging paging, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var fingerprint = Paging.Fingerprint("imports");
        var (limit, after) = await paging.ReadAsync(query, fingerprint, Newest, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var rows = await Newest.Page(db.ImportRuns.AsNoTracking(), after).Take(limit + 1).ToListAsync(cancellationToken);
        var admin = http.IsAdmin();
        return TypedResults.Ok(paging.Create(rows.Select(r => Summary(r, admin)).ToList(), limit, fingerprint, Newest, r => new ValueTuple<long>(r.Id)));
    }

    public static async Task<Results<Ok<ImportRunDetail>, ProblemHttpResult>> GetImport([Description("The import run's id.")][Example("1")] long id, NewsDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var run = await db.ImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run is null)
        {
            return Problems.NotFound("import run", id);
        }

        var files = await db.ImportFiles.AsNoTracking().Where(f => f.RunId == id).OrderBy(f => f.Id)
            .Select(f => new ImportFileResult
            {
                File = f.File,
                Outcome = f.Outcome,
                Reason = f.Reason,
                ArticleId = f.ArticleId,
                Bytes = f.Bytes,
                Encoding = f.Encoding,
                DurationMs = f.DurationMs,
            })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new ImportRunDetail { Run = Summary(run, http.IsAdmin()), Files = files });
    }

    public static async Task<Accepted<ImportRunSummary>> StartImport(ArticleImporter importer, ImportSignal signal, HttpContext http, CancellationToken cancellationToken)
    {
        var run = await importer.QueueAsync(ImportTrigger.Request, cancellationToken);
        signal.Raise();
        return TypedResults.Accepted($"/imports/{run.Id}", Summary(run, http.IsAdmin()));
    }

    private static ImportRunSummary Summary(ImportRun run, bool admin) => new()
    {
        Id = run.Id,
        Trigger = run.Trigger,
        Status = run.Status,
        Path = admin ? run.Path : null,
        RequestedAt = run.RequestedAt,
        StartedAt = run.StartedAt,
        FinishedAt = run.FinishedAt,
        DurationMs = run.FinishedAt - run.StartedAt is { } elapsed ? elapsed.TotalMilliseconds : null,
        Instance = admin ? run.Instance : null,
        Error = run.Error,
        Counts = new ImportCounts(run.Imported, run.Updated, run.Unchanged, run.Duplicates, run.Rejected),
    };
}
