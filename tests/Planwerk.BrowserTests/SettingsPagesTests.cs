using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Planwerk.BrowserTests.Infrastructure;
using Planwerk.Features.Accounts;
using Planwerk.Infrastructure.Security;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.BrowserTests;

/// <summary>The pages where people keep what is theirs to keep, in a real browser with the keyboard and axe-core:
/// a municipality's administrator writes its Impressum, a person ends their other sessions, an installation
/// administrator creates a municipality.</summary>
public sealed class SettingsPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Administrator_writes_the_impressum_which_every_page_links_with_its_text_inert()
    {
        var m = await app.CreateMunicipalityAsync();
        await Seed.PlanAsync(m);
        var admin = await m.AddMemberAsync(MunicipalityRole.Administrator);
        var page = await app.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await page.SignInAsync(admin.Email!);

        await page.GotoAsync($"/{m.Slug}/manage/legal/impressum");
        await page.AssertNoAccessibilityViolationsAsync();
        var body = "Verantwortlich: Sozialamt " + HostileText.Script + "\n\nمكتب الاندماج";
        await page.Locator("#Input_Body").FillAsync(body);
        await page.TabToAndPressAsync(page.Locator("#legal-form button[type=submit]"));
        Assert.Equal($"/{m.Slug}/impressum", new Uri(page.Url).AbsolutePath); // saved: the public page follows

        // A visitor reaches it from the footer of the municipality's page.
        var visitor = await app.NewPageAsync();
        visitor.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await visitor.GotoAsync($"/{m.Slug}");
        await visitor.TabToAndPressAsync(visitor.Locator("footer a[href$='/impressum']"));
        Assert.EndsWith($"/{m.Slug}/impressum", new Uri(visitor.Url).AbsolutePath, StringComparison.Ordinal);
        var main = await visitor.MainTextAsync();
        Assert.Contains("Verantwortlich: Sozialamt " + HostileText.Script, main, StringComparison.Ordinal);
        Assert.Contains("مكتب الاندماج", main, StringComparison.Ordinal);
        await visitor.AssertNoAccessibilityViolationsAsync();
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task A_person_sees_their_sessions_and_ends_the_other_one()
    {
        var user = await app.CreateUserAsync();
        var phone = await app.NewPageAsync();
        await phone.SignInAsync(user.Email!);
        var laptop = await app.NewPageAsync();
        await laptop.SignInAsync(user.Email!);

        await laptop.GotoAsync("/account");
        Assert.Equal(2, await laptop.Locator("#sessions tbody tr").CountAsync());
        await laptop.AssertNoAccessibilityViolationsAsync();
        await laptop.TabToAndPressAsync(laptop.GetByRole(AriaRole.Button, new() { Name = "Alle anderen Sitzungen beenden" }));
        Assert.Equal(1, await laptop.Locator("#sessions tbody tr").CountAsync());

        // The other browser's cookie opens nothing any more.
        await phone.GotoAsync("/account");
        Assert.StartsWith("/account/login", new Uri(phone.Url).PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Installation_administrator_creates_a_municipality_that_the_start_page_lists_at_once()
    {
        var user = await app.CreateUserAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlanwerkUser>>();
            await users.AddClaimAsync((await users.FindByIdAsync(user.Id))!, new Claim(Policies.InstallationAdministratorClaim, "true"));
        }
        var page = await app.NewPageAsync();
        await page.SignInAsync(user.Email!);
        // The start page is in the cache before the municipality exists.
        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync("/");

        await page.GotoAsync("/admin/municipalities");
        await page.AssertNoAccessibilityViolationsAsync();
        var slug = "neu-" + Guid.NewGuid().ToString("N")[..8];
        await page.Locator("#Input_Name").FillAsync("Stadt Neuheim " + HostileText.Script);
        await page.Locator("#Input_Slug").FillAsync(slug);
        await page.TabToAndPressAsync(page.Locator("#create-municipality button[type=submit]"));
        Assert.Contains(slug, await page.MainTextAsync(), StringComparison.Ordinal);
        await page.AssertNoAccessibilityViolationsAsync();

        await visitor.GotoAsync("/");
        Assert.Contains("Stadt Neuheim " + HostileText.Script, await visitor.MainTextAsync(), StringComparison.Ordinal);
    }
}
