using NewsApi.Ingestion.Analysis;
using NewsApi.Ingestion.Imports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Api.Imports;
using NewsApi.Data;
using NewsApi.Data.Entities;

namespace NewsApi.Api.Tests.Infrastructure;

/// <summary>
/// The real API host (its whole ASP.NET Core pipeline) on a test database. The background worker is off
/// unless a test turns it on: tests run imports themselves, so they know when one has finished.
/// </summary>
public sealed class NewsApiFactory(string connectionString, string importPath, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    /// <summary>The admin key every test host knows (tests of keys configure their own).</summary>
    public const string AdminKey = "test-admin-key-0123456789";

    public string ImportPath { get; } = importPath;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:News", connectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Import:Path", ImportPath);
        builder.UseSetting("Import:Enabled", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");

        // Tests write their files and import at once; the settle time has tests of its own.
        builder.UseSetting("Import:SettleSeconds", "0");
        builder.UseSetting("ApiKeys:AdminKey", AdminKey);

        // Tests send requests as fast as they can from one client; the limits have tests of their own.
        builder.UseSetting("RateLimits:RequestsPerSecond", "1000000");
        builder.UseSetting("RateLimits:Burst", "1000000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    public ArticleImporter Importer => Services.GetRequiredService<ArticleImporter>();

    /// <summary>A client that sends the admin key.</summary>
    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }

    /// <summary>Queues and executes one import run, and returns it as stored.</summary>
    public async Task<ImportRun> ImportAsync()
    {
        var run = await Importer.QueueAsync(ImportTrigger.Request, CancellationToken.None);
        await Importer.RunQueuedAsync(CancellationToken.None);
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        return await db.ImportRuns.FindAsync(run.Id) ?? throw new InvalidOperationException("The run vanished.");
    }
}

/// <summary>A folder of article files for one test, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("newsapi-test-").FullName;
    }

    public string Path { get; }

    public string Write(string name, string text) => WriteBytes(name, System.Text.Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string name, byte[] bytes)
    {
        var file = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, bytes);
        return file;
    }

    /// <summary>Copies the five seed articles in.</summary>
    public TempFolder WithSeeds()
    {
        foreach (var seed in Directory.GetFiles(RepositoryRoot.SeedsFolder, "*.txt"))
        {
            File.Copy(seed, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(seed)));
        }

        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
