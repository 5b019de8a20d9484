using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;
using Visitor = Planwerk.Tests.Features.Participation.StakeholderPermissionTests.Visitor;

namespace Planwerk.Tests.Features.Participation;

/// <summary>Who may use the comment and moderation pages, for a round in each state: reading comments is
/// public, writing needs a signed-in person and an open round, reporting a signed-in person; the
/// moderation desk and log are for moderators and administrators of this municipality.</summary>
public abstract class ModerationPermissionTests(PlanwerkApp app)
{
    public enum Phase { Planned, Open, Closed, WeighingPublished }

    [Theory]
    [InlineData(Visitor.Anonymous)]
    [InlineData(Visitor.Resident)]
    [InlineData(Visitor.StakeholderMember)]
    [InlineData(Visitor.PlanEditor)]
    [InlineData(Visitor.Moderator)]
    [InlineData(Visitor.Administrator)]
    [InlineData(Visitor.OtherAdministrator)]
    public async Task Each_page_and_handler_of_comments_and_moderation_admits_exactly_its_roles_in_each_round_state(Visitor visitor)
    {
        var m = await app.CreateMunicipalityAsync();
        var stakeholderId = await m.AddStakeholderAsync();
        var author = await app.CreateUserAsync();
        var client = await JoinRequestPermissionTests.ClientAsync(app, m, stakeholderId, visitor);
        var signedIn = visitor != Visitor.Anonymous;
        var moderates = visitor is Visitor.Moderator or Visitor.Administrator;
        var now = DateTimeOffset.UtcNow;
        var token = await client.AntiforgeryTokenAsync();

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

            var post = await client.PostWithTokenAsync(url + "?handler=Comment", token, new Dictionary<string, string> { ["Comment.Text"] = "Neu " + visitor });
            JoinRequestPermissionTests.AssertAnswer(visitor, signedIn, post, what + "POST comment", phase == Phase.Open ? HttpStatusCode.Redirect : HttpStatusCode.OK);
            var report = await client.PostWithTokenAsync(url + "?handler=Report&commentId=" + commentId.ToString(CultureInfo.InvariantCulture), token,
                new Dictionary<string, string> { ["Report.Reason"] = "Grund" });
            JoinRequestPermissionTests.AssertAnswer(visitor, signedIn, report, what + "POST report", HttpStatusCode.Redirect);

            var (comments, reports) = await m.WithDbAsync(async db => (
                await db.RoundComments.CountAsync(c => c.RoundId == roundId),
                await db.CommentReports.CountAsync(r => r.CommentId == commentId)));
            Assert.Equal(signedIn && phase == Phase.Open ? 2 : 1, comments);
            Assert.Equal(signedIn ? 1 : 0, reports);

            var decide = await client.PostWithTokenAsync($"/{m.Slug}/manage/moderation?handler=Decide", token, new Dictionary<string, string>
            {
                ["commentId"] = commentId.ToString(CultureInfo.InvariantCulture),
                ["decision"] = "hide",
                ["Decision.Reason"] = "Regelverstoß",
            });
            JoinRequestPermissionTests.AssertAnswer(visitor, moderates, decide, what + "POST hide", HttpStatusCode.Redirect);
            var hidden = await m.WithDbAsync(async db => (await db.RoundComments.AsNoTracking().SingleAsync(c => c.Id == commentId)).HiddenAt is not null);
            Assert.Equal(moderates, hidden);
        }

        JoinRequestPermissionTests.AssertAnswer(visitor, moderates, await client.GetAsync($"/{m.Slug}/manage/moderation"), "GET moderation", HttpStatusCode.OK);
        JoinRequestPermissionTests.AssertAnswer(visitor, moderates, await client.GetAsync($"/{m.Slug}/manage/moderation/log"), "GET moderation log", HttpStatusCode.OK);
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
