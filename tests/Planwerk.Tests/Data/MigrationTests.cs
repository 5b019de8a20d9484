using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Planwerk.Data;

namespace Planwerk.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_model_has_no_changes_without_a_migration()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed but no SQLite migration was added: dotnet ef migrations add <Name> --project src/Planwerk --context SqlitePlanwerkDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void Postgres_model_has_no_changes_without_a_migration()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed but no PostgreSQL migration was added: dotnet ef migrations add <Name> --project src/Planwerk --context PostgresPlanwerkDbContext --output-dir Data/Migrations/Postgres");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);
        Assert.Equal(Names(sqlite), Names(postgres));
        Assert.NotEmpty(Names(sqlite));
    }
}
