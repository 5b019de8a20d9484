using Microsoft.Playwright;
using Planwerk.BrowserTests.Infrastructure;
using Planwerk.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.BrowserTests;

/// <summary>The plan team's path through the real pages in Chromium: sign in, add a measure,
/// and a visitor in another browser finds it on the public plan page.</summary>
public sealed class EditorFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await page.GetByLabel("Passwort", new() { Exact = true }).FillAsync(PlanwerkApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
    }

    [Fact]
    public async Task Editor_signs_in_adds_a_measure_and_a_visitor_finds_it_on_the_public_plan_page()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await Seed.PlanAsync(m);
        var editor = await m.AddMemberAsync(MunicipalityRole.PlanEditor);

        var page = await app.NewPageAsync();
        await SignInAsync(page, editor.Email!);
        await page.ReachAsync($"**/{m.Slug}/manage");
        await page.AssertNoAccessibilityViolationsAsync();

        await page.GotoAsync($"/{m.Slug}/manage/plans/{plan.PlanId}/measures/new?fieldId={plan.FieldId}");
        await page.AssertNoAccessibilityViolationsAsync();
        var title = "Elterncafés mit Sprachmittlung " + HostileText.Script;
        await page.Locator("#Input_Title").FillAsync(title);
        await page.Locator("#Input_Goal").FillAsync("Eltern kennen die Angebote der Kitas.");
        await page.Locator("#Input_Status").SelectOptionAsync(new SelectOptionValue { Label = "In Umsetzung" });
        await page.Locator("#Input_Progress").FillAsync("30");
        await page.Locator("#measure-form button[type=submit]").First.ClickAsync();
        // The form's own address lies under the plan's too: wait for the plan page itself, not for any
        // address under it, or the check below may read the form before the browser has left it.
        await page.ReachAsync(url => new Uri(url).AbsolutePath == $"/{m.Slug}/manage/plans/{plan.PlanId}");
        Assert.Contains(title, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync($"/{m.Slug}/plans/{plan.PlanId}");
        var link = visitor.GetByRole(AriaRole.Link, new() { Name = "Elterncafés mit Sprachmittlung" });
        Assert.Equal(1, await link.CountAsync());
        await link.ClickAsync();
        Assert.Contains("Eltern kennen die Angebote der Kitas.", await visitor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("1.2", await visitor.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_measure_form_with_errors_names_them_and_keeps_the_input()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await Seed.PlanAsync(m);
        var editor = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        var page = await app.NewPageAsync();
        await SignInAsync(page, editor.Email!);
        await page.ReachAsync($"**/{m.Slug}/manage");

        await page.GotoAsync($"/{m.Slug}/manage/plans/{plan.PlanId}/measures/new?fieldId={plan.FieldId}");
        await page.Locator("#Input_Goal").FillAsync("Ein Ziel ohne Titel");
        await page.Locator("#Input_Progress").FillAsync("140");
        await page.Locator("#measure-form button[type=submit]").First.ClickAsync();

        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        var text = await summary.InnerTextAsync();
        Assert.Contains("Titel", text, StringComparison.Ordinal);
        Assert.Contains("Fortschritt", text, StringComparison.Ordinal);
        Assert.Equal("Ein Ziel ohne Titel", await page.Locator("#Input_Goal").InputValueAsync());
        await page.AssertNoAccessibilityViolationsAsync();
    }
}
