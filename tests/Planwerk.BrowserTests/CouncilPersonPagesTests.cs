using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Planwerk.BrowserTests.Infrastructure;
using Planwerk.Features.Accounts;
using Planwerk.Features.Council;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.BrowserTests;

/// <summary>The council office records a member of its bodies and a membership, in a real browser: with the keyboard,
/// a refused input named beside its field, and axe-core on every state of the page.</summary>
public sealed class CouncilPersonPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Clerk_records_a_person_and_a_membership_on_accessible_pages()
    {
        var m = await app.CreateMunicipalityAsync();
        var clerk = await m.AddMemberAsync(MunicipalityRole.CouncilClerk);
        await m.WithDbAsync(async db =>
        {
            db.Add(new CouncilBody { Name = "Ausschuss für Soziales", Classification = BodyClassification.Committee });
            return await db.SaveChangesAsync();
        });
        var page = await app.NewPageAsync();
        await page.SignInAsync(clerk.Email!);

        await page.GotoAsync($"/{m.Slug}/manage/council");
        await page.TabToAndPressAsync(page.Locator("#new-person"));
        await page.AssertNoAccessibilityViolationsAsync();
        var family = "Al-Hassan " + HostileText.RightToLeft;
        await page.Locator("#Input_FormOfAddress").FillAsync("Stadträtin");
        await page.Locator("#Input_GivenName").FillAsync("Amira");
        await page.Locator("#Input_FamilyName").FillAsync(family);
        await page.Locator("#Input_FamilyName").PressAsync("Enter");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("gespeichert");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Amira " + family);
        await page.AssertNoAccessibilityViolationsAsync();

        // An end before the start is refused and named beside the field.
        await page.Locator("#Membership_Role").SelectOptionAsync("Chair");
        await page.Locator("#Membership_StartDate").FillAsync("2024-07-01");
        await page.Locator("#Membership_EndDate").FillAsync("2019-06-30");
        await page.Locator("#Membership_EndDate").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#Membership_EndDate-error")).ToContainTextAsync("nicht vor dem Beginn");
        await page.AssertNoAccessibilityViolationsAsync();
        await page.Locator("#Membership_EndDate").FillAsync("");
        await page.TabToAndPressAsync(page.Locator("#membership-form button[type=submit]"));
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("eingetragen");
        await Assertions.Expect(page.Locator("#memberships tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#memberships tbody tr")).ToContainTextAsync("Vorsitz");
        await page.AssertNoAccessibilityViolationsAsync();
        Assert.Equal(MembershipRole.Chair, await m.WithDbAsync(db => db.BodyMemberships.Select(x => x.Role).SingleAsync()));
    }
}
