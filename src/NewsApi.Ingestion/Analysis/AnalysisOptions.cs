using System.ComponentModel.DataAnnotations;

namespace NewsApi.Ingestion.Analysis;

/// <summary>The <c>Analysis</c> configuration section.</summary>
public sealed class AnalysisOptions
{
    public const string Section = "Analysis";

    /// <summary>Bring articles analysed by an older model or older rules up to date in the background.</summary>
    public bool ReprocessEnabled { get; set; } = true;

    /// <summary>Seconds between checks for out-of-date articles.</summary>
    [Range(1, 24 * 3600)]
    public int ReprocessIntervalSeconds { get; set; } = 30;

    /// <summary>
    /// Articles re-analysed per transaction (each under a savepoint, so at most
    /// <see cref="ArticleSavepoints.MaxPerTransaction"/>), and read from the database per round.
    /// </summary>
    [Range(1, ArticleSavepoints.MaxPerTransaction)]
    public int ReprocessBatchSize { get; set; } = 64;

    /// <summary>Articles analysed at once by the re-analysis worker (default: the core count).</summary>
    [Range(1, 64)]
    public int ReprocessConcurrency { get; set; } = Math.Max(1, Environment.ProcessorCount);
}
