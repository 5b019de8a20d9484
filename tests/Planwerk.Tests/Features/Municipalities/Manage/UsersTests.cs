using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Municipalities.Manage;

public abstract class UsersTests(MailingApp app)
{
    public enum Visitor
    {
        Anonymous,
        SignedInNonMember,
        PlanEditor,
        AdministratorOfAnotherMunicipality,
    }

    private static string UsersUrl(TestMunicipality m) => $"/{m.Slug}/manage/users";

    private static Task<int> MembershipIdAsync(TestMunicipality m, string userId) =>
        m.WithDbAsync(db => db.Memberships.Where(x => x.UserId == userId).Select(x => x.Id).SingleAsync());

    private static Task<List<MunicipalityRole>> RolesAsync(TestMunicipality m, string userId) =>
        m.WithDbAsync(db => db.Memberships.Where(x => x.UserId == userId).Select(x => x.Role).ToListAsync());

    private async Task<HttpClient> ClientAsync(Visitor visitor, TestMunicipality m) => visitor switch
    {
        Visitor.Anonymous => app.CreateBrowserlikeClient(),
        Visitor.SignedInNonMember => await app.SignInAsync((await app.CreateUserAsync()).Email!),
        Visitor.PlanEditor => await m.SignedInClientAsync(MunicipalityRole.PlanEditor),
        _ => await (await app.CreateMunicipalityAsync()).SignedInClientAsync(MunicipalityRole.Administrator),
    };

    private static void AssertDenied(Visitor visitor, HttpResponseMessage response)
    {
        var target = response.RedirectTarget();
        var expected = visitor == Visitor.Anonymous ? "/account/login" : "/account/access-denied";
        Assert.True(target.StartsWith(expected, StringComparison.Ordinal), $"{visitor} was sent to {target}");
    }

    [Theory]
    [InlineData(Visitor.Anonymous)]
    [InlineData(Visitor.SignedInNonMember)]
    [InlineData(Visitor.PlanEditor)]
    [InlineData(Visitor.AdministratorOfAnotherMunicipality)]
    public async Task Only_administrators_of_the_municipality_see_its_users(Visitor visitor)
    {
        var m = await app.CreateMunicipalityAsync();
        var client = await ClientAsync(visitor, m);

        AssertDenied(visitor, await client.GetAsync(UsersUrl(m)));
    }

    [Theory]
    [InlineData(Visitor.Anonymous)]
    [InlineData(Visitor.SignedInNonMember)]
    [InlineData(Visitor.PlanEditor)]
    [InlineData(Visitor.AdministratorOfAnotherMunicipality)]
    public async Task Only_administrators_of_the_municipality_change_its_users(Visitor visitor)
    {
        var m = await app.CreateMunicipalityAsync();
        await m.AddMemberAsync(MunicipalityRole.Administrator);
        var editor = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        var editorMembership = await MembershipIdAsync(m, editor.Id);
        var client = await ClientAsync(visitor, m);
        var token = await client.AntiforgeryTokenAsync();
        var before = await m.WithDbAsync(db => db.Memberships.CountAsync());
        var newcomer = $"neu-{Guid.NewGuid():N}@example.org";

        AssertDenied(visitor, await client.PostWithTokenAsync(UsersUrl(m) + "?handler=ChangeRole", token,
            new Dictionary<string, string> { ["membershipId"] = editorMembership.ToString(System.Globalization.CultureInfo.InvariantCulture), ["role"] = "Administrator" }));
        AssertDenied(visitor, await client.PostWithTokenAsync(UsersUrl(m) + "?handler=Remove", token,
            new Dictionary<string, string> { ["membershipId"] = editorMembership.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        AssertDenied(visitor, await client.PostWithTokenAsync(UsersUrl(m) + "?handler=Add", token,
            new Dictionary<string, string> { ["Input.Email"] = newcomer, ["Input.Role"] = "Administrator" }));

        Assert.Equal([MunicipalityRole.PlanEditor], await RolesAsync(m, editor.Id));
        Assert.Equal(before, await m.WithDbAsync(db => db.Memberships.CountAsync()));
        Assert.Empty(app.Smtp.MessagesTo(newcomer));
    }

    [Fact]
    public async Task Administrator_sees_the_members_of_the_municipality_and_no_others()
    {
        var m = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        var editor = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        var stranger = await other.AddMemberAsync(MunicipalityRole.PlanEditor);
        var client = await m.SignedInClientAsync(MunicipalityRole.Administrator);

        var page = await client.GetDocumentAsync(UsersUrl(m));

        var rows = page.QuerySelectorAll("main table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains(editor.Email!, StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains(stranger.Email!, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("(Sie)", StringComparison.Ordinal));
        var editorRole = page.QuerySelector($"#role-{await MembershipIdAsync(m, editor.Id)} option[selected]");
        Assert.Equal("PlanEditor", editorRole!.GetAttribute("value"));
    }

    [Fact]
    public async Task Administrator_invites_a_person_without_an_account_who_sets_a_password_from_the_mail()
    {
        var m = await app.CreateMunicipalityAsync();
        var admin = await m.SignedInClientAsync(MunicipalityRole.Administrator);
        var email = $"neu-{Guid.NewGuid():N}@example.org";

        var added = await admin.SubmitFormAsync(UsersUrl(m), new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "Frau Neu",
            ["Input.Role"] = "PlanEditor",
        }, "#add-member");

        Assert.Equal(UsersUrl(m), added.RedirectTarget());
        var list = await admin.GetDocumentAsync(UsersUrl(m));
        Assert.Contains($"{email} wurde als Planbearbeiter/in hinzugefügt und per E-Mail benachrichtigt.", list.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(list.QuerySelectorAll("main table tbody tr"), r => r.TextContent.Contains("Frau Neu", StringComparison.Ordinal) && r.TextContent.Contains("noch kein Passwort", StringComparison.Ordinal));

        var mail = await app.Smtp.WaitForMessageToAsync(email);
        Assert.Contains(m.Name, mail.Subject, StringComparison.Ordinal);
        Assert.Contains("als Planbearbeiter/in eingetragen", mail.TextBody, StringComparison.Ordinal);
        var link = AccountTestSupport.PasswordLink(mail);
        var newcomer = app.CreateBrowserlikeClient();
        var setPage = await newcomer.GetDocumentAsync(link);
        Assert.Equal("Passwort festlegen", setPage.QuerySelector("h1")!.TextContent);
        var set = await newcomer.SubmitFormAsync(setPage, link, new Dictionary<string, string?>
        {
            ["Input.Password"] = "Mein-Erstes-Passwort-1",
            ["Input.ConfirmPassword"] = "Mein-Erstes-Passwort-1",
        });
        Assert.Equal("/account/login", set.RedirectTarget());
        var signedIn = await newcomer.SubmitLoginAsync(email, "Mein-Erstes-Passwort-1");
        Assert.Equal($"/{m.Slug}/manage", signedIn.RedirectTarget());
    }

    [Fact]
    public async Task Administrator_adds_an_existing_account_which_is_told_by_mail_and_keeps_its_password()
    {
        var m = await app.CreateMunicipalityAsync();
        var admin = await m.SignedInClientAsync(MunicipalityRole.Administrator);
        var existing = await app.CreateUserAsync();

        var added = await admin.SubmitFormAsync(UsersUrl(m), new Dictionary<string, string?>
        {
            ["Input.Email"] = existing.Email!.ToUpperInvariant(),
            ["Input.DisplayName"] = "Anderer Name",
            ["Input.Role"] = "Administrator",
        }, "#add-member");

        Assert.Equal(UsersUrl(m), added.RedirectTarget());
        Assert.Equal([MunicipalityRole.Administrator], await RolesAsync(m, existing.Id));
        var mail = await app.Smtp.WaitForMessageToAsync(existing.Email!);
        Assert.DoesNotContain("reset-password", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost/account/login", mail.TextBody, StringComparison.Ordinal);
        var client = await app.SignInAsync(existing.Email!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(UsersUrl(m))).StatusCode);
        var page = await client.GetDocumentAsync("/account");
        Assert.DoesNotContain("Anderer Name", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_a_member_twice_or_a_bad_address_is_refused_and_shown_escaped()
    {
        var m = await app.CreateMunicipalityAsync();
        var admin = await m.SignedInClientAsync(MunicipalityRole.Administrator);
        var editor = await m.AddMemberAsync(MunicipalityRole.PlanEditor);

        var twice = await admin.SubmitFormAsync(UsersUrl(m), new Dictionary<string, string?>
        {
            ["Input.Email"] = editor.Email,
            ["Input.Role"] = "Administrator",
        }, "#add-member");
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains($"{editor.Email} gehört schon zu {m.Name}. Die Rolle ändern Sie in der Liste.", (await HtmlForms.ParseAsync(twice)).Errors());
        Assert.Equal([MunicipalityRole.PlanEditor], await RolesAsync(m, editor.Id));

        var hostile = await admin.SubmitFormAsync(UsersUrl(m), new Dictionary<string, string?>
        {
            ["Input.Email"] = HostileText.Script,
            ["Input.DisplayName"] = HostileText.VeryLong,
            ["Input.Role"] = "PlanEditor",
        }, "#add-member");
        var html = await hostile.Content.ReadAsStringAsync();
        Assert.DoesNotContain(HostileText.Script, html, StringComparison.Ordinal);
        var errors = (await HtmlForms.ParseAsync(hostile)).Errors();
        Assert.Contains("Bitte geben Sie eine gültige E-Mail-Adresse an.", errors);
        Assert.Contains("Der Name darf höchstens 200 Zeichen lang sein.", errors);
        var form = (await HtmlForms.ParseAsync(hostile)).QuerySelector("#add-member input[name='Input.Email']")!;
        Assert.Equal(HostileText.Script, form.GetAttribute("value"));

        var unknownRole = await admin.SubmitFormAsync(UsersUrl(m), new Dictionary<string, string?>
        {
            ["Input.Email"] = $"rolle-{Guid.NewGuid():N}@example.org",
            ["Input.Role"] = "Owner",
        }, "#add-member");
        Assert.Equal(HttpStatusCode.OK, unknownRole.StatusCode);
        Assert.NotEmpty((await HtmlForms.ParseAsync(unknownRole)).Errors());
        Assert.Equal(2, await m.WithDbAsync(db => db.Memberships.CountAsync()));
    }

    [Fact]
    public async Task Hostile_display_names_are_listed_as_text()
    {
        var m = await app.CreateMunicipalityAsync(HostileText.Markup);
        var admin = await m.SignedInClientAsync(MunicipalityRole.Administrator);
        foreach (var name in new[] { HostileText.Script, HostileText.RightToLeft, HostileText.VeryLong[..200] })
        {
            var added = await admin.SubmitFormAsync(UsersUrl(m), new Dictionary<string, string?>
            {
                ["Input.Email"] = $"name-{Guid.NewGuid():N}@example.org",
                ["Input.DisplayName"] = name,
                ["Input.Role"] = "PlanEditor",
            }, "#add-member");
            Assert.Equal(UsersUrl(m), added.RedirectTarget());
        }

        var response = await admin.GetAsync(UsersUrl(m));
        var html = await response.Content.ReadAsStringAsync();
        var page = await HtmlForms.ParseAsync(response);

        Assert.DoesNotContain(HostileText.Script, html, StringComparison.Ordinal);
        Assert.DoesNotContain(HostileText.Markup, html, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main script, main img"));
        var names = page.QuerySelectorAll("main table tbody th").Select(t => t.TextContent).ToList();
        Assert.Contains(names, n => n.Contains(HostileText.Script, StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains(HostileText.RightToLeft, StringComparison.Ordinal));
        Assert.Contains(m.Name, page.QuerySelector("main table caption")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrator_changes_a_role_and_it_takes_effect_at_once()
    {
        var m = await app.CreateMunicipalityAsync();
        var admin = await m.SignedInClientAsync(MunicipalityRole.Administrator);
        var editor = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        var editorClient = await app.SignInAsync(editor.Email!);
        Assert.StartsWith("/account/access-denied", (await editorClient.GetAsync(UsersUrl(m))).RedirectTarget(), StringComparison.Ordinal);
        var id = await MembershipIdAsync(m, editor.Id);

        var changed = await admin.SubmitFormAsync(UsersUrl(m), new Dictionary<string, string?> { ["role"] = "Administrator" }, $"#change-role-{id}");

        Assert.Equal(UsersUrl(m), changed.RedirectTarget());
        Assert.Equal([MunicipalityRole.Administrator], await RolesAsync(m, editor.Id));
        Assert.Equal(HttpStatusCode.OK, (await editorClient.GetAsync(UsersUrl(m))).StatusCode);
    }

    [Fact]
    public async Task Administrator_removes_a_member_who_loses_access_at_once()
    {
        var m = await app.CreateMunicipalityAsync();
        var admin = await m.SignedInClientAsync(MunicipalityRole.Administrator);
        var other = await m.AddMemberAsync(MunicipalityRole.Administrator);
        var otherClient = await app.SignInAsync(other.Email!);
        var id = await MembershipIdAsync(m, other.Id);

        var removed = await admin.SubmitFormAsync(UsersUrl(m), new Dictionary<string, string?>(), $"#remove-{id}");

        Assert.Equal(UsersUrl(m), removed.RedirectTarget());
        Assert.Empty(await RolesAsync(m, other.Id));
        // Removal ends the person's sessions at once: the old cookie opens nothing any more, the account stays.
        Assert.StartsWith("/account/login", (await otherClient.GetAsync(UsersUrl(m))).RedirectTarget(), StringComparison.Ordinal);
        Assert.False(await otherClient.IsSignedInAsync());
        var again = await app.SignInAsync(other.Email!);
        Assert.StartsWith("/account/access-denied", (await again.GetAsync(UsersUrl(m))).RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_administrator_can_be_neither_removed_nor_demoted()
    {
        var m = await app.CreateMunicipalityAsync();
        var admin = await m.AddMemberAsync(MunicipalityRole.Administrator);
        var client = await app.SignInAsync(admin.Email!);
        var id = await MembershipIdAsync(m, admin.Id);

        var removed = await client.SubmitFormAsync(UsersUrl(m), new Dictionary<string, string?>(), $"#remove-{id}");
        var demoted = await client.SubmitFormAsync(UsersUrl(m), new Dictionary<string, string?> { ["role"] = "PlanEditor" }, $"#change-role-{id}");

        var expected = $"{admin.DisplayName} ist die einzige Person mit der Rolle Administrator/in in {m.Name}. Ernennen Sie zuerst eine weitere Person zur Administratorin oder zum Administrator.";
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Contains(expected, (await HtmlForms.ParseAsync(removed)).Errors());
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        Assert.Contains(expected, (await HtmlForms.ParseAsync(demoted)).Errors());
        Assert.Equal([MunicipalityRole.Administrator], await RolesAsync(m, admin.Id));
    }

    [Fact]
    public async Task An_administrator_may_step_down_when_another_one_remains()
    {
        var m = await app.CreateMunicipalityAsync();
        var admin = await m.AddMemberAsync(MunicipalityRole.Administrator);
        await m.AddMemberAsync(MunicipalityRole.Administrator);
        var client = await app.SignInAsync(admin.Email!);
        var id = await MembershipIdAsync(m, admin.Id);

        var demoted = await client.SubmitFormAsync(UsersUrl(m), new Dictionary<string, string?> { ["role"] = "PlanEditor" }, $"#change-role-{id}");

        Assert.Equal("/account", demoted.RedirectTarget());
        Assert.Equal([MunicipalityRole.PlanEditor], await RolesAsync(m, admin.Id));
    }

    [Fact]
    public async Task Administrator_of_one_municipality_cannot_reach_members_of_another_through_the_forms()
    {
        var a = await app.CreateMunicipalityAsync();
        var b = await app.CreateMunicipalityAsync();
        var adminA = await a.SignedInClientAsync(MunicipalityRole.Administrator);
        var editorA = await a.AddMemberAsync(MunicipalityRole.PlanEditor);
        var adminB = await b.AddMemberAsync(MunicipalityRole.Administrator);
        var editorB = await b.AddMemberAsync(MunicipalityRole.PlanEditor);
        var ownRow = await MembershipIdAsync(a, editorA.Id);
        var foreignAdmin = (await MembershipIdAsync(b, adminB.Id)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var foreignEditor = (await MembershipIdAsync(b, editorB.Id)).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var removed = await adminA.SubmitFormAsync(UsersUrl(a), new Dictionary<string, string?> { ["membershipId"] = foreignAdmin }, $"#remove-{ownRow}");
        var changed = await adminA.SubmitFormAsync(UsersUrl(a), new Dictionary<string, string?> { ["membershipId"] = foreignEditor, ["role"] = "Administrator" }, $"#change-role-{ownRow}");

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Contains($"Diese Person gehört nicht (mehr) zu {a.Name}.", (await HtmlForms.ParseAsync(removed)).Errors());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal([MunicipalityRole.Administrator], await RolesAsync(b, adminB.Id));
        Assert.Equal([MunicipalityRole.PlanEditor], await RolesAsync(b, editorB.Id));
        Assert.Equal([MunicipalityRole.PlanEditor], await RolesAsync(a, editorA.Id));

        var pageOfB = await adminA.GetAsync(UsersUrl(b));
        Assert.StartsWith("/account/access-denied", pageOfB.RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unanswered_invitation_can_be_sent_again()
    {
        var m = await app.CreateMunicipalityAsync();
        var admin = await m.SignedInClientAsync(MunicipalityRole.Administrator);
        var email = $"wieder-{Guid.NewGuid():N}@example.org";
        await admin.SubmitFormAsync(UsersUrl(m), new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Role"] = "PlanEditor" }, "#add-member");
        await app.Smtp.WaitForMessageToAsync(email);
        var userId = await m.WithDbAsync(db => db.Memberships.Where(x => x.User!.Email == email).Select(x => x.Id).SingleAsync());

        var resent = await admin.SubmitFormAsync(UsersUrl(m), new Dictionary<string, string?>(), $"#resend-{userId}");

        Assert.Equal(UsersUrl(m), resent.RedirectTarget());
        Assert.Equal(2, app.Smtp.MessagesTo(email).Count);
        var links = app.Smtp.MessagesTo(email).Select(AccountTestSupport.PasswordLink).ToList();
        var newcomer = app.CreateBrowserlikeClient();
        var set = await newcomer.SubmitFormAsync(links[1], new Dictionary<string, string?>
        {
            ["Input.Password"] = "Zweiter-Versuch-123",
            ["Input.ConfirmPassword"] = "Zweiter-Versuch-123",
        });
        Assert.Equal("/account/login", set.RedirectTarget());
    }
}

public sealed class UsersSqliteTests(MailingSqliteApp app) : UsersTests(app), IClassFixture<MailingSqliteApp>;

public sealed class UsersPostgresTests(MailingPostgresApp app) : UsersTests(app), IClassFixture<MailingPostgresApp>;
