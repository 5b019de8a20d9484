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
    public enum Visitor { Anonymous, Resident, StakeholderMember, PlanEditor, Moderator, Administrator, OtherAdministrator }

    private enum Access { Everyone, PlanTeam, PlanEditor }

    private static bool Allowed(Access access, Visitor visitor) => access switch
    {
        Access.Everyone => true,
        Access.PlanTeam => visitor is Visitor.PlanEditor or Visitor.Moderator or Visitor.Administrator,
        Access.PlanEditor => visitor is Visitor.PlanEditor or Visitor.Administrator,
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

    public static TheoryData<Visitor, RoundStage> Matrix()
    {
        var data = new TheoryData<Visitor, RoundStage>();
        foreach (var visitor in Enum.GetValues<Visitor>())
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
        var client = await ClientAsync(m, stakeholderId, visitor);
        var published = stage == RoundStage.Published;

        (string Url, Access Access, HttpStatusCode Success)[] reads =
        [
            (m.WeighingUrl(round), Access.PlanTeam, HttpStatusCode.OK),
            (m.WeighUrl(open), Access.PlanTeam, HttpStatusCode.OK),
            (m.WeighingUrl(round, ".xlsx"), Access.PlanTeam, HttpStatusCode.OK),
            (m.WeighingUrl(round, ".pdf"), Access.PlanTeam, HttpStatusCode.OK),
            (m.PublicWeighingUrl(round), Access.Everyone, published ? HttpStatusCode.OK : HttpStatusCode.NotFound),
            (m.PublicWeighingUrl(round, ".xlsx"), Access.Everyone, published ? HttpStatusCode.OK : HttpStatusCode.NotFound),
            (m.PublicWeighingUrl(round, ".pdf"), Access.Everyone, published ? HttpStatusCode.OK : HttpStatusCode.NotFound),
        ];
        foreach (var (url, access, success) in reads)
        {
            var response = await client.GetAsync(url);
            AssertAnswer(visitor, Allowed(access, visitor), response, "GET " + url, success);
        }

        var token = await client.AntiforgeryTokenAsync();
        var version = await m.WithDbAsync(db => db.Statements.Where(s => s.Id == open).Select(s => s.Version).SingleAsync());
        var weigh = await client.PostWithTokenAsync(m.WeighUrl(open), token, new Dictionary<string, string>
        {
            ["Input.Outcome"] = "Noted", ["Input.Reasons"] = "Zur Kenntnis, " + visitor, ["Input.Version"] = version.ToString(CultureInfo.InvariantCulture),
        });
        AssertAnswer(visitor, Allowed(Access.PlanEditor, visitor), weigh, "POST weigh", HttpStatusCode.Redirect);

        // Publishing is refused with a message (the page again) before the close; after it, it succeeds.
        var publish = await client.PostWithTokenAsync(m.WeighingUrl(round) + "?handler=Publish", token, new Dictionary<string, string>());
        var closed = stage is RoundStage.Closed or RoundStage.Published;
        AssertAnswer(visitor, Allowed(Access.PlanEditor, visitor), publish, "POST publish", closed ? HttpStatusCode.Redirect : HttpStatusCode.OK);

        var stored = await m.WithDbAsync(async db => (
            Reasons: await db.Statements.Where(s => s.Id == open).Select(s => s.Reasons).SingleAsync(),
            Published: await db.ConsultationRounds.Where(r => r.Id == round.RoundId).Select(r => r.WeighingPublishedAt).SingleAsync()));
        var mayEdit = Allowed(Access.PlanEditor, visitor);
        Assert.Equal(mayEdit ? "Zur Kenntnis, " + visitor : "", stored.Reasons);
        Assert.Equal(published || (mayEdit && closed), stored.Published is not null);
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
