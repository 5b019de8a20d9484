using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Planwerk.BrowserTests.Infrastructure;
using Planwerk.Features.Accounts;
using Planwerk.Features.Council;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.BrowserTests;

/// <summary>The council office's result catalogue, a postponement with its one-click follow-up, and votes per
/// group, in a real browser: sent with the keyboard, and axe-core on every state of the pages.</summary>
public sealed class ConsultationResultPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Clerk_adds_an_own_result_records_a_postponement_with_its_follow_up_and_votes_per_group_on_accessible_pages()
    {
        var m = await app.CreateMunicipalityAsync();
        var clerk = await m.AddMemberAsync(MunicipalityRole.CouncilClerk);
        var (paperId, consultationId, laterMeetingId) = await m.WithDbAsync(async db =>
        {
            var council = new CouncilBody { Name = "Stadtrat", Classification = BodyClassification.CityCouncil };
            var june = new Meeting { Body = council, Name = "Sitzung im Juni", Start = new DateTimeOffset(2019, 6, 20, 12, 0, 0, TimeSpan.Zero), State = MeetingState.Held };
            var july = new Meeting { Body = council, Name = "Sitzung im Juli", Start = new DateTimeOffset(2019, 7, 5, 12, 0, 0, TimeSpan.Zero), State = MeetingState.Held };
            var paper = new Paper { Reference = "V0815/19", Name = "Fachplan Wohnen", Date = new DateOnly(2019, 5, 2) };
            var consultation = new PaperConsultation { Paper = paper, Position = 1, Body = council, Meeting = june, Role = ConsultationRole.Decision };
            db.AddRange(council, june, july, paper, consultation);
            await db.SaveChangesAsync();
            return (paper.Id, consultation.Id, july.Id);
        });
        var page = await app.NewPageAsync();
        await page.SignInAsync(clerk.Email!);

        // The catalogue: reached from the council's start page, an own result added with Enter.
        await page.GotoAsync($"/{m.Slug}/manage/council");
        await page.TabToAndPressAsync(page.Locator("#result-kinds-link"));
        await page.AssertNoAccessibilityViolationsAsync();
        var own = "in die Fraktionen verwiesen " + HostileText.Script;
        await page.Locator("#Input_Name").FillAsync(own);
        await page.Locator("#Input_Name").PressAsync("Enter");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("wurde hinzugefügt");
        await Assertions.Expect(page.Locator("#result-kinds")).ToContainTextAsync(own);
        await page.AssertNoAccessibilityViolationsAsync();

        // Postponed: the follow-up is offered, prefilled, and added with one key press.
        await page.GotoAsync($"/{m.Slug}/manage/council/papers/{paperId}");
        await page.AssertNoAccessibilityViolationsAsync();
        await page.Locator($"#Result_Result_{consultationId}").SelectOptionAsync("Postponed");
        await page.Locator($"#consultation-{consultationId} form.result-form button[type=submit]").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#follow-up")).ToContainTextAsync("vertagt");
        await page.AssertNoAccessibilityViolationsAsync();
        Assert.Equal(laterMeetingId.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#FollowUp_MeetingId").InputValueAsync());
        await page.TabToAndPressAsync(page.Locator("#follow-up-form button[type=submit]"));
        await Assertions.Expect(page.Locator("#consultation-list > li")).ToHaveCountAsync(2);
        var followUp = await m.WithDbAsync(db => db.PaperConsultations.Where(c => c.PaperId == paperId && c.Id != consultationId).Select(c => c.Id).SingleAsync());

        // Votes per group whose sum does not match the total: refused, the message beside the field, the page still accessible.
        await page.Locator($"#Result_Result_{followUp}").SelectOptionAsync("Rejected");
        await page.Locator($"#Result_VotesFor_{followUp}").FillAsync("10");
        await page.Locator($"#Result_Groups_0_Name_{followUp}").FillAsync("Fraktion " + HostileText.RightToLeft);
        await page.Locator($"#Result_Groups_0_VotesFor_{followUp}").FillAsync("9");
        await page.Locator($"#Result_Groups_0_VotesFor_{followUp}").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#Result_VotesFor-error")).ToContainTextAsync("Summe der Fraktionen (9)");
        await page.AssertNoAccessibilityViolationsAsync();
        await page.Locator("#Result_VotesFor").FillAsync("9");
        await page.Locator("#Result_VotesFor").PressAsync("Enter");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("festgehalten");
        await Assertions.Expect(page.Locator($"#consultation-{followUp} .group-votes")).ToContainTextAsync(HostileText.RightToLeft);
        await page.AssertNoAccessibilityViolationsAsync();
    }
}
