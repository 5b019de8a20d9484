using System.Net;
using Planwerk.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Accounts;

public abstract class SignInTests(PlanwerkApp app)
{
    [Fact]
    public async Task Member_signs_in_and_lands_on_the_management_of_their_municipality()
    {
        var m = await app.CreateMunicipalityAsync();
        var user = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        var client = app.CreateBrowserlikeClient();

        var response = await client.SubmitLoginAsync(user.Email!, PlanwerkApp.Password);

        Assert.Equal($"/{m.Slug}/manage", response.RedirectTarget());
        Assert.True(await client.IsSignedInAsync());
    }

    [Fact]
    public async Task Moderator_signs_in_and_lands_on_the_stakeholder_registry_they_may_open()
    {
        var m = await app.CreateMunicipalityAsync();
        var user = await m.AddMemberAsync(MunicipalityRole.Moderator);
        var client = app.CreateBrowserlikeClient();

        var response = await client.SubmitLoginAsync(user.Email!, PlanwerkApp.Password);

        Assert.Equal($"/{m.Slug}/manage/stakeholders", response.RedirectTarget());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(response.RedirectTarget())).StatusCode);
    }

    [Fact]
    public async Task Person_without_a_municipality_lands_on_their_account_after_sign_in()
    {
        var user = await app.CreateUserAsync();
        var client = app.CreateBrowserlikeClient();

        var response = await client.SubmitLoginAsync(user.Email!, PlanwerkApp.Password);

        Assert.Equal("/account", response.RedirectTarget());
    }

    [Fact]
    public async Task Sign_in_goes_back_to_a_local_return_address()
    {
        var m = await app.CreateMunicipalityAsync();
        var user = await m.AddMemberAsync(MunicipalityRole.Administrator);
        var client = app.CreateBrowserlikeClient();
        var back = $"/{m.Slug}/manage/users?x=1";

        var response = await client.SubmitLoginAsync(user.Email!, PlanwerkApp.Password, "/account/login?returnUrl=" + Uri.EscapeDataString(back));

        Assert.Equal(back, response.RedirectTarget());
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    [InlineData("http:evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task Sign_in_never_redirects_to_another_site(string returnUrl)
    {
        var m = await app.CreateMunicipalityAsync();
        var user = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        var client = app.CreateBrowserlikeClient();

        var response = await client.SubmitLoginAsync(user.Email!, PlanwerkApp.Password, "/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(response.Headers.Location!.IsAbsoluteUri, $"Redirected to {response.Headers.Location}");
        Assert.Equal($"/{m.Slug}/manage", response.RedirectTarget());
    }

    [Fact]
    public async Task Wrong_password_and_unknown_address_get_the_same_message()
    {
        var user = await app.CreateUserAsync();
        var client = app.CreateBrowserlikeClient();

        var wrongPassword = await client.SubmitLoginAsync(user.Email!, "Falsches-Passwort-1");
        var unknown = await client.SubmitLoginAsync($"nobody-{Guid.NewGuid():N}@example.org", "Falsches-Passwort-1");

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var wrongErrors = (await HtmlForms.ParseAsync(wrongPassword)).Errors();
        var unknownErrors = (await HtmlForms.ParseAsync(unknown)).Errors();
        Assert.Equal(["Die Anmeldung ist fehlgeschlagen. Bitte prüfen Sie E-Mail-Adresse und Passwort."], wrongErrors);
        Assert.Equal(wrongErrors, unknownErrors);
        Assert.False(await client.IsSignedInAsync());
    }

    [Fact]
    public async Task Empty_sign_in_form_names_the_missing_fields()
    {
        var client = app.CreateBrowserlikeClient();

        var response = await client.SubmitLoginAsync("", "");

        var errors = (await HtmlForms.ParseAsync(response)).Errors();
        Assert.Contains("Bitte geben Sie Ihre E-Mail-Adresse an.", errors);
        Assert.Contains("Bitte geben Sie Ihr Passwort an.", errors);
    }

    [Fact]
    public async Task A_successful_sign_in_resets_the_count_of_failures()
    {
        var user = await app.CreateUserAsync();
        var client = app.CreateBrowserlikeClient();
        for (var i = 0; i < 4; i++) await client.SubmitLoginAsync(user.Email!, "Falsches-Passwort-" + i);

        await client.SubmitLoginAsync(user.Email!, PlanwerkApp.Password);
        var other = app.CreateBrowserlikeClient();
        var again = await other.SubmitLoginAsync(user.Email!, "Falsches-Passwort-9");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Sign_out_is_a_post_from_the_layout_that_ends_the_session()
    {
        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user.Email!);

        var visit = await client.GetAsync("/account/logout");
        Assert.Equal(HttpStatusCode.OK, visit.StatusCode);
        Assert.True(await client.IsSignedInAsync(), "A GET must not sign out");

        var response = await client.SubmitFormAsync("/account", new Dictionary<string, string?>(), "form[action='/account/logout']");

        Assert.Equal("/", response.RedirectTarget());
        var afterwards = await client.GetAsync("/account");
        Assert.StartsWith("/account/login", afterwards.RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_refused()
    {
        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user.Email!);

        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(await client.IsSignedInAsync());
    }

    [Fact]
    public async Task Account_pages_send_anonymous_visitors_to_sign_in()
    {
        var client = app.CreateBrowserlikeClient();
        foreach (var url in new[] { "/account", "/account/change-password", "/account/two-factor", "/account/two-factor/enable" })
        {
            var response = await client.GetAsync(url);
            Assert.StartsWith("/account/login?ReturnUrl=" + Uri.EscapeDataString(url), response.RedirectTarget(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Access_denied_page_answers_403_with_an_explanation()
    {
        var response = await app.CreateBrowserlikeClient().GetAsync("/account/access-denied");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal("Kein Zugriff", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Account_overview_shows_name_address_and_roles_escaped()
    {
        var a = await app.CreateMunicipalityAsync(HostileText.Markup);
        var b = await app.CreateMunicipalityAsync(HostileText.RightToLeft);
        var user = await app.CreateUserAsync();
        await app.InMunicipalityAsync(0, async (db, _) =>
        {
            var stored = await db.Users.FindAsync(user.Id);
            stored!.DisplayName = HostileText.Script;
            return 0;
        });
        await a.WithDbAsync(db => { db.Memberships.Add(new MunicipalityMembership { UserId = user.Id, Role = MunicipalityRole.Administrator }); return Task.FromResult(0); });
        await b.WithDbAsync(db => { db.Memberships.Add(new MunicipalityMembership { UserId = user.Id, Role = MunicipalityRole.PlanEditor }); return Task.FromResult(0); });
        var client = await app.SignInAsync(user.Email!);

        var response = await client.GetAsync("/account");
        var html = await response.Content.ReadAsStringAsync();
        var page = await HtmlForms.ParseAsync(response);

        Assert.DoesNotContain(HostileText.Script, html, StringComparison.Ordinal);
        Assert.DoesNotContain(HostileText.Markup, html, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main script, main img"));
        Assert.Contains(HostileText.Script, page.QuerySelector("main dl")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(user.Email!, page.QuerySelector("main dl")!.TextContent, StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("main table:not(#sessions) tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains(HostileText.Markup, StringComparison.Ordinal) && r.Contains("Administrator/in", StringComparison.Ordinal) && r.Contains("Benutzer verwalten", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(HostileText.RightToLeft, StringComparison.Ordinal) && r.Contains("Planbearbeiter/in", StringComparison.Ordinal) && !r.Contains("Benutzer verwalten", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Account_pages_and_password_rules_speak_English_when_chosen()
    {
        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user.Email!);
        await client.GetAsync("/language/en?returnUrl=/account");

        var overview = await client.GetDocumentAsync("/account");
        var tooShort = await client.SubmitFormAsync("/account/change-password", new Dictionary<string, string?>
        {
            ["Input.CurrentPassword"] = PlanwerkApp.Password,
            ["Input.Password"] = "Short1",
            ["Input.ConfirmPassword"] = "Short1",
        });

        Assert.Equal("My account", overview.QuerySelector("h1")!.TextContent);
        Assert.Contains("The password must be at least 10 characters long.", (await HtmlForms.ParseAsync(tooShort)).Errors());
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_takes_effect()
    {
        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user.Email!);
        const string newPassword = "Neues-Passwort-456";

        var wrong = await client.SubmitFormAsync("/account/change-password", new Dictionary<string, string?>
        {
            ["Input.CurrentPassword"] = "Nicht-das-Passwort-1",
            ["Input.Password"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        Assert.Contains("Das Passwort ist falsch.", (await HtmlForms.ParseAsync(wrong)).Errors());

        var mismatch = await client.SubmitFormAsync("/account/change-password", new Dictionary<string, string?>
        {
            ["Input.CurrentPassword"] = PlanwerkApp.Password,
            ["Input.Password"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword + "x",
        });
        Assert.Contains("Die beiden Passwörter stimmen nicht überein.", (await HtmlForms.ParseAsync(mismatch)).Errors());

        var changed = await client.SubmitFormAsync("/account/change-password", new Dictionary<string, string?>
        {
            ["Input.CurrentPassword"] = PlanwerkApp.Password,
            ["Input.Password"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        Assert.Equal("/account", changed.RedirectTarget());
        Assert.True(await client.IsSignedInAsync(), "The session that changed the password stays signed in");

        var old = await app.CreateBrowserlikeClient().SubmitLoginAsync(user.Email!, PlanwerkApp.Password);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        await app.SignInAsync(user.Email!, newPassword);
    }
}

public sealed class SignInSqliteTests(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class SignInPostgresTests(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
