using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Api.Tests.Infrastructure;
using NewsApi.Ingestion.Analysis;
using NewsApi.Nlp.Analysis;
using Npgsql;

namespace NewsApi.Api.Tests;

/// <summary>
/// The batched re-analysis writer's invariants, against a real PostgreSQL: an article the database refuses is
/// skipped alone (its old analysis kept whole) while the rest of its batch is stored, two instances re-analysing
/// the same articles at once store each analysis once, with counts that agree with the rows, and an entity's first
/// and last sighting follow re-imports and re-analyses of its articles.
/// </summary>
public sealed class ReanalysisTests(DatabaseFixture database) : ApiTestBase(database)
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Analysis:ReprocessEnabled"] = "false",
        ["Analysis:ReprocessBatchSize"] = "4",
    };

    private static string Article(string topic, string person, string organisation) =>
        $"{topic} plan announced\n\n{person}, the chief executive of {organisation}, said on Monday that the {topic} plan would go ahead. " +
        $"\"We are ready,\" {person} said in London. {organisation} shares rose after the announcement about {topic}.\n";

    /// <summary>Rows whose stored count disagrees with the rows it counts (entities, aliases, stories, events).</summary>
    private const string Mismatches = """
        SELECT (SELECT count(*) FROM entities e WHERE e.merged_into_id IS NULL AND (
                 e.article_count <> (SELECT count(*) FROM article_entities ae WHERE ae.entity_id = e.id)
                 OR e.mention_count <> (SELECT count(*) FROM entity_mentions m WHERE m.entity_id = e.id)))
          + (SELECT count(*) FROM entity_aliases a WHERE a.mention_count <> (SELECT count(*) FROM entity_mentions m WHERE m.entity_id = a.entity_id AND m.surface_key = a.alias_key))
          + (SELECT count(*) FROM stories s WHERE s.article_count <> (SELECT count(*) FROM articles a WHERE a.story_id = s.id))
          + (SELECT count(*) FROM events v WHERE v.article_count <> (SELECT count(*) FROM article_events ae WHERE ae.event_id = v.id))
        """;

    /// <summary>What the analyses stored, in counts: to compare before and after a re-analysis of unchanged articles.</summary>
    private const string Stored = """
        SELECT concat_ws(' ', (SELECT count(*) FROM entities WHERE merged_into_id IS NULL), (SELECT count(*) FROM entity_mentions),
          (SELECT count(*) FROM article_entities), (SELECT count(*) FROM entity_aliases), (SELECT count(*) FROM quotes),
          (SELECT count(*) FROM events), (SELECT count(*) FROM article_events), (SELECT count(*) FROM stories),
          (SELECT count(*) FROM article_names))
        """;

    private void WriteArticles(int count)
    {
        var people = new[] { "Maria Lopez", "John Carter", "Amina Okafor" };
        var companies = new[] { "Harbour Holdings", "Railway Partners", "Northern Grid" };
        for (var i = 0; i < count; i++)
        {
            Files.Write($"gen/{i:D2}.txt", Article($"scheme{i}", people[i % 3], companies[(i / 3) % 3]));
        }
    }

    [Fact]
    public async Task An_article_the_database_refuses_during_reanalysis_keeps_its_old_analysis_and_the_rest_of_its_batch_is_stored()
    {
        Files.WithSeeds();
        WriteArticles(6);
        Files.Write("gen/poison.txt", Article("poison", "Peter Quill", "Quill Industries"));
        await using var factory = new NewsApiFactory(Database.ConnectionString, Files.Path, Settings);
        await factory.ImportAsync();
        await using var admin = new NpgsqlConnection(Database.ConnectionString);
        await admin.OpenAsync();
        var before = await ScalarAsync<string>(admin, Stored);
        await ExecuteAsync(admin, """
            UPDATE articles SET pipeline_version = 'old-model+old-rules';
            CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.body LIKE '%poison%' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER refuse_poison BEFORE UPDATE ON articles FOR EACH ROW EXECUTE FUNCTION refuse_poison();
            """);
        try
        {
            var worker = factory.Services.GetRequiredService<ReprocessWorker>();
            var version = factory.Services.GetRequiredService<ArticleAnalyzer>().PipelineVersion;

            var done = 0;
            for (var round = 0; round < 10 && await worker.ReprocessBatchAsync(CancellationToken.None) is var count and > 0; round++)
            {
                done += count;
            }

            await using var db = Database.CreateContext();
            Assert.Equal(12, done);
            Assert.Equal(["poison.txt"], await db.Articles.Where(a => a.PipelineVersion != version).Select(a => a.File.Substring(4)).ToListAsync());

            // The refused article's first analysis is there, whole: its people and their counts, its quotes.
            var quill = await db.Entities.SingleAsync(e => e.NameKey == "peter quill");
            Assert.Equal(1, quill.ArticleCount);
            Assert.Equal(await db.EntityMentions.CountAsync(m => m.EntityId == quill.Id), quill.MentionCount);
            Assert.True(await db.Quotes.AnyAsync(q => q.SpeakerId == quill.Id));
            Assert.Equal(before, await ScalarAsync<string>(admin, Stored));
            Assert.Equal(0L, await ScalarAsync<long>(admin, Mismatches));
        }
        finally
        {
            await ExecuteAsync(admin, "DROP TRIGGER refuse_poison ON articles; DROP FUNCTION refuse_poison();");
        }
    }

    [Fact]
    public async Task Two_instances_reanalysing_the_same_articles_at_once_store_each_analysis_once()
    {
        Files.WithSeeds();
        WriteArticles(24);
        await using var one = new NewsApiFactory(Database.ConnectionString, Files.Path, Settings);
        await using var two = new NewsApiFactory(Database.ConnectionString, Files.Path, Settings);
        await one.ImportAsync();
        await using var admin = new NpgsqlConnection(Database.ConnectionString);
        await admin.OpenAsync();
        var before = await ScalarAsync<string>(admin, Stored);
        await ExecuteAsync(admin, "UPDATE articles SET pipeline_version = 'old-model+old-rules'");

        // Each instance makes passes until it finds nothing to do; an article the other holds is left to a later pass.
        static async Task UntilDoneAsync(NewsApiFactory factory)
        {
            var worker = factory.Services.GetRequiredService<ReprocessWorker>();
            for (var round = 0; round < 50 && await worker.ReprocessBatchAsync(CancellationToken.None) > 0; round++)
            {
            }
        }

        await Task.WhenAll(Task.Run(() => UntilDoneAsync(one)), Task.Run(() => UntilDoneAsync(two)));

        var version = one.Services.GetRequiredService<ArticleAnalyzer>().PipelineVersion;
        await using var db = Database.CreateContext();
        Assert.False(await db.Articles.AnyAsync(a => a.PipelineVersion != version));
        var twice = await db.Entities.Where(e => e.MergedIntoId == null).GroupBy(e => new { e.Kind, e.NameKey }).Where(g => g.Count() > 1).Select(g => g.Key.NameKey).ToListAsync();
        Assert.Empty(twice);
        Assert.Equal(before, await ScalarAsync<string>(admin, Stored));
        Assert.Equal(0L, await ScalarAsync<long>(admin, Mismatches));
        var lopez = await db.Entities.SingleAsync(e => e.NameKey == "maria lopez");
        Assert.Equal(8, lopez.ArticleCount);
    }

    [Fact]
    public async Task First_and_last_seen_follow_an_article_whose_date_changes_or_that_stops_naming_the_entity()
    {
        static string Dated(string topic, string date, string person) =>
            $"{topic} plan announced\n\nPublished {date}\n\n{person}, the chief executive of Harbour Holdings, said the {topic} plan would go ahead. " +
            $"\"We are ready,\" {person} said in London.\n";
        Files.Write("a.txt", Dated("Harbour", "June 27, 2021", "Maria Lopez"));
        Files.Write("b.txt", Dated("Railway", "March 3, 2019", "Maria Lopez"));
        await using var factory = new NewsApiFactory(Database.ConnectionString, Files.Path, Settings);

        async Task<(DateOnly? First, DateOnly? Last, int Articles)> LopezAsync()
        {
            await factory.ImportAsync();
            await using var db = Database.CreateContext();
            var lopez = await db.Entities.SingleAsync(e => e.NameKey == "maria lopez");
            return (lopez.FirstSeen is { } f ? DateOnly.FromDateTime(f.UtcDateTime) : null, lopez.LastSeen is { } l ? DateOnly.FromDateTime(l.UtcDateTime) : null, lopez.ArticleCount);
        }

        Assert.Equal((new DateOnly(2019, 3, 3), new DateOnly(2021, 6, 27), 2), await LopezAsync());

        // The earliest article, rewritten, moves to the latest date: both ends move.
        Files.Write("b.txt", Dated("Rail", "January 10, 2022", "Maria Lopez"));
        Assert.Equal((new DateOnly(2021, 6, 27), new DateOnly(2022, 1, 10), 2), await LopezAsync());

        // The latest article no longer names her: her last sighting is the other article's.
        Files.Write("b.txt", Dated("Railway", "January 10, 2022", "Peter Quill"));
        Assert.Equal((new DateOnly(2021, 6, 27), new DateOnly(2021, 6, 27), 1), await LopezAsync());

        // Re-analysis of unchanged articles leaves them where they are.
        await using (var db = Database.CreateContext())
        {
            await db.Articles.ExecuteUpdateAsync(u => u.SetProperty(a => a.PipelineVersion, "old-model+old-rules"));
        }

        await factory.Services.GetRequiredService<ReprocessWorker>().ReprocessBatchAsync(CancellationToken.None);
        Assert.Equal((new DateOnly(2021, 6, 27), new DateOnly(2021, 6, 27), 1), await LopezAsync());
    }

    [Fact]
    public async Task A_file_whose_only_change_is_its_publication_date_is_updated_and_its_relative_dates_follow()
    {
        static string Dated(string date) =>
            $"Harbour plan announced\nBy Tom Reed\nSource: Harbour Gazette\n\nPublished {date}\n\nMaria Lopez, the chief executive of Harbour Holdings, said on Monday the harbour plan would go ahead. " +
            "\"We are ready,\" Lopez said in London.\n";
        Files.Write("a.txt", Dated("June 30, 2021"));
        await using var factory = new NewsApiFactory(Database.ConnectionString, Files.Path, Settings);
        await factory.ImportAsync();

        async Task<(string Outcome, string? Reason, DateOnly? Published, string Dates, DateOnly? LastSeen)> StoredAsync()
        {
            await using var db = Database.CreateContext();
            var record = await db.ImportFiles.Where(f => f.File == "a.txt").OrderByDescending(f => f.Id).FirstAsync();
            var article = await db.Articles.SingleAsync(a => a.File == "a.txt");
            var lopez = await db.Entities.SingleAsync(e => e.NameKey == "maria lopez");
            return (record.Outcome.ToString(), record.Reason, article.PublishedAt, article.Dates ?? "", lopez.LastSeen is { } l ? DateOnly.FromDateTime(l.UtcDateTime) : null);
        }

        var first = await StoredAsync();
        Assert.Equal((new DateOnly(2021, 6, 30), new DateOnly(2021, 6, 30)), (first.Published, first.LastSeen));
        await using (var db = Database.CreateContext())
        {
            // The metadata compared on the next imports is there to compare.
            var stored = await db.Articles.Include(a => a.Source).SingleAsync(a => a.File == "a.txt");
            Assert.Equal(["Tom Reed"], stored.Authors);
            Assert.Equal("Harbour Gazette", stored.Source?.Name);
        }

        Assert.Contains("2021-06-28", first.Dates);

        // The same headline and body under a corrected date: the article, its date and what its analysis resolved move.
        Files.Write("a.txt", Dated("March 6, 2019"));
        await factory.ImportAsync();
        var corrected = await StoredAsync();
        Assert.Equal("Updated", corrected.Outcome);
        Assert.Equal("The file's metadata changed (publishedAt).", corrected.Reason);
        Assert.Equal((new DateOnly(2019, 3, 6), new DateOnly(2019, 3, 6)), (corrected.Published, corrected.LastSeen));
        Assert.Contains("2019-03-04", corrected.Dates);
        Assert.DoesNotContain("2021-", corrected.Dates);

        // The same file again: unchanged.
        await factory.ImportAsync();
        Assert.Equal("Unchanged", (await StoredAsync()).Outcome);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
