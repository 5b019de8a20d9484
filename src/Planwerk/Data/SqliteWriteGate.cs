using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Planwerk.Data;

/// <summary>SQLite takes one writer at a time per database file. A second writer that meets the lock is retried by
/// Microsoft.Data.Sqlite, which puts its thread to sleep between tries until the command timeout: a hundred statements
/// sent at once held a hundred pool threads asleep on a two-core machine, and each writer woke up to 150 ms after the lock
/// was free. So on SQLite every write transaction first awaits this gate, one per database file, without holding a
/// thread, and the gate opens for the next writer the moment the transaction ends. Write transactions are those begun
/// by EF Core (a save's own and <c>BeginTransactionAsync</c>); every save on SQLite runs in one
/// (<see cref="SqlitePlanwerkDbContext"/>). Raw writes outside a transaction (<c>ExecuteSqlRaw</c>, <c>ExecuteUpdate</c>)
/// and other processes pass by the gate and fall back on SQLite's own waiting. PostgreSQL locks rows, not the database,
/// and has no gate.</summary>
public sealed class SqliteWriteGate : DbTransactionInterceptor, IDbConnectionInterceptor
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The gate a connection has passed while its transaction begins. Once begun, the transaction takes it over
    /// (<see cref="GatedTransaction"/>) and opens it when it ends; a begin that fails leaves it here, and it is opened when
    /// EF Core reports the failure, when the connection closes or is disposed, or taken over by the connection's next begin.</summary>
    private static readonly ConditionalWeakTable<DbConnection, Lease> Passing = [];

    /// <summary>How long a writer waits for the gate: as long as SQLite itself would have retried a busy database (the
    /// connection's <c>Default Timeout</c>, 30 s unless set). A writer still waiting then fails with a clear error, as it
    /// would have without the gate, instead of waiting for ever (a transaction left open, or code that writes through a
    /// second context while its first holds a transaction, would otherwise hang every writer after it).</summary>
    private static TimeSpan Patience(DbConnection connection) =>
        TimeSpan.FromSeconds(connection is SqliteConnection { DefaultTimeout: > 0 } sqlite ? sqlite.DefaultTimeout : 30);

    private static TimeoutException Stuck(DbConnection connection) =>
        new($"The SQLite database stayed busy with another write for {Patience(connection).TotalSeconds:0} s; nothing was written.");

    /// <summary>The gate of the file the connection opens (its full path; in-memory databases by their connection string).</summary>
    public static SemaphoreSlim For(DbConnection connection)
    {
        var dataSource = new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource;
        var key = dataSource.Length == 0 || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal)
            ? connection.ConnectionString
            : Path.GetFullPath(dataSource);
        return Gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (Passing.TryGetValue(connection, out _)) return result;
        var gate = For(connection);
        if (!await gate.WaitAsync(Patience(connection), cancellationToken)) throw Stuck(connection);
        Passing.AddOrUpdate(connection, new Lease(gate));
        return result;
    }

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (Passing.TryGetValue(connection, out _)) return result;
        var gate = For(connection);
        if (!gate.Wait(Patience(connection))) throw Stuck(connection);
        Passing.AddOrUpdate(connection, new Lease(gate));
        return result;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Failed(eventData);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData);
        return Task.CompletedTask;
    }

    /// <summary>A transaction that failed to commit or roll back has already taken its lease over and opens it when it is
    /// let go; only a begin that failed left one here.</summary>
    private static void Failed(TransactionErrorEventData eventData)
    {
        if (eventData.Context is { } context) Open(context.Database.GetDbConnection());
    }

    InterceptionResult IDbConnectionInterceptor.ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Open(connection);
        return result;
    }

    ValueTask<InterceptionResult> IDbConnectionInterceptor.ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Open(connection);
        return ValueTask.FromResult(result);
    }

    InterceptionResult IDbConnectionInterceptor.ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Open(connection);
        return result;
    }

    ValueTask<InterceptionResult> IDbConnectionInterceptor.ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Open(connection);
        return ValueTask.FromResult(result);
    }

    /// <summary>The lease of a transaction that has begun on the connection, taken over by that transaction.</summary>
    internal static Lease? TakeOver(DbConnection connection)
    {
        if (!Passing.TryGetValue(connection, out var lease)) return null;
        Passing.Remove(connection);
        return lease;
    }

    /// <summary>Opens a gate the connection passed for a transaction that did not begin.</summary>
    private static void Open(DbConnection connection) => TakeOver(connection)?.Release();
}

/// <summary>One pass through a gate; opened once, however often it is told to.</summary>
public sealed class Lease(SemaphoreSlim gate)
{
    private int released;

    public void Release()
    {
        if (Interlocked.Exchange(ref released, 1) == 0) gate.Release();
    }
}

/// <summary>EF Core's transaction on SQLite, opening the write gate when the transaction ends: EF Core clears a
/// transaction after its commit, after its rollback, and when it is disposed (by its owner or with its context), so
/// the gate opens in each case, once.</summary>
public sealed class GatedTransaction(IRelationalConnection connection, DbTransaction transaction, Guid transactionId,
    IDiagnosticsLogger<DbLoggerCategory.Database.Transaction> logger, bool transactionOwned, ISqlGenerationHelper sqlGenerationHelper)
    : RelationalTransaction(connection, transaction, transactionId, logger, transactionOwned, sqlGenerationHelper)
{
    /// <summary>Null for a transaction EF Core did not begin (<c>UseTransaction</c>), which passed no gate.</summary>
    private readonly Lease? lease = transactionOwned ? SqliteWriteGate.TakeOver(connection.DbConnection) : null;

    protected override void ClearTransaction()
    {
        try
        {
            base.ClearTransaction();
        }
        finally
        {
            lease?.Release();
        }
    }

    protected override async Task ClearTransactionAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await base.ClearTransactionAsync(cancellationToken);
        }
        finally
        {
            lease?.Release();
        }
    }
}

public sealed class GatedTransactionFactory(RelationalTransactionFactoryDependencies dependencies) : RelationalTransactionFactory(dependencies)
{
    public override RelationalTransaction Create(IRelationalConnection connection, DbTransaction transaction, Guid transactionId,
        IDiagnosticsLogger<DbLoggerCategory.Database.Transaction> logger, bool transactionOwned) =>
        new GatedTransaction(connection, transaction, transactionId, logger, transactionOwned, Dependencies.SqlGenerationHelper);
}
