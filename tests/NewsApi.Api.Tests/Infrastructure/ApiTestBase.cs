using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsApi.Api.Tests.Infrastructure;

/// <summary>
/// Base of the HTTP tests: a database of the class's own (<see cref="DatabaseFixture"/>), emptied before each
/// test, a folder of article files, and the API host over them.
/// </summary>
public abstract class ApiTestBase(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    protected DatabaseFixture Database { get; } = database;

    protected TempFolder Files { get; } = new();

    private NewsApiFactory? _factory;

    protected NewsApiFactory Factory => _factory ??= CreateFactory();

    protected HttpClient Client => _client ??= Factory.CreateClient();

    private HttpClient? _client;

    protected virtual NewsApiFactory CreateFactory() => new(Database.ConnectionString, Files.Path);

    public virtual Task InitializeAsync() => Database.ResetAsync();

    public virtual async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        Files.Dispose();
    }

    protected async Task<T> GetJsonAsync<T>(string url)
    {
        using var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} → {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    protected async Task<JsonElement> GetProblemAsync(string url, int expectedStatus)
    {
        using var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"GET {url} → {(int)response.StatusCode}, expected {expectedStatus}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    protected Task<T?> ReadAsync<T>(HttpResponseMessage response) => response.Content.ReadFromJsonAsync<T>(Json);
}
