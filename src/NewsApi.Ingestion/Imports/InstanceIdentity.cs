using System.Globalization;

namespace NewsApi.Ingestion.Imports;

/// <summary>
/// Who this process is, precisely enough for another process on the same machine to tell that it is gone: the
/// kernel's boot id, the host name, the process id and the process's start time (so a reused pid is not mistaken
/// for it). Written on the runs this instance holds.
/// </summary>
public static class InstanceIdentity
{
    /// <summary>For people: host and process id.</summary>
    public static string Display { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>For the liveness check: boot id/host/pid/start time.</summary>
    public static string Owner { get; } = Describe(Environment.ProcessId) ?? $"unknown/{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>
    /// True when <paramref name="owner"/> names a process of this machine (same boot, same host name) that no longer
    /// runs. Owners on other machines, or written in another form, are never declared gone: their lease decides.
    /// </summary>
    public static bool IsGone(string owner)
    {
        var parts = owner.Split('/');
        var mine = Owner.Split('/');
        if (parts.Length != 4 || mine[0] == "unknown" || parts[0] != mine[0] || parts[1] != mine[1]
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        return Describe(pid) != owner;
    }

    private static string? Describe(int pid)
    {
        var boot = Read("/proc/sys/kernel/random/boot_id")?.Trim();
        var stat = Read($"/proc/{pid}/stat");
        if (boot is null || stat is null)
        {
            return null;
        }

        // Field 22 of /proc/<pid>/stat is the start time in clock ticks since boot; fields after the command name
        // (which may hold spaces and parentheses) start at field 3.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 19 ? $"{boot}/{Environment.MachineName}/{pid}/{fields[19]}" : null;
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
