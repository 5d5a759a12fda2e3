namespace NewsApi.Data.Entities;

public enum ImportTrigger
{
    Startup,
    Schedule,
    Request,

    /// <summary>Queued to pick up the files of a run that was abandoned or lost the database.</summary>
    Recovery,
}

public enum ImportStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,

    /// <summary>The instance running it stopped without finishing (killed, crashed, lost for longer than its lease).</summary>
    Abandoned,
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

    /// <summary>
    /// Who holds the run while it is running: the instance's identity (boot id, host, process id and start time),
    /// precise enough to tell that the process is gone.
    /// </summary>
    public string? Owner { get; set; }

    /// <summary>When the owner last said it is still running the run (database time); the lease runs from here.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    /// <summary>Why the run as a whole failed (e.g. the folder does not exist).</summary>
    public string? Error { get; set; }

    public int Imported { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Duplicates { get; set; }

    public int Rejected { get; set; }

    public List<ImportFile> Files { get; set; } = [];
}
