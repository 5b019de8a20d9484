using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Participation;

/// <summary>Who may use the join-request pages: asking needs a signed-in person, reading the requests the
/// plan team, deciding a plan editor or administrator of this municipality.</summary>
public abstract class JoinRequestPermissionTests(PlanwerkApp app)
{
    public static TheoryData<Visitor> Visitors() => PermissionMatrix.Visitors(
        Visitor.Anonymous, Visitor.Resident, Visitor.StakeholderMember, Visitor.PlanEditor, Visitor.Moderator, Visitor.Administrator, Visitor.OtherAdministrator);

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Each_page_and_handler_of_join_requests_admits_exactly_its_roles(Visitor visitor)
    {
        var m = await app.CreateMunicipalityAsync();
        var ownId = await m.AddStakeholderAsync();
        var targetId = await m.AddStakeholderAsync();
        var asker = await app.CreateUserAsync();
        var pendingId = await m.WithDbAsync(async db =>
        {
            var request = new StakeholderJoinRequest { UserId = asker.Id, StakeholderId = targetId, State = JoinRequestState.Pending, CreatedAt = DateTimeOffset.UtcNow };
            db.StakeholderJoinRequests.Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        });
        var client = await PermissionMatrix.ClientAsync(app, m, visitor, ownId);
        var planEditor = Access.PlanEditor(visitor);

        await PermissionMatrix.AssertAsync(client, visitor,
        [
            PermissionCheck.Get($"/{m.Slug}/stakeholders/join", Access.SignedIn),
            PermissionCheck.Get($"/{m.Slug}/manage/join-requests", Access.PlanTeam),
            PermissionCheck.Post($"/{m.Slug}/stakeholders/join?handler=Join", Access.SignedIn,
                new() { ["Join.StakeholderId"] = targetId.ToString(CultureInfo.InvariantCulture) }),
            PermissionCheck.Post($"/{m.Slug}/stakeholders/join?handler=Propose", Access.SignedIn,
                new() { ["Propose.Name"] = "Vorschlag " + visitor, ["Propose.Kind"] = "PoliticalBody" }),
            PermissionCheck.Post($"/{m.Slug}/manage/join-requests?handler=Decide", Access.PlanEditor, new()
            {
                ["requestId"] = pendingId.ToString(CultureInfo.InvariantCulture),
                ["decision"] = "approve",
                ["Decision.Note"] = "",
            }),
        ]);

        var (requests, state, askerMember) = await m.WithDbAsync(async db => (
            await db.StakeholderJoinRequests.CountAsync(),
            (await db.StakeholderJoinRequests.AsNoTracking().SingleAsync(r => r.Id == pendingId)).State,
            await db.StakeholderMembers.AnyAsync(x => x.UserId == asker.Id)));
        Assert.Equal(Access.SignedIn(visitor) ? 3 : 1, requests);
        Assert.Equal(planEditor ? JoinRequestState.Approved : JoinRequestState.Pending, state);
        Assert.Equal(planEditor, askerMember);
    }

    [Fact]
    public async Task Requests_of_another_municipality_are_neither_listed_nor_decided()
    {
        var m = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        var stakeholderId = await m.AddStakeholderAsync();
        var asker = await app.CreateUserAsync();
        var requestId = await m.WithDbAsync(async db =>
        {
            var request = new StakeholderJoinRequest { UserId = asker.Id, StakeholderId = stakeholderId, Message = "Geheim " + stakeholderId, State = JoinRequestState.Pending, CreatedAt = DateTimeOffset.UtcNow };
            db.StakeholderJoinRequests.Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        });
        var otherAdmin = await other.SignedInClientAsync(MunicipalityRole.Administrator);

        var list = await otherAdmin.GetDocumentAsync($"/{other.Slug}/manage/join-requests");
        Assert.NotNull(list.QuerySelector("#no-pending"));
        var token = await otherAdmin.AntiforgeryTokenAsync();
        var decide = await otherAdmin.PostWithTokenAsync($"/{other.Slug}/manage/join-requests?handler=Decide", token, new Dictionary<string, string>
        {
            ["requestId"] = requestId.ToString(CultureInfo.InvariantCulture),
            ["decision"] = "approve",
        });
        Assert.Equal(HttpStatusCode.NotFound, decide.StatusCode);
        Assert.Equal(JoinRequestState.Pending, (await m.WithDbAsync(db => db.StakeholderJoinRequests.AsNoTracking().SingleAsync(r => r.Id == requestId))).State);
    }
}

public sealed class JoinRequestPermissionSqliteTests(SqliteApp app) : JoinRequestPermissionTests(app), IClassFixture<SqliteApp>;

public sealed class JoinRequestPermissionPostgresTests(PostgresApp app) : JoinRequestPermissionTests(app), IClassFixture<PostgresApp>;
