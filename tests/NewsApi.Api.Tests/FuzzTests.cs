using System.Net;
using System.Text;
using System.Text.Json;
using CsCheck;
using NewsApi.Api.Tests.Infrastructure;

namespace NewsApi.Api.Tests;

/// <summary>
/// Property: whatever is sent to any operation of the OpenAPI document, the answer is never a 5xx, every error is
/// problem+json, and no error names a .NET type or shows a stack trace. More than 2,000 generated malformed requests
/// (CsCheck): wrong types, huge and negative numbers, NUL and control characters, SQL and unicode in strings, forged
/// cursors, malformed, deep and oversized bodies, wrong content types, with and without keys, against the seeds.
/// </summary>
public sealed class FuzzTests(DatabaseFixture database, Xunit.Abstractions.ITestOutputHelper output) : ApiTestBase(database)
{
    private const int Requests = 2_400;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Files.WithSeeds();
        await Factory.ImportAsync();
    }

    private sealed record Parameter(string Name, string In);

    private sealed record Operation(string Method, string Path, IReadOnlyList<Parameter> Parameters, bool HasBody);

    private sealed record Request(string Method, string Url, string? Body, string? ContentType, string? Key)
    {
        /// <summary>Every value the request carries, decoded, as an answer could quote it.</summary>
        public IEnumerable<string> Inputs()
        {
            var parts = Url.Split('?');
            foreach (var segment in parts[0].Split('/'))
            {
                yield return Uri.UnescapeDataString(segment);
            }

            foreach (var pair in parts.Length > 1 ? parts[1].Split('&') : [])
            {
                yield return Uri.UnescapeDataString(pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            }

            if (Body is not null)
            {
                yield return Body;
            }
        }

        public override string ToString() => $"{Method} {Url} [{ContentType}] key={Key ?? "none"} body={(Body is null ? "none" : Body.Length > 200 ? Body[..200] + $"… ({Body.Length:N0} chars)" : Body)}";
    }

    private static readonly string[] Nasty =
    [
        "", " ", "abc", "-1", "0", "1", "2", "42", "-9223372036854775808", "9223372036854775807", "9223372036854775808", "99999999999999999999999999",
        "1e309", "NaN", "Infinity", "1.5", "-0", "0x10", "true", "null", "undefined", "[]", "{}", "' OR 1=1 --", "\"; DROP TABLE articles; --",
        "%", "_", "%_%", "\\", "\\\\", "'", "\"", "😀", string.Concat(Enumerable.Repeat("😀", 300)), "\u202Eevil", "\u200B", "\uFFFD", "\uD800",
        "\u0000", "a\u0000b", "\u0001\u001F\u007F", "\r\n", "<script>alert(1)</script>", new string('x', 5_000), "名前", "Ελληνικά", "../../etc/passwd",
        "2021-13-45", "2021-02-30", "2021-01-01", "0001-01-01", "9999-12-31T23:59:59Z", "-2021-01-01", "yesterday", "newest", "oldest", "relevance",
        "name", "articles", "mentions", "-date", "direct", "meet,visit", "meet,nonsense", "Blinken", "blin", "Netanyahu", "U.S.",
    ];

    private static readonly string[] Cursors =
    [
        "abc", "eyJRIjoieCIsIksiOlsiMSJdfQ", "eyJRIjoieCIsIksiOlsiMSJdfQ.AAAAAAAAAAAAAAAAAAAAAA", "eyJRIjoieCIsIksiOlsiMSJdfQ.", ".", "..", "%%%",
        "eyJRIjpudWxsLCJLIjpudWxsfQ.AAAA", new string('A', 3000), "e30.e30", "bnVsbA.bnVsbA",
    ];

    private static readonly string[] Bodies =
    [
        "", " ", "{", "}", "[", "[1, 2]", "null", "true", "42", "\"text\"", "{\"alias\": null}", "{\"alias\": 5}", "{\"alias\": \"\"}",
        "{\"alias\": \"a\\u0000b\"}", "{\"alias\": \"\\uD800\"}", "{\"alias\": \"" + new string('a', 400) + "\"}", "{\"otherId\": \"x\"}",
        "{\"otherId\": -1}", "{\"otherId\": 0}", "{\"otherId\": 1e400}", "{\"otherId\": 99999999999999999999}", "{\"otherId\": 1.5}",
        "{\"text\": \"Antony Blinken met Yair Lapid in Rome.\"}", "{\"text\": \"\"}", "{\"text\": 5}", "{\"text\": \"x\", \"published\": \"soon\"}",
        "{\"text\": \"x\", \"published\": \"2021-02-30\"}", "{\"title\": [], \"text\": {}}", "{\"a\":" + string.Concat(Enumerable.Repeat("[", 2_000)),
        string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100)), "\u0000\u0001\u0002", "<xml/>", "a=b&c=d",
        "{\"alias\": \"Tony Blinken\", \"extra\": {\"nested\": [1, 2, {\"x\": null}]}}", "{\"alias\": \"' OR 1=1 --\"}", "\uFEFF{\"alias\": \"x\"}",
    ];

    private static readonly string?[] ContentTypes =
    [
        "application/json", "application/json", "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
        "application/json; charset=latin1", "text/plain; charset=utf-16", "*/*", "garbage", null,
    ];

    /// <summary>Every string value in a JSON document.</summary>
    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private static Gen<T> Pick<T>(IReadOnlyList<T> values) => Gen.Int[0, values.Count - 1].Select(i => values[i]);

    private async Task<List<Operation>> OperationsAsync()
    {
        var document = JsonDocument.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        var operations = new List<Operation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Select(p => new Parameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!)).ToList()
                    : [];
                operations.Add(new Operation(operation.Name.ToUpperInvariant(), path.Name, parameters, operation.Value.TryGetProperty("requestBody", out _)));
            }
        }

        return operations;
    }

    private static Gen<Request> Requests_(IReadOnlyList<Operation> operations, string realCursor)
    {
        var value = Gen.Frequency((6, Pick(Nasty)), (2, Gen.Long[-5, 50].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))), (2, Gen.String[0, 30]));
        var cursor = Gen.Frequency((3, Pick(Cursors)), (1, Gen.Const(realCursor)), (1, Gen.Int[0, realCursor.Length - 1].Select(i => realCursor[..i] + (realCursor[i] == 'A' ? 'B' : 'A') + realCursor[(i + 1)..])));
        var body = Gen.Frequency((6, Pick(Bodies)), (2, Gen.String[0, 200]), (1, Gen.Const<string>(() => null!)),
            (1, Gen.Int[0, 3].Select(i => i == 0 ? "{\"text\": \"" + new string('a', 210_000) + "\"}" : "{\"alias\": \"" + new string('b', 20_000) + "\"}")));
        var key = Gen.Frequency((3, Gen.Const<string?>(() => null)), (3, Gen.Const<string?>(NewsApiFactory.AdminKey)), (1, Gen.Const<string?>("wrong-key-0123456789")),
            (1, Gen.Const<string?>("")));

        return from operation in Pick(operations)
               from values in value.Array[operation.Parameters.Count]
               from include in Gen.Bool.Array[operation.Parameters.Count]
               from useCursor in Gen.Bool
               from cursorValue in cursor
               from extra in Gen.Bool
               from extraValue in value
               from hasBody in Gen.Bool
               from bodyValue in body
               from contentType in Pick(ContentTypes)
               from apiKey in key
               select Build(operation, values, include, useCursor ? cursorValue : null, extra ? extraValue : null,
                   operation.HasBody || hasBody ? bodyValue : null, contentType, apiKey);
    }

    private static Request Build(Operation operation, string[] values, bool[] include, string? cursor, string? extra, string? body, string? contentType, string? key)
    {
        var path = operation.Path;
        var query = new List<string>();
        for (var i = 0; i < operation.Parameters.Count; i++)
        {
            var parameter = operation.Parameters[i];
            var value = parameter.Name == "cursor" && cursor is not null ? cursor : values[i];
            if (parameter.In == "path")
            {
                // A NUL in the path never reaches the application (the server and HttpClient refuse it); the query and body carry it.
                value = value.Replace("\0", "", StringComparison.Ordinal);
                path = path.Replace("{" + parameter.Name + "}", value.Length == 0 ? "1" : Uri.EscapeDataString(value), StringComparison.Ordinal);
            }
            else if (include[i])
            {
                query.Add($"{parameter.Name}={Uri.EscapeDataString(value)}");
            }
        }

        if (extra is not null)
        {
            query.Add($"unexpected={Uri.EscapeDataString(extra)}");
        }

        var url = query.Count == 0 ? path : path + "?" + string.Join('&', query);
        return new Request(operation.Method, url, body, body is null ? null : contentType, key);
    }

    [Fact(Timeout = 900_000)]
    public async Task No_request_to_any_operation_gets_a_5xx_or_an_error_that_is_not_a_clean_problem()
    {
        var operations = await OperationsAsync();
        Assert.True(operations.Count >= 25, $"only {operations.Count} operations");
        var realCursor = (await GetJsonAsync<NewsApi.Api.Infrastructure.Page<NewsApi.Api.Articles.ArticleSummary>>("/articles?limit=1")).Next!;

        var statuses = new Dictionary<int, int>();
        var sent = 0;
        var covered = new HashSet<string>();
        await Requests_(operations, realCursor).SampleAsync(async request =>
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
            if (request.Body is not null)
            {
                message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body));
                if (request.ContentType is not null)
                {
                    message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
                }
            }

            if (request.Key is not null)
            {
                message.Headers.TryAddWithoutValidation("X-Api-Key", request.Key);
            }

            using var response = await Client.SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            lock (statuses)
            {
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                sent++;
                covered.Add(request.Method + " " + request.Url.Split('?')[0].Split('/')[1]);
            }

            Assert.True(status < 500, $"{status} for {request}: {body}");
            if (status >= 400)
            {
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{status} without problem+json for {request}: {body}");
                var problem = JsonDocument.Parse(body).RootElement;
                Assert.Equal(status, problem.GetProperty("status").GetInt32());

                // The answer may quote what was sent ("got '…'"); what is left must not show the server's insides.
                var text = Strings(problem).Aggregate(new StringBuilder(), (all, value) => all.Append(value).Append('\n')).ToString();
                // Only inputs of four characters or more: removing "e" or "s" would hide "Exception" or "System.".
                // A path value is quoted as routing saw it: with "/" still escaped ("%2F"), which routing never decodes.
                foreach (var sent in request.Inputs().Where(i => i.Length >= 4).SelectMany(i => new[] { i, i.Replace("/", "%2F", StringComparison.Ordinal) })
                             .Distinct().OrderByDescending(i => i.Length))
                {
                    text = text.Replace(sent, "", StringComparison.Ordinal);
                }

                foreach (var leak in new[] { "System.", "`1", "Exception", "Npgsql", " at NewsApi", "Nullable<", "StackTrace" })
                {
                    Assert.False(text.Contains(leak, StringComparison.Ordinal), $"'{leak}' in the answer to {request}: {body}");
                }
            }
        }, iter: Requests, threads: 1);

        output.WriteLine($"{sent} requests over {operations.Count} operations; statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(sent >= 2_000, $"only {sent} requests");
        Assert.True(statuses.Keys.Count(s => s >= 400) >= 5, string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));
        Assert.True(statuses.GetValueOrDefault(200) > 50, string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));
    }
}
