using System.ComponentModel.DataAnnotations;
using NewsApi.Ingestion.Analysis;

namespace NewsApi.Ingestion.Imports;

/// <summary>The <c>Import</c> configuration section.</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>The folder scanned for article files (recursively). A relative path is relative to the working directory.</summary>
    [Required]
    public string Path { get; set; } = "data/seeds";

    /// <summary>Which files are articles (a file-name pattern, matched case-insensitively).</summary>
    [Required]
    public string SearchPattern { get; set; } = "*.txt";

    /// <summary>Seconds between scheduled scans; 0 turns the schedule off (start-up and requested runs still happen).</summary>
    [Range(0, 7 * 24 * 3600)]
    public int IntervalSeconds { get; set; } = 60;

    /// <summary>Files larger than this are rejected unread (at most 1 GiB: a file is read into memory whole).</summary>
    [Range(1, 1L << 30)]
    public long MaxFileBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Files read, decoded, normalised and analysed at once in a run (default: the core count).</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>
    /// Most articles the writer stores in one transaction. It takes what the analysis has ready, up to this many,
    /// so a quiet folder still imports file by file and a large one in batches. At most
    /// <see cref="ArticleSavepoints.MaxPerTransaction"/>: each article is written under a savepoint.
    /// </summary>
    [Range(1, ArticleSavepoints.MaxPerTransaction)]
    public int BatchSize { get; set; } = 64;

    /// <summary>
    /// Seconds one file may take from opening to commit (read, decode, analyse, store); a file over it is rejected
    /// with that reason and the run goes on.
    /// </summary>
    [Range(1, 3600)]
    public int FileTimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// Seconds a file's size and modification time must have been stable before it is imported, so a file still
    /// being written is not imported half-written. 0 imports at once.
    /// </summary>
    [Range(0, 3600)]
    public int SettleSeconds { get; set; } = 2;

    /// <summary>
    /// Seconds a running run stays its instance's without a heartbeat (sent every third of it). A run whose lease
    /// expires is marked abandoned by any instance, and its files are queued again.
    /// </summary>
    [Range(3, 3600)]
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>Run the background importer in this instance.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Scan once when the instance starts.</summary>
    public bool RunOnStartup { get; set; } = true;

    /// <summary>The folder as an absolute path.</summary>
    public string FullPath => System.IO.Path.GetFullPath(Path);
}
