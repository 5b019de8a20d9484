using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Data;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.History;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Plans.Transfer.TransferData;

namespace Planwerk.Tests.Features.Plans.Transfer;

/// <summary>A large import writes its history in a few statements, and the history it writes is the one a single
/// creation writes (the history pages show imported measures from these rows).</summary>
public abstract class ImportHistoryTests(PlanwerkApp app)
{
    private const int Count = 2_000;
    private static readonly string Title = HostileText.Script + " " + HostileText.RightToLeft;
    private static readonly string Description = HostileText.VeryLong[..1500] + "\n\n" + HostileText.Markup + "; \"zitiert\"";

    /// <summary>Row i: 500 measures per field of action (field 1 is the plan's "Sprache", whose 1.1 exists), so 1.2 is row 0.</summary>
    private static string Row(int i) => string.Create(CultureInfo.InvariantCulture,
        $"{1 + i / 500};{(i < 500 ? "Sprache" : "Feld " + (1 + i / 500))};{1 + i / 500}.{2 + i % 500};\"{Title} {i}\";\"{HostileText.Markup.Replace("\"", "\"\"", StringComparison.Ordinal)}\";\"{Description.Replace("\"", "\"\"", StringComparison.Ordinal)}\";2019-07-01;;12500.50;Hoch;In Umsetzung;40;\"Altstadt; Neustadt\";\"2; 1\"");

    private const string Header = "Teilbereich-Nummer;Teilbereich-Titel;Nummer;Titel;Ziel;Beschreibung;Beginn;Ende;Geschätzte Kosten;Priorität;Status;Fortschritt;Stadtbezirke;Leitlinien";

    [Fact]
    public async Task An_import_of_2000_measures_writes_their_history_in_a_bounded_number_of_commands_equal_to_a_single_creations()
    {
        var m = await app.CreateMunicipalityAsync();
        var large = await SmallPlanAsync(m);
        var single = await SmallPlanAsync(m);
        var log = new AllCommands();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(log)));

        var lines = new List<string> { Header };
        lines.AddRange(Enumerable.Range(0, Count).Select(Row));
        var result = await InScopeAsync(counted.Services, m, db => MeasureImport.ImportAsync(db, large.PlanId, Csv([.. lines]), Now));
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(Count, result.Created);

        // One record per measure, in a few statements: row by row this was 2,000 INSERTs of records and 30,000 of their fields.
        var history = log.Commands.Where(c => c.Contains("\"ChangeRecord", StringComparison.Ordinal) && c.TrimStart().StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.InRange(history.Count, 2, 200);
        Assert.Equal(Count, await m.WithDbAsync(db => db.ChangeRecords.CountAsync(r => r.PlanId == large.PlanId && r.EntityType == ChangeEntityTypes.Measure
            && r.Action == ChangeAction.Created && r.EntityId != large.MeasureId)));

        // The same row imported alone goes the change tracker's way (one record): the two records hold the same values.
        var alone = await ImportAsync(m, single.PlanId, Csv(Header, Row(0)));
        Assert.True(alone.Succeeded, string.Join("\n", alone.Problems));
        var bulk = await RecordAsync(m, large.PlanId, "1.2");
        var one = await RecordAsync(m, single.PlanId, "1.2");
        Assert.Equal((one.Record.EntityLabel, one.Record.Action, one.Record.UserName, one.Record.Reason, one.Record.MunicipalityId),
            (bulk.Record.EntityLabel, bulk.Record.Action, bulk.Record.UserName, bulk.Record.Reason, bulk.Record.MunicipalityId));
        Assert.Equal((bulk.MeasureId, large.PlanId), (bulk.Record.EntityId, bulk.Record.PlanId));
        Assert.Equal(Title + " 0", bulk.Fields.Single(f => f.Field == nameof(Measure.Title)).NewValue);
        Assert.Equal(Description, bulk.Fields.Single(f => f.Field == nameof(Measure.Description)).NewValue);
        // Every field alike but the field of action's id, which is each plan's own.
        static IEnumerable<(string, string?, string?)> Values(IEnumerable<ChangeRecordField> fields, int fieldId) =>
            fields.Select(f => (f.Field, f.OldValue, f.Field == nameof(Measure.FieldOfActionId) && f.NewValue == fieldId.ToString(CultureInfo.InvariantCulture) ? "(field)" : f.NewValue))
                .OrderBy(f => f.Field, StringComparer.Ordinal);
        Assert.Equal(Values(one.Fields, single.FieldId), Values(bulk.Fields, large.FieldId));
        Assert.True(bulk.Fields.Count >= 10, string.Join(", ", bulk.Fields.Select(f => f.Field)));

        // The ids the import took are never given again: a later record comes after all of them.
        var highest = await m.WithDbAsync(db => db.ChangeRecords.Where(r => r.PlanId == large.PlanId).MaxAsync(r => r.Id));
        Assert.True(one.Record.Id > highest);
    }

    private static async Task<(int MeasureId, ChangeRecord Record, List<ChangeRecordField> Fields)> RecordAsync(TestMunicipality m, int planId, string number) =>
        await m.WithDbAsync(async db =>
        {
            var measureId = await db.Measures.Where(x => x.PlanId == planId && x.Number == number).Select(x => x.Id).SingleAsync();
            var record = await db.ChangeRecords.AsNoTracking().Include(r => r.Fields)
                .SingleAsync(r => r.PlanId == planId && r.EntityType == ChangeEntityTypes.Measure && r.EntityId == measureId);
            return (measureId, record, record.Fields.ToList());
        });

    private static async Task<T> InScopeAsync<T>(IServiceProvider services, TestMunicipality m, Func<PlanwerkDbContext, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>();
        db.CurrentMunicipalityId = m.Id;
        return await work(db);
    }

    /// <summary>The text of every command sent (reads, writes and scalars).</summary>
    private sealed class AllCommands : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> commands = new();
        public IReadOnlyList<string> Commands => commands.ToArray();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            commands.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            commands.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            commands.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}

public sealed class ImportHistorySqliteTests(SqliteApp app) : ImportHistoryTests(app), IClassFixture<SqliteApp>;

public sealed class ImportHistoryPostgresTests(PostgresApp app) : ImportHistoryTests(app), IClassFixture<PostgresApp>;
