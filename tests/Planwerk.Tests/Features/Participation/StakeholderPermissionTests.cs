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
    public static TheoryData<Visitor> Visitors() => PermissionMatrix.Visitors(
        Visitor.Anonymous, Visitor.Resident, Visitor.StakeholderMember, Visitor.PlanEditor, Visitor.Moderator, Visitor.Administrator, Visitor.OtherAdministrator);

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Each_page_and_handler_of_the_registry_admits_exactly_its_roles(Visitor visitor)
    {
        var m = await app.CreateMunicipalityAsync();
        var stakeholderId = await m.AddStakeholderAsync("Beispiel-Initiative Willkommen");
        var otherMember = await app.CreateUserAsync();
        await m.AddStakeholderMemberAsync(stakeholderId, otherMember.Id);
        var memberId = await m.WithDbAsync(db => db.StakeholderMembers.Where(x => x.UserId == otherMember.Id).Select(x => x.Id).SingleAsync());
        var client = await PermissionMatrix.ClientAsync(app, m, visitor, stakeholderId);
        var edit = string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/manage/stakeholders/{stakeholderId}");
        var member = memberId.ToString(CultureInfo.InvariantCulture);

        await PermissionMatrix.AssertAsync(client, visitor,
        [
            PermissionCheck.Get($"/{m.Slug}/stakeholders", Access.Everyone),
            PermissionCheck.Get($"/{m.Slug}/invitations/unbekannt", Access.Everyone),
            PermissionCheck.Get($"/{m.Slug}/manage/stakeholders", Access.PlanTeam),
            PermissionCheck.Get($"/{m.Slug}/manage/stakeholders/new", Access.PlanEditor),
            PermissionCheck.Get(edit, Access.PlanEditor),
            PermissionCheck.Get($"/{m.Slug}/my-organisations", Access.StakeholderMember),
            PermissionCheck.Post($"/{m.Slug}/manage/stakeholders/new", Access.PlanEditor, new() { ["Input.Name"] = "Neu " + visitor, ["Input.Kind"] = "PoliticalBody" }),
            PermissionCheck.Post(edit + "?handler=Invite", Access.PlanEditor, new() { ["Invite.Email"] = $"einladung-{Guid.NewGuid():N}@example.org" }),
            PermissionCheck.Post(edit + "?handler=Contact", Access.PlanEditor, new() { ["memberId"] = member, ["contact"] = "true" }),
            PermissionCheck.Post(edit + "?handler=Reporter", Access.PlanEditor, new() { ["memberId"] = member, ["reporter"] = "true" }),
            PermissionCheck.Post(edit + "?handler=RemoveMember", Access.PlanEditor, new() { ["memberId"] = member }),
        ]);

        var changed = await m.WithDbAsync(async db => (
            Created: await db.Stakeholders.CountAsync(),
            Invited: await db.StakeholderInvitations.CountAsync(),
            Members: await db.StakeholderMembers.CountAsync(x => x.UserId == otherMember.Id),
            Reporters: await db.StakeholderMembers.CountAsync(x => x.UserId == otherMember.Id && x.IsReporter)));
        var mayEdit = Access.PlanEditor(visitor);
        Assert.Equal(mayEdit ? 2 : 1, changed.Created);
        Assert.Equal(mayEdit ? 1 : 0, changed.Invited);
        Assert.Equal(mayEdit ? 0 : 1, changed.Members);
        Assert.Equal(0, changed.Reporters); // marked by an editor, then removed; never marked by anyone else
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
