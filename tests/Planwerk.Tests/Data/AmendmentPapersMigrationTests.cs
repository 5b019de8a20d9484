using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Planwerk.Data;
using Planwerk.Features.Council;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Data;

/// <summary>The migration that makes amendments papers of their own, run on a database that holds amendments of the
/// former table: each becomes a paper naming the paper it amends, with a reference unique in its municipality, its
/// proposer as the body of that name (or kept in its text), its result as a consultation of its own (or kept in its
/// text where the municipality has no body), and its plan changes still linked. Nothing is lost.</summary>
public abstract class AmendmentPapersMigrationTests
{
    protected abstract Task<PlanwerkDbContext> CreateDatabaseAsync();

    [Fact]
    public async Task Former_amendments_become_papers_with_their_proposers_results_and_plan_changes()
    {
        await using var db = await CreateDatabaseAsync();
        var migrations = db.Database.GetMigrations().ToList();
        var ours = migrations.FindIndex(m => m.EndsWith("_AmendmentsAsPapers", StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[ours - 1]);

        var a = (await OldSchema.AddMunicipalityAsync(db, "amend-a", "Änderungsstadt A")).Id;
        var b = (await OldSchema.AddMunicipalityAsync(db, "amend-b", "Änderungsstadt B")).Id;
        var council = await BodyAsync(db, a, "Stadtrat");
        var advisory = await BodyAsync(db, a, "Ausländerbeirat");
        var paper = await PaperAsync(db, a, "V1/19");
        var decision = await ConsultationAsync(db, a, paper, council);
        var other = await PaperAsync(db, b, "V9/19");
        var first = await AmendmentAsync(db, a, paper, "ÄA 1", "Erster Antrag", "Text **eins**", "Ausländerbeirat", "Adopted", decision);
        var second = await AmendmentAsync(db, a, paper, "ÄA 1", HostileText.Script + HostileText.RightToLeft, "", "Fraktion X", "Rejected", null);
        var third = await AmendmentAsync(db, a, paper, "", "Offen", "noch offen", "", null, null);
        var fifth = await AmendmentAsync(db, a, paper, "ÄA 2", "Zweiter", "", "", "Withdrawn", decision);
        var fourth = await AmendmentAsync(db, b, other, "ÄA 1", "Ohne Gremium", "Der Text.", "", "Withdrawn", null);
        await LinkAsync(db, a, first, 101);
        await LinkAsync(db, a, first, 102);
        await LinkAsync(db, b, fourth, 101);

        await migrator.MigrateAsync();
        db.ChangeTracker.Clear();

        db.CurrentMunicipalityId = a;
        var moved = await db.Papers.AsNoTracking().Where(p => p.AmendsPaperId == paper).OrderBy(p => p.Id)
            .Include(p => p.Consultations).Include(p => p.ChangeLinks).ToListAsync();
        Assert.Equal(4, moved.Count);
        // Two share the number "ÄA 1" and one has none: those are told apart by their former ids.
        Assert.Equal(["V1/19-ÄA#" + first, "V1/19-ÄA#" + second, "V1/19-ÄA#" + third, "V1/19-ÄA 2"], moved.Select(p => p.Reference));
        Assert.Equal(["Erster Antrag", HostileText.Script + HostileText.RightToLeft, "Offen", "Zweiter"], moved.Select(p => p.Name));
        Assert.All(moved, p => Assert.Equal(("Änderungsantrag", new DateOnly(2019, 4, 9), (int?)null), (p.PaperType, p.Date, p.PlanId)));

        // The proposer that names a body is that body; another is kept at the top of the text.
        Assert.Equal([advisory, null, null, null], moved.Select(p => p.OriginatorBodyId));
        Assert.Equal("Text **eins**", moved[0].ResolutionText);
        Assert.Equal("Antragsteller: Fraktion X\n\n", moved[1].ResolutionText);
        Assert.Equal("noch offen", moved[2].ResolutionText);

        // The result is the new paper's consultation: in the body it was decided in, or the amended paper's deciding body.
        var firstResult = Assert.Single(moved[0].Consultations);
        Assert.Equal((council, ConsultationRole.Decision, (ConsultationResult?)ConsultationResult.Approved), (firstResult.BodyId, firstResult.Role, firstResult.Result));
        var secondResult = Assert.Single(moved[1].Consultations);
        Assert.Equal((council, (ConsultationResult?)ConsultationResult.Rejected, (int?)null), (secondResult.BodyId, secondResult.Result, secondResult.MeetingId));
        Assert.Empty(moved[2].Consultations);
        Assert.Equal(ConsultationResult.Withdrawn, Assert.Single(moved[3].Consultations).Result);
        Assert.Equal(council, moved[3].Consultations[0].BodyId);

        // The plan changes point to the new paper.
        Assert.Equal([101L, 102L], moved[0].ChangeLinks.Select(l => l.ChangeRecordId).Order());
        Assert.Empty(moved[1].ChangeLinks);

        // The other municipality has no body: its amendment's result is kept in the text, and its link moved with it.
        db.CurrentMunicipalityId = b;
        var alone = await db.Papers.AsNoTracking().Include(p => p.Consultations).Include(p => p.ChangeLinks).SingleAsync(p => p.AmendsPaperId == other);
        Assert.Equal(("V9/19-ÄA 1", "Ergebnis: zurückgezogen\n\nDer Text."), (alone.Reference, alone.ResolutionText));
        Assert.Empty(alone.Consultations);
        Assert.Equal([101L], alone.ChangeLinks.Select(l => l.ChangeRecordId));
        Assert.Equal(2, await db.Papers.CountAsync());

        // A new link can be added and the old table is gone.
        db.AmendmentChangeLinks.Add(new AmendmentChangeLink { MunicipalityId = b, AmendmentId = alone.Id, ChangeRecordId = 103 });
        await db.SaveChangesAsync();
        Assert.Equal(2, await db.AmendmentChangeLinks.CountAsync());
    }

    private static async Task<int> LastIdAsync(PlanwerkDbContext db, string table) => table switch
    {
        "CouncilBodies" => await db.Database.SqlQuery<int>($"""SELECT MAX("Id") AS "Value" FROM "CouncilBodies" """).SingleAsync(),
        "Papers" => await db.Database.SqlQuery<int>($"""SELECT MAX("Id") AS "Value" FROM "Papers" """).SingleAsync(),
        "PaperConsultations" => await db.Database.SqlQuery<int>($"""SELECT MAX("Id") AS "Value" FROM "PaperConsultations" """).SingleAsync(),
        _ => await db.Database.SqlQuery<int>($"""SELECT MAX("Id") AS "Value" FROM "Amendments" """).SingleAsync(),
    };

    private static readonly DateTimeOffset Created = new(2019, 7, 1, 10, 0, 0, TimeSpan.Zero);

    private static async Task<int> BodyAsync(PlanwerkDbContext db, int municipality, string name)
    {
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "CouncilBodies" ("MunicipalityId", "Name", "ShortName", "Classification", "Website", "Version", "CreatedAt", "ModifiedAt")
            VALUES ({municipality}, {name}, '', 'Committee', '', 0, {Created}, {Created})
            """);
        return await LastIdAsync(db, "CouncilBodies");
    }

    private static async Task<int> PaperAsync(PlanwerkDbContext db, int municipality, string reference)
    {
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Papers" ("MunicipalityId", "Reference", "ReferenceIsExample", "Name", "PaperType", "Date", "ResolutionText", "Version", "CreatedAt", "ModifiedAt")
            VALUES ({municipality}, {reference}, {false}, 'Fachplan', 'Beschlussvorlage', {new DateOnly(2019, 4, 9)}, '', 0, {Created}, {Created})
            """);
        return await LastIdAsync(db, "Papers");
    }

    private static async Task<int> ConsultationAsync(PlanwerkDbContext db, int municipality, int paper, int body)
    {
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "PaperConsultations" ("MunicipalityId", "PaperId", "Position", "BodyId", "Role", "Version", "CreatedAt", "ModifiedAt")
            VALUES ({municipality}, {paper}, 1, {body}, 'Decision', 0, {Created}, {Created})
            """);
        return await LastIdAsync(db, "PaperConsultations");
    }

    private static async Task<int> AmendmentAsync(PlanwerkDbContext db, int municipality, int paper, string number, string title, string text, string proposer,
        string? result, int? consultation)
    {
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Amendments" ("MunicipalityId", "PaperId", "ConsultationId", "Number", "Title", "Text", "Proposer", "Result", "Version", "CreatedAt", "ModifiedAt")
            VALUES ({municipality}, {paper}, {consultation}, {number}, {title}, {text}, {proposer}, {result}, 0, {Created}, {Created})
            """);
        return await LastIdAsync(db, "Amendments");
    }

    private static Task<int> LinkAsync(PlanwerkDbContext db, int municipality, int amendment, long change) => db.Database.ExecuteSqlAsync($"""
        INSERT INTO "AmendmentChangeLinks" ("MunicipalityId", "AmendmentId", "ChangeRecordId") VALUES ({municipality}, {amendment}, {change})
        """);
}

public sealed class AmendmentPapersMigrationSqliteTests : AmendmentPapersMigrationTests, IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), "planwerk-migration-" + Guid.NewGuid().ToString("N")[..8] + ".db");

    protected override Task<PlanwerkDbContext> CreateDatabaseAsync() =>
        Task.FromResult<PlanwerkDbContext>(new SqlitePlanwerkDbContext(new DbContextOptionsBuilder<SqlitePlanwerkDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options));

    public void Dispose() => File.Delete(file);
}

public sealed class AmendmentPapersMigrationPostgresTests : AmendmentPapersMigrationTests
{
    protected override async Task<PlanwerkDbContext> CreateDatabaseAsync() =>
        new PostgresPlanwerkDbContext(new DbContextOptionsBuilder<PostgresPlanwerkDbContext>().UseNpgsql(await PostgresServer.CreateDatabaseAsync()).Options);
}
