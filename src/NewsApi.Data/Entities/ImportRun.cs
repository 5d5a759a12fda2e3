namespace NewsApi.Data.Entities;

public enum ImportTrigger
{
    Startup,
    Schedule,
    Request,
}

public enum ImportStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>One pass of the importer over the import folder.</summary>
public class ImportRun
{
    public long Id { get; set; }

    public ImportTrigger Trigger { get; set; }

    public ImportStatus Status { get; set; }

    /// <summary>The folder that was (or will be) scanned.</summary>
    public required string Path { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The API instance that ran it (host name and process id).</summary>
    public string? Instance { get; set; }

    /// <summary>Why the run as a whole failed (e.g. the folder does not exist).</summary>
    public string? Error { get; set; }

    public int Imported { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Duplicates { get; set; }

    public int Rejected { get; set; }

    public List<ImportFile> Files { get; set; } = [];
}
