using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Planwerk.Data;
using Planwerk.Features.Implementation;
using Planwerk.Features.Municipalities;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Data;

/// <summary>The migration that turns the free-text responsible office and partner organisations of measures into
/// organisations of the registry, run on a database that holds the old data: the same name (ignoring blanks around
/// it and the case of A–Z) is one organisation, the registry's own entries are reused, and nothing is lost.</summary>
public abstract class MeasureOrganisationsMigrationTests
{
    protected abstract Task<PlanwerkDbContext> CreateDatabaseAsync();

    private sealed record OldMeasure(string Number, string Office, string Partners);

    [Fact]
    public async Task Free_text_offices_and_partners_become_linked_organisations_of_the_same_municipality()
    {
        await using var db = await CreateDatabaseAsync();
        var migrations = db.Database.GetMigrations().ToList();
        var ours = migrations.FindIndex(m => m.EndsWith("_MeasureOrganisations", StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[ours - 1]);

        var a = await AddMunicipalityAsync(db, "a", "Jobcenter Dresden");
        var b = await AddMunicipalityAsync(db, "b", null);
        await AddMeasuresAsync(db, a,
            new("1.1", "Sozialamt", "Jobcenter Dresden, Träger A; Träger B\nÄmter-Verbund"),
            new("1.2", "  sozialamt ", "jobcenter dresden,  Sozialamt , ,Träger A"),
            new("1.3", "Amt für Übersetzung", HostileText.Script),
            new("1.4", "", ""),
            new("1.5", "amt für Übersetzung", "  "),
            new("1.6", HostileText.RightToLeft, "Träger B"));
        await AddMeasuresAsync(db, b, new OldMeasure("1.1", "Sozialamt", ""));

        await migrator.MigrateAsync();
        db.ChangeTracker.Clear();

        db.CurrentMunicipalityId = a.MunicipalityId;
        var registry = await db.Stakeholders.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Kind);
        Assert.Equal(new Dictionary<string, StakeholderKind>
        {
            ["Jobcenter Dresden"] = StakeholderKind.FreeWelfareProvider, // the registry's own, kept as it was
            ["Sozialamt"] = StakeholderKind.PublicAuthority,
            ["Amt für Übersetzung"] = StakeholderKind.PublicAuthority,
            [HostileText.RightToLeft] = StakeholderKind.PublicAuthority,
            ["Träger A"] = StakeholderKind.Other,
            ["Träger B"] = StakeholderKind.Other,
            ["Ämter-Verbund"] = StakeholderKind.Other,
            [HostileText.Script] = StakeholderKind.Other,
        }, registry);
        var links = await db.MeasureOrganisations.AsNoTracking()
            .Select(o => new { o.Measure!.Number, o.Role, o.Position, o.Organisation!.Name }).ToListAsync();
        (string? Lead, string[] Partners) Of(string number) => (
            links.Where(l => l.Number == number && l.Role == MeasureOrganisationRole.Lead).Select(l => l.Name).SingleOrDefault(),
            links.Where(l => l.Number == number && l.Role == MeasureOrganisationRole.Partner).OrderBy(l => l.Position).Select(l => l.Name).ToArray());
        Assert.Equal("Sozialamt", Of("1.1").Lead);
        Assert.Equal(["Jobcenter Dresden", "Träger A", "Träger B", "Ämter-Verbund"], Of("1.1").Partners);
        Assert.Equal("Sozialamt", Of("1.2").Lead);
        Assert.Equal(["Jobcenter Dresden", "Träger A"], Of("1.2").Partners); // the lead once, as the lead
        Assert.Equal("Amt für Übersetzung", Of("1.3").Lead);
        Assert.Equal([HostileText.Script], Of("1.3").Partners);
        Assert.Null(Of("1.4").Lead);
        Assert.Empty(Of("1.4").Partners);
        Assert.Equal("Amt für Übersetzung", Of("1.5").Lead);
        Assert.Empty(Of("1.5").Partners);
        Assert.Equal(HostileText.RightToLeft, Of("1.6").Lead);
        Assert.Equal(["Träger B"], Of("1.6").Partners);
        Assert.Equal(Enumerable.Range(1, 4), links.Where(l => l.Number == "1.1" && l.Role == MeasureOrganisationRole.Partner).Select(l => l.Position).Order());

        // The other municipality's office is an organisation of its own registry.
        db.CurrentMunicipalityId = b.MunicipalityId;
        var other = await db.MeasureOrganisations.AsNoTracking().Select(o => new { o.Role, o.Organisation!.Name, o.OrganisationId }).SingleAsync();
        Assert.Equal((MeasureOrganisationRole.Lead, "Sozialamt"), (other.Role, other.Name));
        Assert.Equal(1, await db.Stakeholders.CountAsync());
    }

    private sealed record Place(int MunicipalityId, int PlanId, int FieldId);

    private static async Task<Place> AddMunicipalityAsync(PlanwerkDbContext db, string slug, string? organisation)
    {
        db.CurrentMunicipalityId = null;
        var municipality = await OldSchema.AddMunicipalityAsync(db, "migration-" + slug, "Migrationsstadt " + slug);
        db.CurrentMunicipalityId = municipality.Id;
        // Plan and field in SQL as well: the model has columns the old schema did not have yet.
        var updated = DateTimeOffset.UtcNow;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Plans" ("MunicipalityId", "Title", "State", "Summary", "IsPublic", "IsExample", "Version", "UpdatedAt", "LastMeasureKey", "LastImageNumber",
                "PrincipleSingular", "PrinciplePlural", "PrincipleSingularEn", "PrinciplePluralEn", "FieldSingular", "FieldPlural", "FieldSingularEn", "FieldPluralEn",
                "MeasureSingular", "MeasurePlural", "MeasureSingularEn", "MeasurePluralEn")
            VALUES ({municipality.Id}, 'Alter Plan', 'Draft', '', {false}, {false}, 0, {updated}, 0, 0,
                'Leitlinie', 'Leitlinien', 'Principle', 'Principles', 'Handlungsfeld', 'Handlungsfelder', 'Field of action', 'Fields of action',
                'Maßnahme', 'Maßnahmen', 'Measure', 'Measures')
            """);
        var planId = await db.Database.SqlQuery<int>($"""SELECT MAX("Id") AS "Value" FROM "Plans" """).SingleAsync();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "FieldsOfAction" ("MunicipalityId", "PlanId", "Position", "Number", "Title", "Description", "Version")
            VALUES ({municipality.Id}, {planId}, 0, 1, 'Feld', '', 0)
            """);
        var fieldId = await db.Database.SqlQuery<int>($"""SELECT MAX("Id") AS "Value" FROM "FieldsOfAction" """).SingleAsync();
        if (organisation is not null) await OldSchema.AddStakeholderAsync(db, municipality.Id, organisation, StakeholderKind.FreeWelfareProvider);
        return new Place(municipality.Id, planId, fieldId);
    }

    /// <summary>Measures as the old schema held them, written in SQL: the model no longer has their free-text columns.</summary>
    private static async Task AddMeasuresAsync(PlanwerkDbContext db, Place place, params OldMeasure[] measures)
    {
        var position = 0;
        foreach (var m in measures)
        {
            position++;
            var updated = DateTimeOffset.UtcNow;
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Measures" ("MunicipalityId", "PlanId", "Key", "FieldOfActionId", "Position", "Number", "Title", "Goal", "Description",
                    "TargetGroups", "ResponsibleOffice", "PartnerOrganisations", "Funding", "Priority", "Status", "Progress", "IsExample", "Version", "UpdatedAt", "SearchText")
                VALUES ({place.MunicipalityId}, {place.PlanId}, {position}, {place.FieldId}, {position}, {m.Number}, {"Maßnahme " + m.Number}, '', '',
                    '', {m.Office}, {m.Partners}, '', 'Medium', 'NotStarted', 0, {false}, 0, {updated}, '')
                """);
        }
    }
}

public sealed class MeasureOrganisationsMigrationSqliteTests : MeasureOrganisationsMigrationTests, IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), "planwerk-migration-" + Guid.NewGuid().ToString("N")[..8] + ".db");

    protected override Task<PlanwerkDbContext> CreateDatabaseAsync() =>
        Task.FromResult<PlanwerkDbContext>(new SqlitePlanwerkDbContext(new DbContextOptionsBuilder<SqlitePlanwerkDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options));

    public void Dispose() => File.Delete(file);
}

public sealed class MeasureOrganisationsMigrationPostgresTests : MeasureOrganisationsMigrationTests
{
    protected override async Task<PlanwerkDbContext> CreateDatabaseAsync() =>
        new PostgresPlanwerkDbContext(new DbContextOptionsBuilder<PostgresPlanwerkDbContext>().UseNpgsql(await PostgresServer.CreateDatabaseAsync()).Options);
}
