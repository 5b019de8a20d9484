using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Data;
using Planwerk.Features.Demo;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Demo;

/// <summary>The demo plan is being carried out: a status catalogue, half-yearly reporting periods from 2019 to 2022 and
/// example milestones, some overdue, which its public dashboard shows.</summary>
public abstract class DemoImplementationTests(DemoApp app)
{
    [Fact]
    public async Task The_demo_plan_has_statuses_reporting_periods_and_milestones_its_dashboard_shows()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>();
        db.CurrentMunicipalityId = (await db.Municipalities.SingleAsync(m => m.Slug == DemoContent.Slug)).Id;
        var plan = await db.Plans.SingleAsync(p => p.Title == DemoContentTests.PlanTitle);

        Assert.Equal(7, await db.ImplementationStatuses.CountAsync());
        var periods = await db.ReportingPeriods.Where(p => p.PlanId == plan.Id).OrderBy(p => p.StartsOn).Select(p => p.Name).ToListAsync();
        Assert.Equal(["2019, 2. Halbjahr", "2020, 1. Halbjahr", "2020, 2. Halbjahr", "2021, 1. Halbjahr", "2021, 2. Halbjahr", "2022, 1. Halbjahr", "2022, 2. Halbjahr"], periods);
        Assert.Equal(DemoImplementation.Milestones.Length, await db.Milestones.CountAsync(m => m.Measure!.PlanId == plan.Id));
        var open = DemoImplementation.Milestones.Count(m => m.DoneOn is null);

        var dashboard = await app.CreateBrowserlikeClient().GetDocumentAsync($"/{DemoContent.Slug}/plans/{plan.Id}/dashboard");
        Assert.Equal(open.ToString(System.Globalization.CultureInfo.InvariantCulture), dashboard.QuerySelector("#overdue-count")!.TextContent);
        Assert.Contains("Integrationsbüro Nord eröffnet", dashboard.QuerySelector("#overdue-table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(12, dashboard.QuerySelectorAll("#field-table tbody tr").Length);
    }

    [Fact]
    public async Task The_demo_plan_has_indicators_on_and_off_track_and_published_yearly_reports()
    {
        int planId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>();
            db.CurrentMunicipalityId = (await db.Municipalities.SingleAsync(m => m.Slug == DemoContent.Slug)).Id;
            planId = (await db.Plans.SingleAsync(p => p.Title == DemoContentTests.PlanTitle)).Id;
            // The typed indicators, and one that reads the allocations dataset.
            Assert.Equal(DemoImplementation.Indicators.Length, await db.Indicators.CountAsync(i => i.PlanId == planId && i.DatasetId == null));
            Assert.Equal(DemoImplementation.DatasetIndicator, await db.Indicators.Where(i => i.PlanId == planId && i.DatasetId != null).Select(i => i.Name).SingleAsync());
            Assert.Equal(DemoImplementation.Indicators.Sum(i => i.Values.Length), await db.IndicatorValues.CountAsync(v => v.Indicator!.PlanId == planId));
        }
        var visitor = app.CreateBrowserlikeClient();
        var dashboard = await visitor.GetDocumentAsync($"/{DemoContent.Slug}/plans/{planId}/dashboard");
        var states = dashboard.QuerySelectorAll("#indicators .track strong").Select(s => s.TextContent).ToList();
        Assert.Equal(["auf Kurs.", "hinter dem Kurs.", "Ziel erreicht.", "hinter dem Kurs.", "hinter dem Kurs."], states);
        Assert.Equal("2 von 5", dashboard.QuerySelector("#indicators-on-track")!.TextContent);
        // The published yearly reports are public; the draft is not.
        foreach (var (year, published) in DemoImplementation.YearlyReports)
        {
            var response = await visitor.GetAsync($"/{DemoContent.Slug}/plans/{planId}/yearly-reports/{year}");
            Assert.Equal(published is null ? System.Net.HttpStatusCode.NotFound : System.Net.HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_demo_reports_lead_each_measure_to_its_live_state_and_the_demo_reporter_has_work_to_do()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>();
        db.CurrentMunicipalityId = (await db.Municipalities.SingleAsync(m => m.Slug == DemoContent.Slug)).Id;
        var plan = await db.Plans.SingleAsync(p => p.Title == DemoContentTests.PlanTitle);
        var measures = await db.Measures.Where(m => m.PlanId == plan.Id).Select(m => new { m.Id, m.Number, m.Status, m.Progress }).ToListAsync();
        var reports = await db.MeasureReports.Where(r => r.Measure!.PlanId == plan.Id)
            .Select(r => new { r.MeasureId, r.State, r.Progress, Kind = r.Status!.Kind, r.ReportingPeriod!.StartsOn, r.Done }).ToListAsync();
        Assert.All(reports, r => Assert.StartsWith("Beispielinhalt", r.Done, StringComparison.Ordinal));
        // The newest published report of each measure says what the measure's live status and progress say.
        foreach (var measure in measures)
        {
            var newest = reports.Where(r => r.MeasureId == measure.Id && r.State == Planwerk.Features.Implementation.ReportState.Published).MaxBy(r => r.StartsOn);
            Assert.True(newest is not null, $"Measure {measure.Number} has no published report");
            Assert.Equal((measure.Status, measure.Progress), (newest.Kind, newest.Progress!.Value));
        }
        // The last period has work left: reports missing, submitted and returned.
        var lastPeriod = reports.Max(r => r.StartsOn);
        var inLast = reports.Where(r => r.StartsOn == lastPeriod).ToList();
        Assert.True(inLast.Count < measures.Count);
        Assert.Contains(inLast, r => r.State == Planwerk.Features.Implementation.ReportState.Submitted);
        Assert.Contains(inLast, r => r.State == Planwerk.Features.Implementation.ReportState.Returned);

        // The demo reporter signs in and finds the office's measures; the public measure page shows published reports.
        var reporter = await app.SignInAsync(DemoContent.ReporterEmail, DemoContent.DemoPassword);
        var mine = await reporter.GetDocumentAsync($"/{DemoContent.Slug}/reports");
        Assert.Contains("1.1", mine.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
        var first = measures.Single(m => m.Number == "1.1");
        var page = await app.CreateBrowserlikeClient().GetDocumentAsync($"/{DemoContent.Slug}/plans/{plan.Id}/measures/{first.Id}");
        Assert.Equal("2022, 2. Halbjahr", page.QuerySelector("#reports h3")!.TextContent);
    }
}

public sealed class DemoImplementationSqliteTests(DemoSqliteApp app) : DemoImplementationTests(app), IClassFixture<DemoSqliteApp>;

public sealed class DemoImplementationPostgresTests(DemoPostgresApp app) : DemoImplementationTests(app), IClassFixture<DemoPostgresApp>;
