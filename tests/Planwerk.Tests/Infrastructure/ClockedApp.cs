using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Planwerk.Data;

namespace Planwerk.Tests.Infrastructure;

/// <summary>The application with a clock the test sets: for deadlines, reminders and anything else that
/// depends on the moment. One per test class, like every <see cref="PlanwerkApp"/>; the tests of a class
/// run one after another, so moving the clock affects only the running test.</summary>
public abstract class ClockedApp(DatabaseProvider provider) : PlanwerkApp(provider)
{
    /// <summary>Starts at the real time; tests move it with <c>SetUtcNow</c> or <c>Advance</c>.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}

public sealed class SqliteClockedApp() : ClockedApp(DatabaseProvider.Sqlite);

public sealed class PostgresClockedApp() : ClockedApp(DatabaseProvider.Postgres);
