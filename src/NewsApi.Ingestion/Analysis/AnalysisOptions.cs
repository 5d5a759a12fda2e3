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

    /// <summary>Articles re-analysed per batch (each in its own transaction).</summary>
    [Range(1, 10_000)]
    public int ReprocessBatchSize { get; set; } = 50;
}
