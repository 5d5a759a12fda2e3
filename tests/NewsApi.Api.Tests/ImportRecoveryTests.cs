using NewsApi.Ingestion.Analysis;
using NewsApi.Ingestion.Imports;
using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Imports;
using NewsApi.Api.Tests.Infrastructure;
using NewsApi.Data;
using NewsApi.Data.Entities;
using Npgsql;

namespace NewsApi.Api.Tests;

/// <summary>
/// Runs have an owner and a lease: a run whose instance is gone is marked abandoned and its folder queued again;
/// a run whose owner is alive and renewing its lease is left alone; an instance that stops mid-run hands the
/// run back. And two instances migrating an empty database at once both succeed.
/// </summary>
public sealed class ImportRecoveryTests(DatabaseFixture database) : ApiTestBase(database)
{
    private async Task<long> InsertRunningAsync(string owner, TimeSpan heartbeatAge)
    {
        await using var db = Database.CreateContext();
        var run = new ImportRun
        {
            Trigger = ImportTrigger.Request,
            Status = ImportStatus.Running,
            Path = Path.GetFullPath(Files.Path),
            RequestedAt = DateTimeOffset.UtcNow.AddMinutes(-10),
            StartedAt = DateTimeOffset.UtcNow.AddMinutes(-10),
            Instance = "elsewhere:1",
            Owner = owner,
            HeartbeatAt = DateTimeOffset.UtcNow - heartbeatAge,
        };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }

    private static string DeadOwnerOnThisMachine()
    {
        // This machine's boot id and host, and a process id that is not running.
        var parts = InstanceIdentity.Owner.Split('/');
        var pid = Enumerable.Range(400_000, 100_000).First(p => !Directory.Exists($"/proc/{p}"));
        return $"{parts[0]}/{parts[1]}/{pid}/12345";
    }

    [Fact]
    public async Task A_run_whose_process_is_gone_is_abandoned_at_once_and_its_files_imported_by_a_recovery_run()
    {
        Files.WithSeeds();
        var stale = await InsertRunningAsync(DeadOwnerOnThisMachine(), TimeSpan.FromSeconds(1));

        await Factory.Importer.RunQueuedAsync(CancellationToken.None);

        await using var db = Database.CreateContext();
        var runs = await db.ImportRuns.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(ImportStatus.Abandoned, runs[0].Status);
        Assert.Equal(stale, runs[0].Id);
        Assert.Contains("stopped before it finished", runs[0].Error, StringComparison.Ordinal);
        var recovery = Assert.Single(runs, r => r.Trigger == ImportTrigger.Recovery);
        Assert.Equal((ImportStatus.Succeeded, 5), (recovery.Status, recovery.Imported));
        Assert.DoesNotContain(runs, r => r.Status == ImportStatus.Running);
    }

    [Fact]
    public async Task A_run_whose_lease_expired_is_abandoned_by_any_instance()
    {
        Files.WithSeeds();
        await InsertRunningAsync("another-boot/another-host/77/1", TimeSpan.FromMinutes(5));

        var abandoned = await Factory.Importer.RecoverAbandonedAsync(CancellationToken.None);

        Assert.Single(abandoned);
        await using var db = Database.CreateContext();
        var run = await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == abandoned[0]);
        Assert.Equal(ImportStatus.Abandoned, run.Status);
        Assert.Contains("heartbeats", run.Error, StringComparison.Ordinal);
        Assert.Equal(ImportStatus.Queued, (await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Trigger == ImportTrigger.Recovery)).Status);
    }

    [Fact]
    public async Task A_run_held_by_a_live_instance_elsewhere_is_left_alone()
    {
        var live = await InsertRunningAsync("another-boot/another-host/77/1", TimeSpan.FromSeconds(2));

        Assert.Empty(await Factory.Importer.RecoverAbandonedAsync(CancellationToken.None));

        await using var db = Database.CreateContext();
        Assert.Equal(ImportStatus.Running, (await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == live)).Status);
    }

    [Fact]
    public void This_instance_is_never_taken_for_gone()
    {
        Assert.False(InstanceIdentity.IsGone(InstanceIdentity.Owner));
        Assert.True(InstanceIdentity.IsGone(DeadOwnerOnThisMachine()));
        Assert.False(InstanceIdentity.IsGone("another-boot/another-host/1/1"));
        Assert.False(InstanceIdentity.IsGone("written in some older form"));
    }

    [Fact(Timeout = 300_000)]
    public async Task An_instance_stopping_mid_run_hands_the_run_back_and_the_next_run_finishes_it()
    {
        for (var i = 0; i < 40; i++)
        {
            Files.Write($"story-{i:00}.txt", $"Story {i} of many\n\nThe council met on Monday to discuss item {i}, and members said item {i} would pass.\n");
        }

        // Batches of two, so that the run is stopped between batches, long before its end.
        await using var factory = new NewsApiFactory(Database.ConnectionString, Files.Path, new Dictionary<string, string?> { ["Import:BatchSize"] = "2" });
        using var stopping = new CancellationTokenSource();
        await factory.Importer.QueueAsync(ImportTrigger.Request, CancellationToken.None);
        var running = Task.Run(() => factory.Importer.RunQueuedAsync(stopping.Token));
        await using (var db = Database.CreateContext())
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (await db.ImportFiles.CountAsync() < 3 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }

        await stopping.CancelAsync();
        await running.ContinueWith(_ => { }, TaskScheduler.Default);

        await using (var db = Database.CreateContext())
        {
            var first = await db.ImportRuns.AsNoTracking().OrderBy(r => r.Id).FirstAsync();
            Assert.Equal(ImportStatus.Abandoned, first.Status);
            Assert.Equal(ImportStatus.Queued, (await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Trigger == ImportTrigger.Recovery)).Status);
        }

        await factory.Importer.RunQueuedAsync(CancellationToken.None);
        await using var after = Database.CreateContext();
        Assert.Equal(40, await after.Articles.CountAsync());
        Assert.Equal(40, await after.ImportFiles.CountAsync(f => f.Outcome == ImportOutcome.Imported));
        Assert.DoesNotContain(await after.ImportRuns.AsNoTracking().ToListAsync(), r => r.Status is ImportStatus.Running or ImportStatus.Queued);
    }

    [Fact]
    public async Task Instances_starting_together_on_an_empty_database_migrate_it_once_between_them()
    {
        var admin = await PostgresServer.GetAdminConnectionStringAsync();
        var name = $"newsapi_race_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {name}", connection).ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                var options = new DbContextOptionsBuilder<NewsDbContext>();
                NewsDbContext.Configure(options, connectionString);
                await using var db = new NewsDbContext(options.Options);
                await db.MigrateAsync();
            })));

            var check = new DbContextOptionsBuilder<NewsDbContext>();
            NewsDbContext.Configure(check, connectionString);
            await using var migrated = new NewsDbContext(check.Options);
            Assert.Empty(await migrated.Database.GetPendingMigrationsAsync());
            Assert.Equal(migrated.Database.GetMigrations().Count(), (await migrated.Database.GetAppliedMigrationsAsync()).Count());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection).ExecuteNonQueryAsync();
        }
    }
}
