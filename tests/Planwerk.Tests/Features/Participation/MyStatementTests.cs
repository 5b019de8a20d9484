using Planwerk.Features.Plans.History;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Time;
using Planwerk.Infrastructure.Files;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Participation.ConsultationTestSupport;

namespace Planwerk.Tests.Features.Participation;

/// <summary>A submitter's own statements: only their own, the outcome only once the weighing is published;
/// and who may download an attachment.</summary>
public abstract class MyStatementTests(ConsultationApp app)
{
    private static string My(TestMunicipality m, int id = 0) =>
        id == 0 ? $"/{m.Slug}/my-statements" : string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/my-statements/{id}");

    [Fact]
    public async Task Submitters_see_only_their_own_statements_and_the_outcome_only_after_publication()
    {
        var m = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync();
        var t0 = app.Now();
        var round = await m.AddRoundAsync(t0.AddMinutes(-1), t0.AddDays(2), invited: [org]);
        var (alice, _) = await m.MemberClientAsync(org);
        var (bob, _) = await m.MemberClientAsync(org);
        var url = round.NewStatementUrl(m);
        var mine = StatementIdOf(await alice.SubmitStatementAsync(url, new Dictionary<string, string?> { ["Input.Text"] = "Text von Alice" }, ("alice.pdf", Files.Pdf())));
        var theirs = StatementIdOf(await bob.SubmitStatementAsync(url, new Dictionary<string, string?> { ["Input.Text"] = "Text von Bob" }));

        var list = await alice.GetDocumentAsync(My(m));
        var rows = list.QuerySelectorAll("#my-statements tbody tr");
        Assert.Single(rows);
        Assert.Contains(ReceiptNumbers.Prefix(round.Id) + "0001", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync(My(m, theirs))).StatusCode);
        var page = await alice.GetDocumentAsync(My(m, mine));
        Assert.Equal(ReceiptNumbers.Prefix(round.Id) + "0001", page.QuerySelector("#receipt-number")!.TextContent.Trim());
        Assert.Contains("Text von Alice", page.QuerySelector("#statement-text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("alice.pdf", page.QuerySelector("#attachments a")!.TextContent.Trim());
        Assert.Contains("nicht zugestimmt", page.QuerySelector("#consent")!.TextContent, StringComparison.Ordinal);

        // Weighed but not yet published: nothing of it shows.
        await m.WithDbAsync(async db =>
        {
            var s = await db.Statements.SingleAsync(x => x.Id == mine);
            s.Outcome = WeighingOutcome.PartlyAccepted;
            s.Reasons = "Die **Kinderbetreuung** wird ergänzt.";
            s.WeighedAt = t0;
            return 0;
        });
        page = await alice.GetDocumentAsync(My(m, mine));
        Assert.NotNull(page.QuerySelector("#weighing-pending"));
        Assert.Null(page.QuerySelector("#outcome"));
        Assert.DoesNotContain("Kinderbetreuung", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("teilweise", (await alice.GetDocumentAsync(My(m))).QuerySelector("#my-statements")!.TextContent, StringComparison.Ordinal);

        await m.WithDbAsync(async db => await db.ConsultationRounds.Where(r => r.Id == round.Id).ExecuteUpdateAsync(x => x.SetProperty(r => r.WeighingPublishedAt, t0)));
        page = await alice.GetDocumentAsync(My(m, mine));
        Assert.Equal("Ergebnis: teilweise übernommen", page.QuerySelector("#outcome")!.TextContent.Trim());
        Assert.Equal("Kinderbetreuung", page.QuerySelector("#reasons strong")!.TextContent);
        Assert.Contains("teilweise übernommen", (await alice.GetDocumentAsync(My(m))).QuerySelector("#my-statements")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await bob.GetDocumentAsync(My(m, theirs))).QuerySelector("#outcome-none"));
    }

    [Fact]
    public async Task Attachments_go_to_the_submitter_and_the_plan_team_and_to_everyone_only_with_consent_after_publication()
    {
        var m = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync();
        var t0 = app.Now();
        var round = await m.AddRoundAsync(t0.AddMinutes(-1), t0.AddDays(2), invited: [org]);
        var (author, _) = await m.MemberClientAsync(org);
        var url = round.NewStatementUrl(m);
        var withConsent = StatementIdOf(await author.SubmitStatementAsync(url, new Dictionary<string, string?> { ["Input.Text"] = "Öffentlich", ["Input.Consent"] = "true" }, ("Stellungnahme öffentlich.docx", Files.Docx())));
        var without = StatementIdOf(await author.SubmitStatementAsync(url, new Dictionary<string, string?> { ["Input.Text"] = "Intern" }, ("intern.pdf", Files.Pdf())));
        var attachments = await m.WithDbAsync(db => db.StatementAttachments.AsNoTracking().ToDictionaryAsync(a => a.StatementId, a => a.Id));
        string Download(int statementId) => string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/statements/{statementId}/attachments/{attachments[statementId]}");

        var team = new[] { await m.SignedInClientAsync(MunicipalityRole.PlanEditor), await m.SignedInClientAsync(MunicipalityRole.Moderator), await m.SignedInClientAsync(MunicipalityRole.Administrator) };
        var others = new[] { app.CreateBrowserlikeClient(), (await m.ResidentClientAsync()).Client, (await m.MemberClientAsync(org)).Client,
            await (await app.CreateMunicipalityAsync()).SignedInClientAsync(MunicipalityRole.Administrator) };

        var response = await author.GetAsync(Download(withConsent));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocumentTypes.Docx, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Stellungnahme öffentlich.docx", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Files.Docx(), await response.Content.ReadAsByteArrayAsync());
        foreach (var client in team)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Download(withConsent))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Download(without))).StatusCode);
        }
        foreach (var client in others)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Download(withConsent))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Download(without))).StatusCode);
        }
        // An attachment asked for under another statement is not there.
        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/statements/{without}/attachments/{attachments[withConsent]}"))).StatusCode);

        await m.WithDbAsync(async db => await db.ConsultationRounds.Where(r => r.Id == round.Id).ExecuteUpdateAsync(x => x.SetProperty(r => r.WeighingPublishedAt, t0)));
        foreach (var (client, index) in others.Select((c, i) => (c, i)))
        {
            // The other municipality's administrator asks at this municipality's address like anyone else.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Download(withConsent))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Download(without))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync(Download(without))).StatusCode);
    }
}

public sealed class MyStatementSqliteTests(ConsultationSqliteApp app) : MyStatementTests(app), IClassFixture<ConsultationSqliteApp>;

public sealed class MyStatementPostgresTests(ConsultationPostgresApp app) : MyStatementTests(app), IClassFixture<ConsultationPostgresApp>;
