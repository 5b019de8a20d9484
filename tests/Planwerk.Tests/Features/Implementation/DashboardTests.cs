using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Implementation;
using Planwerk.Features.Plans;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Plans.Manage;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Implementation;

/// <summary>A plan's public dashboard: the status distribution, the progress per field and the overdue milestones, each
/// chart with the same numbers in its summary and its table; only public plans, only the municipality's own.</summary>
public abstract class DashboardTests(ClockedApp app)
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_dashboard_shows_status_progress_per_field_and_overdue_milestones_in_charts_and_tables()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(fields: 2, measuresPerField: 2);
        var today = Planwerk.Infrastructure.Time.BerlinTime.Today(app.Clock);
        await m.WithDbAsync(async db =>
        {
            (await db.Plans.SingleAsync(p => p.Id == plan.Id)).IsPublic = true;
            var measures = await db.Measures.Where(x => x.PlanId == plan.Id).OrderBy(x => x.FieldOfAction!.Number).ThenBy(x => x.Position).ToListAsync();
            (measures[0].Status, measures[0].Progress) = (MeasureStatus.Completed, 100);
            (measures[1].Status, measures[1].Progress) = (MeasureStatus.InProgress, 40);
            (measures[2].Status, measures[2].Progress) = (MeasureStatus.Discontinued, 30);
            (measures[3].Status, measures[3].Progress) = (MeasureStatus.NotStarted, 0);
            db.Milestones.AddRange(
                new Milestone { MeasureId = measures[1].Id, Title = "Kursträger gefunden " + HostileText.Script, DueOn = today.AddDays(-10) },
                new Milestone { MeasureId = measures[1].Id, Title = "Erledigt", DueOn = today.AddDays(-20), DoneOn = today.AddDays(-21) },
                new Milestone { MeasureId = measures[3].Id, Title = "Noch Zeit", DueOn = today.AddDays(5) });
            await db.SaveChangesAsync();
            return 0;
        });
        var url = $"/{m.Slug}/plans/{Id(plan.Id)}/dashboard";
        var anonymous = app.CreateBrowserlikeClient();
        Assert.Equal(url, (await anonymous.GetDocumentAsync($"/{m.Slug}/plans/{Id(plan.Id)}")).QuerySelector("#dashboard-link")!.GetAttribute("href"));
        var response = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(HostileText.Script, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await HtmlForms.ParseAsync(response);

        // (100 + 40 + 0) / 3: the discontinued measure is left out of the progress.
        Assert.Equal("47 %", page.QuerySelector("#plan-progress")!.TextContent);
        Assert.Contains("jede gleich gezählt; eingestellte zählen nicht mit", page.QuerySelector("#rollup-method")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", page.QuerySelector("#overdue-count")!.TextContent);

        var statusTable = page.QuerySelectorAll("#status-table tbody tr").Select(r => (r.QuerySelector("th")!.TextContent, r.QuerySelector("td")!.TextContent)).ToList();
        Assert.Equal([("Nicht begonnen", "1"), ("In Umsetzung", "1"), ("Abgeschlossen", "1"), ("Verzögert", "0"), ("Eingestellt", "1")], statusTable);
        var statusChart = page.QuerySelector("#status-chart svg")!;
        Assert.Equal("img", statusChart.GetAttribute("role"));
        Assert.Equal("4 Maßnahmen insgesamt: 1 Nicht begonnen, 1 In Umsetzung, 1 Abgeschlossen, 0 Verzögert, 1 Eingestellt.", page.QuerySelector("#status-chart-desc")!.TextContent);
        Assert.Equal(["1", "1", "1", "0", "1"], statusChart.QuerySelectorAll("text.bar-value").Select(t => t.TextContent));

        var fieldRows = page.QuerySelectorAll("#field-table tbody tr").ToList();
        Assert.Equal(2, fieldRows.Count);
        Assert.Equal(["2", "70 %", "0", "1", "1", "0", "0"], fieldRows[0].QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal(["2", "0 %", "1", "0", "0", "0", "1"], fieldRows[1].QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal(["70 %", "0 %"], page.QuerySelectorAll("#field-chart text.bar-value").Select(t => t.TextContent));
        Assert.Contains("Am weitesten: Handlungsfeld 1 (70 %). Am wenigsten weit: Handlungsfeld 2 (0 %).", page.QuerySelector("#field-chart-desc")!.TextContent, StringComparison.Ordinal);

        var overdue = page.QuerySelectorAll("#overdue-table tbody tr").ToList();
        Assert.Single(overdue);
        Assert.Contains("Kursträger gefunden " + HostileText.Script, overdue[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("überfällig seit", overdue[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_that_is_not_public_or_belongs_to_another_municipality_has_no_dashboard()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(fields: 1, measuresPerField: 1);
        var anonymous = app.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/{m.Slug}/plans/{Id(plan.Id)}/dashboard")).StatusCode);
        await m.WithDbAsync(async db =>
        {
            (await db.Plans.SingleAsync(p => p.Id == plan.Id)).IsPublic = true;
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/{m.Slug}/plans/{Id(plan.Id)}/dashboard")).StatusCode);
        var other = await app.CreateMunicipalityAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/{other.Slug}/plans/{Id(plan.Id)}/dashboard")).StatusCode);
    }
}

public sealed class DashboardSqliteTests(SqliteClockedApp app) : DashboardTests(app), IClassFixture<SqliteClockedApp>;

public sealed class DashboardPostgresTests(PostgresClockedApp app) : DashboardTests(app), IClassFixture<PostgresClockedApp>;
