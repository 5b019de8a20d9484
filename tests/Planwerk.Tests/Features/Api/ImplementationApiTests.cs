using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Implementation;
using Planwerk.Features.Plans;
using Planwerk.Infrastructure;
using Planwerk.Tests.Features.Plans.PublicSite;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Api;

/// <summary>Open data on carrying out a plan in the read API: each measure's weight, published reports and milestones in
/// every measure object; the plan's roll-up with the dashboard's very numbers; the plan's indicators with whether each
/// is on track. Only published plans, only published reports, only the municipality's own; cached like the rest.</summary>
public abstract class ImplementationApiTests(ClockedApp app)
{
    /// <summary>At 23:30 UTC it is already the next day in Berlin (00:30 or 01:30): the API's "today" is the Berlin day.
    /// The clock only moves forward, so this is the evening after the clock's day.</summary>
    private DateTimeOffset LateEvening => new DateTimeOffset(DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(1), new TimeOnly(23, 30), TimeSpan.Zero);

    private DateOnly BerlinToday => Planwerk.Infrastructure.Time.BerlinTime.Today(app.Clock);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private const string Secret = "NICHT-VEROEFFENTLICHT";

    private static string Api(TestMunicipality m, int planId) => $"/api/v1/municipalities/{m.Slug}/plans/{planId}";

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private sealed record Reported(SeededPlan Plan, Measure Measure, Measure Other, int StatusId, int[] PeriodIds);

    /// <summary>A public plan whose first measure has a report in each of the five states (one period each, and a second
    /// published one without a status) and three milestones: due yesterday (Berlin) and open, due today and open, and
    /// done; its second measure has weight 2.5 and a published report of its own.</summary>
    private async Task<Reported> ReportedPlanAsync(TestMunicipality m, bool isPublic = true)
    {
        app.Clock.SetUtcNow(LateEvening);
        Assert.Equal(DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(1), BerlinToday);
        var plan = await m.AddPlanAsync(fields: 2, measuresPerField: 2, isPublic: isPublic);
        var measure = plan.Measures[0];
        var other = plan.Measures[1];
        var (statusId, periodIds) = await m.WithDbAsync(async db =>
        {
            // The catalogue is the municipality's: a second plan there takes the same status.
            var status = await db.ImplementationStatuses.SingleOrDefaultAsync(x => x.Name == "In Umsetzung " + HostileText.Script)
                ?? db.ImplementationStatuses.Add(new ImplementationStatus { Name = "In Umsetzung " + HostileText.Script, NameEn = "In progress", Kind = MeasureStatus.InProgress, DefaultProgress = 50, Position = 1 }).Entity;
            var periods = Enumerable.Range(0, 6).Select(i => new ReportingPeriod
            {
                PlanId = plan.Id,
                Name = $"{2019 + i / 2}, {i % 2 + 1}. Halbjahr",
                StartsOn = new DateOnly(2019 + i / 2, i % 2 == 0 ? 1 : 7, 1),
                EndsOn = new DateOnly(2019 + i / 2, i % 2 == 0 ? 6 : 12, i % 2 == 0 ? 30 : 31),
                DueOn = new DateOnly(2019 + i / 2 + i % 2, i % 2 == 0 ? 8 : 2, 15),
            }).ToList();
            db.ReportingPeriods.AddRange(periods);
            await db.SaveChangesAsync();
            (await db.Measures.SingleAsync(x => x.Id == other.Id)).Weight = 2.5m;
            // Newest period first in the table, to show the API orders by period.
            db.MeasureReports.AddRange(
                new MeasureReport
                {
                    MeasureId = measure.Id, ReportingPeriodId = periods[5].Id, State = ReportState.Published, StatusId = null, Progress = 80,
                    Done = "Zweiter Bericht " + HostileText.RightToLeft, PublishedAt = new DateTimeOffset(2022, 2, 1, 9, 0, 0, TimeSpan.Zero),
                },
                new MeasureReport { MeasureId = measure.Id, ReportingPeriodId = periods[1].Id, State = ReportState.Draft, StatusId = status.Id, Done = Secret + " Entwurf" },
                new MeasureReport { MeasureId = measure.Id, ReportingPeriodId = periods[2].Id, State = ReportState.Submitted, StatusId = status.Id, Done = Secret + " eingereicht", SubmittedAt = app.Clock.GetUtcNow() },
                new MeasureReport { MeasureId = measure.Id, ReportingPeriodId = periods[3].Id, State = ReportState.Returned, StatusId = status.Id, Done = Secret + " zurückgegeben", ReturnComment = Secret },
                new MeasureReport { MeasureId = measure.Id, ReportingPeriodId = periods[4].Id, State = ReportState.Accepted, StatusId = status.Id, Done = Secret + " angenommen", Obstacles = Secret },
                new MeasureReport
                {
                    MeasureId = measure.Id, ReportingPeriodId = periods[0].Id, State = ReportState.Published, StatusId = status.Id, Progress = null,
                    Done = "**Kurse** begonnen " + HostileText.Script, NextSteps = "Weitere Kurse", Obstacles = HostileText.VeryLong, Spent = 12500.5m,
                    Links = "https://example.org/a\r\n\r\nhttp://example.org/b?x=1&y=2", PublishedAt = new DateTimeOffset(2019, 9, 1, 10, 0, 0, TimeSpan.Zero),
                },
                new MeasureReport { MeasureId = other.Id, ReportingPeriodId = periods[0].Id, State = ReportState.Published, StatusId = status.Id, Progress = 30, PublishedAt = app.Clock.GetUtcNow() });
            db.Milestones.AddRange(
                new Milestone { MeasureId = measure.Id, Title = "Heute fällig", DueOn = BerlinToday },
                new Milestone { MeasureId = measure.Id, Title = "Gestern fällig " + HostileText.Script, DueOn = BerlinToday.AddDays(-1), Note = "Notiz " + HostileText.RightToLeft },
                new Milestone { MeasureId = measure.Id, Title = "Erledigt", DueOn = BerlinToday.AddDays(-30), DoneOn = BerlinToday.AddDays(-31) });
            await db.SaveChangesAsync();
            return (status.Id, periods.Select(p => p.Id).ToArray());
        });
        return new Reported(plan, measure, other, statusId, periodIds);
    }

    /// <summary>Every address that answers measure objects, with how to find the measure in its answer.</summary>
    private static IEnumerable<(string Url, Func<JsonElement, JsonElement> Find)> MeasureAddresses(TestMunicipality m, Reported r)
    {
        var id = r.Measure.Id;
        JsonElement InList(JsonElement list) => list.EnumerateArray().Single(x => x.GetProperty("id").GetInt32() == id);
        JsonElement InFields(JsonElement fields) => fields.EnumerateArray().SelectMany(f => f.GetProperty("measures").EnumerateArray()).Single(x => x.GetProperty("id").GetInt32() == id);
        var api = Api(m, r.Plan.Id);
        yield return (api, plan => InFields(plan.GetProperty("fields")));
        yield return (api + "/fields", InFields);
        yield return ($"{api}/fields/{r.Plan.Fields[0].Id}", field => InList(field.GetProperty("measures")));
        yield return (api + "/measures", InList);
        yield return ($"{api}/measures?status={r.Measure.Status}&pageSize=1", InList);
        yield return ($"{api}/measures/{id}", measure => measure);
    }

    [Fact]
    public async Task Every_measure_object_carries_its_weight_organisations_published_reports_and_milestones()
    {
        var m = await app.CreateMunicipalityAsync();
        var r = await ReportedPlanAsync(m);
        var client = app.CreateClient();

        foreach (var (url, find) in MeasureAddresses(m, r))
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
            var measure = find(JsonDocument.Parse(body).RootElement);

            Assert.Equal(1m, measure.GetProperty("weight").GetDecimal());
            Assert.Equal("Sozialamt", measure.GetProperty("lead").GetProperty("name").GetString());
            Assert.Equal(["Freie Träger"], measure.GetProperty("partners").EnumerateArray().Select(p => p.GetProperty("name").GetString()));

            var reports = measure.GetProperty("reports").EnumerateArray().ToList();
            Assert.True(reports.Count == 2, $"{url}: {reports.Count} reports");
            var first = reports[0];
            Assert.Equal(r.PeriodIds[0], first.GetProperty("period").GetProperty("id").GetInt32());
            Assert.Equal("2019, 1. Halbjahr", first.GetProperty("period").GetProperty("name").GetString());
            Assert.Equal("2019-01-01", first.GetProperty("period").GetProperty("startsOn").GetString());
            Assert.Equal("2019-06-30", first.GetProperty("period").GetProperty("endsOn").GetString());
            Assert.Equal("2019-08-15", first.GetProperty("period").GetProperty("dueOn").GetString());
            Assert.Equal("In Umsetzung " + HostileText.Script, first.GetProperty("status").GetProperty("name").GetString());
            Assert.Equal("In progress", first.GetProperty("status").GetProperty("nameEn").GetString());
            Assert.Equal("InProgress", first.GetProperty("status").GetProperty("kind").GetString());
            Assert.Equal(50, first.GetProperty("progress").GetInt32()); // the status's proposal, as the report gives none
            Assert.Equal("**Kurse** begonnen " + HostileText.Script, first.GetProperty("done").GetString());
            Assert.Equal("Weitere Kurse", first.GetProperty("nextSteps").GetString());
            Assert.Equal(HostileText.VeryLong, first.GetProperty("obstacles").GetString());
            Assert.Equal(12500.5m, first.GetProperty("spent").GetDecimal());
            Assert.Equal(["https://example.org/a", "http://example.org/b?x=1&y=2"], first.GetProperty("links").EnumerateArray().Select(l => l.GetString()));
            Assert.Equal(new DateTimeOffset(2019, 9, 1, 10, 0, 0, TimeSpan.Zero), first.GetProperty("publishedAt").GetDateTimeOffset());

            var second = reports[1];
            Assert.Equal(r.PeriodIds[5], second.GetProperty("period").GetProperty("id").GetInt32());
            Assert.Equal(JsonValueKind.Null, second.GetProperty("status").ValueKind);
            Assert.Equal(80, second.GetProperty("progress").GetInt32());
            Assert.Equal("Zweiter Bericht " + HostileText.RightToLeft, second.GetProperty("done").GetString());
            Assert.Equal(JsonValueKind.Null, second.GetProperty("spent").ValueKind);
            Assert.Equal(0, second.GetProperty("links").GetArrayLength());

            var milestones = measure.GetProperty("milestones").EnumerateArray()
                .Select(x => (x.GetProperty("title").GetString(), x.GetProperty("dueOn").GetString(), x.GetProperty("doneOn").ValueKind == JsonValueKind.Null ? null : x.GetProperty("doneOn").GetString(), x.GetProperty("overdue").GetBoolean()))
                .ToList();
            Assert.Equal(
            [
                ("Erledigt", Iso(BerlinToday.AddDays(-30)), Iso(BerlinToday.AddDays(-31)), false),
                ("Gestern fällig " + HostileText.Script, Iso(BerlinToday.AddDays(-1)), null, true),
                ("Heute fällig", Iso(BerlinToday), null, false),
            ], milestones);
            Assert.Equal("Notiz " + HostileText.RightToLeft, measure.GetProperty("milestones")[1].GetProperty("note").GetString());
        }

        var other = await GetJsonAsync(client, $"{Api(m, r.Plan.Id)}/measures/{r.Other.Id}");
        Assert.Equal(2.5m, other.GetProperty("weight").GetDecimal());
        Assert.Equal([30], other.GetProperty("reports").EnumerateArray().Select(x => x.GetProperty("progress").GetInt32()));
        Assert.Equal(0, other.GetProperty("milestones").GetArrayLength());
        var third = await GetJsonAsync(client, $"{Api(m, r.Plan.Id)}/measures/{r.Plan.Measures[2].Id}");
        Assert.Equal(0, third.GetProperty("reports").GetArrayLength());
    }

    [Fact]
    public async Task A_report_appears_in_the_API_once_it_is_published_and_not_before()
    {
        var m = await app.CreateMunicipalityAsync();
        var r = await ReportedPlanAsync(m);
        var client = app.CreateClient();
        var url = $"{Api(m, r.Plan.Id)}/measures/{r.Measure.Id}";
        Assert.Equal(2, (await GetJsonAsync(client, url)).GetProperty("reports").GetArrayLength());

        await m.WithDbAsync(async db =>
        {
            var accepted = await db.MeasureReports.SingleAsync(x => x.MeasureId == r.Measure.Id && x.State == ReportState.Accepted);
            accepted.State = ReportState.Published;
            accepted.PublishedAt = app.Clock.GetUtcNow();
            return 0;
        });
        await PublicPageCache.EvictMunicipalityAsync(app.Services.GetRequiredService<IOutputCacheStore>(), m.Slug);

        var reports = (await GetJsonAsync(client, url)).GetProperty("reports").EnumerateArray().ToList();
        Assert.Equal([r.PeriodIds[0], r.PeriodIds[4], r.PeriodIds[5]], reports.Select(x => x.GetProperty("period").GetProperty("id").GetInt32()));
        Assert.Equal(Secret, reports[1].GetProperty("obstacles").GetString());
    }

    [Fact]
    public async Task The_implementation_answers_the_roll_up_the_reporting_periods_and_the_overdue_milestones()
    {
        var m = await app.CreateMunicipalityAsync();
        var r = await ReportedPlanAsync(m);

        var implementation = await GetJsonAsync(app.CreateClient(), Api(m, r.Plan.Id) + "/implementation");

        Assert.Equal(r.Plan.Id, implementation.GetProperty("planId").GetInt32());
        Assert.Equal("Average", implementation.GetProperty("method").GetString());
        // The seed gives the four measures the statuses in order and progress 0, 10, 20, 30; the fourth is delayed.
        var plan = implementation.GetProperty("plan");
        Assert.Equal(4, plan.GetProperty("count").GetInt32());
        Assert.Equal(4, plan.GetProperty("countedForProgress").GetInt32());
        Assert.Equal(15.0, plan.GetProperty("progress").GetDouble());
        Assert.Equal([("NotStarted", 1), ("InProgress", 1), ("Completed", 1), ("Delayed", 1), ("Discontinued", 0)],
            plan.GetProperty("byStatus").EnumerateArray().Select(s => (s.GetProperty("status").GetString(), s.GetProperty("count").GetInt32())));
        var fields = implementation.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(r.Plan.Fields.Select(f => f.Id), fields.Select(f => f.GetProperty("fieldOfActionId").GetInt32()));
        Assert.Equal([5.0, 25.0], fields.Select(f => f.GetProperty("rollUp").GetProperty("progress").GetDouble()));
        Assert.Equal(6, implementation.GetProperty("reportingPeriods").GetArrayLength());
        Assert.Equal("2019, 1. Halbjahr", implementation.GetProperty("reportingPeriods")[0].GetProperty("name").GetString());
        Assert.Equal(1, implementation.GetProperty("overdueMilestones").GetInt32());
    }

    /// <summary>A plan of three fields: mixed statuses, progress and weights (0 and 2.5 among them), and a field whose
    /// only measures are discontinued, so it has no progress.</summary>
    private static async Task<SeededPlan> MixedPlanAsync(TestMunicipality m)
    {
        var rows = new (MeasureStatus Status, int Progress, decimal Weight)[]
        {
            (MeasureStatus.Completed, 100, 1m), (MeasureStatus.InProgress, 45, 2.5m), (MeasureStatus.NotStarted, 0, 0.5m), (MeasureStatus.Discontinued, 60, 3m),
            (MeasureStatus.Delayed, 33, 0m), (MeasureStatus.InProgress, 71, 1.25m), (MeasureStatus.Completed, 100, 4m), (MeasureStatus.InProgress, 12, 1m),
            (MeasureStatus.Discontinued, 20, 1m), (MeasureStatus.Discontinued, 90, 2m), (MeasureStatus.Discontinued, 0, 1m), (MeasureStatus.Discontinued, 55, 1m),
        };
        var i = 0;
        return await m.AddPlanAsync(fields: 3, measuresPerField: 4, measure: x =>
        {
            (x.Status, x.Progress, x.Weight) = rows[i++];
        });
    }

    [Theory]
    [InlineData(RollUpMethod.Average)]
    [InlineData(RollUpMethod.Weighted)]
    public async Task The_dashboard_and_the_API_show_the_same_numbers(RollUpMethod method)
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await MixedPlanAsync(m);
        await m.WithDbAsync(async db =>
        {
            (await db.Plans.SingleAsync(p => p.Id == plan.Id)).RollUpMethod = method;
            var today = Planwerk.Infrastructure.Time.BerlinTime.Today(app.Clock);
            db.Milestones.AddRange(
                new Milestone { MeasureId = plan.Measures[1].Id, Title = "Überfällig", DueOn = today.AddDays(-3) },
                new Milestone { MeasureId = plan.Measures[5].Id, Title = "Auch überfällig", DueOn = today.AddDays(-1) },
                new Milestone { MeasureId = plan.Measures[5].Id, Title = "Offen", DueOn = today });
            return 0;
        });
        var client = app.CreateClient();

        var page = await client.GetDocumentAsync($"{plan.Url(m)}/dashboard");
        var api = await GetJsonAsync(client, Api(m, plan.Id) + "/implementation");

        var german = CultureInfo.GetCultureInfo("de-DE");
        string Percent(JsonElement progress) => progress.ValueKind == JsonValueKind.Null ? "–" : PlanFormat.Percent(progress.GetDouble(), german);
        IEnumerable<string> Counts(JsonElement rollUp) => rollUp.GetProperty("byStatus").EnumerateArray().Select(s => s.GetProperty("count").GetInt32().ToString(CultureInfo.InvariantCulture));

        Assert.Equal(method.ToString(), api.GetProperty("method").GetString());
        var planRollUp = api.GetProperty("plan");
        Assert.Equal(Percent(planRollUp.GetProperty("progress")), page.QuerySelector("#plan-progress")!.TextContent);
        Assert.Equal(planRollUp.GetProperty("count").GetInt32().ToString(CultureInfo.InvariantCulture), page.QuerySelector("#status-table tfoot td")!.TextContent);
        Assert.Equal(Counts(planRollUp), page.QuerySelectorAll("#status-table tbody td").Select(td => td.TextContent));
        Assert.Equal(api.GetProperty("overdueMilestones").GetInt32().ToString(CultureInfo.InvariantCulture), page.QuerySelector("#overdue-count")!.TextContent);

        var fieldRows = page.QuerySelectorAll("#field-table tbody tr").ToList();
        var fields = api.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(3, fieldRows.Count);
        Assert.Equal(fieldRows.Select(row => row.Id), fields.Select(f => "field-" + f.GetProperty("fieldOfActionId").GetInt32().ToString(CultureInfo.InvariantCulture)));
        for (var f = 0; f < fields.Count; f++)
        {
            var rollUp = fields[f].GetProperty("rollUp");
            Assert.Equal([rollUp.GetProperty("count").GetInt32().ToString(CultureInfo.InvariantCulture), Percent(rollUp.GetProperty("progress")), .. Counts(rollUp)],
                fieldRows[f].QuerySelectorAll("td").Select(td => td.TextContent));
        }

        // The numbers themselves, so both cannot be wrong alike: by hand from the rows above.
        var (planProgress, firstField, secondField) = method == RollUpMethod.Average
            ? ((100 + 45 + 0 + 33 + 71 + 100 + 12) / 7.0, (100 + 45 + 0) / 3.0, (33 + 71 + 100 + 12) / 4.0)
            : ((100 * 1 + 45 * 2.5 + 0 * 0.5 + 71 * 1.25 + 100 * 4 + 12 * 1) / 10.25, (100 + 45 * 2.5) / 4.0, (71 * 1.25 + 400 + 12) / 6.25);
        Assert.Equal(planProgress, planRollUp.GetProperty("progress").GetDouble(), 10);
        Assert.Equal(method == RollUpMethod.Average ? 7 : 6, planRollUp.GetProperty("countedForProgress").GetInt32());
        Assert.Equal(firstField, fields[0].GetProperty("rollUp").GetProperty("progress").GetDouble(), 10);
        Assert.Equal(secondField, fields[1].GetProperty("rollUp").GetProperty("progress").GetDouble(), 10);
        Assert.Equal(JsonValueKind.Null, fields[2].GetProperty("rollUp").GetProperty("progress").ValueKind);
        Assert.Equal(2, api.GetProperty("overdueMilestones").GetInt32());
    }

    [Fact]
    public async Task Indicators_come_with_their_values_and_whether_each_is_on_track()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.AddPlanAsync(fields: 2, measuresPerField: 1);
        var start = new DateOnly(2020, 1, 1);
        var end = new DateOnly(2020, 1, 11);
        await m.WithDbAsync(async db =>
        {
            db.Indicators.AddRange(
                new Indicator
                {
                    PlanId = plan.Id, Position = 3, Name = "Wohnungen " + HostileText.Script, Definition = HostileText.VeryLong[..Indicator.MaxDefinitionLength], Unit = "%", Source = "Sozialamt",
                    Direction = IndicatorDirection.HigherIsBetter, BaselineValue = 0, BaselineOn = start, TargetValue = 100, TargetOn = end, MeasureId = plan.Measures[1].Id,
                    // On 6 January 50 are expected; 55 (entered below, after 40) is on track.
                    Values = [new() { On = start.AddDays(5), Value = 40, Note = "zuerst" }, new() { On = start.AddDays(2), Value = 10 }],
                },
                new Indicator
                {
                    PlanId = plan.Id, Position = 2, Name = "Wartezeit", Unit = "Tage", Direction = IndicatorDirection.LowerIsBetter,
                    BaselineValue = 100, BaselineOn = start, TargetValue = 50, TargetOn = end, FieldOfActionId = plan.Fields[0].Id,
                    Values = [new() { On = start.AddDays(5), Value = 80 }],
                },
                new Indicator
                {
                    PlanId = plan.Id, Position = 4, Name = "Kurse", Direction = IndicatorDirection.HigherIsBetter,
                    BaselineValue = 10, BaselineOn = start, TargetValue = 20, TargetOn = end, FieldOfActionId = plan.Fields[1].Id,
                    Values = [new() { On = start.AddDays(1), Value = 25 }],
                },
                new Indicator { PlanId = plan.Id, Position = 1, Name = "Neu", Direction = IndicatorDirection.HigherIsBetter, BaselineValue = 1, BaselineOn = start, TargetValue = 2, TargetOn = end });
            return 0;
        });
        // Two values on one day: the one entered last counts.
        await m.WithDbAsync(async db =>
        {
            var homes = await db.Indicators.SingleAsync(i => i.PlanId == plan.Id && i.Position == 3);
            db.IndicatorValues.Add(new IndicatorValue { IndicatorId = homes.Id, On = start.AddDays(5), Value = 55, Note = "Nachmeldung " + HostileText.RightToLeft, Source = "Zensus" });
            return 0;
        });
        var other = await m.AddPlanAsync(fields: 1, measuresPerField: 1, title: "Anderer Plan");
        await m.WithDbAsync(db =>
        {
            db.Indicators.Add(new Indicator { PlanId = other.Id, Name = "Fremd", BaselineOn = start, TargetOn = end });
            return Task.FromResult(0);
        });

        var list = (await GetJsonAsync(app.CreateClient(), Api(m, plan.Id) + "/indicators")).EnumerateArray().ToList();

        Assert.Equal(["Neu", "Wartezeit", "Wohnungen " + HostileText.Script, "Kurse"], list.Select(i => i.GetProperty("name").GetString()));
        Assert.Equal(["Plan", "FieldOfAction", "Measure", "FieldOfAction"], list.Select(i => i.GetProperty("belongsTo").GetString()));
        Assert.Equal(["NoValues", "Behind", "OnTrack", "TargetReached"], list.Select(i => i.GetProperty("track").GetProperty("state").GetString()));

        var none = list[0];
        Assert.Equal(JsonValueKind.Null, none.GetProperty("fieldOfActionId").ValueKind);
        Assert.Equal(JsonValueKind.Null, none.GetProperty("measureId").ValueKind);
        Assert.Equal(JsonValueKind.Null, none.GetProperty("track").GetProperty("latest").ValueKind);
        Assert.Equal(JsonValueKind.Null, none.GetProperty("track").GetProperty("expected").ValueKind);

        var waiting = list[1];
        Assert.Equal(plan.Fields[0].Id, waiting.GetProperty("fieldOfActionId").GetInt32());
        Assert.Equal("LowerIsBetter", waiting.GetProperty("direction").GetString());
        Assert.Equal(75m, waiting.GetProperty("track").GetProperty("expected").GetDecimal());

        var homes = list[2];
        Assert.Equal(plan.Measures[1].Id, homes.GetProperty("measureId").GetInt32());
        Assert.Equal(HostileText.VeryLong[..Indicator.MaxDefinitionLength], homes.GetProperty("definition").GetString());
        Assert.Equal(("%", "Sozialamt", "HigherIsBetter"), (homes.GetProperty("unit").GetString(), homes.GetProperty("source").GetString(), homes.GetProperty("direction").GetString()));
        Assert.Equal((0m, "2020-01-01", 100m, "2020-01-11"), (homes.GetProperty("baselineValue").GetDecimal(), homes.GetProperty("baselineOn").GetString(), homes.GetProperty("targetValue").GetDecimal(), homes.GetProperty("targetOn").GetString()));
        Assert.Equal([("2020-01-03", 10m), ("2020-01-06", 40m), ("2020-01-06", 55m)],
            homes.GetProperty("values").EnumerateArray().Select(v => (v.GetProperty("on").GetString(), v.GetProperty("value").GetDecimal())));
        var latest = homes.GetProperty("track").GetProperty("latest");
        Assert.Equal(("2020-01-06", 55m, "Nachmeldung " + HostileText.RightToLeft, "Zensus"),
            (latest.GetProperty("on").GetString(), latest.GetProperty("value").GetDecimal(), latest.GetProperty("note").GetString(), latest.GetProperty("source").GetString()));
        Assert.Equal(50m, homes.GetProperty("track").GetProperty("expected").GetDecimal());
    }

    [Fact]
    public async Task A_plan_that_is_not_public_or_another_municipalitys_answers_404_at_the_new_addresses()
    {
        var m = await app.CreateMunicipalityAsync();
        var hidden = await ReportedPlanAsync(m, isPublic: false);
        var other = await app.CreateMunicipalityAsync();
        var theirs = await ReportedPlanAsync(other);
        var client = app.CreateClient();

        foreach (var url in new[] { Api(m, hidden.Plan.Id), Api(m, theirs.Plan.Id) }.SelectMany(u => new[] { u + "/implementation", u + "/indicators" }))
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("In Umsetzung", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Api(other, theirs.Plan.Id) + "/implementation")).StatusCode);
    }

    /// <summary>The read API is anonymous and shows published plans only: every visitor, the municipality's own plan team
    /// included, gets a public plan's data and a 404 for one that is not public.</summary>
    [Fact]
    public async Task Every_visitor_reads_a_public_plans_implementation_data_and_nobody_a_hidden_ones()
    {
        var m = await app.CreateMunicipalityAsync();
        var open = await ReportedPlanAsync(m);
        var hidden = await ReportedPlanAsync(m, isPublic: false);
        IEnumerable<string> Addresses(Reported r) =>
        [
            Api(m, r.Plan.Id) + "/implementation", Api(m, r.Plan.Id) + "/indicators", $"{Api(m, r.Plan.Id)}/measures/{r.Measure.Id}", Api(m, r.Plan.Id),
        ];

        foreach (var visitor in Enum.GetValues<Visitor>())
        {
            var client = await PermissionMatrix.ClientAsync(app, m, visitor);
            await PermissionMatrix.AssertAsync(client, visitor, [
                .. Addresses(open).Select(url => PermissionCheck.Get(url, Access.Everyone)),
                .. Addresses(hidden).Select(url => PermissionCheck.Get(url, Access.Nobody, refusal: HttpStatusCode.NotFound)),
            ]);
        }
    }

    [Fact]
    public async Task The_new_answers_are_cached_until_the_municipality_is_evicted()
    {
        var m = await app.CreateMunicipalityAsync();
        var r = await ReportedPlanAsync(m);
        var client = app.CreateClient();
        var urls = new[] { Api(m, r.Plan.Id) + "/implementation", Api(m, r.Plan.Id) + "/indicators", $"{Api(m, r.Plan.Id)}/measures/{r.Measure.Id}" };
        var before = new List<string>();
        foreach (var url in urls) before.Add(await client.GetStringAsync(url));

        await m.WithDbAsync(async db =>
        {
            foreach (var x in await db.Measures.Where(x => x.PlanId == r.Plan.Id).ToListAsync()) x.Status = MeasureStatus.Completed;
            db.Indicators.Add(new Indicator { PlanId = r.Plan.Id, Name = "Später", BaselineOn = BerlinToday, TargetOn = BerlinToday });
            db.Milestones.Add(new Milestone { MeasureId = r.Measure.Id, Title = "Später", DueOn = BerlinToday });
            return 0;
        });

        for (var i = 0; i < urls.Length; i++) Assert.Equal(before[i], await client.GetStringAsync(urls[i]));
        await PublicPageCache.EvictMunicipalityAsync(app.Services.GetRequiredService<IOutputCacheStore>(), m.Slug);
        for (var i = 0; i < urls.Length; i++)
        {
            var after = await client.GetStringAsync(urls[i]);
            Assert.NotEqual(before[i], after);
            Assert.Contains(i == 0 ? "\"Completed\",\"count\":4" : "Später", after, StringComparison.Ordinal);
        }
    }

    /// <summary>Every answer of the read API validates against the schema the OpenAPI document gives for it, with no
    /// property the document leaves out: the document describes the new fields and endpoints completely and truly.</summary>
    [Fact]
    public async Task The_answers_match_the_OpenAPI_document_property_for_property()
    {
        var m = await app.CreateMunicipalityAsync();
        var r = await ReportedPlanAsync(m);
        await m.WithDbAsync(db =>
        {
            db.Indicators.Add(new Indicator
            {
                PlanId = r.Plan.Id, Name = "Wohnungen", BaselineOn = new DateOnly(2020, 1, 1), TargetOn = new DateOnly(2022, 1, 1), TargetValue = 10, MeasureId = r.Measure.Id,
                Values = [new() { On = new DateOnly(2021, 1, 1), Value = 4.5m, Note = "Notiz" }],
            });
            db.Indicators.Add(new Indicator { PlanId = r.Plan.Id, Name = "Ohne Werte", BaselineOn = new DateOnly(2020, 1, 1), TargetOn = new DateOnly(2022, 1, 1) });
            return Task.FromResult(0);
        });
        var client = app.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var api = Api(m, r.Plan.Id);
        const string Plan = "/api/v1/municipalities/{municipality}/plans/{planId}";

        foreach (var (path, url) in new[]
        {
            (Plan, api),
            (Plan + "/fields", api + "/fields"),
            (Plan + "/fields/{fieldId}", $"{api}/fields/{r.Plan.Fields[0].Id}"),
            (Plan + "/measures", api + "/measures"),
            (Plan + "/measures/{measureId}", $"{api}/measures/{r.Measure.Id}"),
            (Plan + "/implementation", api + "/implementation"),
            (Plan + "/indicators", api + "/indicators"),
        })
        {
            var schema = OpenApiSchema(document, path);
            var answer = await GetJsonAsync(client, url);
            var result = schema.Evaluate(answer, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
            var problems = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"));
            Assert.True(result.IsValid, $"{url} does not match the OpenAPI document at {path}:\n" + string.Join("\n", problems));
        }

        // The check bites: an answer with a property the document does not know fails it.
        var measure = JsonNode.Parse((await GetJsonAsync(client, $"{api}/measures/{r.Measure.Id}")).GetRawText())!;
        measure["reports"]![0]!["undocumented"] = 1;
        Assert.False(OpenApiSchema(document, Plan + "/measures/{measureId}").Evaluate(JsonDocument.Parse(measure.ToJsonString()).RootElement).IsValid);
    }

    /// <summary>The schema of a path's 200 answer, with the document's components as <c>$defs</c> and every object
    /// closed (<c>additionalProperties: false</c>), so an undocumented property fails.</summary>
    private static JsonSchema OpenApiSchema(JsonNode document, string path)
    {
        var answer = document["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = document["components"]!["schemas"]!.DeepClone(),
            ["allOf"] = new JsonArray(answer.DeepClone()),
        };
        Close(root);
        var text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012.With([], allowUnknownKeywords: true) },
            new Uri("https://planwerk.example/openapi" + path.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal)));
    }

    private static void Close(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["properties"] is JsonObject && o["additionalProperties"] is null) o["additionalProperties"] = false;
                foreach (var (_, child) in o.ToList()) Close(child);
                break;
            case JsonArray a:
                foreach (var child in a) Close(child);
                break;
        }
    }
}

public sealed class ImplementationApiSqliteTests(SqliteClockedApp app) : ImplementationApiTests(app), IClassFixture<SqliteClockedApp>;

public sealed class ImplementationApiPostgresTests(PostgresClockedApp app) : ImplementationApiTests(app), IClassFixture<PostgresClockedApp>;
