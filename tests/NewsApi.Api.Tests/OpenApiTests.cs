using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Api.Tests.Infrastructure;

namespace NewsApi.Api.Tests;

public sealed class OpenApiTests(DatabaseFixture database) : ApiTestBase(database)
{
    [Fact]
    public async Task The_document_lists_every_endpoint_with_a_summary_and_its_responses()
    {
        var document = JsonDocument.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        var paths = document.GetProperty("paths");

        var endpoints = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText != "/" && e.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Path: "/" + e.RoutePattern.RawText!.Trim('/'), Method: m.ToLowerInvariant())))
            .ToList();
        Assert.True(endpoints.Count >= 10, $"only {endpoints.Count} endpoints found");

        foreach (var (path, method) in endpoints)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing from the OpenAPI document");
            Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is missing");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{method} {path} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("description").GetString()), $"{method} {path} has no description");
            var responses = operation.GetProperty("responses");
            Assert.True(responses.EnumerateObject().Any(r => r.Name.StartsWith('2')), $"{method} {path} documents no success response");
            if (!path.StartsWith("/health"))
            {
                Assert.True(responses.TryGetProperty("500", out _), $"{method} {path} does not document 500");
            }

            if (path.Contains("{id}"))
            {
                Assert.True(responses.TryGetProperty("404", out _), $"{method} {path} does not document 404");
                Assert.True(responses.TryGetProperty("400", out _), $"{method} {path} does not document 400");
            }

            if (operation.TryGetProperty("parameters", out var parameters))
            {
                foreach (var parameter in parameters.EnumerateArray())
                {
                    Assert.True(parameter.TryGetProperty("description", out var description) && description.GetString()!.Length > 10,
                        $"{method} {path} parameter {parameter.GetProperty("name")} has no description");
                }
            }
        }

        var listArticles = paths.GetProperty("/articles").GetProperty("get");
        var names = listArticles.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["q", "source", "from", "to", "person", "organisation", "place", "name", "sort", "limit", "cursor"], names);
        Assert.True(listArticles.GetProperty("responses").TryGetProperty("400", out _));
        Assert.Equal("Blinken Lapid", listArticles.GetProperty("parameters")[0].GetProperty("example").GetString());

        // Operation ids name the kind properly ("GetPerson", not a clipped "GetPeopl").
        var ids = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).Select(o => o.Value.GetProperty("operationId").GetString()!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Subset(ids.ToHashSet(), new HashSet<string> { "GetPerson", "GetPersonQuotes", "GetPersonEvents", "SplitPerson", "GetOrganisation", "GetPlaceEvents" });
        Assert.DoesNotContain(ids, id => id.Contains("Peopl", StringComparison.Ordinal) && !id.Contains("People", StringComparison.Ordinal));

        // Every paged list takes the same limit and cursor parameters, last.
        foreach (var list in new[] { "/events", "/quotes", "/stories", "/people", "/imports", "/sources", "/people/{id}/articles", "/people/{id}/quotes", "/places/{id}/events", "/timeline" })
        {
            var listed = paths.GetProperty(list).GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
            Assert.Equal(["limit", "cursor"], listed.TakeLast(2));
        }
    }

    [Fact]
    public async Task Swagger_ui_is_served()
    {
        var html = await Client.GetStringAsync("/swagger/index.html");

        Assert.Contains("swagger-ui", html);
    }
}
