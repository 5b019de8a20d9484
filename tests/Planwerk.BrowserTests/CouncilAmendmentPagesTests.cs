using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Planwerk.BrowserTests.Infrastructure;
using Planwerk.Features.Accounts;
using Planwerk.Features.Council;
using Planwerk.Features.Plans;
using Planwerk.Tests.Features.Council;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.BrowserTests;

/// <summary>The council office records an amendment as a paper of its own, in a real browser: begun from the amended
/// paper with the keyboard, refused inputs named beside their fields, its result taken over by the administration,
/// the plan change it made linked, and axe-core on every state of the pages.</summary>
public sealed class CouncilAmendmentPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Clerk_records_an_amendment_with_its_result_and_plan_change_on_accessible_pages()
    {
        var m = await app.CreateMunicipalityAsync();
        var clerk = await m.AddMemberAsync(MunicipalityRole.CouncilClerk);
        var (plan, _) = await m.PlanInAsync(PlanState.InDeliberation);
        var measure = await m.WithDbAsync(db => db.Measures.Where(x => x.PlanId == plan.PlanId).Select(x => x.Id).FirstAsync());
        var change = await m.ChangeMeasureAsync(measure, "Lerncafés in allen Stadtteilen " + HostileText.RightToLeft);
        var (paperId, councilId, groupId) = await m.WithDbAsync(async db =>
        {
            var council = new CouncilBody { Name = "Stadtrat", Classification = BodyClassification.CityCouncil };
            var group = new CouncilBody { Name = "Fraktion " + HostileText.Markup, Classification = BodyClassification.ParliamentaryGroup };
            var meeting = new Meeting { Body = council, Name = "Sitzung des Stadtrates", Start = new DateTimeOffset(2019, 7, 5, 12, 0, 0, TimeSpan.Zero), State = MeetingState.Held };
            var paper = new Paper { Reference = "V2950/19", Name = "Fachplan", PaperType = "Beschlussvorlage", Date = new DateOnly(2019, 4, 9), PlanId = plan.PlanId };
            db.AddRange(council, group, meeting, paper);
            await db.SaveChangesAsync();
            return (paper.Id, council.Id, group.Id);
        });
        string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
        var page = await app.NewPageAsync();
        await page.SignInAsync(clerk.Email!);

        // From the amended paper, by keyboard, to the new amendment with its reference suggested.
        await page.GotoAsync($"/{m.Slug}/manage/council/papers/{Key(paperId)}");
        await page.AssertNoAccessibilityViolationsAsync();
        await page.TabToAndPressAsync(page.Locator("#new-amendment"));
        await page.ReachAsync($"**/manage/council/papers/new?amends={Key(paperId)}");
        await Assertions.Expect(page.Locator("#Input_Reference")).ToHaveValueAsync("V2950/19-ÄA1");
        await page.AssertNoAccessibilityViolationsAsync();

        // A plan of its own is refused beside the field.
        await page.Locator("#Input_Name").FillAsync("Lerncafés in den Stadtteilen");
        await page.Locator("#Input_OriginatorBodyId").SelectOptionAsync(Key(groupId));
        await page.Locator("#Input_PlanId").SelectOptionAsync(Key(plan.PlanId));
        await page.Locator("#Input_Name").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#Input_PlanId-error")).ToContainTextAsync("Ein Änderungsantrag gehört zum Plan der Vorlage");
        await page.AssertNoAccessibilityViolationsAsync();
        await page.Locator("#Input_PlanId").SelectOptionAsync("");
        await page.TabToAndPressAsync(page.Locator("#paper-form button[type=submit]"));
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("gespeichert");
        await Assertions.Expect(page.Locator("#amends a")).ToContainTextAsync("V2950/19");
        await page.AssertNoAccessibilityViolationsAsync();

        // Linking the plan change before a result is refused and named.
        var checkbox = page.Locator("#change-" + change.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#plan-changes summary").ClickAsync();
        await checkbox.CheckAsync();
        await page.TabToAndPressAsync(page.Locator("#changes-form button[type=submit]"));
        await Assertions.Expect(page.Locator("#Changes_ChangeIds-error")).ToContainTextAsync("Nur ein angenommener oder von der Verwaltung übernommener");
        await page.AssertNoAccessibilityViolationsAsync();

        // Its consultation in the council's meeting, taken over by the administration; then the change is linked.
        await page.Locator("#NewConsultation_BodyId").SelectOptionAsync(Key(councilId));
        await page.Locator("#NewConsultation_Role").SelectOptionAsync("Decision");
        await page.TabToAndPressAsync(page.Locator("#consultation-form button[type=submit]"));
        await Assertions.Expect(page.Locator("#consultation-list > li")).ToHaveCountAsync(1);
        await page.Locator("#consultation-list > li select[name='Result.Result']").SelectOptionAsync("TakenOver");
        await page.TabToAndPressAsync(page.Locator("#consultation-list > li form.result-form button[type=submit]"));
        await Assertions.Expect(page.Locator("#consultation-list .result-name")).ToHaveTextAsync("von der Verwaltung übernommen");
        await page.GotoAsync(page.Url.Split('#')[0]);
        await page.Locator("#plan-changes summary").ClickAsync();
        await checkbox.CheckAsync();
        await page.TabToAndPressAsync(page.Locator("#changes-form button[type=submit]"));
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Planänderungen");
        await Assertions.Expect(checkbox).ToBeCheckedAsync();
        await page.AssertNoAccessibilityViolationsAsync();

        // The amended paper lists it with its result.
        await page.TabToAndPressAsync(page.Locator("#amends a"));
        await Assertions.Expect(page.Locator("#amendment-list tbody tr")).ToContainTextAsync("von der Verwaltung übernommen");
        await Assertions.Expect(page.Locator("#amendment-list tbody tr")).ToContainTextAsync("Fraktion " + HostileText.Markup);
        await page.AssertNoAccessibilityViolationsAsync();
        Assert.Equal([change], await m.WithDbAsync(db => db.AmendmentChangeLinks.Select(l => l.ChangeRecordId).ToListAsync()));
    }
}
