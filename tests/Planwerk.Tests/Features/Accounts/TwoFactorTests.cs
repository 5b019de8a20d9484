using System.Net;
using System.Text;
using Planwerk.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Accounts;

public abstract class TwoFactorTests(PlanwerkApp app)
{
    private static Dictionary<string, string?> Code(string code) => new() { ["Input.Code"] = code };

    [Fact]
    public async Task Set_up_page_shows_the_key_in_groups_and_a_QR_code_of_the_otpauth_address()
    {
        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user.Email!);

        var page = await client.GetDocumentAsync("/account/two-factor/enable");

        var shown = page.QuerySelector("#shared-key")!.TextContent;
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", shown);
        var key = shown.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var uri = page.QuerySelector("#authenticator-uri")!.TextContent;
        Assert.Equal($"otpauth://totp/Planwerk:{user.Email}?secret={key}&issuer=Planwerk&digits=6", uri);
        var image = page.QuerySelector("img.qr-code")!;
        Assert.False(string.IsNullOrWhiteSpace(image.GetAttribute("alt")));
        var source = image.GetAttribute("src")!;
        Assert.StartsWith("data:image/svg+xml;base64,", source, StringComparison.Ordinal);
        Assert.Contains("<svg", Encoding.UTF8.GetString(Convert.FromBase64String(source["data:image/svg+xml;base64,".Length..])), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script"));

        var again = await client.GetDocumentAsync("/account/two-factor/enable");
        Assert.Equal(shown, again.QuerySelector("#shared-key")!.TextContent);
    }

    [Fact]
    public async Task A_wrong_code_does_not_switch_two_factor_sign_in_on()
    {
        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user.Email!);
        var page = await client.GetDocumentAsync("/account/two-factor/enable");
        var key = page.QuerySelector("#shared-key")!.TextContent;

        var response = await client.SubmitFormAsync(page, "/account/two-factor/enable", Code(AccountTestSupport.WrongCode(key)));

        var result = await HtmlForms.ParseAsync(response);
        Assert.Contains(result.Errors(), e => e.StartsWith("Der Code stimmt nicht.", StringComparison.Ordinal));
        Assert.Empty(result.QuerySelectorAll(".recovery-codes"));
        var status = await client.GetDocumentAsync("/account/two-factor");
        Assert.Equal("Die Zwei-Faktor-Anmeldung ist ausgeschaltet.", status.QuerySelector("#two-factor-status")!.TextContent.Trim());
        Assert.Equal("/account", (await app.CreateBrowserlikeClient().SubmitLoginAsync(user.Email!, PlanwerkApp.Password)).RedirectTarget());
    }

    [Fact]
    public async Task After_set_up_sign_in_asks_for_the_code_and_refuses_a_wrong_one()
    {
        var m = await app.CreateMunicipalityAsync();
        var user = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        var (key, codes) = await (await app.SignInAsync(user.Email!)).EnableTwoFactorAsync();
        Assert.Equal(10, codes.Distinct().Count());

        var client = app.CreateBrowserlikeClient();
        var first = await client.SubmitLoginAsync(user.Email!, PlanwerkApp.Password);
        Assert.Equal("/account/login-2fa", first.RedirectTarget());
        Assert.False(await client.IsSignedInAsync(), "The password alone must not sign in");

        var wrong = await client.SubmitFormAsync("/account/login-2fa", Code(AccountTestSupport.WrongCode(key)));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains(( await HtmlForms.ParseAsync(wrong)).Errors(), e => e.StartsWith("Der Code ist ungültig.", StringComparison.Ordinal));
        Assert.False(await client.IsSignedInAsync());

        var right = await client.SubmitFormAsync("/account/login-2fa", Code(AccountTestSupport.CurrentCode(key)));
        Assert.Equal($"/{m.Slug}/manage", right.RedirectTarget());
        Assert.True(await client.IsSignedInAsync());
    }

    [Fact]
    public async Task The_return_address_survives_the_second_step_but_a_foreign_one_does_not()
    {
        var m = await app.CreateMunicipalityAsync();
        var user = await m.AddMemberAsync(MunicipalityRole.Administrator);
        var (key, _) = await (await app.SignInAsync(user.Email!)).EnableTwoFactorAsync();

        var client = app.CreateBrowserlikeClient();
        var back = $"/{m.Slug}/manage/users";
        var first = await client.SubmitLoginAsync(user.Email!, PlanwerkApp.Password, "/account/login?returnUrl=" + Uri.EscapeDataString(back));
        var second = await client.SubmitFormAsync(first.RedirectTarget(), Code(AccountTestSupport.CurrentCode(key)));
        Assert.Equal(back, second.RedirectTarget());

        var other = app.CreateBrowserlikeClient();
        await other.SubmitLoginAsync(user.Email!, PlanwerkApp.Password);
        var forged = await other.SubmitFormAsync("/account/login-2fa?returnUrl=" + Uri.EscapeDataString("//evil.example"), Code(AccountTestSupport.CurrentCode(key)));
        Assert.Equal($"/{m.Slug}/manage", forged.RedirectTarget());
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var user = await app.CreateUserAsync();
        var (_, codes) = await (await app.SignInAsync(user.Email!)).EnableTwoFactorAsync();

        var client = app.CreateBrowserlikeClient();
        await client.SubmitLoginAsync(user.Email!, PlanwerkApp.Password);
        var link = (await client.GetDocumentAsync("/account/login-2fa")).QuerySelector("a[href^='/account/login-recovery']");
        Assert.NotNull(link);
        var used = await client.SubmitFormAsync("/account/login-recovery", new Dictionary<string, string?> { ["Input.RecoveryCode"] = codes[3] });
        Assert.Equal("/account", used.RedirectTarget());
        var status = await client.GetDocumentAsync("/account/two-factor");
        Assert.Contains("Noch 9 Wiederherstellungscodes übrig.", status.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var again = app.CreateBrowserlikeClient();
        await again.SubmitLoginAsync(user.Email!, PlanwerkApp.Password);
        var reused = await again.SubmitFormAsync("/account/login-recovery", new Dictionary<string, string?> { ["Input.RecoveryCode"] = codes[3] });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("Dieser Wiederherstellungscode ist ungültig oder wurde schon benutzt.", (await HtmlForms.ParseAsync(reused)).Errors());
        Assert.False(await again.IsSignedInAsync());

        var another = await again.SubmitFormAsync("/account/login-recovery", new Dictionary<string, string?> { ["Input.RecoveryCode"] = codes[4] });
        Assert.Equal("/account", another.RedirectTarget());
    }

    [Fact]
    public async Task Second_step_pages_need_a_first_step()
    {
        var client = app.CreateBrowserlikeClient();

        Assert.Equal("/account/login", (await client.GetAsync("/account/login-2fa")).RedirectTarget());
        Assert.Equal("/account/login", (await client.GetAsync("/account/login-recovery")).RedirectTarget());
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones()
    {
        var user = await app.CreateUserAsync();
        var owner = await app.SignInAsync(user.Email!);
        var (_, oldCodes) = await owner.EnableTwoFactorAsync();

        var response = await owner.SubmitFormAsync("/account/two-factor/recovery-codes", new Dictionary<string, string?>());
        var newCodes = (await HtmlForms.ParseAsync(response)).QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));

        var client = app.CreateBrowserlikeClient();
        await client.SubmitLoginAsync(user.Email!, PlanwerkApp.Password);
        var old = await client.SubmitFormAsync("/account/login-recovery", new Dictionary<string, string?> { ["Input.RecoveryCode"] = oldCodes[0] });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        var fresh = await client.SubmitFormAsync("/account/login-recovery", new Dictionary<string, string?> { ["Input.RecoveryCode"] = newCodes[0] });
        Assert.Equal("/account", fresh.RedirectTarget());
    }

    [Fact]
    public async Task Switching_off_needs_the_password_and_then_the_password_alone_signs_in()
    {
        var user = await app.CreateUserAsync();
        var owner = await app.SignInAsync(user.Email!);
        await owner.EnableTwoFactorAsync();

        var wrong = await owner.SubmitFormAsync("/account/two-factor/disable", new Dictionary<string, string?> { ["Input.Password"] = "Nicht-das-Passwort-1" });
        Assert.Contains("Das Passwort ist falsch.", (await HtmlForms.ParseAsync(wrong)).Errors());
        Assert.Equal("/account/login-2fa", (await app.CreateBrowserlikeClient().SubmitLoginAsync(user.Email!, PlanwerkApp.Password)).RedirectTarget());

        var off = await owner.SubmitFormAsync("/account/two-factor/disable", new Dictionary<string, string?> { ["Input.Password"] = PlanwerkApp.Password });
        Assert.Equal("/account/two-factor", off.RedirectTarget());
        Assert.True(await owner.IsSignedInAsync());
        Assert.Equal("/account", (await app.CreateBrowserlikeClient().SubmitLoginAsync(user.Email!, PlanwerkApp.Password)).RedirectTarget());
    }

    [Fact]
    public async Task Remembered_browser_skips_the_code_next_time()
    {
        var user = await app.CreateUserAsync();
        var (key, _) = await (await app.SignInAsync(user.Email!)).EnableTwoFactorAsync();
        var client = app.CreateBrowserlikeClient();
        await client.SubmitLoginAsync(user.Email!, PlanwerkApp.Password);
        await client.SubmitFormAsync("/account/login-2fa", new Dictionary<string, string?>
        {
            ["Input.Code"] = AccountTestSupport.CurrentCode(key),
            ["Input.RememberMachine"] = "true",
        });

        await client.SubmitFormAsync("/account", new Dictionary<string, string?>(), "form[action='/account/logout']");
        var again = await client.SubmitLoginAsync(user.Email!, PlanwerkApp.Password);

        Assert.Equal("/account", again.RedirectTarget());
    }
}

public sealed class TwoFactorSqliteTests(SqliteApp app) : TwoFactorTests(app), IClassFixture<SqliteApp>;

public sealed class TwoFactorPostgresTests(PostgresApp app) : TwoFactorTests(app), IClassFixture<PostgresApp>;
