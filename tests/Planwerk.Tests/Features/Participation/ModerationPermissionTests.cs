using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Participation;

/// <summary>Who may use the comment and moderation pages, for a round in each state: reading comments is
/// public, writing needs a signed-in person and an open round, reporting a signed-in person; the
/// moderation desk and log are for moderators and administrators of this municipality.</summary>
public abstract class ModerationPermissionTests(PlanwerkApp app)
{
    public enum Phase { Planned, Open, Closed, WeighingPublished }

    public static TheoryData<Visitor> Visitors() => PermissionMatrix.Visitors(
        Visitor.Anonymous, Visitor.Resident, Visitor.StakeholderMember, Visitor.PlanEditor, Visitor.Moderator, Visitor.Administrator, Visitor.OtherAdministrator);

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Each_page_and_handler_of_comments_and_moderation_admits_exactly_its_roles_in_each_round_state(Visitor visitor)
    {
        var m = await app.CreateMunicipalityAsync();
        var stakeholderId = await m.AddStakeholderAsync();
        var author = await app.CreateUserAsync();
        var client = await PermissionMatrix.ClientAsync(app, m, visitor, stakeholderId);
        var signedIn = Access.SignedIn(visitor);
        var moderates = Access.Moderation(visitor);
        var now = DateTimeOffset.UtcNow;

        foreach (var phase in Enum.GetValues<Phase>())
        {
            var (opens, closes) = phase switch
            {
                Phase.Planned => (now.AddDays(1), now.AddDays(2)),
                Phase.Open => (now.AddDays(-1), now.AddDays(1)),
                _ => (now.AddDays(-2), now.AddDays(-1)),
            };
            var roundId = await m.AddCommentableRoundAsync(opens, closes);
            if (phase == Phase.WeighingPublished)
            {
                await m.WithDbAsync(async db =>
                {
                    var round = await db.ConsultationRounds.SingleAsync(r => r.Id == roundId);
                    round.WeighingPublishedAt = now;
                    return 0;
                });
            }
            var commentId = await m.AddCommentAsync(roundId, author.Id, "Kommentar " + phase, opens);
            var url = string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/consultations/{roundId}/comments");
            var what = $"{phase}: ";

            var read = await client.GetAsync(url);
            Assert.True(read.StatusCode == HttpStatusCode.OK, $"{visitor} {what}GET comments answered {(int)read.StatusCode}");
            var page = await HtmlForms.ParseAsync(read);
            Assert.Equal(signedIn && phase == Phase.Open, page.QuerySelector("#comment-form") is not null);

            await PermissionMatrix.AssertAsync(client, visitor,
            [
                PermissionCheck.Post(url + "?handler=Comment", Access.SignedIn, new() { ["Comment.Text"] = "Neu " + visitor },
                    phase == Phase.Open ? HttpStatusCode.Redirect : HttpStatusCode.OK),
                PermissionCheck.Post(url + "?handler=Report&commentId=" + commentId.ToString(CultureInfo.InvariantCulture), Access.SignedIn,
                    new() { ["Report.Reason"] = "Grund" }),
            ], what);
            var (comments, reports) = await m.WithDbAsync(async db => (
                await db.RoundComments.CountAsync(c => c.RoundId == roundId),
                await db.CommentReports.CountAsync(r => r.CommentId == commentId)));
            Assert.Equal(signedIn && phase == Phase.Open ? 2 : 1, comments);
            Assert.Equal(signedIn ? 1 : 0, reports);

            await PermissionMatrix.AssertAsync(client, visitor,
            [
                PermissionCheck.Post($"/{m.Slug}/manage/moderation?handler=Decide", Access.Moderation, new()
                {
                    ["commentId"] = commentId.ToString(CultureInfo.InvariantCulture),
                    ["decision"] = "hide",
                    ["Decision.Reason"] = "Regelverstoß",
                }),
            ], what);
            var hidden = await m.WithDbAsync(async db => (await db.RoundComments.AsNoTracking().SingleAsync(c => c.Id == commentId)).HiddenAt is not null);
            Assert.Equal(moderates, hidden);
        }

        await PermissionMatrix.AssertAsync(client, visitor,
        [
            PermissionCheck.Get($"/{m.Slug}/manage/moderation", Access.Moderation),
            PermissionCheck.Get($"/{m.Slug}/manage/moderation/log", Access.Moderation),
        ]);
        Assert.Equal(moderates ? 4 : 0, await m.WithDbAsync(db => db.ModerationLog.CountAsync()));
    }

    [Fact]
    public async Task Moderators_of_another_municipality_see_and_change_nothing_here()
    {
        var m = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        var now = DateTimeOffset.UtcNow;
        var roundId = await m.AddCommentableRoundAsync(now.AddDays(-1), now.AddDays(1));
        var author = await app.CreateUserAsync();
        var commentId = await m.AddCommentAsync(roundId, author.Id, "Nur hier " + roundId, now);
        await m.AddReportAsync(commentId, author.Id, "Grund", now);
        var otherModerator = await other.SignedInClientAsync(MunicipalityRole.Moderator);

        var desk = await otherModerator.GetDocumentAsync($"/{other.Slug}/manage/moderation");
        Assert.NotNull(desk.QuerySelector("#no-reports"));
        var token = await otherModerator.AntiforgeryTokenAsync();
        var hide = await otherModerator.PostWithTokenAsync($"/{other.Slug}/manage/moderation?handler=Decide", token, new Dictionary<string, string>
        {
            ["commentId"] = commentId.ToString(CultureInfo.InvariantCulture),
            ["decision"] = "hide",
            ["Decision.Reason"] = "x",
        });
        Assert.Equal(HttpStatusCode.NotFound, hide.StatusCode);
        Assert.Null((await m.WithDbAsync(db => db.RoundComments.AsNoTracking().SingleAsync())).HiddenAt);
    }
}

public sealed class ModerationPermissionSqliteTests(SqliteApp app) : ModerationPermissionTests(app), IClassFixture<SqliteApp>;

public sealed class ModerationPermissionPostgresTests(PostgresApp app) : ModerationPermissionTests(app), IClassFixture<PostgresApp>;
