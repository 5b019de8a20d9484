using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ImportBench;

/// <summary>Where an import's time goes, seen from the database side: every SQL command (counted and timed by its
/// kind: the verb and the table), every save of the change tracker (EF's own part of a save: detecting changes and
/// sending the commands) and the transaction's begin and commit. Registered as interceptors, so the import runs
/// exactly as the upload page runs it.</summary>
public sealed class Breakdown : IDbCommandInterceptor, ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly Dictionary<string, (int Count, TimeSpan Time)> commands = [];
    private readonly Stopwatch save = new();
    private int saves;
    private long transactionStarted, commitStarted;
    public TimeSpan Transaction { get; private set; }
    public TimeSpan Commit { get; private set; }
    public bool Enabled { get; set; }

    public void Reset()
    {
        commands.Clear();
        save.Reset();
        saves = 0;
        Transaction = Commit = TimeSpan.Zero;
    }

    public int Commands => commands.Values.Sum(c => c.Count);
    public TimeSpan CommandTime => commands.Values.Aggregate(TimeSpan.Zero, (a, c) => a + c.Time);
    public TimeSpan SaveTime => save.Elapsed;
    public int Saves => saves;
    public IEnumerable<(string Kind, int Count, TimeSpan Time)> ByKind => commands.Select(c => (c.Key, c.Value.Count, c.Value.Time)).OrderByDescending(c => c.Time);

    private void Count(DbCommand command, TimeSpan duration)
    {
        if (!Enabled) return;
        var kind = Kind(command.CommandText);
        var (count, time) = commands.GetValueOrDefault(kind);
        commands[kind] = (count + 1, time + duration);
    }

    /// <summary>"INSERT Measures", "SELECT", …: the first statement's verb and, for writes, its table.</summary>
    private static string Kind(string sql)
    {
        var text = sql.TrimStart();
        var words = text.Split([' ', '\n', '\r', '\t', '(', ';'], 6, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return "?";
        var verb = words[0].ToUpperInvariant();
        var table = verb switch
        {
            "INSERT" or "DELETE" when words.Length > 2 => words[2],
            "UPDATE" when words.Length > 1 => words[1],
            _ => "",
        };
        var statements = text.Count(c => c == ';');
        return (verb + " " + table.Trim('"')).Trim() + (statements > 1 ? " (batched)" : "");
    }

    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) { Count(command, eventData.Duration); return result; }
    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) { Count(command, eventData.Duration); return ValueTask.FromResult(result); }
    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) { Count(command, eventData.Duration); return result; }
    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) { Count(command, eventData.Duration); return ValueTask.FromResult(result); }
    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) { Count(command, eventData.Duration); return result; }
    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) { Count(command, eventData.Duration); return ValueTask.FromResult(result); }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Enabled) { save.Start(); saves++; }
        return ValueTask.FromResult(result);
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        save.Stop();
        return ValueTask.FromResult(result);
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        save.Stop();
        return Task.CompletedTask;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        if (Enabled) transactionStarted = Stopwatch.GetTimestamp();
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Enabled) commitStarted = Stopwatch.GetTimestamp();
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Enabled)
        {
            Commit = Stopwatch.GetElapsedTime(commitStarted);
            Transaction = Stopwatch.GetElapsedTime(transactionStarted);
        }
        return Task.CompletedTask;
    }
}
