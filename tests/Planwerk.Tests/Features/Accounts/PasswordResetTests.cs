using System.Net;
using Planwerk.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Accounts;

/// <summary>Password reset through a real SMTP conversation: the app sends to a test SMTP server,
/// the test reads the link from the received mail and follows it.</summary>
public abstract class PasswordResetTests(MailingApp app)
{
    private const string NewPassword = "Ganz-Neues-Passwort-789";

    private async Task<HttpResponseMessage> RequestLinkAsync(HttpClient client, string email) =>
        await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string?> { ["Input.Email"] = email });

    [Fact]
    public async Task Forgotten_password_is_replaced_through_the_link_in_the_mail()
    {
        var m = await app.CreateMunicipalityAsync();
        var user = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        var client = app.CreateBrowserlikeClient();

        var requested = await RequestLinkAsync(client, user.Email!);
        Assert.Equal("/account/forgot-password?sent=true", requested.RedirectTarget());

        var mail = await app.Smtp.WaitForMessageToAsync(user.Email!);
        Assert.Equal("Planwerk: Passwort zurücksetzen", mail.Subject);
        Assert.Contains("ein neues Passwort angefordert", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost/account/reset-password?userId=", mail.TextBody, StringComparison.Ordinal);
        var link = AccountTestSupport.PasswordLink(mail);

        var page = await client.GetDocumentAsync(link);
        Assert.NotNull(page.QuerySelector("input[name='Input.Password']"));
        var reset = await client.SubmitFormAsync(page, link, new Dictionary<string, string?>
        {
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Equal("/account/login", reset.RedirectTarget());
        var login = await client.GetDocumentAsync("/account/login");
        Assert.Contains("Ihr Passwort ist gespeichert", login.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);

        var withOld = await app.CreateBrowserlikeClient().SubmitLoginAsync(user.Email!, PlanwerkApp.Password);
        Assert.Equal(HttpStatusCode.OK, withOld.StatusCode);
        var withNew = await app.CreateBrowserlikeClient().SubmitLoginAsync(user.Email!, NewPassword);
        Assert.Equal($"/{m.Slug}/manage", withNew.RedirectTarget());

        var reused = await client.GetDocumentAsync(link);
        Assert.Null(reused.QuerySelector("input[name='Input.Password']"));
        Assert.Contains("ungültig, abgelaufen oder wurde schon benutzt", reused.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_an_unknown_address_and_sends_nothing()
    {
        var user = await app.CreateUserAsync();
        var unknown = $"niemand-{Guid.NewGuid():N}@example.org";
        var client = app.CreateBrowserlikeClient();

        var forKnown = await RequestLinkAsync(client, user.Email!);
        var forUnknown = await RequestLinkAsync(client, unknown);

        Assert.Equal(forKnown.RedirectTarget(), forUnknown.RedirectTarget());
        await app.Smtp.WaitForMessageToAsync(user.Email!);
        Assert.Empty(app.Smtp.MessagesTo(unknown));
        var confirmation = await client.GetDocumentAsync(forUnknown.RedirectTarget());
        Assert.Contains("Wenn es zu dieser E-Mail-Adresse ein Konto gibt", confirmation.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forgot_password_refuses_an_address_that_is_no_address()
    {
        var client = app.CreateBrowserlikeClient();

        var response = await RequestLinkAsync(client, HostileText.Script);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(HostileText.Script, html, StringComparison.Ordinal);
        Assert.Contains("Bitte geben Sie eine gültige E-Mail-Adresse an.", (await HtmlForms.ParseAsync(response)).Errors());
    }

    [Fact]
    public async Task Reset_link_with_a_forged_code_is_refused_before_and_after_the_form()
    {
        var user = await app.CreateUserAsync();
        var client = app.CreateBrowserlikeClient();
        var forged = $"/account/reset-password?userId={Uri.EscapeDataString(user.Id)}&code=Zm9yZ2Vk";

        var page = await client.GetDocumentAsync(forged);
        Assert.Null(page.QuerySelector("input[name='Input.Password']"));
        Assert.Contains("ungültig, abgelaufen oder wurde schon benutzt", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var token = await client.AntiforgeryTokenAsync();
        var posted = await client.PostWithTokenAsync(forged, token, new Dictionary<string, string>
        {
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowserlikeClient().SubmitLoginAsync(user.Email!, NewPassword)).StatusCode);
        await app.SignInAsync(user.Email!);
    }

    [Fact]
    public async Task Too_short_or_mismatched_new_password_is_refused_with_German_messages()
    {
        var user = await app.CreateUserAsync();
        var client = app.CreateBrowserlikeClient();
        await RequestLinkAsync(client, user.Email!);
        var link = AccountTestSupport.PasswordLink(await app.Smtp.WaitForMessageToAsync(user.Email!));

        var tooShort = await client.SubmitFormAsync(link, new Dictionary<string, string?>
        {
            ["Input.Password"] = "Kurz1",
            ["Input.ConfirmPassword"] = "Kurz1",
        });
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        Assert.Contains("Das Passwort muss mindestens 10 Zeichen lang sein.", (await HtmlForms.ParseAsync(tooShort)).Errors());

        var mismatch = await client.SubmitFormAsync(link, new Dictionary<string, string?>
        {
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword + "!",
        });
        Assert.Contains("Die beiden Passwörter stimmen nicht überein.", (await HtmlForms.ParseAsync(mismatch)).Errors());

        await app.SignInAsync(user.Email!);
        var after = await client.SubmitFormAsync(link, new Dictionary<string, string?>
        {
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Equal("/account/login", after.RedirectTarget());
    }

    [Fact]
    public async Task Resetting_the_password_ends_every_session_of_the_account()
    {
        var user = await app.CreateUserAsync();
        var signedIn = await app.SignInAsync(user.Email!);
        var client = app.CreateBrowserlikeClient();

        await RequestLinkAsync(client, user.Email!);
        var link = AccountTestSupport.PasswordLink(await app.Smtp.WaitForMessageToAsync(user.Email!));
        await client.SubmitFormAsync(link, new Dictionary<string, string?>
        {
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        Assert.False(await signedIn.IsSignedInAsync(), "A session from before the reset must end at once");
        await app.SignInAsync(user.Email!, NewPassword);
    }
}

public sealed class PasswordResetSqliteTests(MailingSqliteApp app) : PasswordResetTests(app), IClassFixture<MailingSqliteApp>;

public sealed class PasswordResetPostgresTests(MailingPostgresApp app) : PasswordResetTests(app), IClassFixture<MailingPostgresApp>;
