using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Planwerk.BrowserTests.Infrastructure;
using Planwerk.Features.Accounts;
using Planwerk.Features.Council;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.BrowserTests;

/// <summary>The clerk's page for papers followed in the council information system, in a real browser: reached from
/// the council's start page, an empty form refused with messages beside the fields, a paper of another municipality
/// (published by this same running Planwerk's OParl API) taken over and synced; axe-core on every state.</summary>
public sealed class OParlImportPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Clerk_follows_a_paper_from_an_OParl_source_and_syncs_it_on_accessible_pages()
    {
        var source = await app.CreateMunicipalityAsync();
        var paperId = await source.WithDbAsync(async db =>
        {
            var council = new CouncilBody { Name = "Stadtrat", Classification = BodyClassification.CityCouncil };
            var meeting = new Meeting { Body = council, Name = "Sitzung im Juli", Start = new DateTimeOffset(2019, 7, 5, 12, 0, 0, TimeSpan.Zero), State = MeetingState.Held };
            var paper = new Paper { Reference = "V0816/19", Name = "Fachplan " + HostileText.Script, Date = new DateOnly(2019, 5, 2) };
            db.AddRange(council, meeting, paper, new PaperConsultation { Paper = paper, Position = 1, Body = council, Meeting = meeting, Role = ConsultationRole.Decision, Result = ConsultationResult.Noted });
            await db.SaveChangesAsync();
            return paper.Id;
        });
        var m = await app.CreateMunicipalityAsync();
        var clerk = await m.AddMemberAsync(MunicipalityRole.CouncilClerk);
        var page = await app.NewPageAsync();
        await page.SignInAsync(clerk.Email!);

        await page.GotoAsync($"/{m.Slug}/manage/council");
        await page.TabToAndPressAsync(page.Locator("#oparl-import-link"));
        await page.AssertNoAccessibilityViolationsAsync();

        await page.Locator("#Input_Endpoint").FillAsync("ftp://example.org/");
        await page.Locator("#Input_Endpoint").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#endpoint-error")).ToContainTextAsync("http- oder https-Adresse");
        await Assertions.Expect(page.Locator("#paper-error")).ToContainTextAsync("Aktenzeichen");
        await page.AssertNoAccessibilityViolationsAsync();

        await page.Locator("#Input_Endpoint").FillAsync($"{app.BaseUrl}/oparl/v1/bodies/{source.Slug}");
        await page.Locator("#Input_Paper").FillAsync("V0816/19");
        await page.Locator("#Input_Paper").PressAsync("Enter");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("übernommen");
        await Assertions.Expect(page.Locator("#followed")).ToContainTextAsync("Fachplan " + HostileText.Script);
        await page.AssertNoAccessibilityViolationsAsync();

        await page.TabToAndPressAsync(page.Locator("#followed .sync-form button"));
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("abgeglichen");
        await page.AssertNoAccessibilityViolationsAsync();
        Assert.Equal(ConsultationResult.Noted, await m.WithDbAsync(db => db.PaperConsultations.Select(c => c.Result).SingleAsync()));
        Assert.True(paperId > 0);
    }
}
