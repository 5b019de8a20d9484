using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Planwerk.Data;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Data;

/// <summary>The first start on an empty database, as a newcomer sees it: the migrations run without a
/// warning (e.g. none about a table rebuilt with PRAGMA foreign_keys outside the migration's transaction).</summary>
public abstract class FirstStartApp(DatabaseProvider provider) : PlanwerkApp(provider)
{
    public ConcurrentQueue<string> Warnings { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddLogging(l => l.AddProvider(new WarningCollector(Warnings))));
    }

    private sealed class WarningCollector(ConcurrentQueue<string> warnings) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(categoryName, warnings);

        public void Dispose()
        {
        }

        private sealed class Collector(string category, ConcurrentQueue<string> warnings) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel) && category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal))
                    warnings.Enqueue($"{category}[{eventId.Id}]: {formatter(state, exception)}");
            }
        }
    }
}

public sealed class SqliteFirstStartApp() : FirstStartApp(DatabaseProvider.Sqlite);

public abstract class FirstStartTests(FirstStartApp app)
{
    [Fact]
    public void Migrating_an_empty_database_logs_no_warning()
    {
        Assert.True(app.Warnings.IsEmpty, "Warnings on the first start:\n" + string.Join("\n", app.Warnings));
    }
}

// SQLite only: it is the database of the README's first start. (On an empty PostgreSQL database EF Core
// logs its probe for the migrations history table as a failed command before creating it.)
public sealed class FirstStartSqliteTests(SqliteFirstStartApp app) : FirstStartTests(app), IClassFixture<SqliteFirstStartApp>;

