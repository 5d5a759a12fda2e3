using NewsApi.Ingestion.Analysis;
using NewsApi.Ingestion.Imports;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Imports;
using NewsApi.Api.Tests.Infrastructure;
using NewsApi.Data.Entities;

namespace NewsApi.Api.Tests;

public sealed class ImportTests(DatabaseFixture database) : ApiTestBase(database)
{
    [Fact]
    public async Task Seeds_import_to_five_articles_and_a_second_run_changes_nothing()
    {
        Files.WithSeeds();

        var first = await Factory.ImportAsync();
        Assert.Equal(ImportStatus.Succeeded, first.Status);
        Assert.Equal((5, 0, 0, 0, 0), (first.Imported, first.Updated, first.Unchanged, first.Duplicates, first.Rejected));

        var second = await Factory.ImportAsync();
        Assert.Equal((0, 0, 5, 0, 0), (second.Imported, second.Updated, second.Unchanged, second.Duplicates, second.Rejected));

        await using var db = Database.CreateContext();
        Assert.Equal(5, await db.Articles.CountAsync());
        var files = await db.ImportFiles.Where(f => f.RunId == first.Id).ToListAsync();
        Assert.All(files, f => Assert.Equal(ImportOutcome.Imported, f.Outcome));
        Assert.All(files, f => Assert.True(f.DurationMs > 0));
    }

    [Fact]
    public async Task A_changed_file_updates_its_article_in_place()
    {
        Files.Write("story.txt", "A headline about a harbour\n\nThe harbour reopened on Monday after repairs that took three months to finish.\n");
        await Factory.ImportAsync();
        await using var before = Database.CreateContext();
        var original = await before.Articles.AsNoTracking().SingleAsync();

        Files.Write("story.txt", "A headline about a harbour\n\nThe harbour reopened on Tuesday after repairs that took four months to finish.\n");
        var run = await Factory.ImportAsync();

        Assert.Equal(1, run.Updated);
        await using var after = Database.CreateContext();
        var updated = await after.Articles.AsNoTracking().SingleAsync();
        Assert.Equal(original.Id, updated.Id);
        Assert.Contains("four months", updated.Body);
        Assert.NotEqual(original.ContentHash, updated.ContentHash);
        Assert.Equal(original.ImportedAt, updated.ImportedAt);
        Assert.True(updated.UpdatedAt > original.UpdatedAt);
    }

    [Fact]
    public async Task The_same_content_under_another_name_is_stored_once()
    {
        var text = "Rates held steady\n\nThe central bank kept its main rate at 4% on Thursday, as most economists expected.\n";
        Files.Write("a.txt", text);
        Files.Write("b.txt", text.Replace("\n", "\r\n"));

        var run = await Factory.ImportAsync();

        Assert.Equal((1, 1), (run.Imported, run.Duplicates));
        await using var db = Database.CreateContext();
        // Files are imported two at a time, so either may come first; the other is the duplicate.
        var duplicate = await db.ImportFiles.SingleAsync(f => f.Outcome == ImportOutcome.Duplicate);
        var stored = await db.Articles.Select(a => a.File).SingleAsync();
        Assert.NotEqual(stored, duplicate.File);
        Assert.Contains(stored, duplicate.Reason);
        Assert.Equal(1, await db.Articles.CountAsync());
    }

    [Fact]
    public async Task Bad_files_are_rejected_with_reasons_while_good_files_in_the_same_run_import()
    {
        Files.WithSeeds();
        Files.WriteBytes("empty.txt", []);
        Files.Write("blank.txt", "   \n\t\n  \r\n");
        Files.WriteBytes("nul.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x41, 0x42]);
        Files.WriteBytes("controls.txt", Enumerable.Range(0, 400).Select(i => (byte)(i % 2 == 0 ? 0x01 : 0x41)).ToArray());
        Files.Write("furniture.txt", "Related Posts\nLeave a Reply\nShare this\n");
        File.CreateSymbolicLink(Path.Combine(Files.Path, "unreadable.txt"), "/nonexistent/newsapi-missing-file");

        await using var factory = new NewsApiFactory(Database.ConnectionString, Files.Path, new Dictionary<string, string?> { ["Import:MaxFileBytes"] = "8000" });
        Files.Write("large.txt", "Big file\n\n" + string.Concat(Enumerable.Repeat("Words of a very long article. ", 400)));

        var run = await factory.ImportAsync();

        await using var db = Database.CreateContext();
        var outcomes = await db.ImportFiles.Where(f => f.RunId == run.Id).ToDictionaryAsync(f => f.File);
        Assert.Equal(5, outcomes.Values.Count(f => f.Outcome == ImportOutcome.Imported));
        Assert.Equal(5, await db.Articles.CountAsync());
        Assert.Equal(ImportStatus.Succeeded, run.Status);

        AssertRejected(outcomes["empty.txt"], "empty");
        AssertRejected(outcomes["blank.txt"], "whitespace");
        AssertRejected(outcomes["nul.txt"], "NUL");
        AssertRejected(outcomes["controls.txt"], "not text");
        AssertRejected(outcomes["furniture.txt"], "page furniture");
        AssertRejected(outcomes["unreadable.txt"], "target does not exist");
        AssertRejected(outcomes["large.txt"], "limit");
        Assert.Equal(7, run.Rejected);
    }

    private static void AssertRejected(ImportFile file, string reasonContains)
    {
        Assert.Equal(ImportOutcome.Rejected, file.Outcome);
        Assert.Null(file.ArticleId);
        Assert.Contains(reasonContains, file.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Awkward_encodings_import_with_care()
    {
        const string article = "Café owners cheer\n\nPrices at the café fell to £3 on Monday, owners said.\n";
        Files.WriteBytes("latin1.txt", Encoding.Latin1.GetBytes(article));
        Files.WriteBytes("utf16.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(article.Replace("Monday", "Tuesday"))]);
        Files.WriteBytes("utf16be.txt", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(article.Replace("Monday", "Sunday"))]);
        Files.WriteBytes("bom.txt", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(article.Replace("Monday", "Friday"))]);
        Files.Write("crlf.txt", article.Replace("Monday", "Thursday").Replace("\n", "\r\n"));

        var run = await Factory.ImportAsync();

        Assert.Equal(5, run.Imported);
        await using var db = Database.CreateContext();
        var articles = await db.Articles.AsNoTracking().ToDictionaryAsync(a => a.File);
        Assert.All(articles.Values, a => Assert.Equal("Café owners cheer", a.Title));
        Assert.All(articles.Values, a => Assert.Contains("£3", a.Body));

        Assert.Equal("windows-1252", articles["latin1.txt"].Encoding);
        Assert.Contains("encoding-fallback", articles["latin1.txt"].Flags);
        Assert.Equal("utf-16le", articles["utf16.txt"].Encoding);
        Assert.Equal("utf-16be", articles["utf16be.txt"].Encoding);
        Assert.Contains("byte-order-mark", articles["utf16.txt"].Flags);
        Assert.Equal("utf-8", articles["bom.txt"].Encoding);
        Assert.Contains("byte-order-mark", articles["bom.txt"].Flags);
        Assert.Contains("line-ends-normalised", articles["crlf.txt"].Flags);
        Assert.DoesNotContain('\r', articles["crlf.txt"].Body);
    }

    [Fact]
    public async Task The_raw_bytes_are_kept_verbatim()
    {
        Files.WithSeeds();
        await Factory.ImportAsync();

        await using var db = Database.CreateContext();
        foreach (var article in await db.Articles.AsNoTracking().ToListAsync())
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(Files.Path, article.File)), article.RawBytes);
        }
    }

    [Fact]
    public async Task Two_instances_queue_one_run_and_one_of_them_imports_each_file_once()
    {
        Files.WithSeeds();
        for (var i = 0; i < 15; i++)
        {
            Files.Write($"extra/{i:00}.txt", $"Story number {i}\n\nThis is the body of story number {i}, long enough to be an article of its own.\n");
        }

        await using var other = new NewsApiFactory(Database.ConnectionString, Files.Path);
        var importers = new[] { Factory.Importer, other.Importer };
        var queued = await Task.WhenAll(importers.Select(i => i.QueueAsync(ImportTrigger.Request, CancellationToken.None)));
        Assert.Equal(queued[0].Id, queued[1].Id);

        // Both instances race to claim the queued run: one executes it, the other finds nothing to do.
        var executed = await Task.WhenAll(importers.Select(i => Task.Run(() => i.RunQueuedAsync(CancellationToken.None))));

        Assert.Equal([0, 1], executed.Order());
        await using var db = Database.CreateContext();
        Assert.Equal(20, await db.Articles.CountAsync());
        Assert.Equal(20, await db.ImportFiles.CountAsync(f => f.Outcome == ImportOutcome.Imported));
        var run = Assert.Single(await db.ImportRuns.ToListAsync());
        Assert.Equal((ImportStatus.Succeeded, 20), (run.Status, run.Imported));
    }

    [Fact]
    public async Task Two_importers_given_the_same_file_at_the_same_moment_store_it_once()
    {
        Files.WithSeeds();
        await using var other = new NewsApiFactory(Database.ConnectionString, Files.Path);
        var run = await Factory.Importer.QueueAsync(ImportTrigger.Request, CancellationToken.None);

        foreach (var entry in ImportFolder.Scan(Files.Path, "*.txt"))
        {
            var results = await Task.WhenAll(
                Task.Run(() => Factory.Importer.ImportEntryAsync(run.Id, entry, CancellationToken.None)),
                Task.Run(() => other.Importer.ImportEntryAsync(run.Id, entry, CancellationToken.None)));
            Assert.Equal([ImportOutcome.Imported, ImportOutcome.Unchanged], results.Select(r => r!.Outcome).Order());
            Assert.Equal(results[0]!.ArticleId, results[1]!.ArticleId);
        }

        await using var db = Database.CreateContext();
        Assert.Equal(5, await db.Articles.CountAsync());
    }

    [Fact]
    public async Task A_missing_folder_fails_the_run_with_a_reason()
    {
        await using var factory = new NewsApiFactory(Database.ConnectionString, Path.Combine(Files.Path, "does-not-exist"));

        var run = await factory.ImportAsync();

        Assert.Equal(ImportStatus.Failed, run.Status);
        Assert.Contains("does not exist", run.Error);
        Assert.DoesNotContain(Files.Path, run.Error);
    }
}
