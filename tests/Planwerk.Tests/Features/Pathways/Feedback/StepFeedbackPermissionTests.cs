using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Pathways;
using Planwerk.Features.Plans.History;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Features.Plans.Manage;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Pathways.Feedback;

/// <summary>Who may use each page and handler of step feedback: the form and the thanks are public; the queue, the
/// statistics, the export and the pages for taking texts into the plan are for the plan team of this municipality;
/// taking texts into a round or a change needs a plan editor (or administrator).</summary>
public abstract class StepFeedbackPermissionTests(PlanwerkApp app)
{
    public static TheoryData<Visitor> Visitors() => PermissionMatrix.Visitors();

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Each_page_and_handler_of_step_feedback_admits_exactly_its_roles(Visitor visitor)
    {
        var m = await app.CreateMunicipalityAsync();
        var p = await m.AddPublishedPathwayAsync();
        var now = DateTimeOffset.UtcNow;
        var round = await m.AddRoundAsync(now.AddDays(-1), now.AddDays(5));
        await m.PlanAsync(fields: 1, measuresPerField: 1);
        var change = await m.WithDbAsync(db => db.ChangeRecords.Where(r => r.EntityType == ChangeEntityTypes.Measure).Select(r => r.Id).FirstAsync());
        var pending = await m.AddFeedbackAsync(p.StepId, p.PathwayId, false, StepProblem.Waiting, "wartet");
        var forRound = await m.AddFeedbackAsync(p.StepId, p.PathwayId, false, StepProblem.Waiting, "in die Runde", FeedbackState.Approved);
        var forChange = await m.AddFeedbackAsync(p.StepId, p.PathwayId, false, StepProblem.Waiting, "zur Änderung", FeedbackState.Approved);
        var client = await PermissionMatrix.ClientAsync(app, m, visitor);
        var manage = $"/{m.Slug}/manage/pathways/feedback";
        string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

        await PermissionMatrix.AssertAsync(client, visitor,
        [
            PermissionCheck.Get(p.FormUrl(m), Access.Everyone),
            PermissionCheck.Get(p.FormUrl(m, lang: "ar"), Access.Everyone),
            PermissionCheck.Post(p.FormUrl(m), Access.Everyone, new() { ["Input.Worked"] = "yes" }),
            PermissionCheck.Get($"/{m.Slug}/pathways/{p.Code}/steps/{p.StepUid}/feedback/thanks", Access.Everyone),
            PermissionCheck.Get(manage, Access.PlanTeam),
            PermissionCheck.Get(manage + "?pathway=" + p.PathwayId + "&from=2026-01-01&to=2026-12-31", Access.PlanTeam),
            PermissionCheck.Post(manage + "?handler=Decide", Access.PlanTeam, new() { ["feedbackId"] = Id(pending), ["decision"] = "approve" }),
            PermissionCheck.Get(manage + "/export?format=csv", Access.PlanTeam),
            PermissionCheck.Get(manage + "/export?format=xlsx", Access.PlanTeam),
            PermissionCheck.Get(manage + "/use", Access.PlanTeam),
            PermissionCheck.Post(manage + "/use?handler=Round", Access.PlanEditor, new() { ["noteIds"] = Id(forRound), ["roundId"] = Id(round.Id) }),
            PermissionCheck.Post(manage + "/use?handler=Change", Access.PlanEditor, new() { ["noteIds"] = Id(forChange), ["changeId"] = Id(change) }),
            PermissionCheck.Get(manage + "/changes/" + Id(change), Access.PlanTeam),
        ]);

        var rows = await m.WithDbAsync(db => db.StepFeedback.AsNoTracking().ToDictionaryAsync(f => f.Id));
        Assert.Equal(Access.PlanTeam(visitor) ? FeedbackState.Approved : FeedbackState.Pending, rows[pending].State);
        Assert.Equal(Access.PlanEditor(visitor), rows[forRound].StatementId is not null);
        Assert.Equal(Access.PlanEditor(visitor), rows[forChange].ChangeRecordId is not null);
        Assert.Equal(Access.PlanEditor(visitor) ? 1 : 0, await m.WithDbAsync(db => db.Statements.CountAsync()));
        // The public post of each visitor was stored, and only that.
        Assert.Single(rows.Values, f => f.Worked);
    }
}

public sealed class StepFeedbackPermissionSqliteTests(SqliteApp app) : StepFeedbackPermissionTests(app), IClassFixture<SqliteApp>;

public sealed class StepFeedbackPermissionPostgresTests(PostgresApp app) : StepFeedbackPermissionTests(app), IClassFixture<PostgresApp>;
