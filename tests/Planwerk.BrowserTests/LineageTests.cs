using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Planwerk.BrowserTests.Infrastructure;
using Planwerk.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.BrowserTests;

/// <summary>A plan's line in Chromium: the plan team continues a plan and chooses the measure to carry by keyboard,
/// assesses the earlier plan's measures, and a visitor goes from the earlier measure to its continuation and back.
/// axe-core runs on every page reached.</summary>
public sealed partial class LineageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Assessment = "Kurse in vier Stadtteilen, weitere folgen " + HostileText.Script;

    [Fact]
    public async Task Team_continues_a_plan_carries_a_measure_by_keyboard_assesses_and_a_visitor_follows_the_line_both_ways()
    {
        var m = await app.CreateMunicipalityAsync();
        var earlier = await Seed.PlanAsync(m, "Fachplan Asyl 2014–2016");
        var editor = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        var page = await app.NewPageAsync();
        await page.SignInAsync(editor.Email!);

        // Continue the plan: copy its principles and fields, carry measure 1.1 chosen with the keyboard.
        var continueUrl = $"/{m.Slug}/manage/plans/{earlier.PlanId}/continue";
        await page.GotoAsync(continueUrl);
        await page.AssertNoAccessibilityViolationsAsync();
        await page.Locator("#Input_Title").FillAsync("Konzeption 2022 " + HostileText.Markup);
        await page.Locator("#Input_PeriodStart").FillAsync("2022");
        await page.Locator("#Input_PeriodEnd").FillAsync("2026");
        var carried = page.Locator($"#measure-{earlier.MeasureId}");
        await page.TabToAndPressAsync(carried, "Space", navigates: false);
        Assert.True(await carried.IsCheckedAsync());
        Assert.False(await page.Locator($"#measure-{earlier.OtherMeasureId}").IsCheckedAsync());
        await page.TabToAndPressAsync(page.Locator("#continue-form").GetByRole(AriaRole.Button, new() { Name = "Fortschreibung anlegen" }));
        await page.ReachAsync(url => ManagePlan().Match(url) is { Success: true } match && match.Groups[1].Value != earlier.PlanId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var laterId = int.Parse(ManagePlan().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("als Fortschreibung angelegt", await page.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertNoAccessibilityViolationsAsync();

        // Assess the earlier plan: the carried measure is already "continued"; its text is written here, the other is dropped.
        var assessmentUrl = $"/{m.Slug}/manage/plans/{earlier.PlanId}/assessment";
        await page.GotoAsync(assessmentUrl);
        await page.AssertNoAccessibilityViolationsAsync();
        Assert.Equal("Continued", await page.Locator($"#assess-{earlier.MeasureId} select").InputValueAsync());
        await page.Locator($"#assess-{earlier.MeasureId} textarea").FillAsync(Assessment);
        await page.Locator($"#assess-{earlier.OtherMeasureId} select").SelectOptionAsync("Dropped");
        await page.TabToAndPressAsync(page.Locator("#assessment-form").GetByRole(AriaRole.Button, new() { Name = "Bewertung speichern" }));
        await page.GotoAsync(assessmentUrl);
        Assert.Equal(Assessment, await page.Locator($"#assess-{earlier.MeasureId} textarea").InputValueAsync());
        Assert.Equal("Dropped", await page.Locator($"#assess-{earlier.OtherMeasureId} select").InputValueAsync());

        // The plan team publishes the new plan (its publishing is not what this test is about).
        await m.WithDbAsync(async db =>
        {
            (await db.Plans.SingleAsync(p => p.Id == laterId)).IsPublic = true;
            return await db.SaveChangesAsync();
        });
        var copyId = await m.WithDbAsync(db => db.Measures.Where(x => x.CarriedFromMeasureId == earlier.MeasureId).Select(x => x.Id).SingleAsync());

        // A visitor on the earlier measure sees where it continues and its assessment, inert.
        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync($"/{m.Slug}/plans/{earlier.PlanId}/measures/{earlier.MeasureId}");
        var into = visitor.Locator("#lineage-into a");
        await Assertions.Expect(into).ToHaveTextAsync("Maßnahme 1.1 von „Konzeption 2022 " + HostileText.Markup + "“");
        await Assertions.Expect(visitor.Locator("#lineage-outcome")).ToContainTextAsync("fortgeführt");
        await Assertions.Expect(visitor.Locator("#lineage-outcome-text")).ToHaveTextAsync(Assessment);
        Assert.Equal(0, await visitor.Locator("#lineage script, #lineage img").CountAsync());
        await visitor.AssertNoAccessibilityViolationsAsync();

        // By keyboard to the continuation, which names where it came from.
        await visitor.TabToAndPressAsync(into);
        await visitor.ReachAsync($"/{m.Slug}/plans/{laterId}/measures/{copyId}");
        Assert.StartsWith("1.1 Sprachkurse in den Stadtteilen " + HostileText.Script, await visitor.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        var from = visitor.Locator("#lineage-from a");
        await Assertions.Expect(from).ToHaveTextAsync("Maßnahme 1.1 von „Fachplan Asyl 2014–2016“");
        Assert.EndsWith($"/plans/{earlier.PlanId}/measures/{earlier.MeasureId}", await from.GetAttributeAsync("href"), StringComparison.Ordinal);
        await Assertions.Expect(visitor.Locator("#lineage-from-text")).ToHaveTextAsync(Assessment);
        await visitor.AssertNoAccessibilityViolationsAsync();
    }

    [GeneratedRegex(@"/manage/plans/(\d+)$")]
    private static partial Regex ManagePlan();
}
