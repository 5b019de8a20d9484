using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Planwerk.Data;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Plans.Transfer.TransferData;

namespace Planwerk.Tests.Features.Plans.Transfer;

/// <summary>An import that meets an edit made while it runs applies nothing and says so.</summary>
public abstract class ImportConcurrencyTests(PlanwerkApp app)
{
    /// <summary>After the import has read the plan and checked the file, before it starts writing,
    /// someone else saves the same measure.</summary>
    private sealed class EditMeanwhile(TestMunicipality m, int measureId) : DbTransactionInterceptor
    {
        public override async ValueTask<InterceptionResult<System.Data.Common.DbTransaction>> TransactionStartingAsync(
            System.Data.Common.DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<System.Data.Common.DbTransaction> result, CancellationToken cancellationToken = default)
        {
            await m.WithDbAsync(async db => (await db.Measures.SingleAsync(x => x.Id == measureId)).Goal = "Von jemand anderem geändert");
            return result;
        }
    }

    private PlanwerkDbContext ContextWith(IInterceptor interceptor, int municipalityId)
    {
        PlanwerkDbContext db = app.Provider == DatabaseProvider.Postgres
            ? new PostgresPlanwerkDbContext(new DbContextOptionsBuilder<PostgresPlanwerkDbContext>().UseNpgsql(app.ConnectionString).AddInterceptors(interceptor).Options)
            : new SqlitePlanwerkDbContext(new DbContextOptionsBuilder<SqlitePlanwerkDbContext>().UseSqlite(app.ConnectionString).AddInterceptors(interceptor).Options);
        db.CurrentMunicipalityId = municipalityId;
        return db;
    }

    [Fact]
    public async Task An_edit_made_during_the_import_makes_the_whole_import_fail_without_changes()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);
        await using var db = ContextWith(new EditMeanwhile(m, plan.MeasureId), m.Id);

        var result = await MeasureImport.ImportAsync(db, plan.PlanId, Csv(
            "id;Teilbereich-Nummer;Teilbereich-Titel;Nummer;Titel",
            $"{plan.MeasureKey};1;;1.1;Neuer Titel",
            ";2;Arbeit;2.1;Neue Maßnahme"), Now);

        Assert.Equal(ImportTexts.ChangedMeanwhile, Assert.Single(result.Problems).Message);
        var after = await m.WithDbAsync(async x => new
        {
            Titles = await x.Measures.Where(y => y.PlanId == plan.PlanId).Select(y => y.Title).ToListAsync(),
            Fields = await x.FieldsOfAction.CountAsync(f => f.PlanId == plan.PlanId),
            Goal = await x.Measures.Where(y => y.Id == plan.MeasureId).Select(y => y.Goal).SingleAsync(),
        });
        Assert.Equal(["Sprachcafé"], after.Titles);
        Assert.Equal((1, "Von jemand anderem geändert"), (after.Fields, after.Goal));
    }
}

public sealed class ImportConcurrencySqliteTests(SqliteApp app) : ImportConcurrencyTests(app), IClassFixture<SqliteApp>;

public sealed class ImportConcurrencyPostgresTests(PostgresApp app) : ImportConcurrencyTests(app), IClassFixture<PostgresApp>;
