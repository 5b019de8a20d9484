using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Council;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Features.Plans.Versions;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Plans.Print;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Council;

public static class CouncilTestSupport
{
    public static string Council(this TestMunicipality m, string path = "") => $"/{m.Slug}/manage/council{path}";

    public static string PublicPaper(this TestMunicipality m, int id) => string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/council/papers/{id}");

    public static string PublicMeeting(this TestMunicipality m, int id) => string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/council/meetings/{id}");

    public static string PublicFile(this TestMunicipality m, int id) => string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/council/files/{id}");

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A plan with two fields of two measures in the given state, and a named version of it.</summary>
    public static async Task<(SeededPlan Plan, int VersionId)> PlanInAsync(this TestMunicipality m, PlanState state)
    {
        var plan = await PrintPlans.SeedAsync(m, fieldCount: 2, measureCount: 4, title: "Fachplan " + Guid.NewGuid().ToString("N")[..6]);
        var versionId = await m.WithDbAsync(async db =>
        {
            var stored = await db.Plans.SingleAsync(p => p.Id == plan.PlanId);
            stored.State = state;
            var document = await PlanDocument.LoadAsync(db, plan.PlanId);
            var version = new PlanVersion { PlanId = plan.PlanId, Name = "Ratsfassung", CreatedAt = DateTimeOffset.UtcNow, Document = Encoding.UTF8.GetString(document!.ToJson()) };
            db.PlanVersions.Add(version);
            await db.SaveChangesAsync();
            return version.Id;
        });
        return (plan, versionId);
    }

    /// <summary>The id at the end of a redirect's address ("…/papers/12#files" gives 12).</summary>
    public static int RedirectId(this HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");
        var path = response.RedirectTarget().Split('#')[0].Split('?')[0];
        return int.Parse(path[(path.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
    }

    public static async Task<int> CreateBodyAsync(this HttpClient client, TestMunicipality m, string name, BodyClassification kind)
    {
        var response = await client.SubmitFormAsync(m.Council("/bodies/new"), new Dictionary<string, string?> { ["Input.Name"] = name, ["Input.Classification"] = kind.ToString() }, "#body-form");
        return response.RedirectId();
    }

    /// <summary>A meeting starting at <paramref name="start"/>, "TT.MM.JJJJ HH:MM" or "TT.MM.JJJJ" (only the day known),
    /// sent as the form's date and time fields.</summary>
    public static async Task<int> CreateMeetingAsync(this HttpClient client, TestMunicipality m, int bodyId, string name, string start)
    {
        var (date, time) = MeetingFields(start);
        var response = await client.SubmitFormAsync(m.Council("/meetings/new"), new Dictionary<string, string?>
        {
            ["Input.BodyId"] = Id(bodyId), ["Input.Name"] = name, ["Input.StartDate"] = date, ["Input.StartTime"] = time, ["Input.Location"] = "Neues Rathaus", ["Input.State"] = "Held",
        }, "#meeting-form");
        return response.RedirectId();
    }

    /// <summary>An amendment to a paper, made through the pages as a clerk begins it from the amended paper (its reference
    /// and type suggested there), brought in by a body or group, or by the administration when none is given.</summary>
    public static async Task<HttpResponseMessage> SubmitAmendmentAsync(this HttpClient client, TestMunicipality m, int paperId, string name,
        int? originatorBodyId = null, string text = "", string? reference = null)
    {
        var fields = new Dictionary<string, string?>
        {
            ["Input.Name"] = name, ["Input.OriginatorBodyId"] = originatorBodyId is int o ? Id(o) : "", ["Input.ResolutionText"] = text,
        };
        if (reference is not null) fields["Input.Reference"] = reference;
        return await client.SubmitFormAsync(m.Council("/papers/new?amends=" + Id(paperId)), fields, "#paper-form");
    }

    /// <summary>A consultation appended to a paper's path through its page; its id.</summary>
    public static async Task<int> AddConsultationAsync(this HttpClient client, TestMunicipality m, int paperId, int bodyId, int? meetingId, ConsultationRole role)
    {
        var response = await client.SubmitFormAsync(m.Council("/papers/" + Id(paperId)), new Dictionary<string, string?>
        {
            ["NewConsultation.BodyId"] = Id(bodyId), ["NewConsultation.MeetingId"] = meetingId is int mid ? Id(mid) : "", ["NewConsultation.Role"] = role.ToString(),
        }, "#consultation-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await m.WithDbAsync(db => db.PaperConsultations.Where(c => c.PaperId == paperId).OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync());
    }

    public static async Task<HttpResponseMessage> UploadPaperFileAsync(this HttpClient client, TestMunicipality m, int paperId, byte[] content, string fileName, string title = "")
    {
        var page = await client.GetDocumentAsync(m.Council("/papers/" + Id(paperId)));
        var form = (IHtmlFormElement)page.QuerySelector("#file-form")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new MultipartFormDataContent();
        body.Add(new StringContent(token), "__RequestVerificationToken");
        body.Add(new StringContent(title), "NewFile.Name");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        body.Add(file, "NewFile.Upload", fileName);
        return await client.PostAsync(form.GetAttribute("action"), body);
    }

    public static async Task<HttpResponseMessage> RecordResultAsync(this HttpClient client, TestMunicipality m, int paperId, int consultationId,
        string? result, string? votesFor = "", string? against = "", string? abstaining = "") =>
        await client.SubmitFormAsync(m.Council("/papers/" + Id(paperId)), new Dictionary<string, string?>
        {
            ["Result.Result"] = result ?? "", ["Result.VotesFor"] = votesFor, ["Result.VotesAgainst"] = against, ["Result.VotesAbstaining"] = abstaining,
        }, $"#consultation-{consultationId} form.result-form");

    public static async Task<IReadOnlyList<string>> ErrorsAsync(this HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected the page again with errors, got {(int)response.StatusCode}");
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return document.QuerySelectorAll(".error-summary li, .field-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
    }

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    /// <summary>"05.07.2019 16:00" as the meeting form's fields: ("2019-07-05", "16:00"); a date alone gives an empty time.</summary>
    public static (string Date, string Time) MeetingFields(string start)
    {
        var parts = start.Split(' ', 2);
        var day = DateOnly.ParseExact(parts[0], "dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return (day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), parts.Length > 1 ? parts[1] : "");
    }
}
