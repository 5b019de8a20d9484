using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Participation;

/// <summary>Who may use each page and handler of the weighing, in every state of a round: every role of
/// the matrix against every address, reading (GET) and changing (POST with a valid antiforgery token).</summary>
public abstract class WeighingPermissionTests(PlanwerkApp app)
{
    public static TheoryData<Visitor, RoundStage> Matrix()
    {
        var data = new TheoryData<Visitor, RoundStage>();
        foreach (var visitor in new[] { Visitor.Anonymous, Visitor.Resident, Visitor.StakeholderMember, Visitor.PlanEditor, Visitor.Moderator, Visitor.Administrator, Visitor.OtherAdministrator })
            foreach (var stage in Enum.GetValues<RoundStage>())
                data.Add(visitor, stage);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_page_and_handler_of_the_weighing_admits_exactly_its_roles_in_each_round_state(Visitor visitor, RoundStage stage)
    {
        var m = await app.CreateMunicipalityAsync();
        var round = await m.AddRoundAsync(stage);
        var stakeholderId = await m.AddStakeholderAsync();
        var author = await app.CreateUserAsync();
        await m.AddStakeholderMemberAsync(stakeholderId, author.Id);
        // One statement weighed, one open: in the closed round the editor weighs the open one and then may publish.
        await m.AddStatementAsync(round, author.Id, "1.1", stakeholderId: stakeholderId, outcome: WeighingOutcome.Accepted, reasons: "ja");
        var open = await m.AddStatementAsync(round, author.Id, null, stakeholderId: stakeholderId,
            outcome: stage == RoundStage.Published ? WeighingOutcome.Noted : null);
        var client = await PermissionMatrix.ClientAsync(app, m, visitor, stakeholderId);
        var published = stage == RoundStage.Published;

        var closed = stage is RoundStage.Closed or RoundStage.Published;
        var version = await m.WithDbAsync(db => db.Statements.Where(s => s.Id == open).Select(s => s.Version).SingleAsync());
        await PermissionMatrix.AssertAsync(client, visitor,
        [
            PermissionCheck.Get(m.WeighingUrl(round), Access.PlanTeam),
            PermissionCheck.Get(m.WeighUrl(open), Access.PlanTeam),
            PermissionCheck.Get(m.WeighingUrl(round, ".xlsx"), Access.PlanTeam),
            PermissionCheck.Get(m.WeighingUrl(round, ".pdf"), Access.PlanTeam),
            PermissionCheck.Get(m.PublicWeighingUrl(round), Access.Everyone, published ? HttpStatusCode.OK : HttpStatusCode.NotFound),
            PermissionCheck.Get(m.PublicWeighingUrl(round, ".xlsx"), Access.Everyone, published ? HttpStatusCode.OK : HttpStatusCode.NotFound),
            PermissionCheck.Get(m.PublicWeighingUrl(round, ".pdf"), Access.Everyone, published ? HttpStatusCode.OK : HttpStatusCode.NotFound),
            PermissionCheck.Post(m.WeighUrl(open), Access.PlanEditor, new()
            {
                ["Input.Outcome"] = "Noted", ["Input.Reasons"] = "Zur Kenntnis, " + visitor, ["Input.Version"] = version.ToString(CultureInfo.InvariantCulture),
            }),
            // Publishing is refused with a message (the page again) before the close; after it, it succeeds.
            PermissionCheck.Post(m.WeighingUrl(round) + "?handler=Publish", Access.PlanEditor, new(), closed ? HttpStatusCode.Redirect : HttpStatusCode.OK),
        ]);

        var stored = await m.WithDbAsync(async db => (
            Reasons: await db.Statements.Where(s => s.Id == open).Select(s => s.Reasons).SingleAsync(),
            Published: await db.ConsultationRounds.Where(r => r.Id == round.RoundId).Select(r => r.WeighingPublishedAt).SingleAsync()));
        var mayEdit = Access.PlanEditor(visitor);
        Assert.Equal(mayEdit ? "Zur Kenntnis, " + visitor : "", stored.Reasons);
        Assert.Equal(published || (mayEdit && closed), stored.Published is not null);
    }

    [Fact]
    public async Task Another_municipality_never_reaches_the_weighing()
    {
        var m = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        var round = await m.AddRoundAsync(RoundStage.Published);
        var author = await app.CreateUserAsync();
        var id = await m.AddStatementAsync(round, author.Id, outcome: WeighingOutcome.Noted);
        var otherAdmin = await other.SignedInClientAsync(MunicipalityRole.Administrator);
        var anonymous = app.CreateBrowserlikeClient();

        foreach (var url in new[]
        {
            other.WeighingUrl(round), other.WeighUrl(id), other.WeighingUrl(round, ".xlsx"), other.WeighingUrl(round, ".pdf"),
        })
            Assert.True((await otherAdmin.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        foreach (var suffix in new[] { "", ".xlsx", ".pdf" })
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(other.PublicWeighingUrl(round, suffix))).StatusCode);
        var token = await otherAdmin.AntiforgeryTokenAsync();
        var post = await otherAdmin.PostWithTokenAsync(other.WeighUrl(id), token, new Dictionary<string, string> { ["Input.Outcome"] = "Accepted", ["Input.Reasons"] = "fremd" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(WeighingOutcome.Noted, await m.WithDbAsync(db => db.Statements.Where(s => s.Id == id).Select(s => s.Outcome).SingleAsync()));
    }
}

public sealed class WeighingPermissionSqliteTests(SqliteApp app) : WeighingPermissionTests(app), IClassFixture<SqliteApp>;

public sealed class WeighingPermissionPostgresTests(PostgresApp app) : WeighingPermissionTests(app), IClassFixture<PostgresApp>;
