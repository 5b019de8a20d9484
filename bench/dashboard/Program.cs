using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Data;
using Planwerk.Features.Implementation;
using Planwerk.Features.Plans;

// Adds a public plan for the dashboard benchmark to a municipality of an existing, migrated Planwerk database: 11 fields
// of 600 measures (6,600) with mixed statuses, progress and weights, 8 half-yearly reporting periods with a report per
// measure and period (half of them published), six milestones per measure (four overdue), and 78 indicators with eight
// values each: one for the plan, one per field and one for every hundredth measure (a plan has dozens of indicators,
// not thousands; the dashboard shows each with its chart). The measures are saved as the application saves them; the
// rows that hang off them are copied from the first measure's in one INSERT … SELECT per table. Prints the plan's id.
// Usage: dotnet DashboardSeed.dll sqlite|postgres "<connection string>" <municipality slug> [measures per field, default 600]
// With "participation" instead of the measures per field: 900 statements in the round with a published weighing and a
// round open to residents (see below); prints both rounds' ids. With "statements <round id>": prints how many statements
// the round holds and how many distinct receipt numbers among them (bench/statements.sh counts before and after a run).
if (args.Length < 3)
{
    Console.Error.WriteLine("Usage: DashboardSeed sqlite|postgres \"<connection string>\" <municipality slug> [measures per field]");
    return 2;
}
var participation = args.Length > 3 && args[3] == "participation";
var counting = args.Length > 4 && args[3] == "statements";
var measuresPerField = args.Length > 3 && !participation && !counting ? int.Parse(args[3], CultureInfo.InvariantCulture) : 600;
const int Fields = 11;
const int Periods = 8;
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Provider"] = args[0].Equals("postgres", StringComparison.OrdinalIgnoreCase) ? "Postgres" : "Sqlite",
    ["ConnectionStrings:Planwerk"] = args[1],
}).Build();
await using var services = new ServiceCollection().AddLogging().AddPlanwerkDatabase(configuration, Path.GetTempPath()).BuildServiceProvider();
await using var scope = services.CreateAsyncScope();
var db = scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>();
var watch = Stopwatch.StartNew();
db.CurrentMunicipalityId = await db.Municipalities.Where(m => m.Slug == args[2]).Select(m => (int?)m.Id).SingleOrDefaultAsync()
    ?? throw new InvalidOperationException($"No municipality {args[2]}.");

if (counting)
{
    var roundId = int.Parse(args[4], CultureInfo.InvariantCulture);
    var receipts = db.Statements.Where(s => s.RoundId == roundId).Select(s => s.ReceiptNumber);
    Console.WriteLine(FormattableString.Invariant($"{await receipts.CountAsync()} {await receipts.Distinct().CountAsync()}"));
    return 0;
}

if (participation)
{
    // The weighing table of the municipality's round with a published weighing, grown to 900 statements (copies of its
    // first, each with its own receipt number), and a round open to residents for statements sent at once. Prints both ids.
    var weighed = await db.ConsultationRounds.Where(r => r.WeighingPublishedAt != null).OrderBy(r => r.Id).FirstAsync();
    var first = await db.Statements.Where(s => s.RoundId == weighed.Id).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
    var have = await db.Statements.CountAsync(s => s.RoundId == weighed.Id);
    var copies = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {1}) "
        + Copy<Planwerk.Features.Participation.Consultations.Statement>("FROM n CROSS JOIN \"Statements\" t WHERE t.\"Id\" = {0}",
            ("ReceiptNumber", "'W-' || n.i"), ("Text", "t.\"Text\" || ' (' || n.i || ')'"));
    await db.Database.ExecuteSqlRawAsync(copies, first, 900 - have);
    var open = new Planwerk.Features.Participation.Consultations.ConsultationRound
    {
        PlanId = weighed.PlanId, PlanVersionId = weighed.PlanVersionId, Title = "Benchmark: offene Runde", Description = "",
        OpensAt = DateTimeOffset.UtcNow.AddDays(-1), ClosesAt = DateTimeOffset.UtcNow.AddDays(30), CreatedAt = DateTimeOffset.UtcNow,
        Audience = Planwerk.Features.Participation.Consultations.RoundAudience.OrganisationsAndResidents,
    };
    db.ConsultationRounds.Add(open);
    await db.SaveChangesAsync();
    Console.Error.WriteLine($"Round {weighed.Id}: {await db.Statements.CountAsync(s => s.RoundId == weighed.Id)} statements; round {open.Id} open to residents.");
    Console.WriteLine(FormattableString.Invariant($"{weighed.Id} {open.Id}"));
    return 0;
}

var plan = new Plan
{
    Title = $"Benchmark: {Fields * measuresPerField:N0} Maßnahmen", PeriodStart = 2019, PeriodEnd = 2023, State = PlanState.InImplementation,
    IsPublic = true, RollUpMethod = RollUpMethod.Weighted, UpdatedAt = DateTimeOffset.UtcNow,
};
db.Plans.Add(plan);
var statuses = Enum.GetValues<MeasureStatus>();
for (var f = 1; f <= Fields; f++)
{
    var field = new FieldOfAction { Plan = plan, Number = f, Title = $"Handlungsfeld {f}", Description = "Beschreibung des Handlungsfelds." };
    db.FieldsOfAction.Add(field);
    for (var i = 1; i <= measuresPerField; i++)
    {
        var index = (f - 1) * measuresPerField + i;
        db.Measures.Add(new Measure
        {
            Plan = plan, FieldOfAction = field, Position = i, Number = $"{f}.{i}", Title = $"Maßnahme {f}.{i} mit einem Titel von üblicher Länge",
            Goal = "Ziel der Maßnahme in einem Satz.", Description = "Eine Beschreibung der Maßnahme.", TargetGroups = "Zugewanderte",
            Status = statuses[index % statuses.Length], Progress = index * 7 % 101, Weight = 0.5m + index % 4,
        });
    }
}
await db.SaveChangesAsync();
var template = await db.Measures.Where(m => m.PlanId == plan.Id).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();

var status = new ImplementationStatus { Name = "In Umsetzung (Benchmark " + plan.Id.ToString(CultureInfo.InvariantCulture) + ")", Kind = MeasureStatus.InProgress, DefaultProgress = 50 };
db.ImplementationStatuses.Add(status);
var periods = Enumerable.Range(0, Periods).Select(i => new ReportingPeriod
{
    PlanId = plan.Id, Name = $"{2019 + i / 2}, {i % 2 + 1}. Halbjahr",
    StartsOn = new DateOnly(2019 + i / 2, i % 2 == 0 ? 1 : 7, 1), EndsOn = new DateOnly(2019 + i / 2, i % 2 == 0 ? 6 : 12, i % 2 == 0 ? 30 : 31),
    DueOn = new DateOnly(2019 + i / 2 + i % 2, i % 2 == 0 ? 8 : 2, 15),
}).ToList();
db.ReportingPeriods.AddRange(periods);
db.MeasureReports.AddRange(periods.Select((p, i) => new MeasureReport
{
    MeasureId = template, ReportingPeriod = p, Status = status, State = i % 2 == 0 ? ReportState.Published : ReportState.Draft, Progress = 10 * i,
    Done = "Was getan wurde, in einigen Sätzen.", NextSteps = "Die nächsten Schritte.", Spent = 1000m * i,
    PublishedAt = i % 2 == 0 ? new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(6 * i) : null,
}));
var today = DateOnly.FromDateTime(DateTime.UtcNow);
db.Milestones.AddRange(Enumerable.Range(1, 4).Select(i => new Milestone { MeasureId = template, Title = $"Schritt {i}", DueOn = today.AddDays(-30 * i) })
    .Append(new Milestone { MeasureId = template, Title = "Erledigt", DueOn = today.AddDays(-200), DoneOn = today.AddDays(-201) })
    .Append(new Milestone { MeasureId = template, Title = "Kommt noch", DueOn = today.AddDays(200) }));
Indicator NewIndicator(string name, int? field, int? measure) => new()
{
    PlanId = plan.Id, FieldOfActionId = field, MeasureId = measure, Name = name, Unit = "%", BaselineValue = 10, BaselineOn = new DateOnly(2019, 1, 1),
    TargetValue = 50, TargetOn = new DateOnly(2023, 12, 31),
    Values = Enumerable.Range(0, 8).Select(i => new IndicatorValue { On = new DateOnly(2019 + i / 2, i % 2 == 0 ? 3 : 9, 1), Value = 10 + 4 * i + field.GetValueOrDefault() }).ToList(),
};
db.Indicators.Add(NewIndicator("Indikator des Plans", null, null));
var fieldKeys = await db.FieldsOfAction.Where(f => f.PlanId == plan.Id).Select(f => new { f.Id, f.Number }).ToListAsync();
db.Indicators.AddRange(fieldKeys.Select(f => NewIndicator($"Indikator Handlungsfeld {f.Number}", f.Id, null)));
db.Indicators.Add(NewIndicator("Indikator 1.1", null, template));
await db.SaveChangesAsync();
var indicator = await db.Indicators.Where(i => i.MeasureId == template).Select(i => i.Id).SingleAsync();

const string PerMeasure = "FROM \"Measures\" m CROSS JOIN \"{0}\" t WHERE m.\"PlanId\" = {{0}} AND m.\"Id\" <> {{1}} AND t.\"MeasureId\" = {{1}}";
await db.Database.ExecuteSqlRawAsync(Copy<MeasureReport>(string.Format(CultureInfo.InvariantCulture, PerMeasure, "MeasureReports"), ("MeasureId", "m.\"Id\"")), plan.Id, template);
await db.Database.ExecuteSqlRawAsync(Copy<Milestone>(string.Format(CultureInfo.InvariantCulture, PerMeasure, "Milestones"), ("MeasureId", "m.\"Id\"")), plan.Id, template);
await db.Database.ExecuteSqlRawAsync(Copy<Indicator>(string.Format(CultureInfo.InvariantCulture, PerMeasure, "Indicators") + " AND m.\"Position\" % 100 = 1",
    ("MeasureId", "m.\"Id\""), ("Name", "'Indikator ' || m.\"Number\"")), plan.Id, template);
await db.Database.ExecuteSqlRawAsync(Copy<IndicatorValue>(
    "FROM \"Indicators\" i CROSS JOIN \"IndicatorValues\" t WHERE i.\"PlanId\" = {0} AND i.\"MeasureId\" IS NOT NULL AND i.\"Id\" <> {1} AND t.\"IndicatorId\" = {1}", ("IndicatorId", "i.\"Id\"")), plan.Id, indicator);
Console.Error.WriteLine($"Plan {plan.Id}: {Fields * measuresPerField} measures with {Periods} periods' reports, milestones and {await db.Indicators.CountAsync(i => i.PlanId == plan.Id)} indicators in {watch.Elapsed.TotalSeconds:0.0} s.");
Console.WriteLine(plan.Id);
return 0;

// INSERT … SELECT of every column but the key, from the template row t unless overridden; the same SQL on both databases.
string Copy<T>(string from, params (string Column, string Value)[] overrides)
{
    var entity = db.Model.FindEntityType(typeof(T))!;
    var columns = entity.GetProperties().Where(p => !p.IsPrimaryKey()).Select(p => p.GetColumnName()).ToList();
    var values = columns.Select(c => overrides.FirstOrDefault(o => o.Column == c).Value ?? $"t.\"{c}\"");
    return $"INSERT INTO \"{entity.GetTableName()}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) SELECT {string.Join(", ", values)} {from}";
}
