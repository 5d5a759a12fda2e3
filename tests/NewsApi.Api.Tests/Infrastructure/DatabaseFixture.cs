using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using Npgsql;
using Respawn;

namespace NewsApi.Api.Tests.Infrastructure;

/// <summary>
/// One database of its own for a test class: created and migrated once, emptied before each test with Respawn,
/// and dropped at the end.
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private string _adminConnectionString = "";
    private string _databaseName = "";
    private Respawner? _respawner;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _adminConnectionString = await PostgresServer.GetAdminConnectionStringAsync();
        _databaseName = $"newsapi_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(_adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_databaseName}", admin);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = _databaseName }.ConnectionString;
        await using var db = CreateContext();
        await db.MigrateAsync();

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = ["__EFMigrationsHistory"],
            WithReseed = true,
        });
    }

    public NewsDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<NewsDbContext>();
        NewsDbContext.Configure(options, ConnectionString);
        return new NewsDbContext(options.Options);
    }

    /// <summary>Deletes every row (and restarts identities), keeping the schema.</summary>
    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await _respawner!.ResetAsync(connection);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
