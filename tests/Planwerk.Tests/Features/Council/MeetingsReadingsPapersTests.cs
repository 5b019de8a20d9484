using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Council;
using Planwerk.Infrastructure.Time;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Council.OParl;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Council.CouncilTestSupport;

namespace Planwerk.Tests.Features.Council;

/// <summary>Special sessions and meetings with only a date, readings of agenda items, revised papers (Neufassung), the
/// resolution text, the main file and the files' order and document dates: through the clerk's forms, on the public
/// pages and in OParl (validated against the official schemas).</summary>
public abstract class MeetingsReadingsPapersTests(PlanwerkApp app)
{
    private static string Oparl(TestMunicipality m, string path) => $"/oparl/v1/bodies/{m.Slug}/{path}";

    private static void AssertValid(JsonElement value, string type) => OParlSchemas.AssertValid(value, type, type);

    private async Task<int> PaperAsync(HttpClient clerk, TestMunicipality m, string reference, Dictionary<string, string?>? more = null)
    {
        var fields = new Dictionary<string, string?> { ["Input.Reference"] = reference, ["Input.Name"] = "Fachplan " + reference, ["Input.Date"] = "2019-04-09" };
        foreach (var (k, v) in more ?? []) fields[k] = v;
        var response = await clerk.SubmitFormAsync(m.Council("/papers/new"), fields, "#paper-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.RedirectId();
    }

    [Fact]
    public async Task A_special_session_with_only_a_date_is_shown_as_a_date_and_published_from_the_start_of_its_day()
    {
        var m = await app.CreateMunicipalityAsync();
        var clerk = await m.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        var body = await clerk.CreateBodyAsync(m, "Stadtrat", BodyClassification.CityCouncil);
        var response = await clerk.SubmitFormAsync(m.Council("/meetings/new"), new Dictionary<string, string?>
        {
            ["Input.BodyId"] = Id(body), ["Input.Name"] = "Sondersitzung " + HostileText.Script, ["Input.StartDate"] = "2019-07-05", ["Input.StartTime"] = "",
            ["Input.IsSpecialSession"] = "true", ["Input.State"] = "Scheduled",
        }, "#meeting-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = response.RedirectId();
        var stored = await m.WithDbAsync(db => db.Meetings.SingleAsync(x => x.Id == id));
        Assert.True(stored.StartTimeUnknown);
        Assert.True(stored.IsSpecialSession);
        Assert.Equal(BerlinTime.StartOfDay(new DateOnly(2019, 7, 5)), stored.Start);

        // The form shows the date and an empty time again.
        var form = await clerk.GetDocumentAsync(m.Council("/meetings/" + Id(id)));
        Assert.Equal(("2019-07-05", "", "time"), (form.QuerySelector("#Input_StartDate")!.GetAttribute("value"), form.QuerySelector("#Input_StartTime")!.GetAttribute("value") ?? "",
            form.QuerySelector("#Input_StartTime")!.GetAttribute("type")));

        var page = await app.CreateBrowserlikeClient().GetDocumentAsync(m.PublicMeeting(id));
        Assert.Equal("05.07.2019", page.QuerySelector("#time")!.TextContent.Trim());
        Assert.Equal("Sondersitzung", page.QuerySelector("#special-session")!.TextContent.Trim());
        Assert.Contains("Sondersitzung " + HostileText.Script, page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        // The public list and the council's index show the date alone too.
        var list = await app.CreateBrowserlikeClient().GetDocumentAsync($"/{m.Slug}/council/meetings");
        Assert.Equal(("05.07.2019", "2019-07-05"), (list.QuerySelector("tbody time")!.TextContent.Trim(), list.QuerySelector("tbody time")!.GetAttribute("datetime")));

        var json = await app.CreateClient().GetJsonAsync(Oparl(m, "meetings/" + Id(id)));
        AssertValid(json, "Meeting");
        Assert.Equal("2019-07-05T00:00:00+02:00", json.GetProperty("start").GetString());
        Assert.Equal(["Sondersitzung", "Uhrzeit offen"], json.GetProperty("keyword").EnumerateArray().Select(k => k.GetString()!).ToArray());

        // A time given later replaces the open time, and the keyword goes.
        var timed = await clerk.SubmitFormAsync(m.Council("/meetings/" + Id(id)), new Dictionary<string, string?> { ["Input.StartTime"] = "16:00", ["Input.EndTime"] = "18:30", ["Input.IsSpecialSession"] = "false" }, "#meeting-form");
        Assert.Equal(HttpStatusCode.Redirect, timed.StatusCode);
        var again = await app.CreateClient().GetJsonAsync(Oparl(m, "meetings/" + Id(id)));
        Assert.Equal(("2019-07-05T16:00:00+02:00", "2019-07-05T18:30:00+02:00"), (again.GetProperty("start").GetString(), again.GetProperty("end").GetString()));
        Assert.False(again.TryGetProperty("keyword", out _));
        var timedPage = await app.CreateBrowserlikeClient().GetDocumentAsync(m.PublicMeeting(id));
        Assert.Equal("05.07.2019, 16:00 Uhr – 18:30 Uhr", timedPage.QuerySelector("#time")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("Input.StartDate", "", "", "Datum")]
    [InlineData("Input.StartTime", "25:99", "", "Uhrzeit")]
    [InlineData("Input.StartTime", "<script>", "", "Uhrzeit")]
    [InlineData("Input.EndTime", "", "18:00", "Ende (Uhrzeit)")]
    [InlineData("Input.EndTime", "16:00", "15:00", "Ende")]
    [InlineData("Input.StartTime", "02:30", "", "Sommerzeit")]
    public async Task A_meeting_s_wrong_date_or_time_is_refused_naming_the_field_and_nothing_is_saved(string field, string startTime, string endTime, string named)
    {
        var m = await app.CreateMunicipalityAsync();
        var clerk = await m.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        var body = await clerk.CreateBodyAsync(m, "Stadtrat", BodyClassification.CityCouncil);
        var id = await clerk.CreateMeetingAsync(m, body, "Sitzung", "05.07.2019 16:00");
        var before = await m.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(x => x.Id == id));
        // 31 March 2019, 02:30 does not exist in Berlin (the clocks go forward).
        var date = startTime == "02:30" ? "2019-03-31" : field == "Input.StartDate" ? "" : "2019-07-05";

        var response = await clerk.SubmitFormAsync(m.Council("/meetings/" + Id(id)), new Dictionary<string, string?>
        {
            ["Input.StartDate"] = date, ["Input.StartTime"] = startTime, ["Input.EndTime"] = endTime, ["Input.Name"] = "Geändert",
        }, "#meeting-form");

        var errors = await response.ErrorsAsync();
        Assert.Contains(errors, e => e.Contains(named, StringComparison.Ordinal));
        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal("true", page.QuerySelector("#" + field.Replace('.', '_'))!.GetAttribute("aria-invalid"));
        var after = await m.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal((before.Name, before.Start, before.Version), (after.Name, after.Start, after.Version));
    }

    [Fact]
    public async Task An_agenda_item_s_reading_is_edited_shown_and_published_as_keyword()
    {
        var m = await app.CreateMunicipalityAsync();
        var clerk = await m.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        var body = await clerk.CreateBodyAsync(m, "Stadtrat", BodyClassification.CityCouncil);
        var meeting = await clerk.CreateMeetingAsync(m, body, "Sitzung", "05.07.2019 16:00");
        var added = await clerk.SubmitFormAsync(m.Council("/meetings/" + Id(meeting)), new Dictionary<string, string?>
        {
            ["Item.Number"] = "Ö 3", ["Item.Order"] = "3", ["Item.Name"] = "Haushalt " + HostileText.RightToLeft, ["Item.Reading"] = "First",
        }, "#item-form");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var itemId = await m.WithDbAsync(db => db.AgendaItems.Where(i => i.MeetingId == meeting).Select(i => i.Id).SingleAsync());
        Assert.Equal(Reading.First, await m.WithDbAsync(db => db.AgendaItems.Where(i => i.Id == itemId).Select(i => i.Reading).SingleAsync()));
        var clerkPage = await clerk.GetDocumentAsync(m.Council("/meetings/" + Id(meeting)));
        Assert.Contains("1. Lesung", clerkPage.QuerySelector($"#item-{itemId}")!.TextContent, StringComparison.Ordinal);

        var itemUrl = m.Council($"/meetings/{Id(meeting)}/items/{Id(itemId)}");
        var edited = await clerk.SubmitFormAsync(itemUrl, new Dictionary<string, string?> { ["Item.Reading"] = "Second" }, "#item-edit-form");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var publicPage = await app.CreateBrowserlikeClient().GetDocumentAsync(m.PublicMeeting(meeting));
        Assert.Equal("(2. Lesung)", publicPage.QuerySelector("#agenda .reading")!.TextContent.Trim());
        var json = await app.CreateClient().GetJsonAsync(Oparl(m, "agendaitems/" + Id(itemId)));
        AssertValid(json, "AgendaItem");
        Assert.Equal(["2. Lesung"], json.GetProperty("keyword").EnumerateArray().Select(k => k.GetString()!).ToArray());

        // A reading not in the list is refused naming the field; a stale form is shown the stored state.
        var wrong = await clerk.SubmitFormAsync(itemUrl, new Dictionary<string, string?> { ["Item.Reading"] = "Third" }, "#item-edit-form");
        Assert.Contains(await wrong.ErrorsAsync(), e => e.Contains("Lesung", StringComparison.Ordinal));
        var stalePage = await clerk.GetDocumentAsync(itemUrl);
        await clerk.SubmitFormAsync(itemUrl, new Dictionary<string, string?> { ["Item.Reading"] = "None" }, "#item-edit-form");
        var stale = await clerk.SubmitFormAsync(stalePage, itemUrl, new Dictionary<string, string?> { ["Item.Reading"] = "First" }, "#item-edit-form");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(Reading.None, await m.WithDbAsync(db => db.AgendaItems.Where(i => i.Id == itemId).Select(i => i.Reading).SingleAsync()));
        var none = await app.CreateClient().GetJsonAsync(Oparl(m, "agendaitems/" + Id(itemId)));
        Assert.False(none.TryGetProperty("keyword", out _));
    }

    [Fact]
    public async Task A_revised_paper_links_to_the_one_it_replaces_both_ways_and_never_to_itself_or_in_a_cycle()
    {
        var m = await app.CreateMunicipalityAsync();
        var clerk = await m.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        var original = await PaperAsync(clerk, m, "V0001/19");
        var revision = await PaperAsync(clerk, m, "V0001/19-NF1", new()
        {
            ["Input.ReplacesPaperId"] = Id(original), ["Input.ResolutionText"] = "Der Stadtrat **beschließt** den Fachplan. " + HostileText.Script,
        });
        Assert.Equal(original, await m.WithDbAsync(db => db.Papers.Where(p => p.Id == revision).Select(p => p.ReplacesPaperId).SingleAsync()));

        var publicOriginal = await app.CreateBrowserlikeClient().GetDocumentAsync(m.PublicPaper(original));
        Assert.Contains("V0001/19-NF1", publicOriginal.QuerySelector(".replaced-by")!.TextContent, StringComparison.Ordinal);
        var publicRevision = await app.CreateBrowserlikeClient().GetDocumentAsync(m.PublicPaper(revision));
        Assert.Contains("V0001/19", publicRevision.QuerySelector("#replaces")!.TextContent, StringComparison.Ordinal);
        var resolution = publicRevision.QuerySelector("#resolution .markdown")!;
        Assert.Equal("beschließt", resolution.QuerySelector("strong")!.TextContent);
        Assert.Null(resolution.QuerySelector("script"));
        var clerkOriginal = await clerk.GetDocumentAsync(m.Council("/papers/" + Id(original)));
        Assert.Contains("V0001/19-NF1", clerkOriginal.QuerySelector("#replaced-by")!.TextContent, StringComparison.Ordinal);

        var client = app.CreateClient();
        var oparlOriginal = await client.GetJsonAsync(Oparl(m, "papers/" + Id(original)));
        var oparlRevision = await client.GetJsonAsync(Oparl(m, "papers/" + Id(revision)));
        AssertValid(oparlOriginal, "Paper");
        AssertValid(oparlRevision, "Paper");
        Assert.Equal([oparlRevision.GetProperty("id").GetString()!], oparlOriginal.GetProperty("relatedPaper").EnumerateArray().Select(p => p.GetString()!).ToArray());
        Assert.Equal([oparlOriginal.GetProperty("id").GetString()!], oparlRevision.GetProperty("relatedPaper").EnumerateArray().Select(p => p.GetString()!).ToArray());
        Assert.False(oparlRevision.TryGetProperty("superordinatedPaper", out _));

        // Itself, and a cycle (the original made a revision of its own revision): refused naming the field, nothing saved.
        var itself = await clerk.SubmitFormAsync(m.Council("/papers/" + Id(original)), new Dictionary<string, string?> { ["Input.ReplacesPaperId"] = Id(original) }, "#paper-form");
        Assert.Contains(await itself.ErrorsAsync(), e => e.StartsWith("Neufassung von", StringComparison.Ordinal));
        var cycle = await clerk.SubmitFormAsync(m.Council("/papers/" + Id(original)), new Dictionary<string, string?> { ["Input.ReplacesPaperId"] = Id(revision), ["Input.Name"] = "Anders" }, "#paper-form");
        Assert.Contains(await cycle.ErrorsAsync(), e => e.Contains("eigene Neufassung", StringComparison.Ordinal));
        var kept = await m.WithDbAsync(db => db.Papers.AsNoTracking().SingleAsync(p => p.Id == original));
        Assert.Equal(("Fachplan V0001/19", (int?)null), (kept.Name, kept.ReplacesPaperId));

        // Another municipality's paper is not in the list.
        var other = await app.CreateMunicipalityAsync();
        var otherClerk = await other.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        var foreign = await PaperAsync(otherClerk, other, "X1");
        var refused = await clerk.SubmitFormAsync(m.Council("/papers/" + Id(original)), new Dictionary<string, string?> { ["Input.ReplacesPaperId"] = Id(foreign) }, "#paper-form");
        Assert.Contains(await refused.ErrorsAsync(), e => e.StartsWith("Neufassung von", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_clerk_chooses_the_main_file_and_orders_the_files_and_each_file_bears_its_document_date()
    {
        var m = await app.CreateMunicipalityAsync();
        var clerk = await m.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        var paper = await PaperAsync(clerk, m, "V0002/19");
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.UploadPaperFileAsync(m, paper, Pdf, "vorlage.pdf", "Vorlage")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.UploadPaperFileAsync(m, paper, Pdf, "anlage1.pdf", "Anlage 1")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.UploadPaperFileAsync(m, paper, Pdf, "anlage2.pdf", "Anlage 2 " + HostileText.Script)).StatusCode);
        var files = await m.WithDbAsync(db => db.PaperFiles.Where(f => f.PaperId == paper).OrderBy(f => f.Id).Select(f => new { f.Id, f.Position, f.DocumentDate }).ToListAsync());
        Assert.Equal([1, 2, 3], files.Select(f => f.Position));
        // Without a date given, the paper's date, not the upload day.
        Assert.All(files, f => Assert.Equal(new DateOnly(2019, 4, 9), f.DocumentDate));

        var url = m.Council("/papers/" + Id(paper));
        var main = await clerk.SubmitFormAsync(url, new Dictionary<string, string?>(), $"#file-{files[2].Id} form[action*='handler=MainFile']");
        Assert.Equal(HttpStatusCode.Redirect, main.StatusCode);
        var down = await clerk.SubmitFormAsync(url, new Dictionary<string, string?>(), $"#file-{files[0].Id} form[action*='handler=MoveFile'][action*='up=false']");
        Assert.Equal(HttpStatusCode.Redirect, down.StatusCode);
        var dated = await clerk.SubmitFormAsync(url, new Dictionary<string, string?> { ["FileDate"] = "2019-03-20" }, $"#file-{files[1].Id} form.file-date");
        Assert.Equal(HttpStatusCode.Redirect, dated.StatusCode);
        var badDate = await clerk.SubmitFormAsync(url, new Dictionary<string, string?> { ["FileDate"] = "0001-01-01" }, $"#file-{files[1].Id} form.file-date");
        Assert.Contains(await badDate.ErrorsAsync(), e => e.StartsWith("Datum des Dokuments", StringComparison.Ordinal));

        var order = await m.WithDbAsync(db => db.PaperFiles.Where(f => f.PaperId == paper).OrderBy(f => f.Position).Select(f => f.Id).ToListAsync());
        Assert.Equal([files[2].Id, files[1].Id, files[0].Id], order);
        var page = await clerk.GetDocumentAsync(url);
        Assert.NotNull(page.QuerySelector($"#file-{files[2].Id} #main-file"));

        var json = await app.CreateClient().GetJsonAsync(Oparl(m, "papers/" + Id(paper)));
        AssertValid(json, "Paper");
        Assert.EndsWith("/files/" + Id(files[2].Id), json.GetProperty("mainFile").GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal([files[1].Id, files[0].Id], json.GetProperty("auxiliaryFile").EnumerateArray().Select(f => int.Parse(f.GetProperty("id").GetString()!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("2019-03-20", json.GetProperty("auxiliaryFile")[0].GetProperty("date").GetString());
        Assert.Equal("2019-04-09", json.GetProperty("mainFile").GetProperty("date").GetString());

        // Removing the main file makes the next one the main file.
        var removed = await clerk.SubmitFormAsync(url, new Dictionary<string, string?>(), $"#file-{files[2].Id} form[action*='handler=DeleteFile']");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal([1, 2], await m.WithDbAsync(db => db.PaperFiles.Where(f => f.PaperId == paper).OrderBy(f => f.Position).Select(f => f.Position).ToListAsync()));
        var after = await app.CreateClient().GetJsonAsync(Oparl(m, "papers/" + Id(paper)));
        Assert.EndsWith("/files/" + Id(files[1].Id), after.GetProperty("mainFile").GetProperty("id").GetString(), StringComparison.Ordinal);
    }
}

public sealed class MeetingsReadingsPapersSqliteTests(SqliteApp app) : MeetingsReadingsPapersTests(app), IClassFixture<SqliteApp>;

public sealed class MeetingsReadingsPapersPostgresTests(PostgresApp app) : MeetingsReadingsPapersTests(app), IClassFixture<PostgresApp>;
