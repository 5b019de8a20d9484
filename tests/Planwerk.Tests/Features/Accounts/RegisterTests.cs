using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Accounts;

/// <summary>Self-registration over a real SMTP conversation: the account waits for its address to be
/// confirmed by the mailed link, and only then signs in.</summary>
public abstract partial class RegisterTests(MailingApp app)
{
    private const string NewPassword = "Registrier-Passwort-789";

    private static Dictionary<string, string?> Form(string name, string email, string password = NewPassword, string? confirm = null, bool consent = true) => new()
    {
        ["Input.DisplayName"] = name,
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = confirm ?? password,
        ["Input.Consent"] = consent ? "true" : null,
    };

    private static string ConfirmPath(MimeMessage message)
    {
        var match = ConfirmLink().Match(message.TextBody ?? "");
        Assert.True(match.Success, "No confirmation link in the mail:\n" + message.TextBody);
        return new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://[^\s]+/account/confirm-email\?userId=[^\s&]+&code=[^\s]+")]
    private static partial Regex ConfirmLink();

    [Fact]
    public async Task A_resident_registers_confirms_the_mailed_link_and_only_then_signs_in()
    {
        var email = $"neu-{Guid.NewGuid():N}@example.org";
        var client = app.CreateBrowserlikeClient();
        var login = await client.GetDocumentAsync("/account/login");
        Assert.Equal("/account/register", login.QuerySelector("#register-link a")!.GetAttribute("href"));

        var registered = await client.SubmitFormAsync("/account/register", Form(HostileText.Script, email), "#register-form");
        Assert.Equal("/account/register?sent=true", registered.RedirectTarget());
        var user = await app.InMunicipalityAsync(0, (db, _) => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.False(user.EmailConfirmed);
        Assert.Equal(HostileText.Script, user.DisplayName);

        var mail = await app.Smtp.WaitForMessageToAsync(email);
        Assert.Equal("Planwerk: E-Mail-Adresse bestätigen", mail.Subject);
        var link = ConfirmPath(mail);

        // Unconfirmed: the right password is told to confirm first (with the link offered again); a wrong one learns nothing.
        var early = await app.CreateBrowserlikeClient().SubmitLoginAsync(email, NewPassword);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        var earlyPage = await HtmlForms.ParseAsync(early);
        Assert.Contains("Ihre E-Mail-Adresse ist noch nicht bestätigt. Bitte folgen Sie dem Link in der E-Mail, die wir Ihnen geschickt haben.", earlyPage.Errors());
        Assert.Equal("/account/confirm-email", earlyPage.QuerySelector("#resend-confirmation a")!.GetAttribute("href"));
        var wrong = await app.CreateBrowserlikeClient().SubmitLoginAsync(email, NewPassword + "x");
        var wrongPage = await HtmlForms.ParseAsync(wrong);
        Assert.Contains("Die Anmeldung ist fehlgeschlagen. Bitte prüfen Sie E-Mail-Adresse und Passwort.", wrongPage.Errors());
        Assert.Null(wrongPage.QuerySelector("#resend-confirmation"));

        var confirmed = await app.CreateBrowserlikeClient().GetDocumentAsync(link);
        Assert.NotNull(confirmed.QuerySelector("#email-confirmed"));
        Assert.True((await app.InMunicipalityAsync(0, (db, _) => db.Users.AsNoTracking().SingleAsync(u => u.Email == email))).EmailConfirmed);

        var person = app.CreateBrowserlikeClient();
        var signedIn = await person.SubmitLoginAsync(email, NewPassword);
        Assert.Equal("/account", signedIn.RedirectTarget());
        var account = await person.GetAsync("/account");
        var html = await account.Content.ReadAsStringAsync();
        Assert.DoesNotContain(HostileText.Script, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_link_can_be_sent_again_and_a_forged_link_confirms_nothing()
    {
        var email = $"nochmal-{Guid.NewGuid():N}@example.org";
        var client = app.CreateBrowserlikeClient();
        await client.SubmitFormAsync("/account/register", Form(HostileText.RightToLeft, email), "#register-form");
        var first = await app.Smtp.WaitForMessageToAsync(email);
        var user = await app.InMunicipalityAsync(0, (db, _) => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

        var forged = await client.GetDocumentAsync($"/account/confirm-email?userId={user.Id}&code=AAAA");
        Assert.NotNull(forged.QuerySelector("#confirm-invalid"));
        Assert.False((await app.InMunicipalityAsync(0, (db, _) => db.Users.AsNoTracking().SingleAsync(u => u.Email == email))).EmailConfirmed);

        var resent = await client.SubmitFormAsync("/account/confirm-email", new Dictionary<string, string?> { ["Input.Email"] = email }, "#resend-form");
        Assert.Equal("/account/confirm-email?sent=true", resent.RedirectTarget());
        // Unknown addresses get the same answer and no mail.
        var unknown = await client.SubmitFormAsync("/account/confirm-email", new Dictionary<string, string?> { ["Input.Email"] = $"niemand-{Guid.NewGuid():N}@example.org" }, "#resend-form");
        Assert.Equal("/account/confirm-email?sent=true", unknown.RedirectTarget());

        await WaitForCountAsync(email, 2);
        var second = app.Smtp.MessagesTo(email)[^1];
        Assert.NotEqual(ConfirmPath(first), ConfirmPath(second));
        var confirmed = await client.GetDocumentAsync(ConfirmPath(second));
        Assert.NotNull(confirmed.QuerySelector("#email-confirmed"));
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowserlikeClient().SubmitLoginAsync(email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_changes_nothing_and_tells_its_owner()
    {
        var existing = await app.CreateUserAsync();
        var client = app.CreateBrowserlikeClient();
        var answer = await client.SubmitFormAsync("/account/register", Form("Jemand anderes", existing.Email!), "#register-form");
        Assert.Equal("/account/register?sent=true", answer.RedirectTarget());

        var mail = await app.Smtp.WaitForMessageToAsync(existing.Email!);
        Assert.Equal("Planwerk: Sie haben schon ein Konto", mail.Subject);
        Assert.DoesNotContain("/account/confirm-email", mail.TextBody, StringComparison.Ordinal);
        var stored = await app.InMunicipalityAsync(0, (db, _) => db.Users.AsNoTracking().Where(u => u.Email == existing.Email).ToListAsync());
        Assert.Single(stored);
        Assert.Equal(existing.DisplayName, stored[0].DisplayName);
        // The old password still works; the one typed into the registration does not.
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowserlikeClient().SubmitLoginAsync(existing.Email!, PlanwerkApp.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowserlikeClient().SubmitLoginAsync(existing.Email!, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task A_weak_password_gets_the_same_answer_for_an_address_with_an_account_as_for_a_new_one()
    {
        var existing = await app.CreateUserAsync();
        var fresh = $"neu-{Guid.NewGuid():N}@example.org";
        var client = app.CreateBrowserlikeClient();

        var forExisting = await client.SubmitFormAsync("/account/register", Form("Kim", existing.Email!, password: "kurz"), "#register-form");
        var forNew = await client.SubmitFormAsync("/account/register", Form("Kim", fresh, password: "kurz"), "#register-form");

        Assert.Equal(HttpStatusCode.OK, forExisting.StatusCode);
        Assert.Equal(forNew.StatusCode, forExisting.StatusCode);
        var errors = (await HtmlForms.ParseAsync(forExisting)).Errors();
        Assert.NotEmpty(errors);
        Assert.Equal((await HtmlForms.ParseAsync(forNew)).Errors(), errors);
        Assert.Empty(app.Smtp.MessagesTo(existing.Email!));
    }

    [Fact]
    public async Task Missing_consent_weak_or_mismatched_passwords_and_hostile_input_create_no_account()
    {
        var client = app.CreateBrowserlikeClient();
        async Task<IReadOnlyList<string>> RefusedAsync(Dictionary<string, string?> form)
        {
            var response = await client.SubmitFormAsync("/account/register", form, "#register-form");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await HtmlForms.ParseAsync(response)).Errors();
        }

        var email = $"abgelehnt-{Guid.NewGuid():N}@example.org";
        Assert.Contains("Bitte stimmen Sie dem Datenschutzhinweis zu.", await RefusedAsync(Form("Kim", email, consent: false)));
        Assert.Contains("Die beiden Passwörter stimmen nicht überein.", await RefusedAsync(Form("Kim", email, confirm: NewPassword + "x")));
        Assert.NotEmpty(await RefusedAsync(Form("Kim", email, password: "kurz")));
        Assert.Contains("Bitte geben Sie eine gültige E-Mail-Adresse an.", await RefusedAsync(Form("Kim", HostileText.Markup)));
        Assert.Contains("Der Name darf höchstens 200 Zeichen lang sein.", await RefusedAsync(Form(HostileText.VeryLong, email)));
        var page = await client.SubmitFormAsync("/account/register", Form(HostileText.Script, "kein-at-zeichen"), "#register-form");
        Assert.DoesNotContain(HostileText.Script, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(0, await app.InMunicipalityAsync(0, (db, _) => db.Users.CountAsync(u => u.Email == email)));
        Assert.Empty(app.Smtp.MessagesTo(email));
    }

    private async Task WaitForCountAsync(string email, int count)
    {
        for (var i = 0; i < 100 && app.Smtp.MessagesTo(email).Count < count; i++) await Task.Delay(100);
        Assert.Equal(count, app.Smtp.MessagesTo(email).Count);
    }
}

public sealed class RegisterSqliteTests(MailingSqliteApp app) : RegisterTests(app), IClassFixture<MailingSqliteApp>;

public sealed class RegisterPostgresTests(MailingPostgresApp app) : RegisterTests(app), IClassFixture<MailingPostgresApp>;
