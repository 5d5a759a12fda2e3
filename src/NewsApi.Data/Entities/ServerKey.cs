namespace NewsApi.Data.Entities;

/// <summary>
/// A secret the instances sharing this database share, generated once by whichever starts first (for example
/// the key that signs paging cursors, so a cursor from one instance verifies on another and after restarts).
/// </summary>
public class ServerKey
{
    public required string Name { get; set; }

    public required byte[] Value { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
