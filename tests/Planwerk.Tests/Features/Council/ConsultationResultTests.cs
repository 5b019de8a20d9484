using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Council;
using Planwerk.Features.Plans;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Council.OParl;
using Planwerk.Tests.Features.Plans.Print;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Council.CouncilTestSupport;

namespace Planwerk.Tests.Features.Council;

/// <summary>Results as data: the built-in catalogue with deciding and non-deciding results, a municipality's own
/// results, votes per group, the follow-up of a postponement, and the one authoritative consultation in OParl —
/// all through the clerk's pages, shown on the public pages and in OParl.</summary>
public abstract class ConsultationResultTests(PlanwerkApp app)
{
    private sealed record Setup(TestMunicipality M, HttpClient Clerk, int PlanId, int Committee, int Council, int CommitteeMeeting,
        int CouncilMeeting, int LaterCouncilMeeting, int PaperId)
    {
        public string PaperPage => M.Council("/papers/" + Id(PaperId));
        public string OParlPaper => $"http://localhost/oparl/v1/bodies/{M.Slug}/papers/{Id(PaperId)}";
    }

    private async Task<Setup> SetupAsync(TestMunicipality? existing = null)
    {
        var m = existing ?? await app.CreateMunicipalityAsync();
        var (plan, versionId) = await m.PlanInAsync(PlanState.InDeliberation);
        var clerk = await m.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        var committee = await clerk.CreateBodyAsync(m, "Ausschuss für Stadtentwicklung", BodyClassification.Committee);
        var council = await clerk.CreateBodyAsync(m, "Stadtrat", BodyClassification.CityCouncil);
        var committeeMeeting = await clerk.CreateMeetingAsync(m, committee, "Sitzung des Ausschusses", "10.06.2019 16:00");
        var councilMeeting = await clerk.CreateMeetingAsync(m, council, "Sitzung des Stadtrates im Juni", "20.06.2019 14:00");
        var laterMeeting = await clerk.CreateMeetingAsync(m, council, "Sitzung des Stadtrates im Juli", "05.07.2019 14:00");
        var paper = await clerk.SubmitFormAsync(m.Council("/papers/new"), new Dictionary<string, string?>
        {
            ["Input.Reference"] = "V0815/19", ["Input.Name"] = "Fachplan Wohnen", ["Input.PaperType"] = "Beschlussvorlage",
            ["Input.Date"] = "2019-05-02", ["Input.PlanId"] = Id(plan.PlanId), ["Input.PlanVersionId"] = Id(versionId),
        }, "#paper-form");
        return new Setup(m, clerk, plan.PlanId, committee, council, committeeMeeting, councilMeeting, laterMeeting, paper.RedirectId());
    }

    private static async Task<int> AddConsultationAsync(Setup s, int bodyId, int? meetingId, ConsultationRole role, int? itemId = null)
    {
        var response = await s.Clerk.SubmitFormAsync(s.PaperPage, new Dictionary<string, string?>
        {
            ["NewConsultation.BodyId"] = Id(bodyId), ["NewConsultation.MeetingId"] = meetingId is int mid ? Id(mid) : "",
            ["NewConsultation.AgendaItemId"] = itemId is int iid ? Id(iid) : "", ["NewConsultation.Role"] = role.ToString(),
        }, "#consultation-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await s.M.WithDbAsync(db => db.PaperConsultations.Where(c => c.PaperId == s.PaperId).OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync());
    }

    /// <summary>An agenda item of the meeting treating the paper, with no result typed on the item.</summary>
    private static async Task<int> AddItemAsync(Setup s, int meetingId, string number)
    {
        var item = await s.Clerk.SubmitFormAsync(s.M.Council("/meetings/" + Id(meetingId)), new Dictionary<string, string?>
        {
            ["Item.Number"] = number, ["Item.Order"] = "1", ["Item.Name"] = "Fachplan Wohnen", ["Item.PaperId"] = Id(s.PaperId),
        }, "#item-form");
        Assert.Equal(HttpStatusCode.Redirect, item.StatusCode);
        return await s.M.WithDbAsync(db => db.AgendaItems.Where(i => i.MeetingId == meetingId).OrderByDescending(i => i.Id).Select(i => i.Id).FirstAsync());
    }

    private static async Task<HttpResponseMessage> AddOwnResultAsync(HttpClient client, TestMunicipality m, string name, bool deciding, bool byVote) =>
        await client.SubmitFormAsync(m.Council("/results"), new Dictionary<string, string?>
        {
            ["Input.Name"] = name, ["Input.IsDeciding"] = deciding ? "true" : "false", ["Input.ByVote"] = byVote ? "true" : "false",
        }, "#result-kind-form");

    private async Task<List<JsonElement>> OParlConsultationsAsync(Setup s)
    {
        var paper = await app.CreateClient().GetJsonAsync(s.OParlPaper);
        OParlSchemas.AssertValid(paper, "Paper", s.OParlPaper);
        return paper.GetProperty("consultation").EnumerateArray().ToList();
    }

    private static List<string> Keywords(JsonElement consultation) =>
        consultation.TryGetProperty("keyword", out var k) ? k.EnumerateArray().Select(x => x.GetString()!).ToList() : [];

    [Theory]
    [InlineData("Postponed", "vertagt")]
    [InlineData("ReferredBack", "zurückverwiesen")]
    [InlineData("Withdrawn", "zurückgezogen")]
    [InlineData("FirstReadingHeld", "erste Lesung erfolgt")]
    [InlineData("Noted", "zur Kenntnis genommen")]
    public async Task Each_built_in_result_is_recorded_and_shown_on_the_public_pages_and_in_valid_OParl(string result, string name)
    {
        var s = await SetupAsync();
        var item = await AddItemAsync(s, s.CommitteeMeeting, "Ö 3");
        var consultation = await AddConsultationAsync(s, s.Committee, s.CommitteeMeeting, ConsultationRole.PreliminaryConsultation, item);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Clerk.RecordResultAsync(s.M, s.PaperId, consultation, result)).StatusCode);
        Assert.Equal(Enum.Parse<ConsultationResult>(result), await s.M.WithDbAsync(db => db.PaperConsultations.Where(c => c.Id == consultation).Select(c => c.Result).SingleAsync()));

        var anonymous = app.CreateBrowserlikeClient();
        var paper = await anonymous.GetDocumentAsync(s.M.PublicPaper(s.PaperId));
        Assert.Contains(name, PrintPlans.Normalize(paper.QuerySelector("#consultations tbody tr")!.TextContent), StringComparison.Ordinal);
        var meeting = await anonymous.GetDocumentAsync(s.M.PublicMeeting(s.CommitteeMeeting));
        Assert.Contains(name, PrintPlans.Normalize(meeting.QuerySelector("#agenda tbody tr")!.TextContent), StringComparison.Ordinal);
        var clerkPage = await s.Clerk.GetDocumentAsync(s.PaperPage);
        Assert.Equal(name, clerkPage.QuerySelector($"#consultation-{consultation} .result-name")!.TextContent);
        // The clerk's meeting page shows the consultation's recorded result where the item has none in words.
        var clerkMeeting = await s.Clerk.GetDocumentAsync(s.M.Council("/meetings/" + Id(s.CommitteeMeeting)));
        Assert.Equal(name, clerkMeeting.QuerySelector($"#item-{item} .item-result")!.TextContent);

        var consultations = await OParlConsultationsAsync(s);
        Assert.Equal([name], Keywords(consultations.Single()));
        Assert.False(consultations.Single().GetProperty("authoritative").GetBoolean());
        var agendaItem = await app.CreateClient().GetJsonAsync(consultations.Single().GetProperty("agendaItem").GetString()!);
        OParlSchemas.AssertValid(agendaItem, "AgendaItem", "agenda item");
        Assert.Equal(name, agendaItem.GetProperty("result").GetString());
    }

    [Fact]
    public async Task A_postponed_then_adopted_paper_has_exactly_one_authoritative_consultation_and_the_follow_up_is_one_click()
    {
        var s = await SetupAsync();
        var preliminary = await AddConsultationAsync(s, s.Committee, s.CommitteeMeeting, ConsultationRole.PreliminaryConsultation);
        var first = await AddConsultationAsync(s, s.Council, s.CouncilMeeting, ConsultationRole.Decision);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Clerk.RecordResultAsync(s.M, s.PaperId, preliminary, "Approved", "9", "2", "0")).StatusCode);

        // Before any result, the council's consultation is not authoritative.
        Assert.Equal([false, false], (await OParlConsultationsAsync(s)).Select(c => c.GetProperty("authoritative").GetBoolean()));

        // Postponed in June: the confirmation offers the follow-up in the same body and role, in the council's next meeting.
        var postponed = await s.Clerk.RecordResultAsync(s.M, s.PaperId, first, "Postponed");
        Assert.Equal(HttpStatusCode.Redirect, postponed.StatusCode);
        var confirmation = postponed.RedirectTarget();
        Assert.Contains("followUp=" + Id(first), confirmation, StringComparison.Ordinal);
        var page = await s.Clerk.GetDocumentAsync(confirmation.Split('#')[0]);
        Assert.Contains("vertagt", page.QuerySelector("#follow-up")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Id(s.LaterCouncilMeeting), page.QuerySelector("#FollowUp_MeetingId option[selected]")!.GetAttribute("value"));
        Assert.Equal(PlanState.InDeliberation, await s.M.WithDbAsync(db => db.Plans.Where(p => p.Id == s.PlanId).Select(p => p.State).SingleAsync()));

        // One click adds it, right after the postponed one.
        var added = await s.Clerk.SubmitFormAsync(page, confirmation.Split('#')[0], new Dictionary<string, string?>(), "#follow-up-form");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var path = await s.M.WithDbAsync(db => db.PaperConsultations.Where(c => c.PaperId == s.PaperId).OrderBy(c => c.Position)
            .Select(c => new { c.Id, c.Position, c.BodyId, c.MeetingId, c.Role }).ToListAsync());
        Assert.Equal(3, path.Count);
        var followUp = path[2];
        Assert.Equal((3, s.Council, s.LaterCouncilMeeting, ConsultationRole.Decision), (followUp.Position, followUp.BodyId, followUp.MeetingId!.Value, followUp.Role));

        // Adopted in July: the plan is adopted, and only the July consultation is authoritative.
        Assert.Equal(HttpStatusCode.Redirect, (await s.Clerk.RecordResultAsync(s.M, s.PaperId, followUp.Id, "Approved", "41", "20", "3")).StatusCode);
        var plan = await s.M.WithDbAsync(db => db.Plans.SingleAsync(p => p.Id == s.PlanId));
        Assert.Equal(PlanState.Adopted, plan.State);
        Assert.Equal(new DateOnly(2019, 7, 5), plan.AdoptedOn);
        var consultations = await OParlConsultationsAsync(s);
        Assert.Equal([false, false, true], consultations.Select(c => c.GetProperty("authoritative").GetBoolean()));
        Assert.Single(consultations, c => c.GetProperty("authoritative").GetBoolean());
        Assert.Equal(["vertagt"], Keywords(consultations[1]));
        Assert.Equal(["zugestimmt"], Keywords(consultations[2]));

        // The public paper and the plan's timeline show the postponement and the approval.
        var anonymous = app.CreateBrowserlikeClient();
        var rows = (await anonymous.GetDocumentAsync(s.M.PublicPaper(s.PaperId))).QuerySelectorAll("#consultations tbody tr").Select(r => PrintPlans.Normalize(r.TextContent)).ToList();
        Assert.Contains("vertagt", rows[1], StringComparison.Ordinal);
        Assert.Contains("zugestimmt", rows[2], StringComparison.Ordinal);
        await s.M.WithDbAsync(async db =>
        {
            (await db.Plans.SingleAsync(p => p.Id == s.PlanId)).IsPublic = true;
            return await db.SaveChangesAsync();
        });
        var timeline = (await anonymous.GetDocumentAsync($"/{s.M.Slug}/plans/{Id(s.PlanId)}/timeline")).QuerySelectorAll("li.timeline-entry").Select(e => PrintPlans.Normalize(e.TextContent)).ToList();
        Assert.Contains(timeline, e => e.Contains("Ergebnis: vertagt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_municipalitys_own_result_is_added_used_shown_and_cannot_be_deleted_while_used()
    {
        var s = await SetupAsync();
        var own = "in die Fraktionen verwiesen " + HostileText.Script;
        Assert.Equal(HttpStatusCode.Redirect, (await AddOwnResultAsync(s.Clerk, s.M, own, deciding: true, byVote: true)).StatusCode);
        var duplicate = await AddOwnResultAsync(s.Clerk, s.M, own.ToUpperInvariant(), deciding: false, byVote: false);
        Assert.Contains(await duplicate.ErrorsAsync(), e => e.Contains("gibt es schon", StringComparison.Ordinal));
        var builtInName = await AddOwnResultAsync(s.Clerk, s.M, "vertagt", deciding: false, byVote: false);
        Assert.Contains(await builtInName.ErrorsAsync(), e => e.Contains("gibt es schon", StringComparison.Ordinal));
        var kind = await s.M.WithDbAsync(db => db.ConsultationResultKinds.SingleAsync());
        Assert.Equal((own, true, true), (kind.Name, kind.IsDeciding, kind.ByVote));

        // Used in the council's decision with votes: it is authoritative there, but never adopts the plan.
        var item = await AddItemAsync(s, s.CouncilMeeting, "Ö 7");
        var decision = await AddConsultationAsync(s, s.Council, s.CouncilMeeting, ConsultationRole.Decision, item);
        var recorded = await s.Clerk.RecordResultAsync(s.M, s.PaperId, decision, ConsultationResults.FormValue(kind.Id), "30", "20", "1");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.DoesNotContain("followUp", recorded.RedirectTarget(), StringComparison.Ordinal);
        var stored = await s.M.WithDbAsync(db => db.PaperConsultations.SingleAsync(c => c.Id == decision));
        Assert.Equal((null, kind.Id, 30), (stored.Result, stored.CustomResultId, stored.VotesFor!.Value));
        Assert.Equal(PlanState.InDeliberation, await s.M.WithDbAsync(db => db.Plans.Where(p => p.Id == s.PlanId).Select(p => p.State).SingleAsync()));

        var anonymous = app.CreateBrowserlikeClient();
        var paper = await anonymous.GetDocumentAsync(s.M.PublicPaper(s.PaperId));
        Assert.Contains(own, paper.QuerySelector("#consultations tbody tr")!.TextContent, StringComparison.Ordinal);
        Assert.Null(paper.QuerySelector("#consultations script"));
        var meeting = await anonymous.GetDocumentAsync(s.M.PublicMeeting(s.CouncilMeeting));
        Assert.Contains(own, meeting.QuerySelector("#agenda tbody tr")!.TextContent, StringComparison.Ordinal);
        var clerkMeeting = await s.Clerk.GetDocumentAsync(s.M.Council("/meetings/" + Id(s.CouncilMeeting)));
        Assert.Equal(own, clerkMeeting.QuerySelector($"#item-{item} .item-result")!.TextContent);
        Assert.Null(clerkMeeting.QuerySelector($"#item-{item} script"));
        var consultation = (await OParlConsultationsAsync(s)).Single();
        Assert.True(consultation.GetProperty("authoritative").GetBoolean());
        Assert.Equal([own], Keywords(consultation));
        var agendaItem = await app.CreateClient().GetJsonAsync(consultation.GetProperty("agendaItem").GetString()!);
        Assert.Equal(own, agendaItem.GetProperty("result").GetString());

        // Renamed: OParl shows the new name, and the paper that carries it counts as modified for clients that sync.
        var before = await s.M.WithDbAsync(db => db.Papers.Where(p => p.Id == s.PaperId).Select(p => p.ModifiedAt).SingleAsync());
        var renamedTo = "an die Fraktionen verwiesen";
        var cannotDropVote = await s.Clerk.SubmitFormAsync(s.M.Council("/results"), new Dictionary<string, string?> { ["Edit.Name"] = renamedTo, ["Edit.ByVote"] = null }, $"#result-kind-edit-{kind.Id}");
        Assert.Contains(await cannotDropVote.ErrorsAsync(), e => e.Contains("Stimmen festgehalten", StringComparison.Ordinal));
        var renamed = await s.Clerk.SubmitFormAsync(s.M.Council("/results"), new Dictionary<string, string?> { ["Edit.Name"] = renamedTo }, $"#result-kind-edit-{kind.Id}");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.True(await s.M.WithDbAsync(db => db.Papers.Where(p => p.Id == s.PaperId).Select(p => p.ModifiedAt).SingleAsync()) > before);
        Assert.Equal([renamedTo], Keywords((await OParlConsultationsAsync(s)).Single()));
        Assert.True((await OParlConsultationsAsync(s)).Single().GetProperty("authoritative").GetBoolean());

        // While used, it cannot be deleted; the clerk is told why.
        var list = await s.Clerk.GetDocumentAsync(s.M.Council("/results"));
        Assert.Null(list.QuerySelector($"#result-kind-{kind.Id} form"));
        var token = await s.Clerk.AntiforgeryTokenAsync();
        var refused = await s.Clerk.PostWithTokenAsync(s.M.Council("/results") + "?handler=Delete&kindId=" + Id(kind.Id), token, new Dictionary<string, string>());
        Assert.Contains(await refused.ErrorsAsync(), e => e.Contains("nicht gelöscht", StringComparison.Ordinal));
        Assert.Equal(1, await s.M.WithDbAsync(db => db.ConsultationResultKinds.CountAsync()));

        // Once no consultation uses it, it can be deleted.
        Assert.Equal(HttpStatusCode.Redirect, (await s.Clerk.RecordResultAsync(s.M, s.PaperId, decision, "")).StatusCode);
        var deleted = await s.Clerk.SubmitFormAsync(s.M.Council("/results"), new Dictionary<string, string?>(), $"#result-kind-{kind.Id} form");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await s.M.WithDbAsync(db => db.ConsultationResultKinds.CountAsync()));
    }

    [Fact]
    public async Task A_result_not_reached_by_vote_takes_no_votes_and_another_municipalitys_result_is_refused()
    {
        var s = await SetupAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await AddOwnResultAsync(s.Clerk, s.M, "Anhörung erfolgt", deciding: false, byVote: false)).StatusCode);
        var kind = await s.M.WithDbAsync(db => db.ConsultationResultKinds.SingleAsync());
        var consultation = await AddConsultationAsync(s, s.Committee, s.CommitteeMeeting, ConsultationRole.PreliminaryConsultation);
        var withVotes = await s.Clerk.RecordResultAsync(s.M, s.PaperId, consultation, ConsultationResults.FormValue(kind.Id), "3", "", "");
        Assert.Contains(await withVotes.ErrorsAsync(), e => e.Contains("Stimmen dafür", StringComparison.Ordinal) && e.Contains("Abstimmung", StringComparison.Ordinal));
        // Not deciding: the confirmation offers a follow-up.
        var recorded = await s.Clerk.RecordResultAsync(s.M, s.PaperId, consultation, ConsultationResults.FormValue(kind.Id));
        Assert.Contains("followUp=", recorded.RedirectTarget(), StringComparison.Ordinal);

        // Another municipality's own result, forged into the form, is not one of this municipality's.
        var other = await app.CreateMunicipalityAsync();
        var otherAdmin = await other.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        Assert.Equal(HttpStatusCode.Redirect, (await AddOwnResultAsync(otherAdmin, other, "fremdes Ergebnis", deciding: true, byVote: true)).StatusCode);
        var foreign = await other.WithDbAsync(db => db.ConsultationResultKinds.SingleAsync());
        var forged = await s.Clerk.RecordResultAsync(s.M, s.PaperId, consultation, ConsultationResults.FormValue(foreign.Id), "1", "0", "0");
        Assert.Contains(await forged.ErrorsAsync(), e => e.Contains("aus der Liste", StringComparison.Ordinal));
        foreach (var nonsense in new[] { "custom-x", "7", "Approved,Rejected" })
            Assert.Contains(await (await s.Clerk.RecordResultAsync(s.M, s.PaperId, consultation, nonsense)).ErrorsAsync(), e => e.Contains("aus der Liste", StringComparison.Ordinal));
        Assert.Equal(kind.Id, await s.M.WithDbAsync(db => db.PaperConsultations.Where(c => c.Id == consultation).Select(c => c.CustomResultId).SingleAsync()));
    }

    private static Task<HttpResponseMessage> RecordWithGroupsAsync(Setup s, int consultationId, string result, string? votesFor, string? against, string? abstaining,
        params (string Name, string For, string Against, string Abstaining)[] groups)
    {
        var values = new Dictionary<string, string?>
        {
            ["Result.Result"] = result, ["Result.VotesFor"] = votesFor, ["Result.VotesAgainst"] = against, ["Result.VotesAbstaining"] = abstaining,
        };
        for (var i = 0; i < groups.Length; i++)
        {
            values[$"Result.Groups[{i}].Name"] = groups[i].Name;
            values[$"Result.Groups[{i}].VotesFor"] = groups[i].For;
            values[$"Result.Groups[{i}].VotesAgainst"] = groups[i].Against;
            values[$"Result.Groups[{i}].VotesAbstaining"] = groups[i].Abstaining;
        }
        return s.Clerk.SubmitFormAsync(s.PaperPage, values, $"#consultation-{consultationId} form.result-form");
    }

    [Fact]
    public async Task Votes_per_group_are_checked_against_the_totals_and_shown()
    {
        var s = await SetupAsync();
        var consultation = await AddConsultationAsync(s, s.Committee, s.CommitteeMeeting, ConsultationRole.PreliminaryConsultation);
        var group = "Fraktion " + HostileText.Markup;

        // Wrong sums: refused, naming the field, nothing saved.
        var wrong = await RecordWithGroupsAsync(s, consultation, "Approved", "10", "2", "0", (group, "6", "2", "0"), ("SPD", "3", "0", "0"));
        Assert.Contains(await wrong.ErrorsAsync(), e => e.Contains("Stimmen dafür", StringComparison.Ordinal) && e.Contains("Summe der Fraktionen (9)", StringComparison.Ordinal));
        // A negative number in a group's row, and a row without a name.
        var negative = await RecordWithGroupsAsync(s, consultation, "Approved", "", "", "", (group, "-1", "0", "0"), ("", "3", "0", "0"));
        var errors = await negative.ErrorsAsync();
        Assert.Contains(errors, e => e.Contains("Zeile 1", StringComparison.Ordinal) && e.Contains("negative", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Zeile 2", StringComparison.Ordinal) && e.Contains("Namen der Fraktion", StringComparison.Ordinal));
        // Votes per group with a result not reached by vote.
        var postponed = await RecordWithGroupsAsync(s, consultation, "Postponed", "", "", "", ("SPD", "3", "0", "0"));
        Assert.Contains(await postponed.ErrorsAsync(), e => e.Contains("Abstimmung", StringComparison.Ordinal));
        var nothing = await s.M.WithDbAsync(async db => (await db.PaperConsultations.SingleAsync(c => c.Id == consultation), await db.ConsultationGroupVotes.CountAsync()));
        Assert.Null(nothing.Item1.Result);
        Assert.Null(nothing.Item1.VotesFor);
        Assert.Equal(0, nothing.Item2);

        // Right sums, and totals left empty become the sums.
        var right = await RecordWithGroupsAsync(s, consultation, "Rejected", "", "", "", (group, "2", "7", "1"), ("SPD", "3", "1", "0"));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var stored = await s.M.WithDbAsync(db => db.PaperConsultations.Include(c => c.GroupVotes).SingleAsync(c => c.Id == consultation));
        Assert.Equal((ConsultationResult.Rejected, 5, 8, 1), (stored.Result!.Value, stored.VotesFor!.Value, stored.VotesAgainst!.Value, stored.VotesAbstaining!.Value));
        Assert.Equal([group, "SPD"], stored.GroupVotes.OrderBy(g => g.Position).Select(g => g.GroupName));

        var page = await app.CreateBrowserlikeClient().GetDocumentAsync(s.M.PublicPaper(s.PaperId));
        var votes = PrintPlans.Normalize(page.QuerySelector("#consultations .group-votes")!.TextContent);
        Assert.Contains(PrintPlans.Normalize(group) + ": 2 dafür, 7 dagegen, 1 Enthaltung", votes, StringComparison.Ordinal);
        Assert.Contains("SPD: 3 dafür, 1 dagegen, 0 Enthaltungen", votes, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#consultations img"));

        // The clerk's form shows the stored rows again, with empty rows to add more; a result without a vote takes none, and clearing the rows removes them.
        var form = await s.Clerk.GetDocumentAsync(s.PaperPage);
        Assert.Equal(group, form.QuerySelector($"#Result_Groups_0_Name_{Id(consultation)}")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector($"#Result_Groups_4_Name_{Id(consultation)}"));
        var kept = await s.Clerk.RecordResultAsync(s.M, s.PaperId, consultation, "Withdrawn");
        Assert.Contains(await kept.ErrorsAsync(), e => e.Contains("Abstimmung", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await RecordWithGroupsAsync(s, consultation, "Withdrawn", "", "", "", ("", "", "", ""), ("", "", "", ""))).StatusCode);
        Assert.Equal(0, await s.M.WithDbAsync(db => db.ConsultationGroupVotes.CountAsync()));
    }
}

public sealed class ConsultationResultSqliteTests(SqliteApp app) : ConsultationResultTests(app), IClassFixture<SqliteApp>;

public sealed class ConsultationResultPostgresTests(PostgresApp app) : ConsultationResultTests(app), IClassFixture<PostgresApp>;
