using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Tests.Infrastructure;
using NewsApi.Data.Entities;
using NewsApi.Ingestion.Imports;
using Npgsql;

namespace NewsApi.Api.Tests;

/// <summary>
/// The batched writer's invariants, against a real PostgreSQL: an article the database refuses is rejected alone
/// while the rest of its batch commits, and two instances writing batches of the same folder at the same moment
/// store every file, person, organisation and place once, with counts that agree with the rows in every snapshot.
/// </summary>
public sealed class ImportBatchTests(DatabaseFixture database) : ApiTestBase(database)
{
    private static string Article(string topic, string person, string organisation) =>
        $"{topic} plan announced\n\n{person}, the chief executive of {organisation}, said on Monday that the {topic} plan would go ahead. " +
        $"\"We are ready,\" {person} said in London. {organisation} shares rose after the announcement about {topic}.\n";

    [Fact]
    public async Task An_article_the_database_refuses_is_rejected_alone_and_the_rest_of_its_batch_commits()
    {
        // A real refusal from PostgreSQL, for one article only: a trigger that raises on its body.
        await using var admin = new NpgsqlConnection(Database.ConnectionString);
        await admin.OpenAsync();
        await Execute(admin, """
            CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.body LIKE '%poison%' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER refuse_poison BEFORE INSERT ON articles FOR EACH ROW EXECUTE FUNCTION refuse_poison();
            """);
        try
        {
            Files.Write("a.txt", Article("harbour", "Maria Lopez", "Harbour Holdings"));
            Files.Write("b.txt", Article("poison", "Peter Quill", "Quill Industries"));
            Files.Write("c.txt", Article("railway", "Maria Lopez", "Railway Partners"));
            await using var factory = new NewsApiFactory(Database.ConnectionString, Files.Path, new Dictionary<string, string?> { ["Import:BatchSize"] = "10" });

            var run = await factory.ImportAsync();

            Assert.Equal(ImportStatus.Succeeded, run.Status);
            Assert.Equal((2, 1), (run.Imported, run.Rejected));
            await using var db = Database.CreateContext();
            var refused = await db.ImportFiles.SingleAsync(f => f.File == "b.txt");
            Assert.Equal(ImportOutcome.Rejected, refused.Outcome);
            Assert.Contains("SQL state P0001", refused.Reason, StringComparison.Ordinal);
            Assert.Equal(["a.txt", "c.txt"], await db.Articles.OrderBy(a => a.File).Select(a => a.File).ToListAsync());

            // Nothing of the refused article is left, and the others are whole: Maria Lopez is one person in both.
            Assert.False(await db.Entities.AnyAsync(e => e.NameKey == "peter quill" || e.NameKey == "quill industries"));
            var lopez = await db.Entities.SingleAsync(e => e.NameKey == "maria lopez");
            Assert.Equal(2, lopez.ArticleCount);
            Assert.True(await db.Quotes.CountAsync() >= 2);
            Assert.False(await db.Quotes.AnyAsync(q => q.Text.Contains("poison")));
        }
        finally
        {
            await Execute(admin, "DROP TRIGGER refuse_poison ON articles; DROP FUNCTION refuse_poison();");
        }
    }

    [Fact]
    public async Task Two_instances_writing_batches_of_the_same_folder_at_once_store_everything_once()
    {
        Files.WithSeeds();
        var people = new[] { "Maria Lopez", "John Carter", "Amina Okafor", "Lars Nilsson" };
        var companies = new[] { "Harbour Holdings", "Railway Partners", "Northern Grid", "Delta Foods" };
        for (var i = 0; i < 24; i++)
        {
            Files.Write($"gen/{i:D2}.txt", Article($"project{i}", people[i % 4], companies[(i / 4) % 4]));
        }

        await using var one = new NewsApiFactory(Database.ConnectionString, Files.Path, new Dictionary<string, string?> { ["Import:BatchSize"] = "4" });
        await using var two = new NewsApiFactory(Database.ConnectionString, Files.Path, new Dictionary<string, string?> { ["Import:BatchSize"] = "4" });
        var run = await one.Importer.QueueAsync(ImportTrigger.Request, CancellationToken.None);
        var entries = ImportFolder.Scan(Files.Path, "*.txt");

        var changed = await Task.WhenAll(
            Task.Run(() => one.Importer.ImportEntriesAsync(run.Id, entries, CancellationToken.None)),
            Task.Run(() => two.Importer.ImportEntriesAsync(run.Id, entries, CancellationToken.None)));

        Assert.All(changed, Assert.Empty);
        await using var db = Database.CreateContext();
        Assert.Equal(entries.Count, await db.Articles.CountAsync());
        var outcomes = await db.ImportFiles.GroupBy(f => f.File).Select(g => new { File = g.Key, Imported = g.Count(f => f.Outcome == ImportOutcome.Imported), All = g.Count() })
            .ToListAsync();
        Assert.Equal(entries.Count, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal((1, 2), (o.Imported, o.All)));

        // One record per name and kind, with counts that add up to the mentions stored.
        var twice = await db.Entities.Where(e => e.MergedIntoId == null).GroupBy(e => new { e.Kind, e.NameKey }).Where(g => g.Count() > 1).Select(g => g.Key.NameKey).ToListAsync();
        Assert.Empty(twice);
        foreach (var name in people)
        {
            var person = await db.Entities.SingleAsync(e => e.Name == name);
            Assert.Equal(6, person.ArticleCount);
            Assert.Equal(await db.EntityMentions.CountAsync(m => m.EntityId == person.Id), person.MentionCount);
        }
    }

    [Fact]
    public async Task Counts_agree_with_the_stored_rows_in_every_snapshot_a_reader_takes_during_two_concurrent_imports()
    {
        Files.WithSeeds();
        var people = new[] { "Maria Lopez", "John Carter", "Amina Okafor" };
        var companies = new[] { "Harbour Holdings", "Railway Partners", "Northern Grid" };
        for (var i = 0; i < 30; i++)
        {
            Files.Write($"gen/{i:D2}.txt", Article($"scheme{i}", people[i % 3], companies[(i / 3) % 3]));
        }

        await using var one = new NewsApiFactory(Database.ConnectionString, Files.Path, new Dictionary<string, string?> { ["Import:BatchSize"] = "3" });
        await using var two = new NewsApiFactory(Database.ConnectionString, Files.Path, new Dictionary<string, string?> { ["Import:BatchSize"] = "3" });
        var run = await one.Importer.QueueAsync(ImportTrigger.Request, CancellationToken.None);
        var entries = ImportFolder.Scan(Files.Path, "*.txt");

        // What a client reads (articleCount, mentionCount, a story's and an event's article counts) against the rows
        // they count, each check in one snapshot, as one request's queries see the database.
        const string mismatches = """
            SELECT (SELECT count(*) FROM articles),
              (SELECT count(*) FROM entities e WHERE e.merged_into_id IS NULL AND (
                 e.article_count <> (SELECT count(*) FROM article_entities ae WHERE ae.entity_id = e.id)
                 OR e.mention_count <> (SELECT count(*) FROM entity_mentions m WHERE m.entity_id = e.id)))
            + (SELECT count(*) FROM entity_aliases a WHERE a.mention_count <> (SELECT count(*) FROM entity_mentions m WHERE m.entity_id = a.entity_id AND m.surface_key = a.alias_key))
            + (SELECT count(*) FROM stories s WHERE s.article_count <> (SELECT count(*) FROM articles a WHERE a.story_id = s.id))
            + (SELECT count(*) FROM events v WHERE v.article_count <> (SELECT count(*) FROM article_events ae WHERE ae.event_id = v.id))
            """;
        var importing = Task.WhenAll(
            Task.Run(() => one.Importer.ImportEntriesAsync(run.Id, entries, CancellationToken.None)),
            Task.Run(() => two.Importer.ImportEntriesAsync(run.Id, entries, CancellationToken.None)));
        var snapshots = new List<(long Articles, long Wrong)>();
        await using var reader = new NpgsqlConnection(Database.ConnectionString);
        await reader.OpenAsync();
        do
        {
            await using var transaction = await reader.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
            await using var command = new NpgsqlCommand(mismatches, reader, transaction);
            await using (var row = await command.ExecuteReaderAsync())
            {
                await row.ReadAsync();
                snapshots.Add((row.GetInt64(0), row.GetInt64(1)));
            }

            await transaction.CommitAsync();
        }
        while (!importing.IsCompleted);

        await importing;
        Assert.Equal(entries.Count, await CountArticlesAsync());
        Assert.Contains(snapshots, s => s.Articles > 0 && s.Articles < entries.Count);
        Assert.All(snapshots, s => Assert.Equal(0, s.Wrong));
    }

    private async Task<int> CountArticlesAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Articles.CountAsync();
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
