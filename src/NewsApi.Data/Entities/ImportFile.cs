namespace NewsApi.Data.Entities;

public enum ImportOutcome
{
    /// <summary>A new article was stored.</summary>
    Imported,

    /// <summary>The file changed and its article was updated.</summary>
    Updated,

    /// <summary>The file's article is already stored with the same content.</summary>
    Unchanged,

    /// <summary>Another file with the same normalised content is already stored.</summary>
    Duplicate,

    /// <summary>The file is not an article; the reason says why.</summary>
    Rejected,
}

/// <summary>What happened to one file in one import run.</summary>
public class ImportFile
{
    public long Id { get; set; }

    public long RunId { get; set; }

    public ImportRun Run { get; set; } = null!;

    public required string File { get; set; }

    public ImportOutcome Outcome { get; set; }

    public string? Reason { get; set; }

    public long? ArticleId { get; set; }

    public long Bytes { get; set; }

    public string? Encoding { get; set; }

    public double DurationMs { get; set; }

    public DateTimeOffset ProcessedAt { get; set; }
}
