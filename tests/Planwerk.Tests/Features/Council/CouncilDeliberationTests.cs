using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Council;
using Planwerk.Features.Plans;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Features.Plans.Print;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Council.CouncilTestSupport;

namespace Planwerk.Tests.Features.Council;

/// <summary>A council clerk records a whole deliberation through the pages; the decisive result adopts the plan.</summary>
public abstract class CouncilDeliberationTests(PlanwerkApp app)
{
    private sealed record Setup(TestMunicipality M, HttpClient Clerk, int PlanId, int VersionId, int MeasureId, int Committee, int Council,
        int CommitteeMeeting, int CouncilMeeting, int PaperId);

    /// <summary>Bodies, meetings and a paper on a plan in the given state, all made through the clerk's pages.</summary>
    private async Task<Setup> SetupAsync(PlanState state = PlanState.InDeliberation)
    {
        var m = await app.CreateMunicipalityAsync();
        var (plan, versionId) = await m.PlanInAsync(state);
        var clerk = await m.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        var committee = await clerk.CreateBodyAsync(m, "Ausschuss für Soziales und Wohnen", BodyClassification.Committee);
        var council = await clerk.CreateBodyAsync(m, "Stadtrat", BodyClassification.CityCouncil);
        var committeeMeeting = await clerk.CreateMeetingAsync(m, committee, "Sitzung des Sozialausschusses", "18.06.2019 16:00");
        var councilMeeting = await clerk.CreateMeetingAsync(m, council, "Sitzung des Stadtrates", "05.07.2019 14:00");
        var paper = await clerk.SubmitFormAsync(m.Council("/papers/new"), new Dictionary<string, string?>
        {
            ["Input.Reference"] = "V2950/19", ["Input.Name"] = "Fachplan Asyl und Integration", ["Input.PaperType"] = "Beschlussvorlage",
            ["Input.Date"] = "2019-04-09", ["Input.PlanId"] = Id(plan.PlanId), ["Input.PlanVersionId"] = Id(versionId),
        }, "#paper-form");
        var measureId = await m.WithDbAsync(db => db.Measures.Where(x => x.PlanId == plan.PlanId).OrderBy(x => x.Id).Select(x => x.Id).FirstAsync());
        return new Setup(m, clerk, plan.PlanId, versionId, measureId, committee, council, committeeMeeting, councilMeeting, paper.RedirectId());
    }

    private static async Task<int> AddConsultationAsync(Setup s, int bodyId, int? meetingId, ConsultationRole role, int? itemId = null)
    {
        var response = await s.Clerk.SubmitFormAsync(s.M.Council("/papers/" + Id(s.PaperId)), new Dictionary<string, string?>
        {
            ["NewConsultation.BodyId"] = Id(bodyId), ["NewConsultation.MeetingId"] = meetingId is int mid ? Id(mid) : "",
            ["NewConsultation.AgendaItemId"] = itemId is int iid ? Id(iid) : "", ["NewConsultation.Role"] = role.ToString(),
        }, "#consultation-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await s.M.WithDbAsync(db => db.PaperConsultations.Where(c => c.PaperId == s.PaperId).OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync());
    }

    [Fact]
    public async Task A_clerk_records_a_whole_deliberation_and_the_decisive_result_adopts_the_plan()
    {
        var s = await SetupAsync();
        var m = s.M;

        // An agenda item of the committee's meeting treating the paper.
        var item = await s.Clerk.SubmitFormAsync(m.Council("/meetings/" + Id(s.CommitteeMeeting)), new Dictionary<string, string?>
        {
            ["Item.Number"] = "Ö 5.1", ["Item.Order"] = "5", ["Item.Name"] = "Fachplan Asyl und Integration", ["Item.PaperId"] = Id(s.PaperId),
        }, "#item-form");
        Assert.Equal(HttpStatusCode.Redirect, item.StatusCode);
        var itemId = await m.WithDbAsync(db => db.AgendaItems.Where(i => i.MeetingId == s.CommitteeMeeting).Select(i => i.Id).SingleAsync());

        // A file, recognised by its content and fingerprinted.
        Assert.Equal(HttpStatusCode.Redirect, (await s.Clerk.UploadPaperFileAsync(m, s.PaperId, Pdf, "vorlage.pdf", "Anlage 1: Fachplan")).StatusCode);
        var file = await m.WithDbAsync(db => db.PaperFiles.SingleAsync(f => f.PaperId == s.PaperId));
        Assert.Equal("application/pdf", file.MimeType);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), file.Sha256);

        // The path: the committee's preliminary consultation, then the council's decision.
        var preliminary = await AddConsultationAsync(s, s.Committee, s.CommitteeMeeting, ConsultationRole.PreliminaryConsultation, itemId);
        var decision = await AddConsultationAsync(s, s.Council, s.CouncilMeeting, ConsultationRole.Decision);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Clerk.RecordResultAsync(m, s.PaperId, preliminary, "Approved", "10", "3", "0")).StatusCode);
        Assert.Equal(PlanState.InDeliberation, await m.WithDbAsync(db => db.Plans.Where(p => p.Id == s.PlanId).Select(p => p.State).SingleAsync()));

        // The amendment adopted in the council, with the plan change it made.
        var changeId = await m.ChangeMeasureAsync(s.MeasureId, "Lerncafés in allen Stadtteilen");
        // It is a paper of its own, brought in by the advisory council, voted on in the council's meeting.
        var advisory = await s.Clerk.CreateBodyAsync(m, "Ausländerbeirat", BodyClassification.AdvisoryCouncil);
        var amendment = (await s.Clerk.SubmitAmendmentAsync(m, s.PaperId, "Lerncafés auch in den Stadtteilen", advisory, "Die Lerncafés **auch** in den Stadtteilen.")).RedirectId();
        var amendmentVote = await s.Clerk.AddConsultationAsync(m, amendment, s.Council, s.CouncilMeeting, ConsultationRole.Decision);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Clerk.RecordResultAsync(m, amendment, amendmentVote, "Approved", "35", "27", "5")).StatusCode);
        var linked = await s.Clerk.SubmitFormAsync(m.Council("/papers/" + Id(amendment)), new Dictionary<string, string?>
        {
            ["Changes.ChangeIds"] = changeId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "#changes-form");
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);

        // The decisive result adopts the plan in the same save.
        var decisive = await s.Clerk.RecordResultAsync(m, s.PaperId, decision, "ApprovedWithChanges", "40", "22", "5");
        Assert.Equal(HttpStatusCode.Redirect, decisive.StatusCode);
        var plan = await m.WithDbAsync(db => db.Plans.Include(p => p.AdoptedVersion).SingleAsync(p => p.Id == s.PlanId));
        Assert.Equal(PlanState.Adopted, plan.State);
        Assert.Equal(new DateOnly(2019, 7, 5), plan.AdoptedOn);
        Assert.Equal("Beschlossene Fassung vom 05.07.2019", plan.AdoptedVersion!.Name);
        Assert.Contains("Lerncafés in allen Stadtteilen", plan.AdoptedVersion.Document, StringComparison.Ordinal);
        var recorded = await m.WithDbAsync(db => db.PaperConsultations.SingleAsync(c => c.Id == decision));
        Assert.Equal((40, 22, 5), (recorded.VotesFor!.Value, recorded.VotesAgainst!.Value, recorded.VotesAbstaining!.Value));
        Assert.NotNull(recorded.ResultRecordedByUserId);

        // The public paper page shows the path.
        var anonymous = app.CreateBrowserlikeClient();
        var page = await anonymous.GetDocumentAsync(m.PublicPaper(s.PaperId));
        Assert.Equal("V2950/19", page.QuerySelector("#reference")!.TextContent);
        Assert.Null(page.QuerySelector("#example-reference"));
        var rows = page.QuerySelectorAll("#consultations tbody tr").Select(r => PrintPlans.Normalize(r.TextContent)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Ausschuss für Soziales und Wohnen", rows[0], StringComparison.Ordinal);
        Assert.Contains("Ö 5.1", rows[0], StringComparison.Ordinal);
        Assert.Contains("Vorberatung", rows[0], StringComparison.Ordinal);
        Assert.Contains("10 dafür, 3 dagegen, 0 Enthaltungen", rows[0], StringComparison.Ordinal);
        Assert.Contains("Stadtrat", rows[1], StringComparison.Ordinal);
        Assert.Contains("mit Änderungen zugestimmt", rows[1], StringComparison.Ordinal);
        Assert.Contains("40 dafür, 22 dagegen, 5 Enthaltungen", rows[1], StringComparison.Ordinal);
        Assert.Contains("Ratsfassung", page.QuerySelector("#version")!.TextContent, StringComparison.Ordinal);
        var amendments = PrintPlans.Normalize(page.QuerySelector("#amendments")!.TextContent);
        Assert.Contains("V2950/19-ÄA1: Lerncafés auch in den Stadtteilen", amendments, StringComparison.Ordinal);
        Assert.Contains("Ausländerbeirat", amendments, StringComparison.Ordinal);
        Assert.Contains("zugestimmt (35 dafür, 27 dagegen, 5 Enthaltungen) – Stadtrat, Sitzung des Stadtrates", amendments, StringComparison.Ordinal);
        Assert.Contains("Maßnahme", page.QuerySelector("#amendments .changes")!.TextContent, StringComparison.Ordinal);
        var fileLink = page.QuerySelector("#files a")!.GetAttribute("href")!;
        var download = await anonymous.GetAsync(fileLink);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());

        // The plan's public timeline shows both consultations and the adoption by themselves.
        await m.WithDbAsync(async db =>
        {
            var adopted = await db.Plans.SingleAsync(p => p.Id == s.PlanId);
            adopted.IsPublic = true;
            return await db.SaveChangesAsync();
        });
        var timeline = await anonymous.GetDocumentAsync($"/{m.Slug}/plans/{Id(s.PlanId)}/timeline");
        var entries = timeline.QuerySelectorAll("li.timeline-entry").Select(e => PrintPlans.Normalize(e.TextContent)).ToList();
        Assert.Contains(entries, e => e.Contains("Ausschuss für Soziales und Wohnen", StringComparison.Ordinal) && e.Contains("Vorberatung", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains("Stadtrat", StringComparison.Ordinal) && e.Contains("mit Änderungen zugestimmt", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains("Der Fachplan ist beschlossen.", StringComparison.Ordinal) && e.Contains("2019", StringComparison.Ordinal));

        // The recorded decision can no longer be turned into one that undoes the adoption.
        var undo = await s.Clerk.RecordResultAsync(m, s.PaperId, decision, "Rejected", "10", "50", "0");
        Assert.Contains(await undo.ErrorsAsync(), e => e.Contains("kann nicht mehr", StringComparison.Ordinal));
        Assert.Equal(ConsultationResult.ApprovedWithChanges, await m.WithDbAsync(db => db.PaperConsultations.Where(c => c.Id == decision).Select(c => c.Result).SingleAsync()));
        Assert.Equal(PlanState.Adopted, await m.WithDbAsync(db => db.Plans.Where(p => p.Id == s.PlanId).Select(p => p.State).SingleAsync()));

        // The adopted version is immutable.
        await Assert.ThrowsAsync<InvalidOperationException>(() => m.WithDbAsync(async db =>
        {
            var version = await db.PlanVersions.SingleAsync(v => v.Id == plan.AdoptedVersionId);
            version.Document = "{}";
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task An_adopted_and_then_published_plan_shows_its_adopted_version_unchanged_dated_by_the_resolution_and_adopted_once()
    {
        var s = await SetupAsync();
        var m = s.M;
        var decision = await AddConsultationAsync(s, s.Council, s.CouncilMeeting, ConsultationRole.Decision);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Clerk.RecordResultAsync(m, s.PaperId, decision, "Approved", "40", "20", "1")).StatusCode);
        // Publishing is no change of the adopted text.
        await m.WithDbAsync(async db =>
        {
            (await db.Plans.SingleAsync(p => p.Id == s.PlanId)).IsPublic = true;
            return await db.SaveChangesAsync();
        });
        var version = await m.WithDbAsync(db => db.Plans.Where(p => p.Id == s.PlanId).Select(p => p.AdoptedVersion!.Document).SingleAsync());
        Assert.Equal(PlanState.Adopted, Planwerk.Features.Plans.Versions.VersionDocument.Read(version).Plan.State);

        var anonymous = app.CreateBrowserlikeClient();
        var page = await anonymous.GetDocumentAsync($"/{m.Slug}/plans/{Id(s.PlanId)}");
        Assert.Contains("Beschlossene Fassung vom 05.07.2019", page.QuerySelector("#adopted-note")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("weiterbearbeitet", page.QuerySelector("#adopted-note")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#working-state-link"));

        var recordedOn = PlanFormat.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime));
        var versions = await anonymous.GetDocumentAsync($"/{m.Slug}/plans/{Id(s.PlanId)}/versions");
        var adoptedRow = versions.QuerySelectorAll("table.versions tbody tr").Single(r => r.TextContent.Contains("Beschlossene Fassung", StringComparison.Ordinal));
        Assert.Contains("05.07.2019", adoptedRow.QuerySelector("td")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(recordedOn, adoptedRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("Beschlossene Fassung vom 05.07.2019 (05.07.2019)", PrintPlans.Normalize(page.QuerySelector(".version-links")!.TextContent), StringComparison.Ordinal);

        var timeline = await anonymous.GetDocumentAsync($"/{m.Slug}/plans/{Id(s.PlanId)}/timeline");
        var entries = timeline.QuerySelectorAll("li.timeline-entry").Select(e => PrintPlans.Normalize(e.TextContent)).ToList();
        var adoption = Assert.Single(entries, e => e.Contains("05.07.2019", StringComparison.Ordinal));
        Assert.Contains("Stadtrat", adoption, StringComparison.Ordinal);
        Assert.Contains("Der Fachplan ist beschlossen.", adoption, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_decisive_result_is_refused_while_the_plan_is_not_in_deliberation_and_nothing_is_saved()
    {
        var s = await SetupAsync(PlanState.Draft);
        var decision = await AddConsultationAsync(s, s.Council, s.CouncilMeeting, ConsultationRole.Decision);
        var response = await s.Clerk.RecordResultAsync(s.M, s.PaperId, decision, "Approved", "40", "20", "1");
        Assert.Contains(await response.ErrorsAsync(), e => e.Contains("nicht in der Beratung", StringComparison.Ordinal));
        var stored = await s.M.WithDbAsync(db => db.PaperConsultations.SingleAsync(c => c.Id == decision));
        Assert.Null(stored.Result);
        Assert.Null(stored.VotesFor);
        var plan = await s.M.WithDbAsync(db => db.Plans.SingleAsync(p => p.Id == s.PlanId));
        Assert.Equal(PlanState.Draft, plan.State);
        Assert.Null(plan.AdoptedVersionId);
    }

    [Fact]
    public async Task A_rejection_leaves_the_plan_in_deliberation()
    {
        var s = await SetupAsync();
        var decision = await AddConsultationAsync(s, s.Council, s.CouncilMeeting, ConsultationRole.Decision);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Clerk.RecordResultAsync(s.M, s.PaperId, decision, "Rejected", "20", "40", "1")).StatusCode);
        var plan = await s.M.WithDbAsync(db => db.Plans.SingleAsync(p => p.Id == s.PlanId));
        Assert.Equal(PlanState.InDeliberation, plan.State);
        Assert.Null(plan.AdoptedVersionId);
    }

    [Fact]
    public async Task Wrong_input_is_refused_with_a_message_naming_the_field()
    {
        var s = await SetupAsync();
        var m = s.M;
        var url = m.Council("/papers/" + Id(s.PaperId));

        // A meeting of another body.
        var wrongMeeting = await s.Clerk.SubmitFormAsync(url, new Dictionary<string, string?>
        {
            ["NewConsultation.BodyId"] = Id(s.Committee), ["NewConsultation.MeetingId"] = Id(s.CouncilMeeting), ["NewConsultation.Role"] = "PreliminaryConsultation",
        }, "#consultation-form");
        Assert.Contains(await wrongMeeting.ErrorsAsync(), e => e.Contains("keine Sitzung des gewählten Gremiums", StringComparison.Ordinal));
        Assert.Equal(0, await m.WithDbAsync(db => db.PaperConsultations.CountAsync()));

        // Negative votes, and votes without a vote.
        var preliminary = await AddConsultationAsync(s, s.Committee, s.CommitteeMeeting, ConsultationRole.PreliminaryConsultation);
        var negative = await s.Clerk.RecordResultAsync(m, s.PaperId, preliminary, "Approved", "-1", "0", "0");
        Assert.Contains(await negative.ErrorsAsync(), e => e.Contains("Stimmen dafür", StringComparison.Ordinal) && e.Contains("negative", StringComparison.Ordinal));
        var noVote = await s.Clerk.RecordResultAsync(m, s.PaperId, preliminary, "Postponed", "3", "", "");
        Assert.Contains(await noVote.ErrorsAsync(), e => e.Contains("Stimmen dafür", StringComparison.Ordinal) && e.Contains("Abstimmung", StringComparison.Ordinal));
        Assert.Null(await m.WithDbAsync(db => db.PaperConsultations.Where(c => c.Id == preliminary).Select(c => c.Result).SingleAsync()));

        // A duplicate reference.
        var duplicate = await s.Clerk.SubmitFormAsync(m.Council("/papers/new"), new Dictionary<string, string?>
        {
            ["Input.Reference"] = "V2950/19", ["Input.Name"] = "Noch eine", ["Input.Date"] = "2019-04-10",
        }, "#paper-form");
        Assert.Contains(await duplicate.ErrorsAsync(), e => e.Contains("V2950/19", StringComparison.Ordinal) && e.Contains("gibt es schon", StringComparison.Ordinal));
        Assert.Equal(1, await m.WithDbAsync(db => db.Papers.CountAsync()));

        // A disguised file: a text named like a PDF.
        var disguised = await s.Clerk.UploadPaperFileAsync(m, s.PaperId, "nur Text, kein PDF"u8.ToArray(), "vorlage.pdf");
        Assert.Contains(await disguised.ErrorsAsync(), e => e.Contains("vorlage.pdf", StringComparison.Ordinal));
        Assert.Equal(0, await m.WithDbAsync(db => db.PaperFiles.CountAsync()));

        // A stale edit: someone else saved the paper since the form was loaded.
        var page = await s.Clerk.GetDocumentAsync(url);
        await m.WithDbAsync(async db =>
        {
            var paper = await db.Papers.SingleAsync(p => p.Id == s.PaperId);
            paper.Name = "Von jemand anderem geändert";
            return await db.SaveChangesAsync();
        });
        var stale = await s.Clerk.SubmitFormAsync(page, url, new Dictionary<string, string?> { ["Input.Name"] = "Meine Änderung" }, "#paper-form");
        Assert.Contains(await stale.ErrorsAsync(), e => e.Contains("inzwischen von jemand anderem geändert", StringComparison.Ordinal));
        Assert.Equal("Von jemand anderem geändert", await m.WithDbAsync(db => db.Papers.Where(p => p.Id == s.PaperId).Select(p => p.Name).SingleAsync()));

        // A stale result: the consultation was recorded meanwhile.
        var before = await s.Clerk.GetDocumentAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Clerk.RecordResultAsync(m, s.PaperId, preliminary, "Approved", "5", "1", "0")).StatusCode);
        var staleResult = await s.Clerk.SubmitFormAsync(before, url, new Dictionary<string, string?> { ["Result.Result"] = "Rejected" }, $"#consultation-{preliminary} form.result-form");
        Assert.Contains(await staleResult.ErrorsAsync(), e => e.Contains("inzwischen von jemand anderem", StringComparison.Ordinal));
        Assert.Equal(ConsultationResult.Approved, await m.WithDbAsync(db => db.PaperConsultations.Where(c => c.Id == preliminary).Select(c => c.Result).SingleAsync()));
    }

    [Fact]
    public async Task Hostile_text_is_shown_as_text_and_non_public_agenda_items_stay_hidden()
    {
        var s = await SetupAsync();
        var m = s.M;
        var body = await s.Clerk.CreateBodyAsync(m, HostileText.Script + HostileText.RightToLeft, BodyClassification.AdvisoryCouncil);
        var meeting = await s.Clerk.CreateMeetingAsync(m, body, HostileText.Markup, "01.06.2019 10:00");
        foreach (var (name, isPublic) in new[] { ("Öffentlicher Punkt " + HostileText.Script, "true"), ("Geheimer Punkt", "false") })
        {
            var response = await s.Clerk.SubmitFormAsync(m.Council("/meetings/" + Id(meeting)), new Dictionary<string, string?>
            {
                ["Item.Name"] = name, ["Item.IsPublic"] = isPublic, ["Item.PaperId"] = Id(s.PaperId),
            }, "#item-form");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        var longTitle = await s.Clerk.SubmitFormAsync(m.Council("/papers/new"), new Dictionary<string, string?>
        {
            ["Input.Reference"] = "X1", ["Input.Name"] = HostileText.VeryLong, ["Input.Date"] = "2019-04-10",
        }, "#paper-form");
        Assert.Contains(await longTitle.ErrorsAsync(), e => e.Contains("Titel", StringComparison.Ordinal) && e.Contains("höchstens", StringComparison.Ordinal));

        var anonymous = app.CreateBrowserlikeClient();
        var html = await (await anonymous.GetAsync(m.PublicMeeting(meeting))).Content.ReadAsStringAsync();
        Assert.DoesNotContain(HostileText.Script, html, StringComparison.Ordinal);
        Assert.DoesNotContain(HostileText.Markup, html, StringComparison.Ordinal);
        Assert.Contains(HostileText.RightToLeft, html, StringComparison.Ordinal);
        Assert.Contains("Öffentlicher Punkt", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheimer Punkt", html, StringComparison.Ordinal);
        var manage = await (await s.Clerk.GetAsync(m.Council())).Content.ReadAsStringAsync();
        Assert.DoesNotContain(HostileText.Script, manage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_council_clerk_lands_on_the_council_pages_after_signing_in()
    {
        var m = await app.CreateMunicipalityAsync();
        var clerk = await m.AddMemberAsync(MunicipalityRole.CouncilClerk);
        var client = app.CreateBrowserlikeClient();
        var response = await client.SubmitFormAsync("/account/login", new Dictionary<string, string?> { ["Input.Email"] = clerk.Email, ["Input.Password"] = PlanwerkApp.Password });
        Assert.Equal(m.Council(), response.RedirectTarget());
    }
}

public sealed class CouncilDeliberationSqliteTests(SqliteApp app) : CouncilDeliberationTests(app), IClassFixture<SqliteApp>;

public sealed class CouncilDeliberationPostgresTests(PostgresApp app) : CouncilDeliberationTests(app), IClassFixture<PostgresApp>;
