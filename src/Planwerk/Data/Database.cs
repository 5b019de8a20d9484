using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Planwerk.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Interceptors registered in the container (IInterceptor) are attached to every context.
/// Chooses the database from configuration: <c>Database:Provider</c> (Sqlite or Postgres)
/// and the connection string <c>ConnectionStrings:Planwerk</c>.</summary>
public static class Database
{
    public const string DefaultSqliteConnection = "Data Source=data/planwerk.db";

    public static DatabaseProvider Provider(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{value}'.");
    }

    public static IServiceCollection AddPlanwerkDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var connectionString = configuration.GetConnectionString("Planwerk");
        switch (Provider(configuration))
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                    throw new InvalidOperationException("Database:Provider is Postgres, so ConnectionStrings:Planwerk must be set.");
                services.AddDbContext<PlanwerkDbContext, PostgresPlanwerkDbContext>((sp, o) => o.UsePostgres(connectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
                break;
            default:
                var sqlite = SqliteConnectionWithDataFolder(connectionString ?? DefaultSqliteConnection, contentRoot);
                services.AddDbContext<PlanwerkDbContext, SqlitePlanwerkDbContext>((sp, o) => o.UseSqliteProvider(sqlite).AddInterceptors(sp.GetServices<IInterceptor>()));
                break;
        }
        return services;
    }

    internal static DbContextOptionsBuilder UsePostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__EFMigrationsHistory"));

    /// <summary>SQLite with its write gate (<see cref="SqliteWriteGate"/>): write transactions wait for each other
    /// asynchronously instead of in SQLite's sleeping retries.</summary>
    internal static DbContextOptionsBuilder UseSqliteProvider(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString)
            .ReplaceService<Microsoft.EntityFrameworkCore.Storage.IRelationalTransactionFactory, GatedTransactionFactory>()
            .AddInterceptors(WriteGate);

    private static readonly SqliteWriteGate WriteGate = new();

    /// <summary>Relative SQLite paths are taken from the content root, and their folder is created,
    /// so the first start works on a fresh checkout.</summary>
    internal static string SqliteConnectionWithDataFolder(string connectionString, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource != ":memory:" && builder.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            var path = Path.IsPathRooted(builder.DataSource) ? builder.DataSource : Path.Combine(contentRoot, builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        return builder.ToString();
    }
}

/// <summary>Lets the migration tools build each provider's context without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePlanwerkDbContext>
{
    public SqlitePlanwerkDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePlanwerkDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPlanwerkDbContext>
{
    public PostgresPlanwerkDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPlanwerkDbContext>().UseNpgsql("Host=localhost;Database=planwerk_design").Options);
}
