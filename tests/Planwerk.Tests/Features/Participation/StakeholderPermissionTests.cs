using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Participation;

/// <summary>Who may use each page and handler of the stakeholder registry: every role of the matrix
/// against every address, reading (GET) and changing (POST with a valid antiforgery token).</summary>
public abstract class StakeholderPermissionTests(PlanwerkApp app)
{
    public enum Visitor { Anonymous, Resident, StakeholderMember, PlanEditor, Moderator, Administrator, OtherAdministrator }

    private enum Access { Everyone, PlanTeam, PlanEditor, StakeholderMember }

    private static bool Allowed(Access access, Visitor visitor) => access switch
    {
        Access.Everyone => true,
        Access.PlanTeam => visitor is Visitor.PlanEditor or Visitor.Moderator or Visitor.Administrator,
        Access.PlanEditor => visitor is Visitor.PlanEditor or Visitor.Administrator,
        Access.StakeholderMember => visitor is Visitor.StakeholderMember,
        _ => false,
    };

    private async Task<HttpClient> ClientAsync(TestMunicipality m, int stakeholderId, Visitor visitor)
    {
        switch (visitor)
        {
            case Visitor.Anonymous:
                return app.CreateBrowserlikeClient();
            case Visitor.Resident:
                return await app.SignInAsync((await app.CreateUserAsync()).Email!);
            case Visitor.StakeholderMember:
                var member = await app.CreateUserAsync();
                await m.AddStakeholderMemberAsync(stakeholderId, member.Id);
                return await app.SignInAsync(member.Email!);
            case Visitor.PlanEditor:
                return await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
            case Visitor.Moderator:
                return await m.SignedInClientAsync(MunicipalityRole.Moderator);
            case Visitor.Administrator:
                return await m.SignedInClientAsync(MunicipalityRole.Administrator);
            default:
                var other = await app.CreateMunicipalityAsync();
                return await other.SignedInClientAsync(MunicipalityRole.Administrator);
        }
    }

    [Theory]
    [InlineData(Visitor.Anonymous)]
    [InlineData(Visitor.Resident)]
    [InlineData(Visitor.StakeholderMember)]
    [InlineData(Visitor.PlanEditor)]
    [InlineData(Visitor.Moderator)]
    [InlineData(Visitor.Administrator)]
    [InlineData(Visitor.OtherAdministrator)]
    public async Task Each_page_and_handler_of_the_registry_admits_exactly_its_roles(Visitor visitor)
    {
        var m = await app.CreateMunicipalityAsync();
        var stakeholderId = await m.AddStakeholderAsync("Beispiel-Initiative Willkommen");
        var otherMember = await app.CreateUserAsync();
        await m.AddStakeholderMemberAsync(stakeholderId, otherMember.Id);
        var memberId = await m.WithDbAsync(db => db.StakeholderMembers.Where(x => x.UserId == otherMember.Id).Select(x => x.Id).SingleAsync());
        var client = await ClientAsync(m, stakeholderId, visitor);
        var edit = string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/manage/stakeholders/{stakeholderId}");
        var member = memberId.ToString(CultureInfo.InvariantCulture);

        (string Url, Access Access)[] reads =
        [
            ($"/{m.Slug}/stakeholders", Access.Everyone),
            ($"/{m.Slug}/invitations/unbekannt", Access.Everyone),
            ($"/{m.Slug}/manage/stakeholders", Access.PlanTeam),
            ($"/{m.Slug}/manage/stakeholders/new", Access.PlanEditor),
            (edit, Access.PlanEditor),
            ($"/{m.Slug}/my-organisations", Access.StakeholderMember),
        ];
        foreach (var (url, access) in reads)
        {
            var response = await client.GetAsync(url);
            AssertAnswer(visitor, Allowed(access, visitor), response, "GET " + url, HttpStatusCode.OK);
        }

        var token = await client.AntiforgeryTokenAsync();
        (string Url, Dictionary<string, string> Fields)[] writes =
        [
            ($"/{m.Slug}/manage/stakeholders/new", new() { ["Input.Name"] = "Neu " + visitor, ["Input.Kind"] = "PoliticalBody" }),
            (edit + "?handler=Invite", new() { ["Invite.Email"] = $"einladung-{Guid.NewGuid():N}@example.org" }),
            (edit + "?handler=Contact", new() { ["memberId"] = member, ["contact"] = "true" }),
            (edit + "?handler=RemoveMember", new() { ["memberId"] = member }),
        ];
        foreach (var (url, fields) in writes)
        {
            var response = await client.PostWithTokenAsync(url, token, fields);
            AssertAnswer(visitor, Allowed(Access.PlanEditor, visitor), response, "POST " + url, HttpStatusCode.Redirect);
        }

        var changed = await m.WithDbAsync(async db => (
            Created: await db.Stakeholders.CountAsync(),
            Invited: await db.StakeholderInvitations.CountAsync(),
            Members: await db.StakeholderMembers.CountAsync(x => x.UserId == otherMember.Id)));
        var mayEdit = Allowed(Access.PlanEditor, visitor);
        Assert.Equal(mayEdit ? 2 : 1, changed.Created);
        Assert.Equal(mayEdit ? 1 : 0, changed.Invited);
        Assert.Equal(mayEdit ? 0 : 1, changed.Members);
    }

    private static void AssertAnswer(Visitor visitor, bool allowed, HttpResponseMessage response, string what, HttpStatusCode success)
    {
        if (allowed)
        {
            Assert.True(response.StatusCode == success, $"{visitor}: {what} answered {(int)response.StatusCode}, expected {(int)success}");
            return;
        }
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{visitor}: {what} answered {(int)response.StatusCode}, expected a refusal");
        var expected = visitor == Visitor.Anonymous ? "/account/login" : "/account/access-denied";
        Assert.StartsWith(expected, response.RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_municipality_never_sees_the_stakeholders()
    {
        var m = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        var name = "Beispiel-Migrantenverein " + Guid.NewGuid().ToString("N")[..6];
        var id = await m.AddStakeholderAsync(name, listed: true, kind: StakeholderKind.MigrantOrganisation);
        var otherAdmin = await other.SignedInClientAsync(MunicipalityRole.Administrator);

        var list = await otherAdmin.GetDocumentAsync($"/{other.Slug}/manage/stakeholders");
        Assert.DoesNotContain(name, list.Body!.TextContent, StringComparison.Ordinal);
        var publicList = await app.CreateBrowserlikeClient().GetDocumentAsync($"/{other.Slug}/stakeholders");
        Assert.DoesNotContain(name, publicList.Body!.TextContent, StringComparison.Ordinal);
        var edit = await otherAdmin.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/{other.Slug}/manage/stakeholders/{id}"));
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        var token = await otherAdmin.AntiforgeryTokenAsync();
        var post = await otherAdmin.PostWithTokenAsync(string.Create(CultureInfo.InvariantCulture, $"/{other.Slug}/manage/stakeholders/{id}?handler=Invite"), token,
            new Dictionary<string, string> { ["Invite.Email"] = "fremd@example.org" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);

        // A member of m's organisation is no stakeholder member in the other municipality.
        var user = await app.CreateUserAsync();
        await m.AddStakeholderMemberAsync(id, user.Id);
        var memberClient = await app.SignInAsync(user.Email!);
        Assert.Equal(HttpStatusCode.OK, (await memberClient.GetAsync($"/{m.Slug}/my-organisations")).StatusCode);
        Assert.StartsWith("/account/access-denied", (await memberClient.GetAsync($"/{other.Slug}/my-organisations")).RedirectTarget(), StringComparison.Ordinal);
    }
}

public sealed class StakeholderPermissionSqliteTests(SqliteApp app) : StakeholderPermissionTests(app), IClassFixture<SqliteApp>;

public sealed class StakeholderPermissionPostgresTests(PostgresApp app) : StakeholderPermissionTests(app), IClassFixture<PostgresApp>;
