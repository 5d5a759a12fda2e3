using System.IO.Enumeration;

namespace NewsApi.Ingestion.Imports;

/// <summary>
/// One entry of an import folder: a file to import (<see cref="Rejection"/> null) or something that will not be
/// imported, with the reason.
/// </summary>
/// <param name="File">The path relative to the import folder, with forward slashes: what runs and articles show.</param>
/// <param name="RealPath">The absolute path to read, links resolved (null for rejected entries).</param>
/// <param name="Status">The file's kind, identity, size and modification time when scanned.</param>
/// <param name="Rejection">Why the entry is not imported, in the client's terms.</param>
public sealed record FolderEntry(string File, string? RealPath, FileStatus? Status, string? Rejection);

/// <summary>What reading a file gave: its bytes, or why it was not read.</summary>
/// <param name="Bytes">The whole file, at most the size limit.</param>
/// <param name="Length">The file's size as far as it is known.</param>
/// <param name="Rejection">Why the file was not read; null when it was.</param>
/// <param name="Changed">The file changed while it was opened or read: it is being written, so try again later.</param>
public sealed record FileRead(byte[]? Bytes, long Length, string? Rejection, bool Changed);

/// <summary>
/// Lists and reads the files of an import folder so that nothing outside it gets in and nothing hangs: only
/// regular files whose real path lies inside the folder are imported; links are resolved and checked, never
/// trusted; FIFOs, devices and sockets are refused without being opened; every file is opened non-blocking and
/// checked to be the regular file that was listed; and no more than the size limit plus one byte is ever read,
/// whatever length the file claims. Every entry that will not be imported is reported with its reason.
/// </summary>
public static class ImportFolder
{
    /// <summary>Folders nested deeper than this are not scanned.</summary>
    public const int MaxDepth = 64;

    /// <summary>Longest relative path stored for a file.</summary>
    public const int MaxPathLength = 1024;

    public const string OutsideTheFolder = "Outside the import folder: a symbolic link to somewhere else. Only files inside the import folder are imported.";

    /// <summary>Every entry under <paramref name="root"/> that matches <paramref name="pattern"/> (and every link or
    /// special file that would), ordered by relative path. Hidden entries (names starting with a dot) are skipped.</summary>
    public static List<FolderEntry> Scan(string root, string pattern)
    {
        var entries = new List<FolderEntry>();
        var rootReal = UnixFiles.RealPath(root, out _) ?? Path.GetFullPath(root);
        var visited = new HashSet<(ulong, ulong)>();
        if (UnixFiles.Status(rootReal, out _) is { } rootStatus)
        {
            visited.Add((rootStatus.Device, rootStatus.Inode));
        }

        var pending = new Stack<(string Directory, string Relative, int Depth)>();
        pending.Push((rootReal, "", 0));
        while (pending.Count > 0)
        {
            var (directory, relative, depth) = pending.Pop();
            List<string> names;
            try
            {
                names = Directory.EnumerateFileSystemEntries(directory).Select(e => Path.GetFileName(e)).Order(StringComparer.Ordinal).ToList();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                entries.Add(new FolderEntry(relative.Length == 0 ? "." : relative + "/", null, null,
                    exception is UnauthorizedAccessException ? "The folder could not be read: permission denied." : "The folder could not be read."));
                continue;
            }

            foreach (var name in names)
            {
                if (name.StartsWith('.'))
                {
                    continue;
                }

                var file = relative.Length == 0 ? name : relative + "/" + name;
                var path = Path.Combine(directory, name);
                var matches = FileSystemName.MatchesSimpleExpression(pattern, name, ignoreCase: true);
                var entry = Classify(path, file, rootReal, matches, depth, visited, pending);
                if (entry is not null)
                {
                    entries.Add(entry.File.Length > MaxPathLength
                        ? entry with { File = entry.File[..MaxPathLength], RealPath = null, Rejection = $"The path is longer than {MaxPathLength:N0} characters." }
                        : entry);
                }
            }
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.File, b.File));
        return entries;
    }

    /// <summary>
    /// The entry as it is now, checked again from scratch (kind, links, containment): a file that was replaced after
    /// the scan, by a link or anything else, is judged as what it has become, never trusted as what it was.
    /// </summary>
    public static FolderEntry Recheck(string root, FolderEntry entry)
    {
        var rootReal = UnixFiles.RealPath(root, out _) ?? Path.GetFullPath(root);
        var path = Path.Combine(rootReal, entry.File);
        var current = Classify(path, entry.File, rootReal, matches: true, depth: 0, [], new Stack<(string, string, int)>());
        return current is { Rejection: null, Status: { Kind: FileKind.Regular } }
            ? current
            : current ?? new FolderEntry(entry.File, null, null, "The file disappeared before it could be read.");
    }

    private static FolderEntry? Classify(string path, string file, string rootReal, bool matches, int depth, HashSet<(ulong, ulong)> visited,
        Stack<(string, string, int)> pending)
    {
        var status = UnixFiles.LinkStatus(path, out var error);
        if (status is null)
        {
            if (!matches)
            {
                return null;
            }

            // .NET reads names as UTF-8 and replaces bytes that are not; such a name cannot be opened again by its text.
            return new FolderEntry(file, null, null, error == FileError.NotFound && file.Contains('\uFFFD', StringComparison.Ordinal)
                ? "The file name is not valid UTF-8, so it cannot be stored or served as text; rename the file to import it."
                : error == FileError.NotFound ? "The file disappeared before it could be read." : Describe(error));
        }

        var real = path;
        var linked = status.Value.Kind == FileKind.SymbolicLink;
        if (linked)
        {
            var target = UnixFiles.RealPath(path, out error);
            var targetStatus = target is null ? null : UnixFiles.Status(target, out error);
            if (target is null || targetStatus is null)
            {
                return new FolderEntry(file, null, null, error == FileError.LinkLoop
                    ? "A symbolic link that loops (it leads back to itself)."
                    : "A symbolic link whose target does not exist.");
            }

            if (!IsInside(target, rootReal))
            {
                return new FolderEntry(targetStatus.Value.Kind == FileKind.Directory ? file + "/" : file, null, null, OutsideTheFolder);
            }

            real = target;
            status = targetStatus;
        }

        if (status.Value.Kind == FileKind.Directory)
        {
            if (linked)
            {
                // Its folder is inside the import folder and is scanned under its own name.
                return new FolderEntry(file + "/", null, null, "A symbolic link to a folder inside the import folder, which is scanned under its own name.");
            }

            if (depth + 1 > MaxDepth)
            {
                return new FolderEntry(file + "/", null, null, $"Nested more than {MaxDepth} folders deep; deeper folders are not scanned.");
            }

            if (visited.Add((status.Value.Device, status.Value.Inode)))
            {
                pending.Push((real, file, depth + 1));
            }

            return null;
        }

        if (!matches)
        {
            return null;
        }

        return status.Value.Kind == FileKind.Regular
            ? new FolderEntry(file, real, status, null)
            : new FolderEntry(file, null, status, $"Not a regular file ({KindName(status.Value.Kind)}); only regular files are imported.");
    }

    /// <summary>Reads a listed file: at most <paramref name="maxBytes"/> + 1 bytes, only if it is still the regular file that was listed.</summary>
    public static FileRead Read(FolderEntry entry, long maxBytes)
    {
        var listed = entry.Status!.Value;
        using var handle = UnixFiles.OpenForReading(entry.RealPath!, out var opened, out var error);
        if (handle is null)
        {
            // ELOOP from O_NOFOLLOW: the file became a link after the scan; it is judged again from scratch.
            return error == FileError.LinkLoop
                ? new FileRead(null, listed.Size, "The file was replaced by a link after the folder was scanned.", true)
                : new FileRead(null, listed.Size, error == FileError.NotFound ? "The file disappeared before it could be read." : Describe(error), false);
        }

        if (opened.Kind != FileKind.Regular)
        {
            return new FileRead(null, 0, $"Not a regular file ({KindName(opened.Kind)}); only regular files are imported.", false);
        }

        if (opened.Device != listed.Device || opened.Inode != listed.Inode)
        {
            return new FileRead(null, opened.Size, "The file was replaced while the folder was scanned.", true);
        }

        if (opened.Size > maxBytes)
        {
            return new FileRead(null, opened.Size, $"The file is {opened.Size:N0} bytes, over the {maxBytes:N0}-byte limit (Import:MaxFileBytes).", false);
        }

        // The reported size is a hint, not a promise: never read more than the limit and one byte to prove it.
        var buffer = new byte[(int)Math.Min(maxBytes + 1, Math.Max(4096, opened.Size + 1))];
        long total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total > maxBytes)
                {
                    return new FileRead(null, total, TooLarge(total, maxBytes), false);
                }

                Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1, (long)buffer.Length * 2));
            }

            int read;
            try
            {
                read = RandomAccess.Read(handle, buffer.AsSpan((int)total), total);
            }
            catch (IOException)
            {
                return new FileRead(null, total, "The file could not be read (an input/output error).", false);
            }
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        if (total > maxBytes)
        {
            return new FileRead(null, total, TooLarge(total, maxBytes), false);
        }

        var after = UnixFiles.Status(handle, entry.RealPath!);
        if (after is null || !after.Value.SameContentAs(opened) || total != opened.Size)
        {
            return new FileRead(null, total, "The file changed while it was read.", true);
        }

        Array.Resize(ref buffer, (int)total);
        return new FileRead(buffer, total, null, false);
    }

    private static string TooLarge(long size, long max) =>
        $"The file holds more than {max:N0} bytes, the limit (Import:MaxFileBytes), though it reported {size:N0}.";

    private static bool IsInside(string path, string root) =>
        path == root || path.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal);

    private static string Describe(FileError error) => error switch
    {
        FileError.AccessDenied => "The file could not be read: permission denied.",
        FileError.LinkLoop => "A symbolic link that loops (it leads back to itself).",
        FileError.NameTooLong => "The file's path is too long for the operating system.",
        _ => "The file could not be read.",
    };

    private static string KindName(FileKind kind) => kind switch
    {
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Directory => "a folder",
        _ => "an unknown kind of file",
    };
}
