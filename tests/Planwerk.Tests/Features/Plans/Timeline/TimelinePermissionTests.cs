using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Plans;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Plans.Timeline;

/// <summary>Who may use the state page, the plan team's timeline pages and the public timeline: every role
/// against every page and handler, reading and changing, and that a refused change changed nothing.</summary>
public abstract class TimelinePermissionTests(PlanwerkApp app)
{
    public enum Visitor { Anonymous, Resident, StakeholderMember, PlanEditor, Moderator, CouncilClerk, Administrator, OtherAdministrator }

    private enum Access { Everyone, PlanTeam, PlanEditor }

    private static bool Allowed(Access access, Visitor visitor) => access switch
    {
        Access.Everyone => true,
        Access.PlanTeam => visitor is Visitor.PlanEditor or Visitor.Moderator or Visitor.Administrator,
        _ => visitor is Visitor.PlanEditor or Visitor.Administrator,
    };

    private async Task<HttpClient> ClientAsync(TestMunicipality m, Visitor visitor)
    {
        switch (visitor)
        {
            case Visitor.Anonymous:
                return app.CreateBrowserlikeClient();
            case Visitor.Resident:
                return await app.SignInAsync((await app.CreateUserAsync()).Email!);
            case Visitor.StakeholderMember:
                var member = await app.CreateUserAsync();
                await m.AddStakeholderMemberAsync(await m.AddStakeholderAsync(), member.Id);
                return await app.SignInAsync(member.Email!);
            case Visitor.PlanEditor:
                return await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
            case Visitor.Moderator:
                return await m.SignedInClientAsync(MunicipalityRole.Moderator);
            case Visitor.CouncilClerk:
                return await m.SignedInClientAsync(MunicipalityRole.CouncilClerk);
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
    [InlineData(Visitor.CouncilClerk)]
    [InlineData(Visitor.Administrator)]
    [InlineData(Visitor.OtherAdministrator)]
    public async Task Each_page_and_handler_admits_exactly_its_roles(Visitor visitor)
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.AddTimelinePlanAsync();
        var doomed = await m.WithDbAsync(async db =>
        {
            var e = new Planwerk.Features.Plans.Timeline.TimelineEntry { PlanId = plan.PlanId, Title = "Zu löschen", StartDate = new DateOnly(2020, 1, 1) };
            db.TimelineEntries.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });
        var client = await ClientAsync(m, visitor);
        string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
        var p = $"/{m.Slug}/manage/plans/{plan.PlanId}";

        (string Url, Access Access)[] reads =
        [
            ($"/{m.Slug}/plans/{plan.PlanId}/timeline", Access.Everyone),
            ($"{p}/state", Access.PlanEditor),
            ($"{p}/timeline", Access.PlanTeam),
            ($"{p}/timeline/new", Access.PlanEditor),
            ($"{p}/timeline/{plan.EntryId}", Access.PlanEditor),
        ];
        foreach (var (url, access) in reads)
            AssertAnswer(visitor, Allowed(access, visitor), await client.GetAsync(url), "GET " + url, HttpStatusCode.OK);
        if (Allowed(Access.PlanTeam, visitor))
        {
            var list = await client.GetDocumentAsync($"{p}/timeline");
            Assert.Equal(Allowed(Access.PlanEditor, visitor), list.QuerySelector($"a[href='{p}/timeline/new']") is not null);
        }

        var token = await client.AntiforgeryTokenAsync();
        Dictionary<string, string> Entry(string title) => new() { ["Input.Kind"] = "Event", ["Input.Start"] = "2019", ["Input.Title"] = title, ["Input.Version"] = "0" };
        (string Url, Dictionary<string, string> Fields)[] writes =
        [
            ($"{p}/state", new() { ["Input.NewState"] = nameof(PlanState.Closed), ["Input.Reason"] = "Fertig", ["Input.Version"] = Id(await m.WithDbAsync(db => db.Plans.Where(x => x.Id == plan.PlanId).Select(x => x.Version).SingleAsync())) }),
            ($"{p}/timeline/new", Entry("Neu " + visitor)),
            ($"{p}/timeline/{plan.EntryId}", Entry("Geändert " + visitor)),
            ($"{p}/timeline/{doomed}?handler=Delete", new() { ["version"] = "0" }),
        ];
        foreach (var (url, fields) in writes)
            AssertAnswer(visitor, Allowed(Access.PlanEditor, visitor), await client.PostWithTokenAsync(url, token, fields), "POST " + url, HttpStatusCode.Redirect);

        var mayEdit = Allowed(Access.PlanEditor, visitor);
        var state = await m.WithDbAsync(async db => (
            State: await db.Plans.Where(x => x.Id == plan.PlanId).Select(x => x.State).SingleAsync(),
            Titles: await db.TimelineEntries.Where(e => e.PlanId == plan.PlanId).Select(e => e.Title).ToListAsync()));
        Assert.Equal(mayEdit ? PlanState.Closed : PlanState.InImplementation, state.State);
        Assert.Equal(mayEdit, state.Titles.Contains("Neu " + visitor));
        Assert.Equal(mayEdit, state.Titles.Contains("Geändert " + visitor));
        Assert.Equal(mayEdit, !state.Titles.Contains("Zu löschen"));
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
}

public sealed class TimelinePermissionSqliteTests(SqliteApp app) : TimelinePermissionTests(app), IClassFixture<SqliteApp>;

public sealed class TimelinePermissionPostgresTests(PostgresApp app) : TimelinePermissionTests(app), IClassFixture<PostgresApp>;
