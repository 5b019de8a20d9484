using Microsoft.Data.Sqlite;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Data;

/// <summary>On SQLite, pages keep answering while a long write (an import, a seed, a reminder run) holds the
/// database: the database runs in write-ahead-log mode, where readers never wait for a writer. In SQLite's
/// default rollback-journal mode a writer that takes its exclusive lock (when it commits, or earlier when a
/// big transaction spills its cache) blocks every reader until it ends, and a page waited up to the
/// 30-second lock timeout.</summary>
public sealed class SqliteConcurrencyTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_database_file_is_in_write_ahead_log_mode()
    {
        await using var connection = new SqliteConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_page_that_reads_the_database_answers_while_a_writer_holds_its_exclusive_lock()
    {
        var m = await app.CreateMunicipalityAsync();
        var client = app.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(10);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync($"/{m.Slug}")).StatusCode);

        await using var writer = new SqliteConnection(app.ConnectionString + ";Default Timeout=1");
        await writer.OpenAsync();
        await using (var begin = writer.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE; UPDATE \"Municipalities\" SET \"Name\" = \"Name\" WHERE \"Slug\" = $slug;";
            begin.Parameters.AddWithValue("$slug", m.Slug);
            await begin.ExecuteNonQueryAsync();
        }
        try
        {
            // Another address of the municipality, so no cached answer stands in for reading the database.
            var response = await client.GetAsync($"/{m.Slug}/consultations");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(m.Name, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await using var rollback = writer.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }
    }
}
