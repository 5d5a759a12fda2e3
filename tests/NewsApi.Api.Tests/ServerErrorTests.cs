using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Api.Tests.Infrastructure;
using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Ner;

namespace NewsApi.Api.Tests;

/// <summary>
/// Failures the client cannot fix are told apart: a database that cannot be reached is a 503 "try later" with
/// Retry-After; a defect is a 500 with a trace id. Neither gives anything of the server away.
/// </summary>
public sealed class ServerErrorTests : IDisposable
{
    private readonly TempFolder _files = new();

    public void Dispose() => _files.Dispose();

    private static void AssertNoInternals(string body)
    {
        Assert.DoesNotContain("Npgsql", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/articles")]
    [InlineData("/articles/1")]
    [InlineData("/people?q=blinken")]
    [InlineData("/events")]
    [InlineData("/imports")]
    public async Task An_unreachable_database_is_a_503_with_retry_after(string url)
    {
        await using var factory = new NewsApiFactory("Host=127.0.0.1;Port=1;Username=nobody;Password=none;Database=none;Timeout=2", _files.Path,
            new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false", ["Analysis:ReprocessEnabled"] = "false" });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(("Service Unavailable", 503), (problem.GetProperty("title").GetString(), problem.GetProperty("status").GetInt32()));
        AssertNoInternals(body);
    }

    [Fact]
    public async Task A_defect_is_a_500_problem_with_a_trace_id_and_no_internals()
    {
        await using var factory = new NewsApiFactory("Host=127.0.0.1;Port=1;Username=nobody;Password=none;Database=none;Timeout=2", _files.Path,
            new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false", ["Analysis:ReprocessEnabled"] = "false" });

        // An analyser whose limits make no sense stands for any bug: it throws where nothing should.
        var broken = factory.WithWebHostBuilder(host => host.ConfigureTestServices(services =>
            services.AddSingleton(new ArticleAnalyzer(EntityRecognizer.Default) { Limits = new AnalysisLimits { MaxCharacters = 0 } })));
        using var client = broken.CreateClient();

        using var response = await client.PostAsync("/analyze", new StringContent("Antony Blinken met Yair Lapid in Rome.", Encoding.UTF8, "text/plain"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        AssertNoInternals(body);
    }
}
