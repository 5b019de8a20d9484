using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Data;

/// <summary>The tests here limit the process's thread pool, so they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ThreadPoolLimit
{
    public const string Name = "Thread pool limited";
}

/// <summary>On SQLite, write transactions wait for each other at the write gate (one per database file) without holding
/// a thread, and the gate opens however a transaction ends.</summary>
[Collection(ThreadPoolLimit.Name)]
public sealed class SqliteWriteGateTests(ConsultationSqliteApp app) : IClassFixture<ConsultationSqliteApp>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>A hundred statements saved at once while another writer holds the database, with four pool threads:
    /// the writers wait at the gate without a thread each, so other work still runs at once; once the database is free,
    /// every statement is stored with its own receipt number. (Without the gate each writer slept on its own thread in
    /// SQLite's busy retries: the four threads were taken and the probe waited for the holder to let go.)</summary>
    [Fact]
    public async Task A_hundred_statements_saved_at_once_wait_for_a_running_writer_without_holding_pool_threads()
    {
        var (m, round, userId) = await RoundAsync();
        ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
        ThreadPool.GetMaxThreads(out var maxWorkers, out var maxIo);
        var limit = Math.Max(4, Environment.ProcessorCount);
        Assert.True(ThreadPool.SetMinThreads(Math.Min(minWorkers, limit), minIo));
        Assert.True(ThreadPool.SetMaxThreads(limit, maxIo));
        List<Task<string>> saves;
        try
        {
            await using var holder = Scope(m, out var db);
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await db.Database.ExecuteSqlRawAsync("UPDATE \"ConsultationRounds\" SET \"Title\" = \"Title\" WHERE \"Id\" = {0}", round.Id);
                saves = Enumerable.Range(0, 100)
                    .Select(i => Task.Run(() => SaveStatementAsync(m, round.Id, userId, "Gleichzeitig " + i.ToString(CultureInfo.InvariantCulture) + " " + HostileText.Script)))
                    .ToList();
                // The writers start and wait; the pool's queue drains, which it cannot while writers sleep on its threads.
                var drained = Stopwatch.StartNew();
                while (ThreadPool.PendingWorkItemCount > 0 && drained.Elapsed < Patience) await Task.Delay(50);
                Assert.True(ThreadPool.PendingWorkItemCount == 0, $"{ThreadPool.PendingWorkItemCount} pieces of work wait for a pool thread after {Patience.TotalSeconds} s.");
                var watch = Stopwatch.StartNew();
                var waited = await Task.Run(() => watch.Elapsed).WaitAsync(TimeSpan.FromSeconds(5));
                Assert.True(waited < TimeSpan.FromSeconds(1), $"Other work waited {waited.TotalMilliseconds:0} ms for a pool thread.");
                Assert.All(saves, s => Assert.False(s.IsCompleted));
                await transaction.CommitAsync();
            }
            await Task.WhenAll(saves).WaitAsync(Patience);
        }
        finally
        {
            ThreadPool.SetMaxThreads(maxWorkers, maxIo);
            ThreadPool.SetMinThreads(minWorkers, minIo);
        }
        var numbers = saves.Select(s => s.Result).ToList();
        Assert.Equal(Enumerable.Range(1, 100).Select(n => ReceiptNumbers.Prefix(round.Id) + n.ToString("0000", CultureInfo.InvariantCulture)),
            numbers.Order(StringComparer.Ordinal));
        Assert.Equal(100, await m.WithDbAsync(d => d.Statements.CountAsync(s => s.RoundId == round.Id && s.Text.StartsWith("Gleichzeitig"))));
    }

    [Fact]
    public async Task A_transaction_that_fails_or_is_disposed_without_commit_or_with_its_context_lets_the_next_writer_in()
    {
        var (m, round, userId) = await RoundAsync();

        // A command in the transaction fails; the transaction is disposed without commit or rollback.
        await using (var scope = Scope(m, out var db))
        {
            await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                await db.Database.ExecuteSqlRawAsync("UPDATE \"ConsultationRounds\" SET \"Title\" = 'x' WHERE \"Id\" = {0}", round.Id);
                await db.Database.ExecuteSqlRawAsync("UPDATE \"NoSuchTable\" SET \"X\" = 1");
            });
        }
        Assert.StartsWith(ReceiptNumbers.Prefix(round.Id), await SaveStatementAsync(m, round.Id, userId, "Nach dem Fehler").WaitAsync(Patience));

        // A save that breaks a constraint in its own transaction (no such author).
        await using (var scope = Scope(m, out var db))
        {
            db.Statements.Add(new Statement { RoundId = round.Id, ReceiptNumber = "X-1", Text = "Niemand", AuthorUserId = "no-such-user", SubmittedAt = DateTimeOffset.UtcNow });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        Assert.StartsWith(ReceiptNumbers.Prefix(round.Id), await SaveStatementAsync(m, round.Id, userId, "Nach der Verletzung").WaitAsync(Patience));

        // The context is disposed while its transaction runs.
        await using (var scope = Scope(m, out var db))
        {
            await db.Database.BeginTransactionAsync();
            await ReceiptNumbers.NextAsync(db, round.Id, default);
        }
        Assert.StartsWith(ReceiptNumbers.Prefix(round.Id), await SaveStatementAsync(m, round.Id, userId, "Nach dem Abbruch").WaitAsync(Patience));

        // Rolled back on purpose.
        await using (var scope = Scope(m, out var db))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await ReceiptNumbers.NextAsync(db, round.Id, default);
            await transaction.RollbackAsync();
        }
        Assert.StartsWith(ReceiptNumbers.Prefix(round.Id), await SaveStatementAsync(m, round.Id, userId, "Nach dem Zurückrollen").WaitAsync(Patience));

        // The numbers the failed and abandoned transactions counted were given back.
        var numbers = await m.WithDbAsync(d => d.Statements.Where(s => s.RoundId == round.Id).Select(s => s.ReceiptNumber).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 4).Select(n => ReceiptNumbers.Prefix(round.Id) + n.ToString("0000", CultureInfo.InvariantCulture)), numbers.Order(StringComparer.Ordinal));
    }

    /// <summary>Another process (here a connection of its own, which passes no gate) holds the file, so this one's
    /// transaction cannot even begin: the gate it passed opens again.</summary>
    [Fact]
    public async Task A_transaction_that_cannot_begin_lets_the_next_writer_in()
    {
        var (m, round, userId) = await RoundAsync();
        await using (var other = new SqliteConnection(app.ConnectionString))
        {
            await other.OpenAsync();
            await using (var begin = other.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE";
                await begin.ExecuteNonQueryAsync();
            }
            await using var scope = Scope(m, out var db);
            await db.Database.OpenConnectionAsync();
            ((SqliteConnection)db.Database.GetDbConnection()).DefaultTimeout = 1;
            var refused = await Assert.ThrowsAsync<SqliteException>(() => db.Database.BeginTransactionAsync());
            Assert.Equal(5, refused.SqliteErrorCode); // SQLITE_BUSY
            await using var rollback = other.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }
        Assert.StartsWith(ReceiptNumbers.Prefix(round.Id), await SaveStatementAsync(m, round.Id, userId, "Nach dem Besetztzeichen").WaitAsync(Patience));
    }

    /// <summary>A transaction left open holds the gate: the next writer waits as long as SQLite would have retried a busy
    /// database (the connection's timeout), then fails with a clear error instead of waiting for ever.</summary>
    [Fact]
    public async Task A_writer_waits_for_the_gate_no_longer_than_its_connection_timeout()
    {
        var (m, round, userId) = await RoundAsync();
        await using (var holding = Scope(m, out var holder))
        {
            await using var open = await holder.Database.BeginTransactionAsync();
            await using var scope = Scope(m, out var db);
            await db.Database.OpenConnectionAsync();
            ((SqliteConnection)db.Database.GetDbConnection()).DefaultTimeout = 1;
            var stuck = await Assert.ThrowsAsync<TimeoutException>(() => db.Database.BeginTransactionAsync().WaitAsync(Patience));
            Assert.Contains("1 s", stuck.Message, StringComparison.Ordinal);
        }
        Assert.StartsWith(ReceiptNumbers.Prefix(round.Id), await SaveStatementAsync(m, round.Id, userId, "Nach dem Warten").WaitAsync(Patience));
    }

    /// <summary>A database file made in SQLite's default rollback-journal mode (by an older version, or restored from a
    /// backup) is in write-ahead-log mode once Planwerk has started on it.</summary>
    [Fact]
    public async Task A_database_file_in_rollback_journal_mode_is_in_write_ahead_log_mode_after_the_start()
    {
        var file = Path.Combine(Path.GetTempPath(), "planwerk-rollback-" + Guid.NewGuid().ToString("N")[..12] + ".db");
        await using (var connection = new SqliteConnection("Data Source=" + file))
        {
            await connection.OpenAsync();
            Assert.Equal("delete", await ScalarAsync(connection, "PRAGMA journal_mode"));
            await ScalarAsync(connection, "CREATE TABLE \"Before\" (\"Id\" INTEGER)");
        }
        await using var started = new FileApp("Data Source=" + file);
        await started.InitializeAsync();
        await using (var connection = new SqliteConnection("Data Source=" + file))
        {
            await connection.OpenAsync();
            Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        }
    }

    private sealed class FileApp : PlanwerkApp
    {
        public FileApp(string connectionString) : base(DatabaseProvider.Sqlite) => ConnectionString = connectionString;
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    private async Task<(TestMunicipality M, TestRound Round, string UserId)> RoundAsync()
    {
        var m = await app.CreateMunicipalityAsync();
        var round = await m.AddRoundAsync(app.Now().AddMinutes(-5), app.Now().AddDays(3), RoundAudience.OrganisationsAndResidents);
        var user = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        return (m, round, user.Id);
    }

    private AsyncServiceScope Scope(TestMunicipality m, out PlanwerkDbContext db)
    {
        var scope = app.Services.CreateAsyncScope();
        db = scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>();
        db.CurrentMunicipalityId = m.Id;
        return scope;
    }

    /// <summary>Saves a statement as the statement form does: its receipt number counted in the transaction that saves it.</summary>
    private async Task<string> SaveStatementAsync(TestMunicipality m, int roundId, string userId, string text)
    {
        await using var scope = Scope(m, out var db);
        var statement = new Statement { RoundId = roundId, ReceiptNumber = "", Text = text, AuthorUserId = userId, SubmittedAt = DateTimeOffset.UtcNow };
        db.Statements.Add(statement);
        await using var transaction = await db.Database.BeginTransactionAsync();
        statement.ReceiptNumber = await ReceiptNumbers.NextAsync(db, roundId, default);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return statement.ReceiptNumber;
    }
}
