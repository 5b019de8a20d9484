using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Planwerk.BrowserTests.Infrastructure;
using Planwerk.Features.Accounts;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Features.Pathways.Manage;
using Planwerk.Tests.Features.Services;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.BrowserTests;

/// <summary>A counsellor edits a step of a pathway in a real browser with the keyboard alone: from the pathways they land
/// on after signing in, through the pathway's stages to the step, changes its text and names a help service; every page
/// on the way has no axe-core finding of any impact.</summary>
public sealed class PathwayEditingTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_counsellor_edits_a_step_by_keyboard()
    {
        var m = await app.CreateMunicipalityAsync();
        var organisation = await m.AddStakeholderAsync("Beratungsverein " + HostileText.Script);
        var (serviceId, _) = await m.AddServiceAsync(organisation, "Bürgerbüro Mitte", withLocation: false);
        var stepId = await m.AddStepAsync("Wohnsitz anmelden " + HostileText.Markup);
        var (pathwayId, _) = await m.AddPathwayAsync(stages: ("Ankommen", [stepId]));
        var counsellor = await m.AddMemberAsync(MunicipalityRole.Counsellor);

        var page = await app.NewPageAsync();
        await page.SignInAsync(counsellor.Email!);
        await page.ArriveAtAsync($"/{m.Slug}/manage/pathways", "Integrationswege");
        await page.AssertNoAccessibilityViolationsAsync();

        await page.TabToAndPressAsync(page.Locator($"a[href='/{m.Slug}/manage/pathways/{pathwayId}']"));
        await page.ArriveAtAsync($"/{m.Slug}/manage/pathways/{pathwayId}", "Integrationsweg bearbeiten: Neu angekommen");
        await page.AssertNoAccessibilityViolationsAsync();
        Assert.Equal(0, await page.Locator("a[href$='/publish']").CountAsync());

        await page.TabToAndPressAsync(page.Locator($"a[href='/{m.Slug}/manage/pathways/{pathwayId}/stages']"));
        await page.ArriveAtAsync($"/{m.Slug}/manage/pathways/{pathwayId}/stages", "Abschnitte und Schritte: Neu angekommen");
        await page.AssertNoAccessibilityViolationsAsync();

        await page.TabToAndPressAsync(page.Locator($"#stages a[href='/{m.Slug}/manage/pathways/steps/{stepId}']"));
        await page.ArriveAtAsync($"/{m.Slug}/manage/pathways/steps/{stepId}", "Schritt bearbeiten: Wohnsitz anmelden " + HostileText.Markup);
        await page.AssertNoAccessibilityViolationsAsync();

        // The texts, typed as a keyboard user types them.
        await page.TabToAndPressAsync(page.Locator("#Input_WhatToDo"), "Control+a", navigates: false);
        await page.Keyboard.TypeAsync("Gehen Sie innerhalb von zwei Wochen zum Bürgerbüro.");
        await page.TabToAndPressAsync(page.Locator("#Input_Deadlines"), "End", navigates: false);
        await page.Keyboard.TypeAsync("zwei Wochen nach dem Einzug");
        await page.TabToAndPressAsync(page.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }));
        await page.GetByText("wurde gespeichert").WaitForAsync();
        await page.AssertNoAccessibilityViolationsAsync();

        // A help service, chosen from the list and added with the keyboard.
        await page.TabToAndPressAsync(page.Locator("#serviceId"), "ArrowDown", navigates: false);
        await page.TabToAndPressAsync(page.GetByRole(AriaRole.Button, new() { Name = "Hilfeangebot hinzufügen", Exact = true }));
        await page.GetByText("Das Hilfeangebot „Bürgerbüro Mitte“ wurde hinzugefügt.").WaitForAsync();
        await page.AssertNoAccessibilityViolationsAsync();

        var step = await m.WithDbAsync(db => db.PathwaySteps.AsNoTracking().Include(s => s.Services).SingleAsync(s => s.Id == stepId));
        Assert.Equal(("Gehen Sie innerhalb von zwei Wochen zum Bürgerbüro.", "zwei Wochen nach dem Einzug"), (step.WhatToDo, step.Deadlines));
        Assert.Equal([serviceId], step.Services.Select(s => s.ServiceId).ToList());

        await page.GotoAsync($"/{m.Slug}/manage/pathways/steps/{stepId}/history");
        await page.AssertNoAccessibilityViolationsAsync();
        Assert.Contains("Gehen Sie innerhalb von zwei Wochen zum Bürgerbüro.", await page.MainTextAsync(), StringComparison.Ordinal);
    }
}
