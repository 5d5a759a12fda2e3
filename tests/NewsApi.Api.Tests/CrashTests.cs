using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Tests.Infrastructure;
using NewsApi.Data.Entities;
using Npgsql;

namespace NewsApi.Api.Tests;

/// <summary>
/// The built API, a real process, is killed with SIGKILL in the middle of importing a corpus, several times, and
/// restarted; once it has finished, the database equals that of a clean single import of the same files, and no
/// run is left running: a crash loses no committed data and leaves nothing half-written.
/// </summary>
public sealed class CrashTests : IAsyncLifetime
{
    private const int Articles = 60;

    private readonly DatabaseFixture _crashed = new();
    private readonly DatabaseFixture _clean = new();
    private readonly TempFolder _files = new();

    public async Task InitializeAsync()
    {
        await Task.WhenAll(_crashed.InitializeAsync(), _clean.InitializeAsync());
        foreach (var seed in Directory.GetFiles(RepositoryRoot.SeedsFolder, "*.txt"))
        {
            File.Copy(seed, Path.Combine(_files.Path, Path.GetFileName(seed)));
        }

        TestCorpus.Write(Path.Combine(_files.Path, "corpus"), Articles);
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(_crashed.DisposeAsync(), _clean.DisposeAsync());
        _files.Dispose();
    }

    private static readonly Dictionary<string, string?> OneAtATime = new()
    {
        // One file analysed at a time, so that the order of cross-article resolution is the same in both imports;
        // small batches, so that each kill lands in the middle of the import, between and inside batches.
        ["Import:Concurrency"] = "1",
        ["Import:BatchSize"] = "4",
        ["Import:RunOnStartup"] = "true",
        ["Import:IntervalSeconds"] = "0",
    };

    private async Task<int> FilesDoneAsync()
    {
        await using var db = _crashed.CreateContext();
        return await db.ImportFiles.CountAsync();
    }

    [Fact(Timeout = 900_000)]
    public async Task Killed_mid_import_three_times_the_database_ends_equal_to_a_clean_import()
    {
        var total = Directory.GetFiles(_files.Path, "*.txt", SearchOption.AllDirectories).Length;

        // Kill the process as soon as it has recorded more files than the time before.
        var kills = 0;
        foreach (var after in new[] { 3, total / 3, total * 2 / 3 })
        {
            await using var api = await ApiProcess.StartAsync(_crashed.ConnectionString, _files.Path, OneAtATime);
            var deadline = DateTime.UtcNow.AddMinutes(5);
            while (await FilesDoneAsync() < after && DateTime.UtcNow < deadline && !api.HasExited)
            {
                await Task.Delay(25);
            }

            await api.KillAsync();
            kills++;
        }

        await using (var db = _crashed.CreateContext())
        {
            // The kills left runs marked running, and files not yet imported.
            Assert.True(await db.ImportRuns.CountAsync(r => r.Status == ImportStatus.Running) >= 1);
            Assert.True(await db.Articles.CountAsync() < total);
        }

        // The last start finishes: it abandons the killed runs and imports the rest.
        await using (var api = await ApiProcess.StartAsync(_crashed.ConnectionString, _files.Path, OneAtATime))
        {
            var deadline = DateTime.UtcNow.AddMinutes(8);
            while (DateTime.UtcNow < deadline)
            {
                await using var db = _crashed.CreateContext();
                if (!await db.ImportRuns.AnyAsync(r => r.Status == ImportStatus.Running || r.Status == ImportStatus.Queued)
                    && await db.ImportRuns.AnyAsync(r => r.Status == ImportStatus.Succeeded))
                {
                    break;
                }

                await Task.Delay(200);
            }

            await api.StopAsync(TimeSpan.FromSeconds(30));
        }

        // The same files, imported once by a process that is never killed.
        await using (var api = await ApiProcess.StartAsync(_clean.ConnectionString, _files.Path, OneAtATime))
        {
            var deadline = DateTime.UtcNow.AddMinutes(8);
            while (DateTime.UtcNow < deadline)
            {
                await using var db = _clean.CreateContext();
                if (await db.ImportRuns.AnyAsync(r => r.Status == ImportStatus.Succeeded))
                {
                    break;
                }

                await Task.Delay(200);
            }

            await api.StopAsync(TimeSpan.FromSeconds(30));
        }

        var crashed = await DatabaseSnapshot.TakeAsync(_crashed.ConnectionString);
        var clean = await DatabaseSnapshot.TakeAsync(_clean.ConnectionString);
        Assert.Equal(3, kills);
        Assert.Equal(total, clean["articles"]);
        Assert.Empty(DatabaseSnapshot.Differences(clean, crashed));
        Assert.Equal(0, crashed["runs left running or queued"]);

        await using var crashedDb = _crashed.CreateContext();
        var runs = await crashedDb.ImportRuns.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        Assert.True(runs.Count(r => r.Status == ImportStatus.Abandoned) >= 3, string.Join(", ", runs.Select(r => $"{r.Id}:{r.Status}")));
        Assert.All(runs.Where(r => r.Status == ImportStatus.Abandoned), r => Assert.NotNull(r.Error));

        // Every file has exactly one article or one reason, however often its import was interrupted.
        var perFile = await crashedDb.Articles.GroupBy(a => a.File).Select(g => g.Count()).ToListAsync();
        Assert.All(perFile, count => Assert.Equal(1, count));
    }
}
