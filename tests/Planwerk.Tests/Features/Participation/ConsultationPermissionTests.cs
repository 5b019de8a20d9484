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
    public enum Stage { Planned, Open, Closed, WeighingPublished }

    public static TheoryData<Visitor, Stage> Cases()
    {
        var data = new TheoryData<Visitor, Stage>();
        foreach (var visitor in new[] { Visitor.Anonymous, Visitor.Resident, Visitor.StakeholderMember, Visitor.NotInvitedMember, Visitor.PlanEditor, Visitor.Moderator, Visitor.Administrator, Visitor.OtherAdministrator })
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
            // The statement below takes the round's first receipt number, as a submission would have counted it.
            round0.ReceiptsGiven = 1;
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
        var client = await PermissionMatrix.ClientAsync(app, m, visitor, invited, notInvited);
        var open = stage == Stage.Open;
        var attachmentUrl = string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/statements/{statementId}/attachments/{attachmentId}");

        var roundVersion = await m.WithDbAsync(db => db.ConsultationRounds.Where(r => r.Id == round.Id).Select(r => r.Version).SingleAsync());
        var version = round.VersionId.ToString(CultureInfo.InvariantCulture);
        await PermissionMatrix.AssertAsync(client, visitor,
        [
            PermissionCheck.Get($"/{m.Slug}/consultations", Access.Everyone),
            PermissionCheck.Get(round.Url(m), Access.Everyone),
            PermissionCheck.Get(round.NewStatementUrl(m), Access.StakeholderMember),
            PermissionCheck.Get($"/{m.Slug}/my-statements", Access.SignedIn),
            // Someone else's statement: not found for the signed-in, the sign-in page for the anonymous.
            PermissionCheck.Get(string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/my-statements/{statementId}"), Access.Nobody,
                refusal: Access.SignedIn(visitor) ? HttpStatusCode.NotFound : null),
            PermissionCheck.Get(attachmentUrl, v => Access.PlanTeam(v) || stage == Stage.WeighingPublished, refusal: HttpStatusCode.NotFound),
            PermissionCheck.Get($"/{m.Slug}/manage/consultations", Access.PlanTeam),
            PermissionCheck.Get($"/{m.Slug}/manage/consultations/new", Access.PlanEditor),
            PermissionCheck.Get(round.ManageUrl(m), Access.PlanEditor),
            PermissionCheck.Get(round.ManageUrl(m, "/statements"), Access.PlanTeam),
            PermissionCheck.Post($"/{m.Slug}/manage/consultations/new", Access.PlanEditor, new()
            {
                ["Input.Title"] = "Neu " + visitor, ["Input.PlanId"] = round.PlanId.ToString(CultureInfo.InvariantCulture), ["Input.PlanVersionId"] = version,
                ["Input.OpensAt"] = "2031-01-08T09:00", ["Input.ClosesAt"] = "2031-02-05T18:00", ["Input.Audience"] = "InvitedOrganisations",
            }),
            PermissionCheck.Post(round.ManageUrl(m), Access.PlanEditor, new()
            {
                ["Input.Title"] = "Geändert von " + visitor, ["Input.PlanId"] = round.PlanId.ToString(CultureInfo.InvariantCulture), ["Input.PlanVersionId"] = version,
                ["Input.OpensAt"] = BerlinTime.ToInput(opens), ["Input.ClosesAt"] = BerlinTime.ToInput(closes.AddDays(1)), ["Input.Audience"] = "InvitedOrganisations",
                ["Input.Invited"] = invited.ToString(CultureInfo.InvariantCulture), ["Input.Version"] = roundVersion.ToString(CultureInfo.InvariantCulture),
            }),
            PermissionCheck.Post(round.ManageUrl(m) + "?handler=Notify", Access.PlanEditor),
            PermissionCheck.Post(round.NewStatementUrl(m), Access.StakeholderMember, new()
            {
                ["Input.Target"] = "WholePlan", ["Input.Text"] = "Stellungnahme " + visitor, ["Input.OnBehalf"] = invited.ToString(CultureInfo.InvariantCulture),
            }, open ? HttpStatusCode.Redirect : HttpStatusCode.OK),
        ], $"{stage}: ");

        var counts = await m.WithDbAsync(async db => (Rounds: await db.ConsultationRounds.CountAsync(), Statements: await db.Statements.CountAsync()));
        Assert.Equal(Access.PlanEditor(visitor) ? 2 : 1, counts.Rounds);
        Assert.Equal(Access.StakeholderMember(visitor) && open ? 2 : 1, counts.Statements);
        var title = await m.WithDbAsync(db => db.ConsultationRounds.Where(r => r.Id == round.Id).Select(r => r.Title).SingleAsync());
        Assert.Equal(Access.PlanEditor(visitor) ? "Geändert von " + visitor : "Beteiligung zum Entwurf", title);
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
