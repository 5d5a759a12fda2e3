using Npgsql;

namespace NewsApi.Api.Tests.Infrastructure;

/// <summary>
/// What a database holds, as counts and counter sums that do not depend on ids or timing: two imports of the same
/// files must give equal snapshots.
/// </summary>
public static class DatabaseSnapshot
{
    private static readonly (string Name, string Sql)[] Measures =
    [
        ("articles", "SELECT count(*) FROM articles"),
        ("analysed articles", "SELECT count(*) FROM articles WHERE analysed_at IS NOT NULL"),
        ("sources", "SELECT count(*) FROM sources"),
        ("people", "SELECT count(*) FROM entities WHERE kind = 'Person' AND merged_into_id IS NULL"),
        ("organisations", "SELECT count(*) FROM entities WHERE kind = 'Organisation' AND merged_into_id IS NULL"),
        ("places", "SELECT count(*) FROM entities WHERE kind = 'Place' AND merged_into_id IS NULL"),
        ("entity article counters", "SELECT coalesce(sum(article_count), 0) FROM entities"),
        ("entity mention counters", "SELECT coalesce(sum(mention_count), 0) FROM entities"),
        ("aliases", "SELECT count(*) FROM entity_aliases"),
        ("mentions", "SELECT count(*) FROM entity_mentions"),
        ("article entities", "SELECT count(*) FROM article_entities"),
        ("roles", "SELECT count(*) FROM entity_roles"),
        ("quotes", "SELECT count(*) FROM quotes"),
        ("quotes with a speaker", "SELECT count(*) FROM quotes WHERE speaker_id IS NOT NULL"),
        ("events", "SELECT count(*) FROM events"),
        ("event article counters", "SELECT coalesce(sum(article_count), 0) FROM events"),
        ("article events", "SELECT count(*) FROM article_events"),
        ("event participants", "SELECT count(*) FROM event_participants"),
        ("event evidence", "SELECT count(*) FROM event_evidence"),
        ("stories", "SELECT count(*) FROM stories"),
        ("story article counters", "SELECT coalesce(sum(article_count), 0) FROM stories"),
        ("articles in stories", "SELECT count(*) FROM articles WHERE story_id IS NOT NULL"),
        ("shingles", "SELECT count(*) FROM article_shingles"),
        ("runs left running or queued", "SELECT count(*) FROM import_runs WHERE status IN ('Running', 'Queued')"),
    ];

    public static async Task<Dictionary<string, long>> TakeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var snapshot = new Dictionary<string, long>();
        foreach (var (name, sql) in Measures)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            snapshot[name] = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return snapshot;
    }

    /// <summary>The measures on which two snapshots differ, as "name: a ≠ b".</summary>
    public static List<string> Differences(Dictionary<string, long> a, Dictionary<string, long> b) =>
        a.Where(m => b[m.Key] != m.Value).Select(m => $"{m.Key}: {m.Value} ≠ {b[m.Key]}").ToList();
}
