using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Planwerk.Tests.Features.Plans.Versions;

/// <summary>The text of every SQL command a host sends, to show what a request reads (not only how often).</summary>
public sealed class CommandLog : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> commands = new();

    public IReadOnlyList<string> Commands => commands.ToArray();

    public void Clear() => commands.Clear();

    /// <summary>A command that reads a named version's whole frozen document.</summary>
    public static bool ReadsVersionDocument(string command) =>
        command.Contains("\"PlanVersions\"", StringComparison.Ordinal) && command.Contains("\"Document\"", StringComparison.Ordinal);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        commands.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }
}
