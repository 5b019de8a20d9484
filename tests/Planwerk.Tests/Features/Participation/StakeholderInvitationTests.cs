using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Participation;

/// <summary>Invitations through a real SMTP conversation: the plan team invites a contact, the test reads
/// the link from the mail that arrived and follows it.</summary>
public abstract partial class StakeholderInvitationTests(MailingApp app)
{
    private const string NewPassword = "Einladung-Passwort-456";

    [Fact]
    public async Task Invited_contact_creates_an_account_from_the_link_which_works_only_once()
    {
        var m = await app.CreateMunicipalityAsync();
        var name = "Beispiel-Wohlfahrtsverband " + Guid.NewGuid().ToString("N")[..6];
        var stakeholderId = await m.AddStakeholderAsync(name);
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var editUrl = string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/manage/stakeholders/{stakeholderId}");
        var email = $"kontakt-{Guid.NewGuid():N}@example.org";

        var invited = await editor.SubmitFormAsync(editUrl, new Dictionary<string, string?> { ["Invite.Email"] = email }, "#invite-form");
        Assert.Equal(editUrl, invited.RedirectTarget());
        var listed = await editor.GetDocumentAsync(editUrl);
        Assert.Contains(email, listed.QuerySelector("#invitations")!.TextContent, StringComparison.Ordinal);

        var mail = await app.Smtp.WaitForMessageToAsync(email);
        Assert.Equal("Planwerk: Einladung für " + name, mail.Subject);
        var match = InvitationLink().Match(mail.TextBody ?? "");
        Assert.True(match.Success, "No invitation link in the mail:\n" + mail.TextBody);
        Assert.Equal(m.Slug, match.Groups[1].Value);
        var token = match.Groups[2].Value;
        Assert.True(token.Length >= 22, "The token carries at least 128 bits");
        var path = $"/{m.Slug}/invitations/{token}";

        var stored = await m.WithDbAsync(db => db.StakeholderInvitations.AsNoTracking().SingleAsync(i => i.StakeholderId == stakeholderId));
        Assert.NotEqual(token, stored.TokenHash);
        Assert.Equal(InvitationTokens.Hash(token), stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenHash + stored.Email, StringComparison.Ordinal);
        Assert.Equal(StakeholderInvitation.Lifetime, stored.ExpiresAt - stored.CreatedAt);

        var person = app.CreateBrowserlikeClient();
        var page = await person.GetDocumentAsync(path);
        Assert.Contains(email, page.QuerySelector("#invitation-for")!.TextContent, StringComparison.Ordinal);
        var mismatch = await person.SubmitFormAsync(page, path, new Dictionary<string, string?>
        {
            ["Input.DisplayName"] = "Kim Beispiel",
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword + "x",
        }, "#register-form");
        Assert.Equal(HttpStatusCode.OK, mismatch.StatusCode);
        Assert.Contains("Die beiden Passwörter stimmen nicht überein.", (await HtmlForms.ParseAsync(mismatch)).Errors());

        var registered = await person.SubmitFormAsync(path, new Dictionary<string, string?>
        {
            ["Input.DisplayName"] = HostileText.Script,
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        }, "#register-form");
        Assert.Equal($"/{m.Slug}/my-organisations", registered.RedirectTarget());
        var mine = await person.GetAsync($"/{m.Slug}/my-organisations");
        var html = await mine.Content.ReadAsStringAsync();
        Assert.DoesNotContain(HostileText.Script, html, StringComparison.Ordinal);
        var minePage = await HtmlForms.ParseAsync(mine);
        Assert.Contains(name, minePage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(HostileText.Script, minePage.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);

        var (user, member, invitation) = await m.WithDbAsync(async db =>
        {
            var u = await db.Users.AsNoTracking().SingleAsync(x => x.Email == email);
            var mem = await db.StakeholderMembers.AsNoTracking().SingleAsync(x => x.UserId == u.Id);
            var inv = await db.StakeholderInvitations.AsNoTracking().SingleAsync(x => x.Id == stored.Id);
            return (u, mem, inv);
        });
        Assert.True(user.EmailConfirmed);
        Assert.Equal(HostileText.Script, user.DisplayName);
        Assert.Equal(stakeholderId, member.StakeholderId);
        Assert.True(member.IsContact);
        Assert.NotNull(invitation.UsedAt);
        Assert.Equal(user.Id, invitation.UsedByUserId);
        var signedInAgain = await app.CreateBrowserlikeClient().SubmitLoginAsync(email, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedInAgain.StatusCode);

        // The second use of the link is refused, whether by the same person or by anyone else.
        var stranger = app.CreateBrowserlikeClient();
        var again = await stranger.GetDocumentAsync(path);
        Assert.NotNull(again.QuerySelector("#invitation-invalid"));
        Assert.Null(again.QuerySelector("#register-form"));
        var strangerToken = await stranger.AntiforgeryTokenAsync();
        var replay = await stranger.PostWithTokenAsync(path + "?handler=Register", strangerToken, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Zweiter Versuch",
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.NotNull((await HtmlForms.ParseAsync(replay)).QuerySelector("#invitation-invalid"));
        var memberCount = await m.WithDbAsync(db => db.StakeholderMembers.CountAsync(x => x.StakeholderId == stakeholderId));
        Assert.Equal(1, memberCount);
    }

    [Fact]
    public async Task Expired_and_unknown_links_change_nothing_and_a_signed_in_person_accepts_an_open_one()
    {
        var m = await app.CreateMunicipalityAsync();
        var stakeholderId = await m.AddStakeholderAsync();
        var expiredToken = InvitationTokens.NewToken();
        var openToken = InvitationTokens.NewToken();
        var resident = await app.CreateUserAsync();
        await m.WithDbAsync(db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.StakeholderInvitations.Add(new StakeholderInvitation
            {
                StakeholderId = stakeholderId, Email = resident.Email!, TokenHash = InvitationTokens.Hash(expiredToken),
                CreatedAt = now - TimeSpan.FromDays(15), ExpiresAt = now - TimeSpan.FromSeconds(1),
            });
            db.StakeholderInvitations.Add(new StakeholderInvitation
            {
                StakeholderId = stakeholderId, Email = resident.Email!, TokenHash = InvitationTokens.Hash(openToken),
                CreatedAt = now, ExpiresAt = now + StakeholderInvitation.Lifetime,
            });
            return Task.FromResult(0);
        });
        var client = await app.SignInAsync(resident.Email!);
        var token = await client.AntiforgeryTokenAsync();

        foreach (var bad in new[] { expiredToken, "unbekannt", openToken + "x" })
        {
            var path = $"/{m.Slug}/invitations/{bad}";
            var page = await client.GetDocumentAsync(path);
            Assert.Contains("unbekannt, abgelaufen oder wurde schon benutzt", page.QuerySelector("#invitation-invalid")!.TextContent, StringComparison.Ordinal);
            var accept = await client.PostWithTokenAsync(path + "?handler=Accept", token, new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        }
        Assert.Equal(0, await m.WithDbAsync(db => db.StakeholderMembers.CountAsync()));
        Assert.StartsWith("/account/access-denied", (await client.GetAsync($"/{m.Slug}/my-organisations")).RedirectTarget(), StringComparison.Ordinal);

        // The open link of one municipality means nothing in another.
        var other = await app.CreateMunicipalityAsync();
        Assert.NotNull((await client.GetDocumentAsync($"/{other.Slug}/invitations/{openToken}")).QuerySelector("#invitation-invalid"));

        var openPath = $"/{m.Slug}/invitations/{openToken}";
        var accepted = await client.SubmitFormAsync(openPath, new Dictionary<string, string?>(), "#accept-form");
        Assert.Equal($"/{m.Slug}/my-organisations", accepted.RedirectTarget());
        var member = await m.WithDbAsync(db => db.StakeholderMembers.AsNoTracking().SingleAsync());
        Assert.Equal(resident.Id, member.UserId);
        Assert.True(member.IsContact);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{m.Slug}/my-organisations")).StatusCode);
        Assert.NotNull((await client.GetDocumentAsync(openPath)).QuerySelector("#invitation-invalid"));
    }

    [GeneratedRegex(@"https?://[^\s/]+/([^\s/]+)/invitations/([A-Za-z0-9_-]+)")]
    private static partial Regex InvitationLink();
}

public sealed class StakeholderInvitationSqliteTests(MailingSqliteApp app) : StakeholderInvitationTests(app), IClassFixture<MailingSqliteApp>;

public sealed class StakeholderInvitationPostgresTests(MailingPostgresApp app) : StakeholderInvitationTests(app), IClassFixture<MailingPostgresApp>;
