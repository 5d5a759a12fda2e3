using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace NewsApi.Ingestion.Imports;

/// <summary>What a directory entry is, from <c>lstat</c>/<c>fstat</c> (not from its name or attributes).</summary>
public enum FileKind
{
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Unknown,
}

/// <summary>The facts the importer needs about a file: its kind, identity (device and inode), size and modification time.</summary>
public readonly record struct FileStatus(FileKind Kind, ulong Device, ulong Inode, long Size, long ModifiedNanoseconds)
{
    public DateTimeOffset Modified => DateTimeOffset.UnixEpoch.AddTicks(ModifiedNanoseconds / 100);

    /// <summary>Same file, same size, same modification time: nothing was written in between.</summary>
    public bool SameContentAs(FileStatus other) =>
        Device == other.Device && Inode == other.Inode && Size == other.Size && ModifiedNanoseconds == other.ModifiedNanoseconds;
}

/// <summary>Why a file-system call failed, in terms a reason can be written from.</summary>
public enum FileError
{
    None,
    NotFound,
    AccessDenied,
    LinkLoop,
    NameTooLong,
    Other,
}

/// <summary>
/// The few POSIX calls the importer needs and .NET does not expose: the kind of a file without following links
/// or opening it (<c>statx</c>), the real path of a link (<c>realpath</c>), and opening a file without blocking
/// (<c>O_NONBLOCK</c>, so a FIFO cannot hang the reader) and checking what was opened (<c>fstat</c>). Paths are
/// passed as their UTF-8 bytes. <c>statx</c> has one layout on every Linux architecture. Elsewhere (a developer's
/// Windows or macOS machine) a managed approximation is used.
/// </summary>
public static class UnixFiles
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;
    private const int OpenReadOnly = 0;
    private const int OpenNonBlocking = 0x800;
    private const int OpenNoControllingTerminal = 0x100;
    private const int OpenCloseOnExec = 0x80000;

    // O_NOFOLLOW is one of the few flags whose value differs between Linux architectures.
    private static readonly int OpenNoFollow = RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;

    private const int Enoent = 2;
    private const int Eacces = 13;
    private const int Enotdir = 20;
    private const int Enametoolong = 36;
    private const int Eloop = 40;

    private static bool Native => OperatingSystem.IsLinux();

    /// <summary>The status of <paramref name="path"/> itself (a link is reported as a link).</summary>
    public static FileStatus? LinkStatus(string path, out FileError error) => Stat(path, followLinks: false, out error);

    /// <summary>The status of what <paramref name="path"/> names, following links.</summary>
    public static FileStatus? Status(string path, out FileError error) => Stat(path, followLinks: true, out error);

    /// <summary>The canonical absolute path (links and dot segments resolved), or null with the reason.</summary>
    public static string? RealPath(string path, out FileError error)
    {
        error = FileError.None;
        if (!Native)
        {
            try
            {
                var info = new FileInfo(path);
                var target = info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
                if (target is null || !Path.Exists(target))
                {
                    error = FileError.NotFound;
                }

                return target;
            }
            catch (IOException)
            {
                error = FileError.LinkLoop;
                return null;
            }
        }

        var resolved = realpath(Bytes(path), IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            error = Classify(Marshal.GetLastPInvokeError());
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            free(resolved);
        }
    }

    /// <summary>
    /// Opens <paramref name="path"/> for reading without following a link in its last component and without
    /// blocking (a FIFO opens at once instead of waiting for a writer), and reports what was actually opened, so the
    /// caller can refuse anything but the regular file it listed before reading a byte.
    /// </summary>
    public static SafeFileHandle? OpenForReading(string path, out FileStatus status, out FileError error)
    {
        status = default;
        if (!Native)
        {
            try
            {
                var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                status = Stat(path, followLinks: true, out error) ?? default;
                return handle;
            }
            catch (FileNotFoundException)
            {
                error = FileError.NotFound;
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                error = FileError.AccessDenied;
                return null;
            }
        }

        var fd = open(Bytes(path), OpenReadOnly | OpenNonBlocking | OpenNoFollow | OpenNoControllingTerminal | OpenCloseOnExec);
        if (fd < 0)
        {
            error = Classify(Marshal.GetLastPInvokeError());
            return null;
        }

        var opened = new SafeFileHandle(fd, ownsHandle: true);
        var buffer = new byte[256];
        if (statx(fd, [0], AtEmptyPath, StatxBasicStats, buffer) != 0)
        {
            error = Classify(Marshal.GetLastPInvokeError());
            opened.Dispose();
            return null;
        }

        status = Parse(buffer);
        error = FileError.None;
        return opened;
    }

    /// <summary>The status of an open file.</summary>
    public static FileStatus? Status(SafeFileHandle handle, string path)
    {
        if (!Native)
        {
            return Stat(path, followLinks: true, out _);
        }

        var buffer = new byte[256];
        return statx((int)handle.DangerousGetHandle(), [0], AtEmptyPath, StatxBasicStats, buffer) == 0 ? Parse(buffer) : null;
    }

    private static FileStatus? Stat(string path, bool followLinks, out FileError error)
    {
        error = FileError.None;
        if (!Native)
        {
            FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            if (!info.Exists && info.LinkTarget is null)
            {
                error = FileError.NotFound;
                return null;
            }

            var kind = info.LinkTarget is not null && !followLinks ? FileKind.SymbolicLink
                : info is DirectoryInfo ? FileKind.Directory : FileKind.Regular;
            var size = info is FileInfo file && info.Exists ? file.Length : 0;
            return new FileStatus(kind, 0, (ulong)info.FullName.GetHashCode(StringComparison.Ordinal), size, (info.LastWriteTimeUtc - DateTime.UnixEpoch).Ticks * 100);
        }

        var buffer = new byte[256];
        if (statx(AtFdCwd, Bytes(path), followLinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
        {
            error = Classify(Marshal.GetLastPInvokeError());
            return null;
        }

        return Parse(buffer);
    }

    // struct statx (linux/stat.h): stx_mode at 28, stx_ino at 32, stx_size at 40, stx_mtime at 112 (tv_sec i64,
    // tv_nsec u32), stx_dev_major at 136, stx_dev_minor at 140.
    private static FileStatus Parse(byte[] buffer)
    {
        var mode = BitConverter.ToUInt16(buffer, 28);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Unknown,
        };
        var inode = BitConverter.ToUInt64(buffer, 32);
        var size = BitConverter.ToInt64(buffer, 40);
        var seconds = BitConverter.ToInt64(buffer, 112);
        var nanoseconds = BitConverter.ToUInt32(buffer, 120);
        var device = ((ulong)BitConverter.ToUInt32(buffer, 136) << 32) | BitConverter.ToUInt32(buffer, 140);
        return new FileStatus(kind, device, inode, size, (seconds * 1_000_000_000) + nanoseconds);
    }

    private static FileError Classify(int errno) => errno switch
    {
        Enoent or Enotdir => FileError.NotFound,
        Eacces => FileError.AccessDenied,
        Eloop => FileError.LinkLoop,
        Enametoolong => FileError.NameTooLong,
        _ => FileError.Other,
    };

    private static byte[] Bytes(string path)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, bytes);
        return bytes;
    }

#pragma warning disable SYSLIB1054 // Plain DllImport: blittable arguments only, no marshalling code to generate.
    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, byte[] path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr realpath(byte[] path, IntPtr resolved);

    [DllImport("libc", SetLastError = true)]
    private static extern int open(byte[] path, int flags);

    [DllImport("libc")]
    private static extern void free(IntPtr pointer);
#pragma warning restore SYSLIB1054
}
