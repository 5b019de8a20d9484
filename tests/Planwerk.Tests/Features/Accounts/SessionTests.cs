using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Planwerk.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Accounts;

/// <summary>A sign-in cookie counts only while its session exists on the server: signing out, changing the
/// password or two-factor sign-in, and an administrator removing the person end sessions at once.</summary>
public abstract class SessionTests(PlanwerkApp app)
{
    private const string Firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private const string AndroidChrome = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";

    /// <summary>Signs in through the form and returns the client and the sign-in cookie it received.</summary>
    private async Task<(HttpClient Client, string Cookie)> SignInWithCookieAsync(string email, string? userAgent = null)
    {
        var client = app.CreateBrowserlikeClient();
        if (userAgent is not null) client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        var response = await client.SubmitLoginAsync(email, PlanwerkApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("planwerk.auth=", StringComparison.Ordinal));
        return (client, cookie.Split(';')[0]);
    }

    /// <summary>A request carrying nothing but a copied cookie, as someone who took it would send it.</summary>
    private async Task<HttpResponseMessage> ReplayAsync(string cookie, string url)
    {
        var stranger = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await stranger.SendAsync(request);
    }

    private static void AssertSentToSignIn(HttpResponseMessage response) =>
        Assert.StartsWith("/account/login", response.RedirectTarget(), StringComparison.Ordinal);

    [Fact]
    public async Task A_cookie_replayed_after_sign_out_is_sent_to_the_sign_in_page()
    {
        var m = await app.CreateMunicipalityAsync();
        var user = await m.AddMemberAsync(MunicipalityRole.Administrator);
        var (client, cookie) = await SignInWithCookieAsync(user.Email!);
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(cookie, "/account")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(cookie, $"/{m.Slug}/manage")).StatusCode);

        var signedOut = await client.SubmitFormAsync("/account/logout", new Dictionary<string, string?>());
        Assert.Equal("/", signedOut.RedirectTarget());

        AssertSentToSignIn(await ReplayAsync(cookie, "/account"));
        AssertSentToSignIn(await ReplayAsync(cookie, $"/{m.Slug}/manage"));
        AssertSentToSignIn(await ReplayAsync(cookie, $"/{m.Slug}/manage/users"));
    }

    [Fact]
    public async Task Changing_the_password_signs_out_every_other_session_at_once()
    {
        var user = await app.CreateUserAsync();
        var (a, _) = await SignInWithCookieAsync(user.Email!);
        var (b, cookieB) = await SignInWithCookieAsync(user.Email!);
        Assert.True(await b.IsSignedInAsync());

        var changed = await a.SubmitFormAsync("/account/change-password", new Dictionary<string, string?>
        {
            ["Input.CurrentPassword"] = PlanwerkApp.Password,
            ["Input.Password"] = "Neues-Passwort-456",
            ["Input.ConfirmPassword"] = "Neues-Passwort-456",
        });

        Assert.Equal("/account", changed.RedirectTarget());
        Assert.True(await a.IsSignedInAsync(), "The session that changed the password goes on");
        Assert.False(await b.IsSignedInAsync(), "Another session must end at once");
        AssertSentToSignIn(await ReplayAsync(cookieB, "/account"));
    }

    [Fact]
    public async Task Switching_two_factor_on_new_recovery_codes_and_switching_it_off_sign_out_other_sessions()
    {
        var user = await app.CreateUserAsync();
        var (a, _) = await SignInWithCookieAsync(user.Email!);
        var (b, _) = await SignInWithCookieAsync(user.Email!);

        var (key, _) = await a.EnableTwoFactorAsync();
        Assert.True(await a.IsSignedInAsync());
        Assert.False(await b.IsSignedInAsync(), "Switching two-factor on must end the other session");

        var c = await SignInWithSecondFactorAsync(user.Email!, key);
        var codes = await a.SubmitFormAsync("/account/two-factor/recovery-codes", new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.OK, codes.StatusCode);
        Assert.True(await a.IsSignedInAsync());
        Assert.False(await c.IsSignedInAsync(), "New recovery codes must end the other session");

        var d = await SignInWithSecondFactorAsync(user.Email!, key);
        var off = await a.SubmitFormAsync("/account/two-factor/disable", new Dictionary<string, string?> { ["Input.Password"] = PlanwerkApp.Password });
        Assert.Equal("/account/two-factor", off.RedirectTarget());
        Assert.True(await a.IsSignedInAsync());
        Assert.False(await d.IsSignedInAsync(), "Switching two-factor off must end the other session");
    }

    private async Task<HttpClient> SignInWithSecondFactorAsync(string email, string key)
    {
        var client = app.CreateBrowserlikeClient();
        Assert.Equal("/account/login-2fa", (await client.SubmitLoginAsync(email, PlanwerkApp.Password)).RedirectTarget());
        var second = await client.SubmitFormAsync("/account/login-2fa", new Dictionary<string, string?> { ["Input.Code"] = AccountTestSupport.CurrentCode(key) });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.True(await client.IsSignedInAsync());
        return client;
    }

    [Fact]
    public async Task Removing_a_person_from_the_municipality_ends_their_sessions_at_once()
    {
        var m = await app.CreateMunicipalityAsync();
        var admin = await m.SignedInClientAsync(MunicipalityRole.Administrator);
        var editor = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        var (client, cookie) = await SignInWithCookieAsync(editor.Email!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{m.Slug}/manage")).StatusCode);
        var membershipId = await m.WithDbAsync(db => Task.FromResult(db.Memberships.Single(x => x.UserId == editor.Id).Id));

        var removed = await admin.SubmitFormAsync($"/{m.Slug}/manage/users", new Dictionary<string, string?>(), $"#remove-{membershipId}");

        Assert.Equal($"/{m.Slug}/manage/users", removed.RedirectTarget());
        AssertSentToSignIn(await client.GetAsync($"/{m.Slug}/manage"));
        Assert.False(await client.IsSignedInAsync());
        AssertSentToSignIn(await ReplayAsync(cookie, "/account"));
        Assert.True(await admin.IsSignedInAsync(), "The administrator's own session goes on");
    }

    [Fact]
    public async Task The_account_page_lists_the_sessions_and_ends_all_others()
    {
        var user = await app.CreateUserAsync();
        var (phone, _) = await SignInWithCookieAsync(user.Email!, AndroidChrome);
        var (desk, _) = await SignInWithCookieAsync(user.Email!, Firefox);
        var other = await app.CreateUserAsync();
        var (stranger, _) = await SignInWithCookieAsync(other.Email!, Firefox);

        var page = await desk.GetDocumentAsync("/account");
        var rows = page.QuerySelectorAll("#sessions tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Contains("Firefox auf Windows", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("diese Sitzung", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("current-session", rows[0].GetAttribute("class"));
        Assert.Contains("Chrome auf Android", rows[1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("diese Sitzung", rows[1].TextContent, StringComparison.Ordinal);

        var ended = await desk.SubmitFormAsync(page, "/account", new Dictionary<string, string?>(), "form[action*='handler=EndOtherSessions']");

        Assert.Equal("/account", ended.RedirectTarget());
        Assert.False(await phone.IsSignedInAsync(), "The other session must end");
        Assert.True(await stranger.IsSignedInAsync(), "Another person's session is not touched");
        var after = await desk.GetDocumentAsync("/account");
        Assert.Equal("Eine andere Sitzung wurde beendet.", after.QuerySelector(".notice")!.TextContent.Trim());
        Assert.Single(after.QuerySelectorAll("#sessions tbody tr"));
        Assert.Null(after.QuerySelector("form[action*='handler=EndOtherSessions']"));
    }
}

public sealed class SessionSqliteTests(SqliteApp app) : SessionTests(app), IClassFixture<SqliteApp>;

public sealed class SessionPostgresTests(PostgresApp app) : SessionTests(app), IClassFixture<PostgresApp>;
