using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;
using Visitor = Planwerk.Tests.Features.Participation.StakeholderPermissionTests.Visitor;

namespace Planwerk.Tests.Features.Participation;

/// <summary>Who may use the join-request pages: asking needs a signed-in person, reading the requests the
/// plan team, deciding a plan editor or administrator of this municipality.</summary>
public abstract class JoinRequestPermissionTests(PlanwerkApp app)
{
    internal static async Task<HttpClient> ClientAsync(PlanwerkApp app, TestMunicipality m, int stakeholderId, Visitor visitor)
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

    internal static void AssertAnswer(Visitor visitor, bool allowed, HttpResponseMessage response, string what, HttpStatusCode success)
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

    [Theory]
    [InlineData(Visitor.Anonymous)]
    [InlineData(Visitor.Resident)]
    [InlineData(Visitor.StakeholderMember)]
    [InlineData(Visitor.PlanEditor)]
    [InlineData(Visitor.Moderator)]
    [InlineData(Visitor.Administrator)]
    [InlineData(Visitor.OtherAdministrator)]
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
        var client = await ClientAsync(app, m, ownId, visitor);
        var signedIn = visitor != Visitor.Anonymous;
        var planTeam = visitor is Visitor.PlanEditor or Visitor.Moderator or Visitor.Administrator;
        var planEditor = visitor is Visitor.PlanEditor or Visitor.Administrator;

        AssertAnswer(visitor, signedIn, await client.GetAsync($"/{m.Slug}/stakeholders/join"), "GET join", HttpStatusCode.OK);
        AssertAnswer(visitor, planTeam, await client.GetAsync($"/{m.Slug}/manage/join-requests"), "GET join-requests", HttpStatusCode.OK);

        var token = await client.AntiforgeryTokenAsync();
        var join = await client.PostWithTokenAsync($"/{m.Slug}/stakeholders/join?handler=Join", token,
            new Dictionary<string, string> { ["Join.StakeholderId"] = targetId.ToString(CultureInfo.InvariantCulture) });
        AssertAnswer(visitor, signedIn, join, "POST join", HttpStatusCode.Redirect);
        var propose = await client.PostWithTokenAsync($"/{m.Slug}/stakeholders/join?handler=Propose", token,
            new Dictionary<string, string> { ["Propose.Name"] = "Vorschlag " + visitor, ["Propose.Kind"] = "PoliticalBody" });
        AssertAnswer(visitor, signedIn, propose, "POST propose", HttpStatusCode.Redirect);
        var decide = await client.PostWithTokenAsync($"/{m.Slug}/manage/join-requests?handler=Decide", token, new Dictionary<string, string>
        {
            ["requestId"] = pendingId.ToString(CultureInfo.InvariantCulture),
            ["decision"] = "approve",
            ["Decision.Note"] = "",
        });
        AssertAnswer(visitor, planEditor, decide, "POST decide", HttpStatusCode.Redirect);

        var (requests, state, askerMember) = await m.WithDbAsync(async db => (
            await db.StakeholderJoinRequests.CountAsync(),
            (await db.StakeholderJoinRequests.AsNoTracking().SingleAsync(r => r.Id == pendingId)).State,
            await db.StakeholderMembers.AnyAsync(x => x.UserId == asker.Id)));
        Assert.Equal(signedIn ? 3 : 1, requests);
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
