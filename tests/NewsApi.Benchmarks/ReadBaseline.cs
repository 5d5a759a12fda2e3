using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

/// <summary>
/// The bare baseline of <c>GET /articles/{id}</c> for scripts/bench-read.sh: a minimal ASP.NET Core app (no rate
/// limiter, keys, problem details, logging or EF Core) that runs the same SELECT statements the API runs for one
/// article, as EF Core logs them, with plain Npgsql on one pooled data source, and writes the rows as JSON. The API's
/// requests per second over this app's, in the same run, is the cost of everything the API adds.
/// </summary>
public static class ReadBaseline
{
    private static readonly string[] Statements =
    [
        """
        SELECT a.id, a.title, a.title_derived, a.subtitle, a.authors, s.id IS NULL, s.id, s.name, a.dateline, a.published_at, a.language, a.word_count,
               a.file, a.imported_at, a.sort_date, a.body, a.encoding, a.flags, a.updated_at, a.pipeline_version, a.story_id, a.duplicate_of_id, a.main_event
        FROM articles AS a LEFT JOIN sources AS s ON a.source_id = s.id WHERE a.id = @id LIMIT 1
        """,
        """
        SELECT e.kind, a.entity_id, e.name, a.salience, a.mention_count FROM article_entities AS a INNER JOIN entities AS e ON a.entity_id = e.id
        WHERE a.article_id = @id ORDER BY a.salience DESC, a.mention_count DESC, a.entity_id
        """,
        """
        SELECT a.name, a.mention_count, CASE WHEN a.in_title THEN 'title' ELSE 'body' END, a.start, a."end" FROM article_names AS a
        WHERE a.article_id = @id ORDER BY CASE WHEN a.in_title THEN 0 ELSE 1 END, a.start
        """,
        """
        SELECT q.id, q.text, q.kind, q.cue, q.speaker_id, q.speaker_text, q.in_title, q.start, q."end", q.speaker_start, q.speaker_end, q.article_id,
               q.article_date, e.name, e.kind, a.title
        FROM quotes AS q INNER JOIN articles AS a ON q.article_id = a.id LEFT JOIN entities AS e ON q.speaker_id = e.id WHERE q.article_id = @id
        """,
        """
        SELECT e.id, e.type, e.title FROM article_events AS a INNER JOIN events AS e ON a.event_id = e.id WHERE a.article_id = @id
        ORDER BY (SELECT min(CASE WHEN e0.in_title THEN -1 ELSE e0.start END) FROM event_evidence AS e0 WHERE e0.event_id = e.id AND e0.article_id = @id), e.id
        """,
    ];

    private const string MainEventNames = "SELECT e.id, e.name, e.kind FROM entities AS e WHERE e.id = ANY (@ids)";

    public static async Task RunAsync(string url, string connectionString)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        app.MapGet("/articles/{id:long}", async (long id, HttpContext http) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(http.RequestAborted);
            http.Response.ContentType = "application/json; charset=utf-8";
            await using var json = new Utf8JsonWriter(http.Response.BodyWriter);
            json.WriteStartArray();
            long[] mainIds = [];
            foreach (var sql in Statements)
            {
                await using var command = new NpgsqlCommand(sql, connection);
                command.Parameters.AddWithValue("id", id);
                await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
                json.WriteStartArray();
                while (await reader.ReadAsync(http.RequestAborted))
                {
                    json.WriteStartArray();
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                        if (sql == Statements[0] && i == reader.FieldCount - 1 && value is string main)
                        {
                            using var frame = JsonDocument.Parse(main);
                            mainIds = [.. frame.RootElement.GetProperty("WhoIds").EnumerateArray().Select(e => e.GetInt64()),
                                .. frame.RootElement.GetProperty("WhereId") is { ValueKind: JsonValueKind.Number } where ? [where.GetInt64()] : Array.Empty<long>()];
                        }

                        JsonSerializer.Serialize(json, value);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndArray();
            }

            if (mainIds.Length > 0)
            {
                await using var command = new NpgsqlCommand(MainEventNames, connection);
                command.Parameters.AddWithValue("ids", mainIds);
                await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
                while (await reader.ReadAsync(http.RequestAborted))
                {
                    json.WriteStringValue(reader.GetString(1));
                }
            }

            json.WriteEndArray();
            await json.FlushAsync(http.RequestAborted);
        });
        await app.RunAsync();
    }
}
