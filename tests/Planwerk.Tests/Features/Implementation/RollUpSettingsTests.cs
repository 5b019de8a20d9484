using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Implementation;
using Planwerk.Features.Plans;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Plans.Manage;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Implementation;

/// <summary>The plan setting how progress is added up, and the measures' weights: set in one form that applies fully or
/// not at all, against the plan's version; the dashboard adds up by them and names the method; the history records them.</summary>
public abstract class RollUpSettingsTests(ClockedApp app)
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A public plan of one field with three measures at 10, 50 and 90 %.</summary>
    private async Task<(TestMunicipality M, int PlanId, int[] Measures)> PlanAsync()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 0, fields: 1, measuresPerField: 3);
        await m.WithDbAsync(async db =>
        {
            (await db.Plans.SingleAsync(p => p.Id == plan.Id)).IsPublic = true;
            var measures = await db.Measures.Where(x => x.PlanId == plan.Id).OrderBy(x => x.Position).ToListAsync();
            for (var i = 0; i < 3; i++) (measures[i].Status, measures[i].Progress) = (MeasureStatus.InProgress, 10 + 40 * i);
            return 0;
        });
        return (m, plan.Id, [.. plan.Fields[0].MeasureIds]);
    }

    private static Dictionary<string, string?> Form(string method, params string[] weights)
    {
        var fields = new Dictionary<string, string?> { ["Method"] = method };
        for (var i = 0; i < weights.Length; i++) fields[$"Weights[{i}].Weight"] = weights[i];
        return fields;
    }

    [Fact]
    public async Task Weights_and_the_weighted_method_change_the_dashboard_and_bad_weights_change_nothing()
    {
        var (m, planId, measures) = await PlanAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/plans/{Id(planId)}/roll-up";
        var dashboard = $"/{m.Slug}/plans/{Id(planId)}/dashboard";
        var anonymous = app.CreateBrowserlikeClient();
        Assert.Equal(url, (await editor.GetDocumentAsync($"/{m.Slug}/manage/plans/{Id(planId)}")).QuerySelector("#rollup-link")!.GetAttribute("href"));
        // New measures weigh 1, and the plan adds up every measure alike.
        var form = await editor.GetDocumentAsync(url);
        Assert.Equal(["1", "1", "1"], form.QuerySelectorAll("#weights input[type=text]").Select(i => i.GetAttribute("value")));
        Assert.Equal("50 %", (await anonymous.GetDocumentAsync(dashboard)).QuerySelector("#plan-progress")!.TextContent);

        // A weight that is none, one too large, one with three decimals: each named at its row; nothing changes.
        var response = await editor.SubmitFormAsync(url, Form("Weighted", "abc", "1001", "1,234"), "#rollup-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await HtmlForms.ParseAsync(response)).Errors();
        foreach (var number in new[] { "1.1", "1.2", "1.3" })
            Assert.Contains(errors, e => e.Contains("Gewicht von Maßnahme " + number, StringComparison.Ordinal));
        Assert.Equal(RollUpMethod.Average, await m.WithDbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.RollUpMethod).SingleAsync()));
        Assert.All(await m.WithDbAsync(db => db.Measures.Where(x => x.PlanId == planId).Select(x => x.Weight).ToListAsync()), w => Assert.Equal(1m, w));

        // Weighted, 1 / 0 / 3 in German notation: (10·1 + 90·3) / 4 = 70 %, the measure of weight 0 left out.
        response = await editor.SubmitFormAsync(url, Form("Weighted", "1", "0", "3,00"), "#rollup-form");
        Assert.Equal(url, response.RedirectTarget());
        var page = await anonymous.GetDocumentAsync(dashboard);
        Assert.Equal("70 %", page.QuerySelector("#plan-progress")!.TextContent);
        Assert.Contains("nach ihrem Gewicht", page.QuerySelector("#rollup-method")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([1m, 0m, 3m], await m.WithDbAsync(db => db.Measures.Where(x => x.PlanId == planId).OrderBy(x => x.Position).Select(x => x.Weight).ToListAsync()));
        // English notation is read as well.
        response = await editor.SubmitFormAsync(url, Form("Weighted", "1.5", "0", "3"), "#rollup-form");
        Assert.Equal(url, response.RedirectTarget());
        Assert.Equal(1.5m, await m.WithDbAsync(db => db.Measures.Where(x => x.Id == measures[0]).Select(x => x.Weight).SingleAsync()));

        // The history names the weights and the method.
        var history = (await editor.GetDocumentAsync($"/{m.Slug}/manage/plans/{Id(planId)}/history")).QuerySelector("main")!.TextContent;
        Assert.Contains("Gewicht", history, StringComparison.Ordinal);
        Assert.Contains("gewichtet: jede nach ihrem Gewicht", history, StringComparison.Ordinal);

        // Back to the average: 50 % again.
        response = await editor.SubmitFormAsync(url, Form("Average", "1.5", "0", "3"), "#rollup-form");
        Assert.Equal(url, response.RedirectTarget());
        Assert.Equal("50 %", (await anonymous.GetDocumentAsync(dashboard)).QuerySelector("#plan-progress")!.TextContent);
    }

    [Fact]
    public async Task A_stale_form_gets_the_conflict_view_and_only_editors_reach_the_page()
    {
        var (m, planId, _) = await PlanAsync();
        var url = $"/{m.Slug}/manage/plans/{Id(planId)}/roll-up";
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var stale = await editor.GetDocumentAsync(url);
        Assert.Equal(url, (await editor.SubmitFormAsync(url, Form("Weighted", "2", "2", "2"), "#rollup-form")).RedirectTarget());
        var response = await editor.SubmitFormAsync(stale, url, Form("Average", "5", "5", "5"), "#rollup-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("inzwischen von jemand anderem geändert", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("gewichtet: jede nach ihrem Gewicht", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.All(await m.WithDbAsync(db => db.Measures.Where(x => x.PlanId == planId).Select(x => x.Weight).ToListAsync()), w => Assert.Equal(2m, w));

        foreach (var visitor in Enum.GetValues<Visitor>())
        {
            var client = await PermissionMatrix.ClientAsync(app, m, visitor);
            await PermissionMatrix.AssertAsync(client, visitor, [
                PermissionCheck.Get(url, Access.PlanEditor),
            ]);
        }
    }
}

public sealed class RollUpSettingsSqliteTests(SqliteClockedApp app) : RollUpSettingsTests(app), IClassFixture<SqliteClockedApp>;

public sealed class RollUpSettingsPostgresTests(PostgresClockedApp app) : RollUpSettingsTests(app), IClassFixture<PostgresClockedApp>;
