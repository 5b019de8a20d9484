using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Data;
using Planwerk.Features.Demo;
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
}

public sealed class DemoImplementationSqliteTests(DemoSqliteApp app) : DemoImplementationTests(app), IClassFixture<DemoSqliteApp>;

public sealed class DemoImplementationPostgresTests(DemoPostgresApp app) : DemoImplementationTests(app), IClassFixture<DemoPostgresApp>;
