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
    public static TheoryData<Visitor> Visitors() => PermissionMatrix.Visitors(
        Visitor.Anonymous, Visitor.Resident, Visitor.StakeholderMember, Visitor.PlanEditor, Visitor.Moderator, Visitor.CouncilClerk, Visitor.Administrator, Visitor.OtherAdministrator);

    [Theory]
    [MemberData(nameof(Visitors))]
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
        var client = await PermissionMatrix.ClientAsync(app, m, visitor);
        string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
        var p = $"/{m.Slug}/manage/plans/{plan.PlanId}";

        await PermissionMatrix.AssertAsync(client, visitor,
        [
            PermissionCheck.Get($"/{m.Slug}/plans/{plan.PlanId}/timeline", Access.Everyone),
            PermissionCheck.Get($"{p}/state", Access.PlanEditor),
            PermissionCheck.Get($"{p}/timeline", Access.PlanTeam),
            PermissionCheck.Get($"{p}/timeline/new", Access.PlanEditor),
            PermissionCheck.Get($"{p}/timeline/{plan.EntryId}", Access.PlanEditor),
        ]);
        if (Access.PlanTeam(visitor))
        {
            var list = await client.GetDocumentAsync($"{p}/timeline");
            Assert.Equal(Access.PlanEditor(visitor), list.QuerySelector($"a[href='{p}/timeline/new']") is not null);
        }

        Dictionary<string, string> Entry(string title) => new() { ["Input.Kind"] = "Event", ["Input.Start"] = "2019", ["Input.Title"] = title, ["Input.Version"] = "0" };
        var planVersion = await m.WithDbAsync(db => db.Plans.Where(x => x.Id == plan.PlanId).Select(x => x.Version).SingleAsync());
        await PermissionMatrix.AssertAsync(client, visitor,
        [
            PermissionCheck.Post($"{p}/state", Access.PlanEditor, new() { ["Input.NewState"] = nameof(PlanState.Closed), ["Input.Reason"] = "Fertig", ["Input.Version"] = Id(planVersion) }),
            PermissionCheck.Post($"{p}/timeline/new", Access.PlanEditor, Entry("Neu " + visitor)),
            PermissionCheck.Post($"{p}/timeline/{plan.EntryId}", Access.PlanEditor, Entry("Geändert " + visitor)),
            PermissionCheck.Post($"{p}/timeline/{doomed}?handler=Delete", Access.PlanEditor, new() { ["version"] = "0" }),
        ]);

        var mayEdit = Access.PlanEditor(visitor);
        var state = await m.WithDbAsync(async db => (
            State: await db.Plans.Where(x => x.Id == plan.PlanId).Select(x => x.State).SingleAsync(),
            Titles: await db.TimelineEntries.Where(e => e.PlanId == plan.PlanId).Select(e => e.Title).ToListAsync()));
        Assert.Equal(mayEdit ? PlanState.Closed : PlanState.InImplementation, state.State);
        Assert.Equal(mayEdit, state.Titles.Contains("Neu " + visitor));
        Assert.Equal(mayEdit, state.Titles.Contains("Geändert " + visitor));
        Assert.Equal(mayEdit, !state.Titles.Contains("Zu löschen"));
    }
}

public sealed class TimelinePermissionSqliteTests(SqliteApp app) : TimelinePermissionTests(app), IClassFixture<SqliteApp>;

public sealed class TimelinePermissionPostgresTests(PostgresApp app) : TimelinePermissionTests(app), IClassFixture<PostgresApp>;
