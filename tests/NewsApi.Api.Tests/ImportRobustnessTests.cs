using NewsApi.Ingestion.Analysis;
using NewsApi.Ingestion.Imports;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Imports;
using NewsApi.Api.Tests.Infrastructure;
using NewsApi.Data.Entities;
using Npgsql;

namespace NewsApi.Api.Tests;

/// <summary>
/// A generated hostile import folder (more than fifty kinds of file and link), imported for real: every bad
/// entry is recorded with its reason, every good file is imported, nothing outside the folder gets in, nothing
/// hangs, memory stays bounded. And the mechanisms one at a time: the settle time, the per-file time budget, a
/// file that disappears between scan and read.
/// </summary>
public sealed class ImportRobustnessTests(DatabaseFixture database) : ApiTestBase(database)
{
    private const long MaxFileBytes = 3 * 1024 * 1024;

    private static string Article(string topic, int words = 60) =>
        $"{topic} talks resume in Geneva\n\nDiplomats from several countries met in Geneva on Monday to discuss {topic}. " +
        string.Join(' ', Enumerable.Range(0, words).Select(i => $"word{i}")) + $". The talks on {topic} will continue on Tuesday, officials said.\n";

    private static void Shell(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{command}: {process.StandardError.ReadToEnd()}");
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Files that must be imported (as an article, or as the duplicate of one), by relative path.</summary>
    private readonly HashSet<string> _good = [];

    /// <summary>Entries that must be rejected, with a word their reason must contain.</summary>
    private readonly Dictionary<string, string> _bad = [];

    private void Good(string name, string text) => GoodBytes(name, Encoding.UTF8.GetBytes(text));

    private void GoodBytes(string name, byte[] bytes)
    {
        Files.WriteBytes(name, bytes);
        _good.Add(name);
    }

    private void Bad(string name, byte[] bytes, string reason)
    {
        Files.WriteBytes(name, bytes);
        _bad[name] = reason;
    }

    private void Link(string name, string target, string? reason)
    {
        File.CreateSymbolicLink(Path.Combine(Files.Path, name), target);
        if (reason is null)
        {
            _good.Add(name);
        }
        else
        {
            // Folders are listed with a trailing slash.
            _bad[Directory.Exists(target) ? name + "/" : name] = reason;
        }
    }

    private List<string> BuildHostileFolder()
    {
        var notes = new List<string>();
        var root = Files.Path;

        // Good files in every encoding and shape an article arrives in.
        Good("good-plain.txt", Article("water"));
        Good("good-crlf.txt", Article("grain").Replace("\n", "\r\n"));
        GoodBytes("good-utf8-bom.txt", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Article("café"))]);
        GoodBytes("good-utf16le-bom.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Article("steel"))]);
        GoodBytes("good-utf16be-bom.txt", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Article("coal"))]);
        var utf32 = new UTF32Encoding(false, true);
        GoodBytes("good-utf32le-bom.txt", [.. utf32.GetPreamble(), .. utf32.GetBytes(Article("rice"))]);
        var utf32be = new UTF32Encoding(true, true);
        GoodBytes("good-utf32be-bom.txt", [.. utf32be.GetPreamble(), .. utf32be.GetBytes(Article("wool"))]);
        GoodBytes("good-latin1.txt", Encoding.Latin1.GetBytes(Article("crème brûlée at £3")));
        GoodBytes("good-overlong-utf8.txt", [.. Encoding.ASCII.GetBytes(Article("salt")), 0xC0, 0xAF, 0xE0, 0x80, 0xAF]);
        Good("good name with spaces.txt", Article("copper"));
        Good("good-unicode-名前-ñ-\u200F.txt", Article("tin"));
        Good("good-newline\nin-name.txt", Article("zinc"));
        Good("GOOD-UPPER.TXT", Article("lead"));
        Good(new string('n', 240) + ".txt", Article("nickel"));
        Good(string.Join('/', Enumerable.Range(0, 20).Select(i => $"d{i}")) + "/good-deep.txt", Article("cobalt"));
        Good("good-html.txt", "<html><head><title>Oil prices rise</title></head><body><h1>Oil prices rise</h1><p>" + Article("oil") + "</p></body></html>");
        Good("good-one-line.txt", "A very long single line\n\n" + string.Concat(Enumerable.Repeat("The minister said the talks in Geneva would resume on Monday, officials said. ", 13_000)));
        Good("good-100k-lines.txt", "One hundred thousand lines\n\n" + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"Line {i}.\n")));
        Good("good-repeated.txt", "Twenty thousand copies\n\n" + string.Concat(Enumerable.Repeat("The minister said the talks in Geneva would resume on Monday. ", 20_000)));
        Good("good-near-duplicate-a.txt", Article("silver"));
        Good("good-near-duplicate-b.txt", Article("silver").Replace("Tuesday", "Wednesday"));
        Good("good-duplicate-1.txt", Article("gold"));
        Good("good-duplicate-2.txt", Article("gold"));
        Good("README.TXT", "About this folder\n\nThese files are articles gathered for a test of the importer, with words enough to count as text.\n");
        Good("x.txt/inside-a-folder-named-like-a-file.txt", Article("iron"));

        // Links that stay inside the folder are followed.
        Link("good-link-inside.txt", Path.Combine(root, "good-plain.txt"), null);
        Link("good-link-chain.txt", Path.Combine(root, "good-link-inside.txt"), null);
        Shell($"ln {Q(Path.Combine(root, "good-crlf.txt"))} {Q(Path.Combine(root, "good-hard-link.txt"))}");
        _good.Add("good-hard-link.txt");

        // Bad content.
        Bad("empty.txt", [], "empty");
        Bad("whitespace.txt", Encoding.ASCII.GetBytes("  \n\t\r\n   "), "whitespace");
        Bad("only-newlines.txt", Encoding.ASCII.GetBytes(new string('\n', 100_000)), "whitespace");
        Bad("binary.txt", [.. Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919) % 256))], "NUL");
        Bad("nul-in-text.txt", [.. Encoding.ASCII.GetBytes(Article("nul")), 0, .. Encoding.ASCII.GetBytes(" more words after the NUL.")], "NUL");
        Bad("nul-utf8-bom.txt", [.. Encoding.UTF8.GetPreamble(), .. Encoding.ASCII.GetBytes(Article("bom")), 0], "NUL");
        Bad("utf16-no-bom.txt", Encoding.Unicode.GetBytes(Article("nobom")), "NUL");
        Bad("utf32-no-bom.txt", utf32.GetBytes(Article("nobom32")), "NUL");
        Bad("controls.txt", [.. Enumerable.Range(0, 2000).Select(i => (byte)(i % 2 == 0 ? 0x01 : 0x41))], "not text");
        Bad("furniture.txt", Encoding.ASCII.GetBytes("Related Posts\nLeave a Reply\nShare this\n"), "page furniture");
        Bad("too-large.txt", Encoding.ASCII.GetBytes("Big\n\n" + new string('a', (int)MaxFileBytes)), "limit");
        Bad("zip-as-txt.txt", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x41, 0x42, 0x43], "NUL");

        // Links that lead outside, or nowhere.
        Link("passwd.txt", "/etc/passwd", "Outside the import folder");
        Link("etc", "/etc", "Outside the import folder");
        Link("zero.txt", "/dev/zero", "Outside the import folder");
        Link("null.txt", "/dev/null", "Outside the import folder");
        Link("urandom.txt", "/dev/urandom", "Outside the import folder");
        Link("proc-status.txt", "/proc/self/status", "Outside the import folder");
        Link("parent.txt", Path.Combine(root, "..", Path.GetFileName(root) + "-sibling.txt"), "target does not exist");
        Link("dangling.txt", Path.Combine(root, "no-such-file.txt"), "target does not exist");
        Link("loop-a.txt", Path.Combine(root, "loop-b.txt"), "loops");
        Link("loop-b.txt", Path.Combine(root, "loop-a.txt"), "loops");
        Link("self.txt", Path.Combine(root, "self.txt"), "loops");
        Link("back-to-root", root, "inside the import folder");

        // Things that are not regular files.
        Shell($"mkfifo {Q(Path.Combine(root, "fifo.txt"))}");
        _bad["fifo.txt"] = "FIFO";
        // A bound socket's file lasts as long as the socket (the test disposes it at the end).
        _socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(root, "socket.txt")));
        _bad["socket.txt"] = "socket";
        if (IsRoot)
        {
            Shell($"mknod {Q(Path.Combine(root, "chardev.txt"))} c 1 5");
            _bad["chardev.txt"] = "character device";
        }
        else
        {
            notes.Add("not root: no character device inside the folder");
        }

        // Names and paths the file system allows but text cannot carry, or that go too far.
        Shell($"printf 'A title\\n\\nSome text of the article that is long enough.\\n' > {Q(root)}/$'bad-\\xff\\xfe-name.txt'");
        _bad["bad-\uFFFD\uFFFD-name.txt"] = "not valid UTF-8";
        var deep = string.Join('/', Enumerable.Range(0, ImportFolder.MaxDepth + 2).Select(i => $"z{i}"));
        Files.Write(deep + "/too-deep.txt", Article("deep"));
        _bad[string.Join("/", Enumerable.Range(0, ImportFolder.MaxDepth + 1).Select(i => $"z{i}")) + "/"] = "Nested more than";
        var longPath = string.Join('/', Enumerable.Range(0, 6).Select(i => new string((char)('a' + i), 200))) + "/long-path.txt";
        Files.Write(longPath, Article("long"));
        _bad[longPath[..ImportFolder.MaxPathLength]] = "longer than";

        // Ignored without a record: hidden entries and other extensions.
        Files.Write(".hidden.txt", Article("hidden"));
        Files.Write(".hidden-folder/inside.txt", Article("hidden folder"));
        Files.Write("notes.md", Article("markdown"));
        return notes;
    }

    private Socket? _socket;

    public override async Task DisposeAsync()
    {
        _socket?.Dispose();
        await base.DisposeAsync();
    }

    private static string Q(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [Fact(Timeout = 600_000)]
    public async Task A_hostile_folder_of_fifty_kinds_is_imported_with_every_file_accounted_for()
    {
        BuildHostileFolder();
        Assert.True(_good.Count + _bad.Count >= 50, $"only {_good.Count + _bad.Count} kinds");
        await using var factory = new NewsApiFactory(Database.ConnectionString, Files.Path, new Dictionary<string, string?>
        {
            ["Import:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Import:FileTimeoutSeconds"] = "120",
            ["Analysis:ReprocessEnabled"] = "false",
        });

        var run = await factory.ImportAsync();

        Assert.Equal(ImportStatus.Succeeded, run.Status);
        await using var db = Database.CreateContext();
        var records = await db.ImportFiles.Where(f => f.RunId == run.Id).ToListAsync();
        var byFile = records.GroupBy(r => r.File).ToDictionary(g => g.Key, g => g.Single());

        foreach (var good in _good)
        {
            Assert.True(byFile.TryGetValue(good, out var record), $"{good} has no record");
            Assert.True(record.Outcome is ImportOutcome.Imported or ImportOutcome.Duplicate, $"{good}: {record.Outcome} ({record.Reason})");
            Assert.NotNull(record.ArticleId);
        }

        foreach (var (bad, reason) in _bad)
        {
            Assert.True(byFile.TryGetValue(bad, out var record), $"{bad} has no record; records: {string.Join(", ", byFile.Keys.Where(k => k.StartsWith(bad[..Math.Min(5, bad.Length)], StringComparison.Ordinal)))}");
            Assert.Equal(ImportOutcome.Rejected, record.Outcome);
            Assert.Null(record.ArticleId);
            Assert.Contains(reason, record.Reason, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Files.Path, record.Reason, StringComparison.Ordinal);
        }

        // Every record is one of the above: nothing hidden, ignored or outside was recorded or imported.
        Assert.Equal(_good.Count + _bad.Count, records.Count);
        Assert.Equal(records.Count, run.Imported + run.Duplicates + run.Rejected);
        var articles = await db.Articles.AsNoTracking().Select(a => new { a.File, a.Body, a.Flags }).ToListAsync();
        Assert.DoesNotContain(articles, a => a.Body.Contains("root:x:0:0", StringComparison.Ordinal) || a.File.StartsWith("etc/", StringComparison.Ordinal));
        Assert.DoesNotContain(articles, a => a.File.Contains("hidden", StringComparison.Ordinal) || a.File.EndsWith(".md", StringComparison.Ordinal));

        // The duplicates are stored once; the pathological texts are stored, and their analysis is bounded and says so.
        Assert.Equal(ImportOutcome.Duplicate, byFile["good-link-inside.txt"].Outcome);
        Assert.Single(articles, a => a.Body.Contains("discuss gold", StringComparison.Ordinal));
        Assert.Contains("analysis-truncated", articles.Single(a => a.File == "good-one-line.txt").Flags);

        // Its stored dates are those of the whole text (13,000 "on Monday"), not of the part analysed.
        var longDates = await db.Articles.Where(a => a.File == "good-one-line.txt").Select(a => a.Dates).SingleAsync();
        Assert.Equal(13_000, NewsApi.Data.Entities.ArticleDateRecord.Deserialize(longDates!).Count(d => d.Text == "on Monday"));
        Assert.Contains("quotes-capped", articles.Single(a => a.File == "good-repeated.txt").Flags);

        // Memory stayed bounded: no file was read past its limit (the /dev/zero link used to take 4.4 GB).
        Assert.True(Process.GetCurrentProcess().PeakWorkingSet64 < 3L * 1024 * 1024 * 1024,
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");

        // A second run finds everything as it was.
        var again = await factory.ImportAsync();
        Assert.Equal((0, 0, _bad.Count), (again.Imported, again.Updated, again.Rejected));
    }

    [Fact]
    public async Task A_file_still_being_written_is_imported_whole_once_it_settles()
    {
        // The writer pauses 100 ms between writes, far less than the settle time.
        await using var factory = new NewsApiFactory(Database.ConnectionString, Files.Path, new Dictionary<string, string?> { ["Import:SettleSeconds"] = "2" });
        var path = Files.Write("growing.txt", "A story being written\n\nThe first paragraph arrives first.\n");
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++)
            {
                await Task.Delay(100);
                await File.AppendAllTextAsync(path, $"\nParagraph {i} arrives while the importer is already looking at the file.\n");
            }

            await File.AppendAllTextAsync(path, "\nThe last paragraph ends the story.\n");
        });

        var run = await factory.ImportAsync();
        await writer;

        Assert.Equal(1, run.Imported);
        await using var db = Database.CreateContext();
        var article = await db.Articles.AsNoTracking().SingleAsync();
        Assert.Equal(await File.ReadAllBytesAsync(path), article.RawBytes);
        Assert.Contains("The last paragraph ends the story.", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_never_stops_changing_is_rejected_after_its_budget_and_the_run_ends()
    {
        await using var factory = new NewsApiFactory(Database.ConnectionString, Files.Path, new Dictionary<string, string?>
        {
            ["Import:SettleSeconds"] = "2",
            ["Import:FileTimeoutSeconds"] = "2",
        });
        Files.Write("steady.txt", Article("steady"));
        File.SetLastWriteTimeUtc(Path.Combine(Files.Path, "steady.txt"), DateTime.UtcNow.AddMinutes(-5));
        var path = Files.Write("log.txt", "A log that grows forever\n\nIt starts here.\n");
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await File.AppendAllTextAsync(path, "Another line of the log.\n");
                await Task.Delay(50);
            }
        });

        var run = await factory.ImportAsync();
        await stop.CancelAsync();
        await writer;

        Assert.Equal(ImportStatus.Succeeded, run.Status);
        Assert.Equal((1, 1), (run.Imported, run.Rejected));
        await using var db = Database.CreateContext();
        var rejected = await db.ImportFiles.SingleAsync(f => f.File == "log.txt");
        Assert.Contains("still being written", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_its_time_budget_is_rejected_and_leaves_nothing_while_the_run_goes_on()
    {
        await using var factory = new NewsApiFactory(Database.ConnectionString, Files.Path, new Dictionary<string, string?> { ["Import:FileTimeoutSeconds"] = "3" });
        Files.Write("a-stuck.txt", Article("stuck"));
        Files.Write("b-fine.txt", Article("fine"));

        // Another session holds the lock the importer needs to write a-stuck.txt, so its import cannot finish in time.
        await using var blocker = new NpgsqlConnection(Database.ConnectionString);
        await blocker.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({ArticleImporter.FileLockKey("a-stuck.txt")})", blocker))
        {
            await take.ExecuteNonQueryAsync();
        }

        var run = await factory.ImportAsync();

        // Let go of the lock: a file past its budget must not commit now that it could.
        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({ArticleImporter.FileLockKey("a-stuck.txt")})", blocker))
        {
            await release.ExecuteNonQueryAsync();
        }

        Assert.Equal(ImportStatus.Succeeded, run.Status);
        Assert.Equal((1, 1), (run.Imported, run.Rejected));
        await using var db = Database.CreateContext();
        var stuck = await db.ImportFiles.SingleAsync(f => f.File == "a-stuck.txt");
        Assert.Contains("longer than 3 s", stuck.Reason, StringComparison.Ordinal);
        Assert.Equal(["b-fine.txt"], await db.Articles.Select(a => a.File).ToListAsync());
        Assert.Equal(2, await db.ImportFiles.CountAsync());
    }

    [Fact]
    public async Task A_file_deleted_between_scan_and_read_is_recorded_as_gone()
    {
        Files.Write("vanishing.txt", Article("vanishing"));
        var entry = Assert.Single(ImportFolder.Scan(Files.Path, "*.txt"));
        File.Delete(Path.Combine(Files.Path, "vanishing.txt"));
        var run = await Factory.Importer.QueueAsync(ImportTrigger.Request, CancellationToken.None);

        var record = await Factory.Importer.ImportEntryAsync(run.Id, entry, CancellationToken.None);

        Assert.Equal(ImportOutcome.Rejected, record!.Outcome);
        Assert.Contains("disappeared", record.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_replaced_by_a_link_out_of_the_folder_after_the_scan_is_judged_again_and_refused()
    {
        Files.Write("swapped.txt", Article("swapped"));
        var entry = Assert.Single(ImportFolder.Scan(Files.Path, "*.txt"));
        File.Delete(Path.Combine(Files.Path, "swapped.txt"));
        File.CreateSymbolicLink(Path.Combine(Files.Path, "swapped.txt"), "/etc/passwd");
        var run = await Factory.Importer.QueueAsync(ImportTrigger.Request, CancellationToken.None);

        // The open does not follow the link; the file counts as changed, to be judged again, and then it is outside.
        Assert.Null(await Factory.Importer.ImportEntryAsync(run.Id, entry, CancellationToken.None));
        Assert.Equal(ImportFolder.OutsideTheFolder, ImportFolder.Recheck(Files.Path, entry).Rejection);
    }

    [Fact]
    public async Task A_file_still_settling_and_then_replaced_by_a_link_out_of_the_folder_never_gets_in()
    {
        await using var factory = new NewsApiFactory(Database.ConnectionString, Files.Path, new Dictionary<string, string?> { ["Import:SettleSeconds"] = "2" });
        Files.Write("fresh.txt", Article("fresh"));
        var running = factory.ImportAsync();

        // Swapped atomically (rename over it), so the scan sees the file or the link, never neither.
        File.CreateSymbolicLink(Path.Combine(Files.Path, ".link"), "/etc/passwd");
        File.Move(Path.Combine(Files.Path, ".link"), Path.Combine(Files.Path, "fresh.txt"), overwrite: true);

        var run = await running;

        await using var db = Database.CreateContext();
        var record = await db.ImportFiles.SingleAsync(f => f.RunId == run.Id);
        Assert.Equal((ImportOutcome.Rejected, ImportFolder.OutsideTheFolder), (record.Outcome, record.Reason));
        Assert.Equal(0, await db.Articles.CountAsync());
    }

    [Fact]
    public async Task A_file_swapped_for_a_fifo_after_the_scan_is_never_read()
    {
        Files.Write("swapped.txt", Article("swapped"));
        var entry = Assert.Single(ImportFolder.Scan(Files.Path, "*.txt"));
        File.Delete(Path.Combine(Files.Path, "swapped.txt"));
        Shell($"mkfifo {Q(Path.Combine(Files.Path, "swapped.txt"))}");
        var run = await Factory.Importer.QueueAsync(ImportTrigger.Request, CancellationToken.None);

        // Opened without blocking and checked: a FIFO is refused, never waited on.
        var record = await Factory.Importer.ImportEntryAsync(run.Id, entry, CancellationToken.None);

        Assert.Equal(ImportOutcome.Rejected, record!.Outcome);
        Assert.Contains("FIFO", record.Reason, StringComparison.Ordinal);
    }
}
