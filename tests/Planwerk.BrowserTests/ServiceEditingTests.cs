using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Planwerk.BrowserTests.Infrastructure;
using Planwerk.Features.Accounts;
using Planwerk.Features.Services;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.BrowserTests;

/// <summary>A provider keeps its own entry in a real browser: a member of an organisation whose changes are reviewed
/// updates a service, the plan team opens the review queue and accepts it, and the public service page shows the change;
/// the edit form and the review queue have no axe-core finding of any impact.</summary>
public sealed class ServiceEditingTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await page.GetByLabel("Passwort", new() { Exact = true }).FillAsync(PlanwerkApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.ReachAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_provider_updates_a_service_and_the_plan_team_reviews_and_publishes_it()
    {
        var m = await app.CreateMunicipalityAsync();
        var organisation = await m.AddStakeholderAsync("Beratungsstelle " + HostileText.Script);
        var serviceId = await m.WithDbAsync(async db =>
        {
            await ContentLanguages.EnsureDefaultsAsync(db);
            var stakeholder = await db.Stakeholders.SingleAsync(s => s.Id == organisation);
            stakeholder.ServiceChangesReviewed = true;
            var service = new HelpService { OrganisationId = organisation, Name = "Asylverfahrensberatung", Description = "Wir beraten.", LastCheckedOn = new DateOnly(2026, 1, 5) };
            service.Languages.Add(new ServiceLanguage { Code = "de" });
            db.HelpServices.Add(service);
            await db.SaveChangesAsync();
            return service.Id;
        });
        var provider = await m.App.CreateUserAsync();
        await m.AddStakeholderMemberAsync(organisation, provider.Id);
        var editor = await m.AddMemberAsync(MunicipalityRole.PlanEditor);

        // The provider changes the description; the organisation's changes are reviewed, so it is a proposal.
        var page = await app.NewPageAsync();
        await SignInAsync(page, provider.Email!);
        await page.GotoAsync($"/{m.Slug}/manage/services");
        await page.Locator($"a[href='/{m.Slug}/manage/services/{serviceId}']").First.ClickAsync();
        await page.ReachAsync($"**/{m.Slug}/manage/services/{serviceId}");
        await page.AssertNoAccessibilityViolationsAsync();
        var description = "Beratung zum Asylverfahren, dienstags auch auf Arabisch. " + HostileText.Markup;
        await page.Locator("#Input_Description").FillAsync(description);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zur Prüfung einreichen" }).ClickAsync();
        await page.GetByText("wartet auf die Prüfung durch das Planungsteam").WaitForAsync();
        Assert.Equal("Wir beraten.", await m.WithDbAsync(db => db.HelpServices.Where(s => s.Id == serviceId).Select(s => s.Description).SingleAsync()));

        // The plan team reviews it and publishes it.
        var team = await app.NewPageAsync();
        await SignInAsync(team, editor.Email!);
        await team.GotoAsync($"/{m.Slug}/manage/services/review");
        await team.AssertNoAccessibilityViolationsAsync();
        Assert.Contains("dienstags auch auf Arabisch", await team.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var accept = team.Locator("form.accept-form button");
        Assert.StartsWith("Übernehmen und veröffentlichen", (await accept.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await accept.ClickAsync();
        await team.GetByText("wurde übernommen und ist veröffentlicht").WaitForAsync();
        Assert.Equal(description, await m.WithDbAsync(db => db.HelpServices.Where(s => s.Id == serviceId).Select(s => s.Description).SingleAsync()));

        // A resident sees the change on the public service page at once, the markup as text.
        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync($"/{m.Slug}/services/{serviceId}");
        Assert.Contains("dienstags auch auf Arabisch. " + HostileText.Markup, await visitor.Locator(".service-description").InnerTextAsync(), StringComparison.Ordinal);
    }
}
