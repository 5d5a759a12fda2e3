using System.Net;
using System.Text.Json;
using NewsApi.Api.Tests.Infrastructure;

namespace NewsApi.Api.Tests;

/// <summary>An unexpected failure (here: the database refuses connections) is a 500 problem that gives nothing away.</summary>
public sealed class ServerErrorTests : IDisposable
{
    private readonly TempFolder _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_failure_is_a_500_problem_with_a_trace_id_and_no_internals()
    {
        await using var factory = new NewsApiFactory("Host=127.0.0.1;Port=1;Username=nobody;Password=none;Database=none;Timeout=2", _files.Path,
            new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false", ["Analysis:ReprocessEnabled"] = "false" });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/articles");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        Assert.DoesNotContain("Npgsql", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }
}
