using Microsoft.AspNetCore.Hosting;
using Planwerk.Data;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Demo;

/// <summary>The application started in demo mode on its own empty database, as the README's run
/// command starts it (environment Development, Demo:Enabled = true).</summary>
public abstract class DemoApp(DatabaseProvider provider, string environment) : PlanwerkApp(provider)
{
    public string EnvironmentName { get; } = environment;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Demo:Enabled", "true")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(EnvironmentName);
    }
}

public sealed class DemoSqliteApp() : DemoApp(DatabaseProvider.Sqlite, "Development");

public sealed class DemoPostgresApp() : DemoApp(DatabaseProvider.Postgres, "Development");

/// <summary>A production installation that was (wrongly) configured with Demo:Enabled = true.</summary>
public sealed class ProductionDemoSqliteApp() : DemoApp(DatabaseProvider.Sqlite, "Production");

public sealed class ProductionDemoPostgresApp() : DemoApp(DatabaseProvider.Postgres, "Production");

/// <summary>A staging installation configured with Demo:Enabled = true: only Development gets the demo.</summary>
public sealed class StagingDemoSqliteApp() : DemoApp(DatabaseProvider.Sqlite, "Staging");

public sealed class StagingDemoPostgresApp() : DemoApp(DatabaseProvider.Postgres, "Staging");
