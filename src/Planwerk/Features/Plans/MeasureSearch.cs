using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Planwerk.Features.Plans;

/// <summary>The public search over a plan's measures: a substring match, ignoring case, over number,
/// title, goal, description, target groups, responsible office and partner organisations.
/// <para>Case is folded by Unicode rules on both databases, so "sprache" finds "Sprache" and
/// "übersetzung" finds "ÜBERSETZUNG". Accents are not removed ("Arzte" does not find "Ärzte").
/// Neither database does that by default: SQLite's <c>lower()</c> folds only A–Z, and PostgreSQL's
/// follows the database's locale (ASCII only under the C locale). So on SQLite
/// <see cref="SqliteUnicodeLower"/> replaces <c>lower()</c> with .NET's invariant lower-casing, and on
/// PostgreSQL the text is lower-cased under the ICU root collation (<c>und-x-icu</c>), whatever the
/// database's own locale. The term itself is lower-cased the same way in .NET.</para></summary>
public static class MeasureSearch
{
    public const int MaxTermLength = 200;
    private const string IcuRoot = "und-x-icu";

    public static IQueryable<Measure> Matching(this IQueryable<Measure> measures, DbContext db, string term)
    {
        var t = term.Trim().ToLowerInvariant();
        // These ToLower calls are never run in .NET: EF Core translates them to SQL lower(), made
        // Unicode-aware as described above, so the culture and comparison analyzers do not apply.
#pragma warning disable CA1304, CA1311, CA1862
        if (db.Database.IsNpgsql())
        {
            return measures.Where(m =>
                EF.Functions.Collate(m.Number, IcuRoot).ToLower().Contains(t)
                || EF.Functions.Collate(m.Title, IcuRoot).ToLower().Contains(t)
                || EF.Functions.Collate(m.Goal, IcuRoot).ToLower().Contains(t)
                || EF.Functions.Collate(m.Description, IcuRoot).ToLower().Contains(t)
                || EF.Functions.Collate(m.TargetGroups, IcuRoot).ToLower().Contains(t)
                || EF.Functions.Collate(m.ResponsibleOffice, IcuRoot).ToLower().Contains(t)
                || EF.Functions.Collate(m.PartnerOrganisations, IcuRoot).ToLower().Contains(t));
        }
        return measures.Where(m =>
            m.Number.ToLower().Contains(t)
            || m.Title.ToLower().Contains(t)
            || m.Goal.ToLower().Contains(t)
            || m.Description.ToLower().Contains(t)
            || m.TargetGroups.ToLower().Contains(t)
            || m.ResponsibleOffice.ToLower().Contains(t)
            || m.PartnerOrganisations.ToLower().Contains(t));
#pragma warning restore CA1304, CA1311, CA1862
    }
}

/// <summary>Gives every SQLite connection a <c>lower()</c> that folds all of Unicode (Ä to ä, not only
/// A to Z), the way PostgreSQL does under a real locale. Registered as an EF Core interceptor.</summary>
public sealed class SqliteUnicodeLower : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
            sqlite.CreateFunction("lower", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
    }
}
