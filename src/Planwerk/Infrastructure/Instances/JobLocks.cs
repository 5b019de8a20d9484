using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Planwerk.Data;

namespace Planwerk.Infrastructure.Instances;

/// <summary>Work that must run once across all instances on one PostgreSQL (a reminder round, the first data protection
/// key) runs under a session advisory lock per kind of work, held on a connection of its own (not from the pool, so
/// the lock can never stay behind on a pooled connection) for as long as the work runs. When another instance holds
/// it, <see cref="RunOnceAsync"/> skips the round; the next round finds the work done. On SQLite there is one instance
/// and no lock.</summary>
public sealed class JobLocks(IConfiguration configuration, ILogger<JobLocks> logger)
{
    private readonly string? connectionString = Database.Provider(configuration) == DatabaseProvider.Postgres
        ? Dedicated(configuration.GetConnectionString("Planwerk")!, "Planwerk job lock")
        : null;

    /// <summary>A connection string for a connection of its own: outside the pool, named in <c>pg_stat_activity</c>.</summary>
    internal static string Dedicated(string connectionString, string applicationName) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = applicationName }.ConnectionString;

    /// <summary>The lock's number: the first eight bytes of the job name's SHA-256, so names never need a registry.</summary>
    public static long Key(string job) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("planwerk:" + job)), 0);

    /// <summary>Runs <paramref name="round"/> unless another instance is running the same job; returns whether it ran.
    /// Whatever the round marks as done (a reminder's "sent") is committed before the lock is let go.</summary>
    public async Task<bool> RunOnceAsync(string job, Func<CancellationToken, Task> round, CancellationToken ct)
    {
        await using var held = await TakeAsync(job, wait: false, ct);
        if (held is null)
        {
            logger.LogDebug("Job {Job} is running on another instance; this round is skipped", job);
            return false;
        }
        await round(ct);
        return true;
    }

    /// <summary>Runs <paramref name="work"/> once the lock is free, so two instances never do it at the same time.</summary>
    public async Task RunExclusivelyAsync(string job, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        await using var held = await TakeAsync(job, wait: true, ct);
        await work(ct);
    }

    private async Task<IAsyncDisposable?> TakeAsync(string job, bool wait, CancellationToken ct)
    {
        if (connectionString is null) return NoLock.Instance;
        var key = Key(job);
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(wait ? "SELECT pg_advisory_lock(@key)::text" : "SELECT pg_try_advisory_lock(@key)::text", connection);
            command.Parameters.AddWithValue("key", key);
            var answer = await command.ExecuteScalarAsync(ct) as string;
            if (wait || answer == "true") return new Held(connection, key, logger);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class Held(NpgsqlConnection connection, long key, ILogger logger) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", key);
                await command.ExecuteScalarAsync();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
            {
                // Closing the session below lets go of the lock all the same.
                logger.LogWarning(e, "Releasing job lock {Key} failed; the connection is closed instead", key);
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
