using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Data;
using Planwerk.Features.Implementation;
using Planwerk.Features.Plans;
using Planwerk.Tests.Features.Plans.PublicSite;
using Planwerk.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Planwerk.Tests.Features.Implementation;

/// <summary>The public dashboard and the read API's implementation data cost the same number of SQL commands for a plan
/// of 66 measures as for one of 6,600, each with 8 reporting periods, a report per measure and period (every state),
/// six milestones per measure (four of them overdue, so both plans list 200 and count the rest), and indicators with
/// values for the plan, every field and every measure. The big plan's rows are copied in bulk by SQL from one measure's.</summary>
public abstract partial class ImplementationQueryCountTests(PlanwerkApp app, ITestOutputHelper output)
{
    private const int Periods = 8;

    /// <summary>The municipality, the plan, its fields, the roll-up rows, the overdue milestones and their count beyond the
    /// 200 listed, the indicators and their values.</summary>
    private const int MaxCommandsDashboard = 8;

    /// <summary>The whole plan: the municipality, the plan, its fields, the measures in four parts, their reports and their
    /// milestones.</summary>
    private const int MaxCommandsApi = 9;

    [Fact]
    public async Task The_dashboard_and_the_implementation_API_cost_the_same_queries_for_66_and_6600_measures_with_reports_milestones_and_indicators()
    {
        var m = await app.CreateMunicipalityAsync();
        var small = await ImplementedPlanAsync(m, measuresPerField: 6, "Kleiner Plan");
        var large = await ImplementedPlanAsync(m, measuresPerField: 600, "Großer Plan");
        Assert.Equal((6600 * Periods, 6600 * 6, 6600 + 11 + 1), await m.WithDbAsync(async db => (
            await db.MeasureReports.CountAsync(r => r.Measure!.PlanId == large.Id),
            await db.Milestones.CountAsync(x => x.Measure!.PlanId == large.Id),
            await db.Indicators.CountAsync(i => i.PlanId == large.Id))));

        var counter = new QueryCounter();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(counter)));
        var client = counted.CreateClient();

        string[] Addresses(SeededPlan plan)
        {
            var api = $"/api/v1/municipalities/{m.Slug}/plans/{plan.Id}";
            return
            [
                $"{plan.Url(m)}/dashboard",
                api + "/implementation",
                api + "/indicators",
                api,
                api + "/fields",
                $"{api}/fields/{plan.Fields[^1].Id}",
                api + "/measures",
                $"{api}/measures?pageSize=10&status=InProgress",
                $"{api}/measures/{plan.Measures[^1].Id}",
            ];
        }

        var smallAddresses = Addresses(small);
        var largeAddresses = Addresses(large);
        for (var i = 0; i < smallAddresses.Length; i++)
        {
            var (smallCount, smallBody) = await CountAsync(client, counter, smallAddresses[i]);
            var (largeCount, largeBody) = await CountAsync(client, counter, largeAddresses[i]);
            output.WriteLine($"{app.Provider}: {Regex.Replace(smallAddresses[i], @"/t[0-9a-f]{10}|/\d+", "/{id}")} – 66 measures: {smallCount} commands, 6600 measures: {largeCount} commands");
            Assert.True(smallCount == largeCount, $"{largeAddresses[i]}: {smallCount} commands for 66 measures, {largeCount} for 6600");
            var max = i == 0 ? MaxCommandsDashboard : MaxCommandsApi;
            Assert.True(largeCount <= max, $"{largeAddresses[i]}: {largeCount} commands, more than {max}");
            // The answers really hold the data: the overdue milestones counted, every indicator, reports in the measures.
            if (i == 0) Assert.Contains(">26400<", largeBody, StringComparison.Ordinal);
            if (i == 2) Assert.Equal(6612, IndicatorName().Count(largeBody));
            if (i == 3) Assert.Equal(6600 * 4, PublishedReport().Count(largeBody));
            if (i <= 6) Assert.NotEqual(smallBody.Length, largeBody.Length);
        }
    }

    private static async Task<(int Count, string Body)> CountAsync(HttpClient client, QueryCounter counter, string url)
    {
        counter.Reset();
        var response = await client.GetAsync(url);
        var count = counter.Count;
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return (count, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A public plan of 11 fields whose first measure gets eight periods' reports (half of them published),
    /// six milestones and an indicator with eight values; then every other measure gets copies of these rows, in one
    /// INSERT … SELECT per table; the plan and each field get an indicator too.</summary>
    private static async Task<SeededPlan> ImplementedPlanAsync(TestMunicipality m, int measuresPerField, string title)
    {
        var plan = await m.AddPlanAsync(fields: 11, measuresPerField: measuresPerField, title: title);
        var template = plan.Measures[0].Id;
        await m.WithDbAsync(async db =>
        {
            var status = new ImplementationStatus { Name = "In Umsetzung " + title, Kind = MeasureStatus.InProgress, DefaultProgress = 50 };
            var periods = Enumerable.Range(0, Periods).Select(i => new ReportingPeriod
            {
                PlanId = plan.Id, Name = $"Zeitraum {i + 1}",
                StartsOn = new DateOnly(2019 + i / 2, i % 2 == 0 ? 1 : 7, 1), EndsOn = new DateOnly(2019 + i / 2, i % 2 == 0 ? 6 : 12, i % 2 == 0 ? 30 : 31),
                DueOn = new DateOnly(2019 + i / 2 + i % 2, i % 2 == 0 ? 8 : 2, 15),
            }).ToList();
            db.ImplementationStatuses.Add(status);
            db.ReportingPeriods.AddRange(periods);
            var states = new[] { ReportState.Published, ReportState.Draft, ReportState.Published, ReportState.Submitted, ReportState.Published, ReportState.Returned, ReportState.Published, ReportState.Accepted };
            db.MeasureReports.AddRange(periods.Select((p, i) => new MeasureReport
            {
                MeasureId = template, ReportingPeriod = p, Status = status, State = states[i], Progress = i * 10,
                Done = "Bericht " + HostileText.Script, NextSteps = "Weiter", Links = "https://example.org/bericht", Spent = 1000m * i,
                PublishedAt = states[i] == ReportState.Published ? new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(i * 6) : null,
            }));
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            db.Milestones.AddRange(
                Enumerable.Range(1, 4).Select(i => new Milestone { MeasureId = template, Title = $"Überfällig {i}", DueOn = today.AddDays(-10 * i) })
                    .Append(new Milestone { MeasureId = template, Title = "Erledigt", DueOn = today.AddDays(-100), DoneOn = today.AddDays(-101) })
                    .Append(new Milestone { MeasureId = template, Title = "Kommt noch", DueOn = today.AddDays(100) }));
            Indicator Indicator(string name, int? field, int? measure) => new()
            {
                PlanId = plan.Id, Name = name, FieldOfActionId = field, MeasureId = measure, Unit = "%", Definition = "Anteil " + HostileText.RightToLeft,
                BaselineValue = 10, BaselineOn = new DateOnly(2019, 1, 1), TargetValue = 50, TargetOn = new DateOnly(2023, 1, 1),
                Values = Enumerable.Range(0, 8).Select(i => new IndicatorValue { On = new DateOnly(2019 + i / 2, i % 2 == 0 ? 3 : 9, 1), Value = 10 + 4 * i }).ToList(),
            };
            db.Indicators.Add(Indicator("Indikator Plan", null, null));
            db.Indicators.AddRange(plan.Fields.Select(f => Indicator($"Indikator Feld {f.Number}", f.Id, null)));
            db.Indicators.Add(Indicator("Indikator Maßnahme " + plan.Measures[0].Number, null, template));
            await db.SaveChangesAsync();

            await CopyPerMeasureAsync<MeasureReport>(db, plan.Id, template);
            await CopyPerMeasureAsync<Milestone>(db, plan.Id, template);
            var indicator = await db.Indicators.Where(i => i.MeasureId == template).Select(i => i.Id).SingleAsync();
            await CopyPerMeasureAsync<Indicator>(db, plan.Id, template, ("Name", "'Indikator Maßnahme ' || m.\"Number\""));
            await db.Database.ExecuteSqlRawAsync(Copy<IndicatorValue>(db,
                "FROM \"Indicators\" i CROSS JOIN \"IndicatorValues\" t WHERE i.\"PlanId\" = {0} AND i.\"MeasureId\" IS NOT NULL AND i.\"Id\" <> {1} AND t.\"IndicatorId\" = {1}",
                ("IndicatorId", "i.\"Id\"")), plan.Id, indicator);
            return 0;
        });
        return plan;
    }

    /// <summary>Copies the template measure's rows of <typeparamref name="T"/> to every other measure of the plan in one
    /// statement.</summary>
    private static Task<int> CopyPerMeasureAsync<T>(PlanwerkDbContext db, int planId, int template, params (string Column, string Value)[] overrides) =>
        db.Database.ExecuteSqlRawAsync(Copy<T>(db,
            $"FROM \"Measures\" m CROSS JOIN \"{db.Model.FindEntityType(typeof(T))!.GetTableName()}\" t WHERE m.\"PlanId\" = {{0}} AND m.\"Id\" <> {{1}} AND t.\"MeasureId\" = {{1}}",
            [("MeasureId", "m.\"Id\""), .. overrides]), planId, template);

    /// <summary>INSERT … SELECT of every column of <typeparamref name="T"/> but its key, taken from the template row
    /// <c>t</c> unless overridden; the same SQL on SQLite and PostgreSQL.</summary>
    private static string Copy<T>(PlanwerkDbContext db, string from, params (string Column, string Value)[] overrides)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var columns = entity.GetProperties().Where(p => !p.IsPrimaryKey()).Select(p => p.GetColumnName()).ToList();
        var values = columns.Select(c => overrides.FirstOrDefault(o => o.Column == c).Value ?? $"t.\"{c}\"");
        return $"INSERT INTO \"{entity.GetTableName()}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) SELECT {string.Join(", ", values)} {from}";
    }

    [GeneratedRegex("\"name\":\"Indikator ")]
    private static partial Regex IndicatorName();

    [GeneratedRegex("\"nextSteps\":\"Weiter\"")]
    private static partial Regex PublishedReport();
}

/// <summary>One database for this heavy case (some 180,000 rows), like the other heavy tests: the number of commands is
/// EF's query plan, the same on both providers (the plan-size tests of the public pages run on both).</summary>
public sealed class ImplementationQueryCountSqliteTests(SqliteApp app, ITestOutputHelper output) : ImplementationQueryCountTests(app, output), IClassFixture<SqliteApp>;
