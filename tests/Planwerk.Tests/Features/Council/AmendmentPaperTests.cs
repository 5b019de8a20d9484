using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Council;
using Planwerk.Features.Plans;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Council.OParl;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Features.Plans.Print;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Council.CouncilTestSupport;

namespace Planwerk.Tests.Features.Council;

/// <summary>Amendments as papers of their own, through the clerk's pages: begun from the amended paper, brought in by a
/// parliamentary group, a body or the administration, with files, a result and votes in their own consultation (adopted,
/// rejected, withdrawn, taken over by the administration), the plan changes they made, and their rules; shown on the
/// public pages and published in OParl as papers related to the main paper (validated against the official schemas).</summary>
public abstract class AmendmentPaperTests(PlanwerkApp app)
{
    private static string Oparl(TestMunicipality m, string path) => $"/oparl/v1/bodies/{m.Slug}/{path}";

    private sealed record Setup(TestMunicipality M, HttpClient Clerk, int PlanId, int Council, int Group, int Meeting, int Paper);

    private async Task<Setup> SetupAsync()
    {
        var m = await app.CreateMunicipalityAsync();
        var (plan, versionId) = await m.PlanInAsync(PlanState.InDeliberation);
        var clerk = await m.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        var council = await clerk.CreateBodyAsync(m, "Stadtrat", BodyClassification.CityCouncil);
        var group = await clerk.CreateBodyAsync(m, "Fraktion " + HostileText.Script + HostileText.RightToLeft, BodyClassification.ParliamentaryGroup);
        var meeting = await clerk.CreateMeetingAsync(m, council, "Sitzung des Stadtrates", "05.07.2019 14:00");
        var paper = await clerk.SubmitFormAsync(m.Council("/papers/new"), new Dictionary<string, string?>
        {
            ["Input.Reference"] = "V100/19", ["Input.Name"] = "Fachplan", ["Input.Date"] = "2019-04-09", ["Input.PlanId"] = Id(plan.PlanId), ["Input.PlanVersionId"] = Id(versionId),
        }, "#paper-form");
        return new Setup(m, clerk, plan.PlanId, council, group, meeting, paper.RedirectId());
    }

    private static async Task<(int Amendment, int Consultation)> DecidedAmendmentAsync(Setup s, string name, int? originator, string result, params string[] votes)
    {
        var amendment = (await s.Clerk.SubmitAmendmentAsync(s.M, s.Paper, name, originator)).RedirectId();
        var consultation = await s.Clerk.AddConsultationAsync(s.M, amendment, s.Council, s.Meeting, ConsultationRole.Decision);
        var recorded = await s.Clerk.RecordResultAsync(s.M, amendment, consultation, result, votes.ElementAtOrDefault(0) ?? "", votes.ElementAtOrDefault(1) ?? "", votes.ElementAtOrDefault(2) ?? "");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        return (amendment, consultation);
    }

    [Fact]
    public async Task Amendments_are_papers_with_originator_text_files_result_and_votes_on_the_pages_and_in_OParl()
    {
        var s = await SetupAsync();
        var m = s.M;

        // Begun from the amended paper: the reference, the type and the amended paper are suggested.
        var form = await s.Clerk.GetDocumentAsync(m.Council("/papers/new?amends=" + Id(s.Paper)));
        Assert.Equal("V100/19-ÄA1", form.QuerySelector("#Input_Reference")!.GetAttribute("value"));
        Assert.Equal("Änderungsantrag", form.QuerySelector("#Input_PaperType")!.GetAttribute("value"));
        Assert.Equal(Id(s.Paper), form.QuerySelector("#Input_AmendsPaperId option[selected]")!.GetAttribute("value"));
        // Groups are offered as originators, not as deliberating bodies.
        Assert.NotNull(form.QuerySelector($"#Input_OriginatorBodyId optgroup option[value='{Id(s.Group)}']"));
        var text = "Die Lerncafés **auch** in den Stadtteilen. " + HostileText.Script + " " + HostileText.RightToLeft;
        var created = await s.Clerk.SubmitAmendmentAsync(m, s.Paper, "Lerncafés in den Stadtteilen", s.Group, text);
        var taken = created.RedirectId();
        var stored = await m.WithDbAsync(db => db.Papers.AsNoTracking().SingleAsync(p => p.Id == taken));
        Assert.Equal(("V100/19-ÄA1", "Änderungsantrag", (int?)s.Paper, (int?)s.Group, text, (int?)null),
            (stored.Reference, stored.PaperType, stored.AmendsPaperId, stored.OriginatorBodyId, stored.ResolutionText, stored.PlanId));
        Assert.Equal(HttpStatusCode.Redirect, (await s.Clerk.UploadPaperFileAsync(m, taken, Pdf, "antrag.pdf", "Antrag der Fraktion")).StatusCode);

        // Taken over by the administration: settled without a vote, so votes are refused and named.
        var consultation = await s.Clerk.AddConsultationAsync(m, taken, s.Council, s.Meeting, ConsultationRole.Decision);
        var withVotes = await s.Clerk.RecordResultAsync(m, taken, consultation, "TakenOver", "3", "", "");
        Assert.Contains(await withVotes.ErrorsAsync(), e => e.StartsWith("Stimmen dafür: Stimmen gibt es nur", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await s.Clerk.RecordResultAsync(m, taken, consultation, "TakenOver")).StatusCode);
        // Rejected by vote, brought in by the administration; and withdrawn.
        var (rejected, _) = await DecidedAmendmentAsync(s, "Mehr Personal", null, "Rejected", "10", "30", "1");
        var (withdrawn, _) = await DecidedAmendmentAsync(s, "Zurückgezogener Antrag", s.Group, "Withdrawn");
        Assert.Equal(["V100/19-ÄA1", "V100/19-ÄA2", "V100/19-ÄA3"],
            await m.WithDbAsync(db => db.Papers.Where(p => p.AmendsPaperId == s.Paper).OrderBy(p => p.Id).Select(p => p.Reference).ToListAsync()));

        // The clerk's page of the amended paper lists them with their results.
        var manage = await s.Clerk.GetDocumentAsync(m.Council("/papers/" + Id(s.Paper)));
        var rows = manage.QuerySelectorAll("#amendment-list tbody tr").Select(r => PrintPlans.Normalize(r.TextContent)).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("von der Verwaltung übernommen", rows[0], StringComparison.Ordinal);
        Assert.Contains("Verwaltung", rows[1], StringComparison.Ordinal);
        Assert.Contains("abgelehnt (10 dafür, 30 dagegen, 1 Enthaltung)", rows[1], StringComparison.Ordinal);
        Assert.Contains("zurückgezogen", rows[2], StringComparison.Ordinal);
        Assert.Equal(m.Council("/papers/new") + "?amends=" + Id(s.Paper), manage.QuerySelector("#new-amendment")!.GetAttribute("href"));
        var amendmentPage = await s.Clerk.GetDocumentAsync(m.Council("/papers/" + Id(taken)));
        Assert.Equal(m.Council("/papers/" + Id(s.Paper)), amendmentPage.QuerySelector("#amends a")!.GetAttribute("href"));
        Assert.Null(amendmentPage.QuerySelector("#amendments"));

        // The public pages: the amended paper lists them, each has its own page naming the paper it amends.
        var anonymous = app.CreateBrowserlikeClient();
        var raw = await (await anonymous.GetAsync(m.PublicPaper(s.Paper))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", raw, StringComparison.Ordinal);
        var main = await anonymous.GetDocumentAsync(m.PublicPaper(s.Paper));
        var listed = PrintPlans.Normalize(main.QuerySelector("#amendments")!.TextContent);
        Assert.Contains("V100/19-ÄA1: Lerncafés in den Stadtteilen", listed, StringComparison.Ordinal);
        Assert.Contains("Fraktion " + HostileText.Script, listed, StringComparison.Ordinal);
        Assert.Contains("von der Verwaltung übernommen – Stadtrat, Sitzung des Stadtrates, 05.07.2019, 14:00 Uhr", listed, StringComparison.Ordinal);
        Assert.Contains("abgelehnt (10 dafür, 30 dagegen, 1 Enthaltung)", listed, StringComparison.Ordinal);
        Assert.Equal(m.PublicPaper(taken), main.QuerySelector($"#amendment-{taken} a")!.GetAttribute("href"));
        Assert.Equal(3, main.QuerySelectorAll("#timeline li.timeline-amendment").Length);
        var own = await anonymous.GetDocumentAsync(m.PublicPaper(taken));
        Assert.Equal(m.PublicPaper(s.Paper), own.QuerySelector("#amends a")!.GetAttribute("href"));
        Assert.Contains(HostileText.RightToLeft, own.QuerySelector("#originator")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Antragstext", own.QuerySelector("#resolution-title")!.TextContent);
        Assert.Equal("auch", own.QuerySelector("#resolution strong")!.TextContent);
        Assert.Equal("Verwaltung", PrintPlans.Normalize((await anonymous.GetDocumentAsync(m.PublicPaper(rejected))).QuerySelector("#originator")!.TextContent));

        // OParl: each amendment is a paper related to the main paper as its subordinate; the group is an organization.
        var client = app.CreateClient();
        var amendmentJson = await client.GetJsonAsync(Oparl(m, "papers/" + Id(taken)));
        OParlSchemas.AssertValid(amendmentJson, "Paper", "amendment");
        Assert.Equal([Url(m, "papers", s.Paper)], Strings(amendmentJson, "superordinatedPaper"));
        Assert.Equal([Url(m, "organizations", s.Group)], Strings(amendmentJson, "originatorOrganization"));
        Assert.Equal("Antrag der Fraktion", amendmentJson.GetProperty("mainFile").GetProperty("name").GetString());
        var decided = amendmentJson.GetProperty("consultation")[0];
        Assert.True(decided.GetProperty("authoritative").GetBoolean());
        Assert.Equal(["von der Verwaltung übernommen"], Strings(decided, "keyword"));
        var mainJson = await client.GetJsonAsync(Oparl(m, "papers/" + Id(s.Paper)));
        OParlSchemas.AssertValid(mainJson, "Paper", "main paper");
        Assert.Equal([Url(m, "papers", taken), Url(m, "papers", rejected), Url(m, "papers", withdrawn)], Strings(mainJson, "subordinatedPaper"));
        Assert.False(mainJson.TryGetProperty("superordinatedPaper", out _));
        var group = await client.GetJsonAsync(Oparl(m, "organizations/" + Id(s.Group)));
        OParlSchemas.AssertValid(group, "Organization", "group");
        Assert.Equal(("Fraktion", "Fraktion"), (group.GetProperty("organizationType").GetString(), group.GetProperty("classification").GetString()));

        // A new amendment changes the amended paper for clients that sync; an unchanged amendment is not listed again.
        var since = DateTimeOffset.UtcNow;
        await Task.Delay(10);
        var later = (await s.Clerk.SubmitAmendmentAsync(m, s.Paper, "Später Antrag")).RedirectId();
        var changed = await client.GetJsonAsync(Oparl(m, "papers?modified_since=" + Uri.EscapeDataString(since.ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture))));
        var ids = changed.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Equal([Url(m, "papers", s.Paper), Url(m, "papers", later)], ids);
        // Deleting it changes the amended paper again.
        var beforeDelete = DateTimeOffset.UtcNow;
        await Task.Delay(10);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Clerk.SubmitFormAsync(m.Council("/papers/" + Id(later)), new Dictionary<string, string?>(), "#paper-delete-form")).StatusCode);
        var afterDelete = await client.GetJsonAsync(Oparl(m, "papers?modified_since=" + Uri.EscapeDataString(beforeDelete.ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture))));
        var entries = afterDelete.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal([Url(m, "papers", s.Paper), Url(m, "papers", later)], entries.Select(p => p.GetProperty("id").GetString()));
        Assert.True(entries[1].GetProperty("deleted").GetBoolean());
        Assert.Equal(3, Strings(entries[0], "subordinatedPaper").Count);
    }

    [Fact]
    public async Task The_rules_of_amendments_are_kept_and_each_refusal_is_named()
    {
        var s = await SetupAsync();
        var m = s.M;
        var (amendment, _) = await DecidedAmendmentAsync(s, "Abgelehnt", s.Group, "Rejected", "1", "40", "0");
        var other = (await s.Clerk.SubmitFormAsync(m.Council("/papers/new"), new Dictionary<string, string?>
        {
            ["Input.Reference"] = "V200/19", ["Input.Name"] = "Andere Vorlage", ["Input.Date"] = "2019-04-10",
        }, "#paper-form")).RedirectId();

        // An amendment of an amendment, a paper with amendments as an amendment, a plan of its own: each refused at its field.
        var nested = await s.Clerk.SubmitFormAsync(m.Council("/papers/new"), new Dictionary<string, string?>
        {
            ["Input.Reference"] = "X/1", ["Input.Name"] = "Verschachtelt", ["Input.Date"] = "2019-04-10", ["Input.AmendsPaperId"] = Id(amendment),
        }, "#paper-form");
        Assert.Contains("Änderungsantrag zu: Bitte wählen Sie eine Vorlage, die nicht selbst ein Änderungsantrag ist.", await nested.ErrorsAsync());
        var mainAsAmendment = await s.Clerk.SubmitFormAsync(m.Council("/papers/" + Id(s.Paper)), new Dictionary<string, string?>
        {
            ["Input.AmendsPaperId"] = Id(other), ["Input.PlanId"] = "", ["Input.PlanVersionId"] = "",
        }, "#paper-form");
        Assert.Contains("Änderungsantrag zu: Zu dieser Vorlage gibt es selbst Änderungsanträge; sie kann kein Änderungsantrag sein.", await mainAsAmendment.ErrorsAsync());
        var withPlan = await s.Clerk.SubmitAmendmentAsync(m, s.Paper, "Mit Plan");
        Assert.Equal(HttpStatusCode.Redirect, withPlan.StatusCode);
        var planned = await s.Clerk.SubmitFormAsync(m.Council("/papers/" + Id(withPlan.RedirectId())), new Dictionary<string, string?> { ["Input.PlanId"] = Id(s.PlanId) }, "#paper-form");
        Assert.Contains("Plan: Ein Änderungsantrag gehört zum Plan der Vorlage, die er ändert; wählen Sie hier keinen Plan.", await planned.ErrorsAsync());
        Assert.Null(await m.WithDbAsync(db => db.Papers.Where(p => p.Id == withPlan.RedirectId()).Select(p => p.PlanId).SingleAsync()));

        // Plan changes: only of the amended paper's plan, and only once the amendment is adopted or taken over.
        var change = await m.ChangeMeasureAsync(await m.WithDbAsync(db => db.Measures.Where(x => x.PlanId == s.PlanId).Select(x => x.Id).FirstAsync()), "Geändert " + HostileText.RightToLeft);
        var url = m.Council("/papers/" + Id(amendment));
        var tooEarly = await s.Clerk.SubmitFormAsync(url, new Dictionary<string, string?> { ["Changes.ChangeIds"] = change.ToString(CultureInfo.InvariantCulture) }, "#changes-form");
        Assert.Contains(await tooEarly.ErrorsAsync(), e => e.StartsWith("Planänderungen: Nur ein angenommener oder von der Verwaltung übernommener", StringComparison.Ordinal));
        var foreign = await s.Clerk.SubmitFormAsync(url, new Dictionary<string, string?> { ["Changes.ChangeIds"] = "999999" }, "#changes-form");
        Assert.Contains("Planänderungen: Bitte wählen Sie nur Änderungen des Plans der geänderten Vorlage.", await foreign.ErrorsAsync());
        Assert.Equal(0, await m.WithDbAsync(db => db.AmendmentChangeLinks.CountAsync()));
        var consultation = await m.WithDbAsync(db => db.PaperConsultations.Where(c => c.PaperId == amendment).Select(c => c.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await s.Clerk.RecordResultAsync(m, amendment, consultation, "Approved", "30", "10", "0")).StatusCode);
        var stale = await s.Clerk.GetDocumentAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Clerk.SubmitFormAsync(url, new Dictionary<string, string?> { ["Changes.ChangeIds"] = change.ToString(CultureInfo.InvariantCulture) }, "#changes-form")).StatusCode);
        Assert.Equal([change], await m.WithDbAsync(db => db.AmendmentChangeLinks.Where(l => l.AmendmentId == amendment).Select(l => l.ChangeRecordId).ToListAsync()));
        // A form loaded before that save is refused, and the links stay.
        var conflict = await s.Clerk.SubmitFormAsync(stale, url, new Dictionary<string, string?> { ["Changes.ChangeIds"] = null }, "#changes-form");
        Assert.Contains(await conflict.ErrorsAsync(), e => e.StartsWith("Dieser Änderungsantrag wurde inzwischen von jemand anderem geändert.", StringComparison.Ordinal));
        Assert.Equal(1, await m.WithDbAsync(db => db.AmendmentChangeLinks.CountAsync()));
        // With linked changes, the amended paper is not switched.
        var switched = await s.Clerk.SubmitFormAsync(url, new Dictionary<string, string?> { ["Input.AmendsPaperId"] = Id(other) }, "#paper-form");
        Assert.Contains(await switched.ErrorsAsync(), e => e.StartsWith("Änderungsantrag zu: Mit diesem Antrag sind Planänderungen verknüpft", StringComparison.Ordinal));

        // The public page of the amended paper shows the change under the amendment once the plan is public.
        await m.WithDbAsync(async db => { (await db.Plans.SingleAsync(p => p.Id == s.PlanId)).IsPublic = true; return await db.SaveChangesAsync(); });
        var page = await app.CreateBrowserlikeClient().GetDocumentAsync(m.PublicPaper(s.Paper));
        Assert.Contains(HostileText.RightToLeft, page.QuerySelector($"#amendments .changes")!.TextContent, StringComparison.Ordinal);

        // A paper with amendments is not deleted, nor a group that brought a paper in.
        var delete = await s.Clerk.SubmitFormAsync(m.Council("/papers/" + Id(other)), new Dictionary<string, string?>(), "#paper-delete-form");
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        var mainDelete = await s.Clerk.SubmitFormAsync(m.Council("/papers/" + Id(s.Paper)), new Dictionary<string, string?>(), "#paper-delete-form");
        Assert.Contains("Zu dieser Vorlage gibt es Änderungsanträge; löschen Sie zuerst diese.", await mainDelete.ErrorsAsync());
        var groupPage = await s.Clerk.GetDocumentAsync(m.Council("/bodies/" + Id(s.Group)));
        Assert.Null(groupPage.QuerySelector("#body-delete-form"));
        var groupDelete = await s.Clerk.PostWithTokenAsync(m.Council("/bodies/" + Id(s.Group)) + "?handler=Delete", await s.Clerk.AntiforgeryTokenAsync(), new Dictionary<string, string>());
        Assert.Contains(await groupDelete.ErrorsAsync(), e => e.Contains("eingebrachte Vorlagen", StringComparison.Ordinal));
        Assert.True(await m.WithDbAsync(db => db.Papers.AnyAsync(p => p.Id == s.Paper)) && await m.WithDbAsync(db => db.CouncilBodies.AnyAsync(b => b.Id == s.Group)));
    }

    private static string Url(TestMunicipality m, string kind, int id) => $"http://localhost/oparl/v1/bodies/{m.Slug}/{kind}/{Id(id)}";

    private static List<string?> Strings(JsonElement value, string property) =>
        value.TryGetProperty(property, out var list) ? list.EnumerateArray().Select(e => e.GetString()).ToList() : [];
}

public sealed class AmendmentPaperSqliteTests(SqliteApp app) : AmendmentPaperTests(app), IClassFixture<SqliteApp>;

public sealed class AmendmentPaperPostgresTests(PostgresApp app) : AmendmentPaperTests(app), IClassFixture<PostgresApp>;
