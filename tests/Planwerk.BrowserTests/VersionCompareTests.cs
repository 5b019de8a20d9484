using Microsoft.Playwright;
using Planwerk.BrowserTests.Infrastructure;
using Planwerk.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.BrowserTests;

/// <summary>Named versions in Chromium: an editor freezes two versions around an edit, and a visitor
/// compares them on the public site and sees the changed word marked.</summary>
public sealed class VersionCompareTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task FreezeAsync(IPage page, string versionsUrl, string name)
    {
        await page.GotoAsync(versionsUrl);
        await page.Locator("#Input_Name").FillAsync(name);
        await page.Locator("#freeze-form button[type=submit]").ClickAsync();
        await page.ReachAsync(versionsUrl + "/*");
        Assert.Contains($"Fassung „{name}“ vom", await page.Locator("#version-banner").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visitor_compares_two_frozen_versions_and_sees_the_changed_word_marked()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await Seed.PlanAsync(m);
        var editor = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        var versionsUrl = $"/{m.Slug}/manage/plans/{plan.PlanId}/versions";

        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(editor.Email!);
        await page.GetByLabel("Passwort", new() { Exact = true }).FillAsync(PlanwerkApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.ReachAsync($"**/{m.Slug}/manage");

        await FreezeAsync(page, versionsUrl, "Erster Entwurf");
        await page.GotoAsync(versionsUrl);
        await page.AssertNoAccessibilityViolationsAsync();

        await page.GotoAsync($"/{m.Slug}/manage/plans/{plan.PlanId}/measures/{plan.MeasureId}");
        await page.Locator("#Input_Title").FillAsync("Sprachkurse in allen Stadtteilen " + HostileText.Script);
        await page.Locator("#measure-form button[type=submit]").First.ClickAsync();
        await page.ReachAsync($"**/{m.Slug}/manage/plans/{plan.PlanId}#**");

        await FreezeAsync(page, versionsUrl, "Beteiligungsfassung");

        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync($"/{m.Slug}/plans/{plan.PlanId}");
        var from = await visitor.Locator("#compare-from option", new() { HasText = "Erster Entwurf" }).GetAttributeAsync("value");
        var to = await visitor.Locator("#compare-to option", new() { HasText = "Beteiligungsfassung" }).GetAttributeAsync("value");
        await visitor.Locator("#compare-from").SelectOptionAsync(from!);
        await visitor.Locator("#compare-to").SelectOptionAsync(to!);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Vergleichen" }).ClickAsync();
        await visitor.ReachAsync($"**/{m.Slug}/plans/{plan.PlanId}/versions/compare?from={from}&to={to}");

        var change = visitor.Locator("#changed-measures article").First;
        Assert.Equal("den", await change.Locator("dd del").First.EvaluateAsync<string>(
            "e => [...e.childNodes].filter(n => !(n.classList && n.classList.contains('visually-hidden'))).map(n => n.textContent).join('')"));
        Assert.Equal("allen", await change.Locator("dd ins").First.EvaluateAsync<string>(
            "e => [...e.childNodes].filter(n => !(n.classList && n.classList.contains('visually-hidden'))).map(n => n.textContent).join('')"));
        Assert.Contains("[entfernt: den]", await change.Locator("dd del").First.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("line-through", await change.Locator("dd del").First.EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine"));
        Assert.Contains(HostileText.Script, await change.Locator("h3").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Maßnahmen geändert: 1", await visitor.Locator("#change-counts").InnerTextAsync(), StringComparison.Ordinal);
        await visitor.AssertNoAccessibilityViolationsAsync();

        await visitor.Locator("#compare-to").SelectOptionAsync("current");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Vergleichen" }).ClickAsync();
        await visitor.ReachAsync("**to=current");
        await visitor.GotoAsync($"/{m.Slug}/plans/{plan.PlanId}/versions/{from}");
        Assert.Contains("nicht der aktuelle Stand", await visitor.Locator("#version-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Sprachkurse in den Stadtteilen", await visitor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await visitor.AssertNoAccessibilityViolationsAsync();
    }
}
