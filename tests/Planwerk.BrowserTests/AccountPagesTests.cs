using Microsoft.Playwright;
using Planwerk.BrowserTests.Infrastructure;
using Planwerk.Features.Accounts;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.BrowserTests;

/// <summary>The signed-in side of accounts in Chromium: a municipality's administrator manages its
/// people, and a person looks after their own account (password, two-factor sign-in). axe-core runs
/// on every page the flows reach, in the states people see (empty, with a notice, with errors).</summary>
public sealed class AccountPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Administrator_invites_a_person_makes_her_administrator_and_she_sets_her_password_from_the_mail()
    {
        var m = await app.CreateMunicipalityAsync();
        var admin = await m.AddMemberAsync(MunicipalityRole.Administrator);
        var usersUrl = $"/{m.Slug}/manage/users";
        var page = await app.NewPageAsync();
        await page.SignInAsync(admin.Email!);

        await page.GotoAsync(usersUrl);
        Assert.Equal("Benutzer und Rollen", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(1, await page.Locator("table tbody tr").CountAsync());
        await page.AssertNoAccessibilityViolationsAsync();

        // Adding someone who already belongs changes nothing and says so, at the address field.
        await page.Locator("#Input_Email").FillAsync(admin.Email!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Hinzufügen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync($"{admin.Email} gehört schon zu {m.Name}.");
        await Assertions.Expect(page.Locator("#Input_Email-error")).ToContainTextAsync("gehört schon zu");
        await page.Locator(".error-summary a[href='#Input_Email']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("Input_Email", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal(1, await page.Locator("table tbody tr").CountAsync());
        await page.AssertNoAccessibilityViolationsAsync();

        var email = $"ayse-{Guid.NewGuid():N}@example.org";
        var name = "Ayşe Yılmaz " + HostileText.Script;
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_DisplayName").FillAsync(name);
        await page.Locator("#Input_Role").SelectOptionAsync(new SelectOptionValue { Label = "Planbearbeiter/in" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Hinzufügen" }).ClickAsync();
        // The form posts to the page it is on, so its address says nothing; the notice does.
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync($"{email} wurde als Planbearbeiter/in hinzugefügt und per E-Mail benachrichtigt.");
        var row = page.Locator("table tbody tr", new() { HasText = email });
        Assert.Contains(name, await row.Locator("th").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("eingeladen, noch kein Passwort", await row.Locator("th").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator("table tbody tr").CountAsync());
        await page.AssertNoAccessibilityViolationsAsync();

        // Change her role with the keyboard: choose in the list, Tab to its button, Enter.
        var roleSelect = row.Locator("select[name=role]");
        await roleSelect.SelectOptionAsync(new SelectOptionValue { Label = "Administrator/in" });
        await roleSelect.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.StartsWith("Rolle ändern", await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"), StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("ist jetzt Administrator/in.");
        row = page.Locator("table tbody tr", new() { HasText = email });
        Assert.Equal("Administrator", await row.Locator("select[name=role]").InputValueAsync());

        // She follows the link in the invitation, sets her password and administers the municipality.
        var link = AccountTestSupport.PasswordLink(await app.MailToAsync(email));
        var invited = await app.NewPageAsync();
        await invited.GotoAsync(link);
        Assert.Equal("Passwort festlegen", await invited.Locator("h1").InnerTextAsync());
        await invited.AssertNoAccessibilityViolationsAsync();
        const string password = "Neu-Passwort-2026";
        await invited.GetByLabel("Neues Passwort", new() { Exact = true }).FillAsync(password);
        await invited.GetByLabel("Neues Passwort wiederholen").FillAsync(password);
        await invited.GetByRole(AriaRole.Button, new() { Name = "Passwort speichern" }).ClickAsync();
        await invited.ReachAsync("**/account/login");
        await invited.SignInAsync(email, password);
        await invited.ReachAsync($"**/{m.Slug}/manage");
        Assert.Equal(200, (await invited.GotoAsync(usersUrl))!.Status);
        Assert.DoesNotContain("eingeladen, noch kein Passwort", await invited.Locator("table tbody tr", new() { HasText = email }).InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_changes_the_password_turns_on_two_factor_signs_in_with_a_code_and_turns_it_off()
    {
        var m = await app.CreateMunicipalityAsync();
        var user = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        var page = await app.NewPageAsync();
        await page.SignInAsync(user.Email!);

        await page.GotoAsync("/account");
        var overview = await page.MainTextAsync();
        Assert.Contains(user.Email!, overview, StringComparison.Ordinal);
        Assert.Contains(m.Name, overview, StringComparison.Ordinal);
        Assert.Contains("ausgeschaltet", overview, StringComparison.Ordinal);
        await page.AssertNoAccessibilityViolationsAsync();

        // Change the password, reached from the overview by keyboard.
        await page.GetByRole(AriaRole.Link, new() { Name = "Passwort ändern" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.ArriveAtAsync("/account/change-password", "Passwort ändern");
        await page.AssertNoAccessibilityViolationsAsync();
        const string newPassword = "Anderes-Passwort-77";
        await page.GetByLabel("Bisheriges Passwort").FillAsync("falsch-Passwort-1");
        await page.GetByLabel("Neues Passwort", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByLabel("Neues Passwort wiederholen").FillAsync(newPassword);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Passwort ändern" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await page.AssertNoAccessibilityViolationsAsync();
        await page.GetByLabel("Bisheriges Passwort").FillAsync(PlanwerkApp.Password);
        await page.GetByLabel("Neues Passwort", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByLabel("Neues Passwort wiederholen").FillAsync(newPassword);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Passwort ändern" }).ClickAsync();
        await page.ReachAsync("**/account");
        Assert.Contains("Ihr Passwort wurde geändert.", await page.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);

        // The old password no longer opens the account; the new one does.
        await page.SignOutAsync();
        await page.SubmitLoginAsync(user.Email!, PlanwerkApp.Password);
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        Assert.EndsWith("/account/login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.SignInAsync(user.Email!, newPassword);
        await page.ReachAsync($"**/{m.Slug}/manage");

        // Two-factor sign-in: a wrong code is refused, the app's code turns it on.
        await page.GotoAsync("/account/two-factor");
        await page.AssertNoAccessibilityViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Authenticator-App einrichten" }).ClickAsync();
        await page.ArriveAtAsync("/account/two-factor/enable", "Authenticator-App einrichten");
        await page.AssertNoAccessibilityViolationsAsync();
        var key = await page.Locator("#shared-key").InnerTextAsync();
        await page.GetByLabel("Code aus der Authenticator-App").FillAsync(AccountTestSupport.WrongCode(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Prüfen und einschalten" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        key = await page.Locator("#shared-key").InnerTextAsync();
        await page.GetByLabel("Code aus der Authenticator-App").FillAsync(AccountTestSupport.CurrentCode(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Prüfen und einschalten" }).ClickAsync();
        await Assertions.Expect(page.Locator(".recovery-codes code")).ToHaveCountAsync(10);
        var firstCodes = await page.Locator(".recovery-codes code").AllInnerTextsAsync();
        await page.AssertNoAccessibilityViolationsAsync();

        // New recovery codes: a confirmation page, then ten new codes.
        await page.GotoAsync("/account/two-factor");
        Assert.Contains("Die Zwei-Faktor-Anmeldung ist eingeschaltet.", await page.Locator("#two-factor-status").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Neue Wiederherstellungscodes erzeugen" }).ClickAsync();
        await page.ArriveAtAsync("/account/two-factor/recovery-codes", "Neue Wiederherstellungscodes");
        await page.AssertNoAccessibilityViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Neue Codes erzeugen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".recovery-codes code")).ToHaveCountAsync(10);
        Assert.Empty((await page.Locator(".recovery-codes code").AllInnerTextsAsync()).Intersect(firstCodes));

        // Signing in now asks for the code.
        await page.SignOutAsync();
        await page.SubmitLoginAsync(user.Email!, newPassword);
        await page.ReachAsync("**/account/login-2fa**");
        await page.AssertNoAccessibilityViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mit einem Wiederherstellungscode anmelden" }).ClickAsync();
        await page.ArriveAtAsync("/account/login-recovery", "Anmelden mit Wiederherstellungscode");
        await page.AssertNoAccessibilityViolationsAsync();
        await page.GoBackAsync();
        await page.ReachAsync("**/account/login-2fa**");
        await page.GetByLabel("Code aus der Authenticator-App").FillAsync(AccountTestSupport.CurrentCode(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();
        await page.ReachAsync($"**/{m.Slug}/manage");
        await page.GotoAsync("/account");
        Assert.Contains("eingeschaltet", await page.MainTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("ausgeschaltet", await page.MainTextAsync(), StringComparison.Ordinal);

        // Turning it off again asks for the password.
        await page.GotoAsync("/account/two-factor");
        await page.GetByRole(AriaRole.Link, new() { Name = "Zwei-Faktor-Anmeldung ausschalten" }).ClickAsync();
        await page.ArriveAtAsync("/account/two-factor/disable", "Zwei-Faktor-Anmeldung ausschalten");
        await page.AssertNoAccessibilityViolationsAsync();
        await page.GetByLabel("Passwort zur Bestätigung").FillAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ausschalten" }).ClickAsync();
        await page.ReachAsync("**/account/two-factor");
        Assert.Contains("Die Zwei-Faktor-Anmeldung ist ausgeschaltet.", await page.Locator("#two-factor-status").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_who_forgot_the_password_requests_a_link_and_the_pages_pass_axe()
    {
        var m = await app.CreateMunicipalityAsync();
        var user = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        var page = await app.NewPageAsync();

        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Passwort vergessen?" }).ClickAsync();
        await page.ArriveAtAsync("/account/forgot-password", "Passwort vergessen");
        await page.AssertNoAccessibilityViolationsAsync();
        await page.GetByLabel("E-Mail-Adresse").FillAsync(user.Email!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Link anfordern" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Link zum Festlegen eines neuen Passworts");
        await page.AssertNoAccessibilityViolationsAsync();

        var link = AccountTestSupport.PasswordLink(await app.MailToAsync(user.Email!));
        await page.GotoAsync(link);
        Assert.Equal("Neues Passwort festlegen", await page.Locator("h1").InnerTextAsync());
        await page.AssertNoAccessibilityViolationsAsync();
        await page.GotoAsync("/account/reset-password?userId=niemand&code=abc");
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("ungültig");
        await page.AssertNoAccessibilityViolationsAsync();
    }
}
