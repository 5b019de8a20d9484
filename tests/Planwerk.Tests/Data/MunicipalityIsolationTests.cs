using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Features.Municipalities;
using Planwerk.Features.Plans.History;
using Planwerk.Infrastructure;

namespace Planwerk.Tests.Data;

/// <summary>Municipalities stay apart by construction: every entity type of the model is filtered by the
/// current municipality or declared global on purpose, and every read past the filters is one of the
/// documented ones (docs/decisions/0003-tenancy-by-query-filter.md).</summary>
public sealed partial class MunicipalityIsolationTests
{
    private const string Decision = "docs/decisions/0003-tenancy-by-query-filter.md";

    /// <summary>The entity types without a municipality filter, each for its reason (the same list is in the decision record).</summary>
    private static readonly Dictionary<string, string> GlobalTypes = new()
    {
        [typeof(Municipality).Name] = "the tenant itself: the slug in the route is looked up here",
        [typeof(PlanwerkUser).Name] = "a person may belong to several municipalities (Identity)",
        [typeof(UserSession).Name] = "a sign-in belongs to a person's account, which spans municipalities",
        [typeof(SignInFailure).Name] = "failed sign-ins are counted per account and client address, which span municipalities",
        ["DataProtectionKey"] = "the installation's keys for cookies and form tokens, shared by every instance",
        [typeof(IdentityRole).Name] = "Identity",
        [typeof(IdentityRoleClaim<string>).Name] = "Identity",
        [typeof(IdentityUserClaim<string>).Name] = "Identity",
        [typeof(IdentityUserLogin<string>).Name] = "Identity",
        [typeof(IdentityUserRole<string>).Name] = "Identity",
        [typeof(IdentityUserToken<string>).Name] = "Identity",
        ["MeasurePrinciples"] = "join table, reached only through a filtered measure and filtered principles",
        ["MeasureDistricts"] = "join table, reached only through a filtered measure and filtered districts",
        ["HelpServiceTopics"] = "join table, reached only through a filtered service and filtered topics",
    };

    /// <summary>Where feature code reads past the municipality filter, and how often (paths under src/Planwerk).</summary>
    private static readonly Dictionary<string, int> FilterExceptions = new()
    {
        ["Features/Accounts/UserMemberships.cs"] = 1,
        ["Features/Accounts/SignInTarget.cs"] = 1,
        ["Features/Participation/Consultations/RoundPageCache.cs"] = 1,
        ["Features/Participation/Consultations/ConsultationReminders.cs"] = 5,
        ["Features/Implementation/Reports/ReportReminders.cs"] = 6,
        ["Features/Plans/MeasureSearch.cs"] = 2,
        ["Features/Services/Directory/ServiceSearch.cs"] = 3,
        ["Features/Council/OParlImport/OParlSyncService.cs"] = 1,
        ["Features/Plans/Versions/VersionParts.cs"] = 3,
    };

    public static TheoryData<string> Providers => new() { "Sqlite", "Postgres" };

    private static PlanwerkDbContext Context(string provider) => provider == "Sqlite"
        ? new SqliteDesignTimeFactory().CreateDbContext([])
        : new PostgresDesignTimeFactory().CreateDbContext([]);

    private static string Key(IEntityType type) => type.HasSharedClrType ? type.Name : type.ClrType.Name;

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_entity_type_is_filtered_by_municipality_or_declared_global(string provider)
    {
        using var db = Context(provider);
        var types = db.Model.GetEntityTypes().ToList();
        Assert.Contains(types, t => t.ClrType == typeof(ChangeRecordField));

        var neither = types.Where(t => t.GetDeclaredQueryFilters().Count == 0 && !GlobalTypes.ContainsKey(Key(t))).Select(Key).ToList();
        Assert.True(neither.Count == 0,
            "Entity types without a municipality filter: make them IMunicipalityOwned, or declare them global in " + Decision
            + " and in this test:\n" + string.Join("\n", neither));
        var filteredGlobals = types.Where(t => GlobalTypes.ContainsKey(Key(t)) && t.GetDeclaredQueryFilters().Count > 0).Select(Key).ToList();
        Assert.Empty(filteredGlobals);
        Assert.All(GlobalTypes.Keys, name => Assert.Contains(types, t => Key(t) == name));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_municipality_owned_type_is_filtered_by_the_current_municipality(string provider)
    {
        using var db = Context(provider);
        var owned = db.Model.GetEntityTypes().Where(t => typeof(IMunicipalityOwned).IsAssignableFrom(t.ClrType)).ToList();
        Assert.True(owned.Count > 30);
        Assert.All(owned, t =>
        {
            var filter = Assert.Single(t.GetDeclaredQueryFilters()).Expression!.ToString();
            Assert.Contains(nameof(IMunicipalityOwned.MunicipalityId), filter, StringComparison.Ordinal);
            Assert.Contains(nameof(PlanwerkDbContext.CurrentMunicipalityId), filter, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Reads_past_the_municipality_filter_are_only_the_documented_ones()
    {
        var root = RepositoryRoot();
        var source = Path.Combine(root, "src", "Planwerk");
        var found = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path: Path.GetRelativePath(source, f).Replace('\\', '/'), Count: IgnoreQueryFilters().Count(File.ReadAllText(f))))
            .Where(f => f.Count > 0)
            .ToDictionary(f => f.Path, f => f.Count);

        Assert.True(found.Count > 0 && found.OrderBy(f => f.Key).SequenceEqual(FilterExceptions.OrderBy(f => f.Key)),
            "IgnoreQueryFilters() outside the documented exceptions. Each read past the municipality filter is listed with its reason in "
            + Decision + " and counted in this test. Found:\n" + string.Join("\n", found.Select(f => $"{f.Key}: {f.Value}")));
        var decision = File.ReadAllText(Path.Combine(root, Decision));
        Assert.All(FilterExceptions.Keys, path => Assert.Contains(path, decision, StringComparison.Ordinal));
        Assert.All(GlobalTypes.Keys, name => Assert.Contains(name.Split('`')[0], decision, StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Planwerk.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Planwerk.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\.IgnoreQueryFilters\s*\(")]
    private static partial Regex IgnoreQueryFilters();
}
