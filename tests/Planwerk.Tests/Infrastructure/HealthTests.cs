using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using Planwerk.Data;

namespace Planwerk.Tests.Infrastructure;

/// <summary>/health answers 200 while the database can be reached and 503 once it cannot. Each test runs
/// its own app on its own database, then takes that database away for real.</summary>
public abstract class HealthTests(PlanwerkApp app)
{
    private sealed record Unreachable(string ConnectionString, Func<Task> TakeAwayAsync);

    private async Task<Unreachable> OwnDatabaseAsync()
    {
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "planwerk-health-" + Guid.NewGuid().ToString("N")[..8]);
            // No pooling: every check opens the file anew, as a restarted process would.
            return new Unreachable($"Data Source={Path.Combine(folder, "planwerk.db")};Pooling=False", () =>
            {
                Directory.Delete(folder, recursive: true);
                File.WriteAllText(folder, "this is a file where the database folder was");
                return Task.CompletedTask;
            });
        }

        var connectionString = new NpgsqlConnectionStringBuilder(await PostgresServer.CreateDatabaseAsync()) { Pooling = false };
        var admin = new NpgsqlConnectionStringBuilder(connectionString.ConnectionString) { Database = "postgres" };
        return new Unreachable(connectionString.ConnectionString, async () =>
        {
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{connectionString.Database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        });
    }

    [Fact]
    public async Task Health_is_200_while_the_database_answers_and_503_when_it_is_gone()
    {
        var database = await OwnDatabaseAsync();
        await using var own = app.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Planwerk", database.ConnectionString));
        var client = own.CreateClient();

        var healthy = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal("Healthy", await healthy.Content.ReadAsStringAsync());

        await database.TakeAwayAsync();

        var unhealthy = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.StatusCode);
        Assert.Equal("Unhealthy", await unhealthy.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_is_public_and_never_cached()
    {
        var response = await app.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }
}

public sealed class HealthSqliteTests(SqliteApp app) : HealthTests(app), IClassFixture<SqliteApp>;

public sealed class HealthPostgresTests(PostgresApp app) : HealthTests(app), IClassFixture<PostgresApp>;
