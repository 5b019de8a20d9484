using Planwerk.Features.Plans.History;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Time;
using Planwerk.Infrastructure.Files;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Participation.ConsultationTestSupport;

namespace Planwerk.Tests.Features.Participation;

/// <summary>Who may use each page and handler of consultation rounds: every role against every address,
/// reading (GET) and changing (POST with a valid antiforgery token), in each state of a round.</summary>
public abstract class ConsultationPermissionTests(ConsultationApp app)
{
    public enum Visitor { Anonymous, Resident, StakeholderMember, NotInvitedMember, PlanEditor, Moderator, Administrator, OtherAdministrator }

    public enum Stage { Planned, Open, Closed, WeighingPublished }

    private static bool PlanTeam(Visitor v) => v is Visitor.PlanEditor or Visitor.Moderator or Visitor.Administrator;

    private static bool PlanEditor(Visitor v) => v is Visitor.PlanEditor or Visitor.Administrator;

    private async Task<HttpClient> ClientAsync(TestMunicipality m, int invited, int notInvited, Visitor visitor)
    {
        switch (visitor)
        {
            case Visitor.Anonymous:
                return app.CreateBrowserlikeClient();
            case Visitor.Resident:
                return (await m.ResidentClientAsync()).Client;
            case Visitor.StakeholderMember:
                return (await m.MemberClientAsync(invited)).Client;
            case Visitor.NotInvitedMember:
                return (await m.MemberClientAsync(notInvited)).Client;
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

    public static TheoryData<Visitor, Stage> Cases()
    {
        var data = new TheoryData<Visitor, Stage>();
        foreach (var visitor in Enum.GetValues<Visitor>())
        {
            foreach (var stage in Enum.GetValues<Stage>()) data.Add(visitor, stage);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_page_and_handler_of_consultations_admits_exactly_its_roles(Visitor visitor, Stage stage)
    {
        var m = await app.CreateMunicipalityAsync();
        var invited = await m.AddStakeholderAsync("Eingeladen");
        var notInvited = await m.AddStakeholderAsync("Nicht eingeladen");
        var now = app.Now();
        var (opens, closes) = stage switch
        {
            Stage.Planned => (now.AddDays(1), now.AddDays(5)),
            Stage.Open => (now.AddHours(-1), now.AddDays(5)),
            _ => (now.AddDays(-5), now.AddDays(-1)),
        };
        var round = await m.AddRoundAsync(opens, closes, invited: [invited]);
        var author = await app.CreateUserAsync();
        await m.AddStakeholderMemberAsync(invited, author.Id);
        var (statementId, attachmentId) = await m.WithDbAsync(async db =>
        {
            var round0 = await db.ConsultationRounds.SingleAsync(r => r.Id == round.Id);
            if (stage == Stage.WeighingPublished) round0.WeighingPublishedAt = now;
            var statement = new Statement
            {
                RoundId = round.Id, ReceiptNumber = ReceiptNumbers.Prefix(round.Id) + "0001", Text = "Von jemand anderem", AuthorUserId = author.Id,
                StakeholderId = invited, ConsentToPublish = true, SubmittedAt = opens,
                Attachments = [new StatementAttachment { FileName = "a.pdf", ContentType = DocumentTypes.Pdf, Content = Files.Pdf(), Size = Files.Pdf().Length }],
            };
            db.Statements.Add(statement);
            await db.SaveChangesAsync();
            return (statement.Id, statement.Attachments[0].Id);
        });
        var client = await ClientAsync(m, invited, notInvited, visitor);
        var signedIn = visitor != Visitor.Anonymous;
        var open = stage == Stage.Open;
        var mayWrite = visitor == Visitor.StakeholderMember;
        var attachmentUrl = string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/statements/{statementId}/attachments/{attachmentId}");

        // (address, allowed, refusal when not allowed: null = the policy's redirect, or a status)
        (string Url, bool Allowed, HttpStatusCode? Refusal)[] reads =
        [
            ($"/{m.Slug}/consultations", true, null),
            (round.Url(m), true, null),
            (round.NewStatementUrl(m), mayWrite, null),
            ($"/{m.Slug}/my-statements", signedIn, null),
            (string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/my-statements/{statementId}"), false, signedIn ? HttpStatusCode.NotFound : null),
            (attachmentUrl, PlanTeam(visitor) || stage == Stage.WeighingPublished, HttpStatusCode.NotFound),
            ($"/{m.Slug}/manage/consultations", PlanTeam(visitor), null),
            ($"/{m.Slug}/manage/consultations/new", PlanEditor(visitor), null),
            (round.ManageUrl(m), PlanEditor(visitor), null),
            (round.ManageUrl(m, "/statements"), PlanTeam(visitor), null),
        ];
        foreach (var (url, allowed, refusal) in reads)
        {
            var response = await client.GetAsync(url);
            AssertAnswer(visitor, allowed, response, $"{stage}: GET {url}", HttpStatusCode.OK, refusal);
        }

        var token = await client.AntiforgeryTokenAsync();
        var roundVersion = await m.WithDbAsync(db => db.ConsultationRounds.Where(r => r.Id == round.Id).Select(r => r.Version).SingleAsync());
        var version = round.VersionId.ToString(CultureInfo.InvariantCulture);
        (string Url, Dictionary<string, string> Fields, bool Allowed, HttpStatusCode Success)[] writes =
        [
            ($"/{m.Slug}/manage/consultations/new", new()
            {
                ["Input.Title"] = "Neu " + visitor, ["Input.PlanId"] = round.PlanId.ToString(CultureInfo.InvariantCulture), ["Input.PlanVersionId"] = version,
                ["Input.OpensAt"] = "2031-01-08T09:00", ["Input.ClosesAt"] = "2031-02-05T18:00", ["Input.Audience"] = "InvitedOrganisations",
            }, PlanEditor(visitor), HttpStatusCode.Redirect),
            (round.ManageUrl(m), new()
            {
                ["Input.Title"] = "Geändert von " + visitor, ["Input.PlanId"] = round.PlanId.ToString(CultureInfo.InvariantCulture), ["Input.PlanVersionId"] = version,
                ["Input.OpensAt"] = BerlinTime.ToInput(opens), ["Input.ClosesAt"] = BerlinTime.ToInput(closes.AddDays(1)), ["Input.Audience"] = "InvitedOrganisations",
                ["Input.Invited"] = invited.ToString(CultureInfo.InvariantCulture), ["Input.Version"] = roundVersion.ToString(CultureInfo.InvariantCulture),
            }, PlanEditor(visitor), HttpStatusCode.Redirect),
            (round.ManageUrl(m) + "?handler=Notify", new(), PlanEditor(visitor), HttpStatusCode.Redirect),
            (round.NewStatementUrl(m), new()
            {
                ["Input.Target"] = "WholePlan", ["Input.Text"] = "Stellungnahme " + visitor, ["Input.OnBehalf"] = invited.ToString(CultureInfo.InvariantCulture),
            }, mayWrite, open ? HttpStatusCode.Redirect : HttpStatusCode.OK),
        ];
        foreach (var (url, fields, allowed, success) in writes)
        {
            var response = await client.PostWithTokenAsync(url, token, fields);
            AssertAnswer(visitor, allowed, response, $"{stage}: POST {url}", success, null);
        }

        var counts = await m.WithDbAsync(async db => (Rounds: await db.ConsultationRounds.CountAsync(), Statements: await db.Statements.CountAsync()));
        Assert.Equal(PlanEditor(visitor) ? 2 : 1, counts.Rounds);
        Assert.Equal(mayWrite && open ? 2 : 1, counts.Statements);
        var title = await m.WithDbAsync(db => db.ConsultationRounds.Where(r => r.Id == round.Id).Select(r => r.Title).SingleAsync());
        Assert.Equal(PlanEditor(visitor) ? "Geändert von " + visitor : "Beteiligung zum Entwurf", title);
    }

    private static void AssertAnswer(Visitor visitor, bool allowed, HttpResponseMessage response, string what, HttpStatusCode success, HttpStatusCode? refusal)
    {
        if (allowed)
        {
            Assert.True(response.StatusCode == success, $"{visitor}: {what} answered {(int)response.StatusCode}, expected {(int)success}");
            return;
        }
        if (refusal is { } status)
        {
            Assert.True(response.StatusCode == status, $"{visitor}: {what} answered {(int)response.StatusCode}, expected {(int)status}");
            return;
        }
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{visitor}: {what} answered {(int)response.StatusCode}, expected a refusal");
        var expected = visitor == Visitor.Anonymous ? "/account/login" : "/account/access-denied";
        Assert.StartsWith(expected, response.RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_municipality_never_sees_the_rounds_or_statements()
    {
        var m = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync();
        var now = app.Now();
        var round = await m.AddRoundAsync(now.AddHours(-1), now.AddDays(2), title: "Nur in der einen Kommune", invited: [org]);
        var (member, _) = await m.MemberClientAsync(org);
        var id = StatementIdOf(await member.SubmitStatementAsync(round.NewStatementUrl(m), new Dictionary<string, string?> { ["Input.Text"] = "Hier" }));

        var otherAdmin = await other.SignedInClientAsync(MunicipalityRole.Administrator);
        Assert.DoesNotContain("Nur in der einen Kommune", (await otherAdmin.GetDocumentAsync($"/{other.Slug}/manage/consultations")).Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Nur in der einen Kommune", (await app.CreateBrowserlikeClient().GetDocumentAsync($"/{other.Slug}/consultations")).Body!.TextContent, StringComparison.Ordinal);
        var r = round.Id.ToString(CultureInfo.InvariantCulture);
        foreach (var url in new[] { $"/{other.Slug}/consultations/{r}", $"/{other.Slug}/manage/consultations/{r}", $"/{other.Slug}/manage/consultations/{r}/statements" })
            Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync(url)).StatusCode);
        // The author sees the statement in its municipality only.
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/{other.Slug}/my-statements/{id}"))).StatusCode);
        Assert.DoesNotContain("S" + r, (await member.GetDocumentAsync($"/{other.Slug}/my-statements")).Body!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class ConsultationPermissionSqliteTests(ConsultationSqliteApp app) : ConsultationPermissionTests(app), IClassFixture<ConsultationSqliteApp>;

public sealed class ConsultationPermissionPostgresTests(ConsultationPostgresApp app) : ConsultationPermissionTests(app), IClassFixture<ConsultationPostgresApp>;
