using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;
using Npgsql;

namespace Planwerk.Infrastructure.Instances;

/// <summary>This instance's own output cache in memory, as the framework makes it; only the eviction listener evicts
/// from it directly (a notification from another instance must not be sent on again).</summary>
public sealed class LocalOutputCache(IOutputCacheStore store)
{
    /// <summary>Every page this instance stores carries this tag too, so that all of them can be evicted at once.</summary>
    public const string EverythingTag = "planwerk:everything";

    public IOutputCacheStore Store { get; } = store;

    public ValueTask EvictEverythingAsync(CancellationToken ct) => Store.EvictByTagAsync(EverythingTag, ct);
}

/// <summary>With several instances on one PostgreSQL, each keeps its output cache in its own memory (as fast as one
/// instance alone) and an eviction reaches all of them: it evicts here, then sends <c>NOTIFY planwerk_cache, '&lt;tag&gt;'</c>,
/// which <see cref="CacheEvictionListener"/> on every instance turns into the same eviction there. Every eviction in
/// Planwerk is asked for after the edit's transaction has committed (after the save, or in
/// <see cref="PublicPageEviction"/> after the commit), so the notification never outruns the data.</summary>
public sealed class SharedEvictionCacheStore(LocalOutputCache local, string connectionString, ILogger<SharedEvictionCacheStore> logger)
    : IOutputCacheStore, IOutputCacheBufferStore
{
    public const string Channel = "planwerk_cache";

    private readonly IOutputCacheStore inner = local.Store;

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        await inner.EvictByTagAsync(tag, cancellationToken);
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_notify('" + Channel + "', $1)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = tag });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
        {
            // The edit is saved and this instance's pages are evicted; the others keep theirs until they expire (at most
            // the cache's ten minutes). Failing the request would tell the editor that a saved edit was not saved.
            logger.LogWarning(e, "Eviction of {Tag} could not be sent to the other instances", tag);
        }
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        inner.SetAsync(key, value, WithEverything(tags), validFor, cancellationToken);

    async ValueTask<bool> IOutputCacheBufferStore.TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        if (inner is IOutputCacheBufferStore buffered) return await buffered.TryGetAsync(key, destination, cancellationToken);
        var value = await inner.GetAsync(key, cancellationToken);
        if (value is null) return false;
        await destination.WriteAsync(value, cancellationToken);
        return true;
    }

    ValueTask IOutputCacheBufferStore.SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        string[] all = [.. tags.Span, LocalOutputCache.EverythingTag];
        return inner is IOutputCacheBufferStore buffered
            ? buffered.SetAsync(key, value, all, validFor, cancellationToken)
            : inner.SetAsync(key, value.ToArray(), all, validFor, cancellationToken);
    }

    private static string[] WithEverything(string[]? tags) => tags is null ? [LocalOutputCache.EverythingTag] : [.. tags, LocalOutputCache.EverythingTag];
}

/// <summary>Keeps a connection of its own LISTENing on <see cref="SharedEvictionCacheStore.Channel"/> and evicts each
/// notified tag from this instance's cache. A lost connection is opened again, waiting 1, 2, 4 … up to 30 seconds
/// between attempts; once listening again it evicts every cached page, since notifications sent meanwhile are lost.</summary>
public sealed class CacheEvictionListener(IConfiguration configuration, LocalOutputCache local, ILogger<CacheEvictionListener> logger) : BackgroundService
{
    public const string ApplicationName = "Planwerk cache listener";

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the listener first listens (the tests wait for it).</summary>
    public Task Listening => listening.Task;

    /// <summary>How often the listener has (re)connected and evicted everything after the first time.</summary>
    public int Reconnects { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = JobLocks.Dedicated(configuration.GetConnectionString("Planwerk")!, ApplicationName);
        var backoff = TimeSpan.FromSeconds(1);
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var tags = new ConcurrentQueue<string>();
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, e) => tags.Enqueue(e.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand("LISTEN " + SharedEvictionCacheStore.Channel, connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                if (!first)
                {
                    await local.EvictEverythingAsync(stoppingToken);
                    Reconnects++;
                    logger.LogInformation("Listening for cache evictions again; every cached page was evicted");
                }
                first = false;
                backoff = TimeSpan.FromSeconds(1);
                listening.TrySetResult();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                    while (tags.TryDequeue(out var tag)) await local.Store.EvictByTagAsync(tag, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning(e, "Listening for cache evictions failed; trying again in {Seconds} s", backoff.TotalSeconds);
            }
            try
            {
                await Task.Delay(backoff, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
        }
    }
}
