using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Planwerk.Features.Accounts;
using Planwerk.Features.Implementation;
using Planwerk.Features.Implementation.Reports;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Infrastructure.Localization;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Features.Plans.Manage;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Implementation;

/// <summary>Offices upload their own tables of reports (CSV in Windows-1252 or UTF-8, ";" or ",", XLSX): every row is
/// checked first and listed by row and column, nothing is written unless all rows are right, accepted rows become
/// submitted reports of the chosen period with their history; a reporter reaches only his organisations' measures, the
/// plan team every measure; the template holds the uploader's measures.</summary>
public abstract class ReportUploadTests(ClockedApp app)
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private const string Header = "Nummer;Titel;Status;Fortschritt;Was wurde getan;Nächste Schritte;Hindernisse;Ausgaben;Links";

    private sealed record Setup(TestMunicipality M, int PlanId, int[] Measures, int Running, int Earlier, int Coming,
        PlanwerkUser ReporterA, PlanwerkUser ReporterB, PlanwerkUser ReporterC)
    {
        public string Page => ReportUrls.Upload(M.Slug, PlanId);
        public string History(int measureId) => $"/{M.Slug}/manage/plans/{Id(PlanId)}/measures/{Id(measureId)}/history";
    }

    private DateOnly Today => Planwerk.Infrastructure.Time.BerlinTime.Today(app.Clock);

    /// <summary>A plan of four measures 1.1–1.4: "Amt A" leads 1.1 and 1.2 and is partner in 1.3; "Verein B" leads 1.3 and
    /// 1.4; "Verein C" carries out none. A reporter of each; a running period (due in 20 days), an earlier one (due date
    /// passed) and one to come; the catalogue "In Umsetzung" (50 %), "Verzögert" (none, English "Delayed"), "Abgeschlossen" (100 %).</summary>
    private async Task<Setup> SetUpAsync()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 0, fields: 1, measuresPerField: 4);
        var a = await m.AddStakeholderAsync("Amt A " + HostileText.Script, kind: StakeholderKind.PublicAuthority);
        var b = await m.AddStakeholderAsync("Verein B");
        var c = await m.AddStakeholderAsync("Verein C");
        var measures = plan.Fields[0].MeasureIds.ToArray();
        var today = Today;
        var (running, earlier, coming) = await m.WithDbAsync(async db =>
        {
            db.MeasureOrganisations.AddRange(
                new MeasureOrganisation { MeasureId = measures[0], OrganisationId = a, Role = MeasureOrganisationRole.Lead },
                new MeasureOrganisation { MeasureId = measures[1], OrganisationId = a, Role = MeasureOrganisationRole.Lead },
                new MeasureOrganisation { MeasureId = measures[2], OrganisationId = b, Role = MeasureOrganisationRole.Lead },
                new MeasureOrganisation { MeasureId = measures[2], OrganisationId = a, Role = MeasureOrganisationRole.Partner, Position = 1 },
                new MeasureOrganisation { MeasureId = measures[3], OrganisationId = b, Role = MeasureOrganisationRole.Lead });
            var r = new ReportingPeriod { PlanId = plan.Id, Name = "Laufender Zeitraum", StartsOn = today.AddDays(-100), EndsOn = today.AddDays(-5), DueOn = today.AddDays(20) };
            var e = new ReportingPeriod { PlanId = plan.Id, Name = "Früherer Zeitraum", StartsOn = today.AddDays(-300), EndsOn = today.AddDays(-101), DueOn = today.AddDays(-80) };
            var k = new ReportingPeriod { PlanId = plan.Id, Name = "Künftiger Zeitraum", StartsOn = today.AddDays(10), EndsOn = today.AddDays(100), DueOn = today.AddDays(120) };
            db.ReportingPeriods.AddRange(r, e, k);
            db.ImplementationStatuses.AddRange(
                new ImplementationStatus { Name = "In Umsetzung", NameEn = "In progress", Kind = MeasureStatus.InProgress, DefaultProgress = 50, Position = 1 },
                new ImplementationStatus { Name = "Verzögert", NameEn = "Delayed", Kind = MeasureStatus.Delayed, DefaultProgress = null, Position = 2 },
                new ImplementationStatus { Name = "Abgeschlossen", NameEn = "Completed", Kind = MeasureStatus.Completed, DefaultProgress = 100, Position = 3 });
            await db.SaveChangesAsync();
            return (r.Id, e.Id, k.Id);
        });
        var reporterA = await app.CreateUserAsync();
        var reporterB = await app.CreateUserAsync();
        var reporterC = await app.CreateUserAsync();
        await m.AddStakeholderMemberAsync(a, reporterA.Id);
        await m.AddStakeholderMemberAsync(b, reporterB.Id);
        await m.AddStakeholderMemberAsync(c, reporterC.Id);
        await m.WithDbAsync(async db =>
        {
            foreach (var member in await db.StakeholderMembers.ToListAsync()) member.IsReporter = true;
            return 0;
        });
        return new Setup(m, plan.Id, measures, running, earlier, coming, reporterA, reporterB, reporterC);
    }

    /// <summary>Sends the upload form as the browser does: the page's token, the period (the preselected one unless
    /// given) and the file.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, byte[] content, string fileName, int? period = null,
        string contentType = "text/csv")
    {
        var page = await client.GetDocumentAsync(url);
        var form = (IHtmlFormElement)(page.QuerySelector("#upload-form") ?? throw new InvalidOperationException("No upload form on " + url));
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var selected = ((IHtmlSelectElement)form.QuerySelector("select[name=Period]")!).Options.First(o => o.IsSelected).Value;
        using var body = new MultipartFormDataContent();
        body.Add(new StringContent(token), "__RequestVerificationToken");
        body.Add(new StringContent(period is int p ? Id(p) : selected), "Period");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        body.Add(file, "Upload", fileName);
        return await client.PostAsync(url, body);
    }

    private sealed record Stored(int MeasureId, int PeriodId, ReportState State, string? Status, int? Progress, string Done, string NextSteps, string Obstacles,
        decimal? Spent, string Links, DateTimeOffset? SubmittedAt, int Version);

    private static Task<List<Stored>> ReportsAsync(Setup s) => s.M.WithDbAsync(db => db.MeasureReports.AsNoTracking().OrderBy(r => r.MeasureId).ThenBy(r => r.ReportingPeriodId)
        .Select(r => new Stored(r.MeasureId, r.ReportingPeriodId, r.State, r.Status!.Name, r.Progress, r.Done, r.NextSteps, r.Obstacles, r.Spent, r.Links, r.SubmittedAt, r.Version))
        .ToListAsync());

    /// <summary>Every report and history record of the municipality as text: equal exactly when nothing changed.</summary>
    private static async Task<string> SnapshotAsync(Setup s) =>
        JsonSerializer.Serialize(new { Reports = await ReportsAsync(s), History = await s.M.WithDbAsync(db => db.ChangeRecords.CountAsync()) });

    private static async Task<int> StatusAsync(Setup s, string name) =>
        await s.M.WithDbAsync(db => db.ImplementationStatuses.Where(x => x.Name == name).Select(x => x.Id).SingleAsync());

    private static Task<int> AddReportAsync(Setup s, int measureId, ReportState state, string done = "Alter Entwurf", string obstacles = "Bleibt stehen") =>
        s.M.WithDbAsync(async db =>
        {
            db.MeasureReports.Add(new MeasureReport { MeasureId = measureId, ReportingPeriodId = s.Running, State = state, Done = done, Obstacles = obstacles, Progress = 10 });
            await db.SaveChangesAsync();
            return 0;
        });

    /// <summary>The problem table's rows as (row, column, text).</summary>
    private static List<(string Row, string Column, string Text)> Problems(IHtmlDocument page) =>
        page.QuerySelectorAll("table.import-problems tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList())
            .Select(c => (c[0], c[1], c[2])).ToList();

    [Fact]
    public async Task A_windows_1252_csv_with_semicolons_and_German_amounts_becomes_submitted_reports_recorded_in_the_history()
    {
        var s = await SetUpAsync();
        var reporter = await app.SignInAsync(s.ReporterA.Email!);
        await AddReportAsync(s, s.Measures[1], ReportState.Returned);
        var mine = await reporter.GetDocumentAsync(ReportUrls.Mine(s.M.Slug));
        Assert.Equal(s.Page, mine.QuerySelector("a.upload-link")!.GetAttribute("href"));

        // The running period is preselected; the one to come is not offered.
        var page = await reporter.GetDocumentAsync(s.Page);
        var options = page.QuerySelectorAll("#Period option").ToList();
        Assert.Equal([Id(s.Running), Id(s.Earlier)], options.Select(o => o.GetAttribute("value")));
        Assert.Equal(Id(s.Running), options.Single(o => o.HasAttribute("selected")).GetAttribute("value"));

        // Windows-1252 cannot hold Arabic script; the right-to-left text comes in the UTF-8 upload below.
        var done = "Kurse für Mütter ausgeschrieben – „Start“ " + HostileText.Script;
        var csv = Windows1252.GetBytes(string.Join("\r\n",
            Header,
            $"1.1;Egal, was hier steht;In Umsetzung;40 %;{done};Räume suchen;;1.234,50;https://example.org/a https://example.org/b",
            "1.2;;verzögert;;Planung läuft;;Personal fehlt;;",
            "1.3;Nur Nummer und Titel;;;;;;;",
            ";;;;;;;;") + "\r\n");

        var records = await s.M.WithDbAsync(db => db.ChangeRecords.CountAsync(r => r.Fields.Any(f => f.Field == "Report")));
        var response = await UploadAsync(reporter, s.Page, csv, "liste.csv");
        Assert.Equal(s.Page + "?period=" + Id(s.Running), response.RedirectTarget());
        var notice = (await reporter.GetDocumentAsync(response.RedirectTarget())).QuerySelector(".notice")!.TextContent;
        Assert.Contains("Für „Laufender Zeitraum“ wurden 2 Berichte eingereicht (1 neu, 1 überschrieben).", notice, StringComparison.Ordinal);
        Assert.Contains("Übersprungene Zeilen ohne Angaben: 1.", notice, StringComparison.Ordinal);

        var reports = await ReportsAsync(s);
        Assert.Equal(2, reports.Count);
        var first = reports.Single(r => r.MeasureId == s.Measures[0]);
        Assert.Equal((s.Running, ReportState.Submitted, "In Umsetzung", (int?)40, done, "Räume suchen", "", (decimal?)1234.50m, "https://example.org/a\nhttps://example.org/b"),
            (first.PeriodId, first.State, first.Status, first.Progress, first.Done, first.NextSteps, first.Obstacles, first.Spent, first.Links));
        Assert.True(Math.Abs((first.SubmittedAt!.Value - app.Clock.GetUtcNow()).TotalSeconds) < 1, "submitted at " + first.SubmittedAt);
        // The returned report is overwritten and submitted; an empty progress leaves the status to propose one.
        var second = reports.Single(r => r.MeasureId == s.Measures[1]);
        Assert.Equal((ReportState.Submitted, "Verzögert", (int?)null, "Planung läuft", "Personal fehlt", (decimal?)null),
            (second.State, second.Status, second.Progress, second.Done, second.Obstacles, second.Spent));

        // The report page shows the hostile text as text; the history has each report as a save of the form would.
        var reportPage = await reporter.GetAsync(ReportUrls.Report(s.M.Slug, s.Measures[0], s.Running));
        var html = await reportPage.Content.ReadAsStringAsync();
        Assert.DoesNotContain(HostileText.Script, html, StringComparison.Ordinal);
        Assert.Contains(HostileText.Script, (await HtmlForms.ParseAsync(reportPage)).QuerySelector("#report-content")!.TextContent, StringComparison.Ordinal);
        var editor = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        foreach (var measure in s.Measures[..2])
        {
            var history = (await editor.GetDocumentAsync(s.History(measure))).QuerySelector("main")!.TextContent;
            Assert.Contains("Laufender Zeitraum · Submitted", history, StringComparison.Ordinal);
        }
        Assert.Equal(records + 2, await s.M.WithDbAsync(db => db.ChangeRecords.CountAsync(r => r.Fields.Any(f => f.Field == "Report"))));
        Assert.DoesNotContain("Submitted", (await editor.GetDocumentAsync(s.History(s.Measures[2]))).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_utf8_csv_with_commas_keeps_what_it_leaves_out_and_the_plan_team_fills_the_xlsx_template_for_any_measure()
    {
        var s = await SetUpAsync();
        await AddReportAsync(s, s.Measures[0], ReportState.Draft);

        // UTF-8 without byte order mark, commas, English headers in another order, no column for obstacles.
        var reporter = await app.SignInAsync(s.ReporterA.Email!);
        var csv = Encoding.UTF8.GetBytes(string.Join("\n",
            "Done,status,NUMBER,Spent,progress",
            $"\"{HostileText.RightToLeft}, und mehr\",Delayed,1.1,\"1234,5\",0",
            "\"Mit Partner\",In Umsetzung,1.3,,") + "\n");
        var response = await UploadAsync(reporter, s.Page, csv, "list.csv");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reports = await ReportsAsync(s);
        Assert.Equal((ReportState.Submitted, "Verzögert", (int?)0, HostileText.RightToLeft + ", und mehr", "Bleibt stehen", (decimal?)1234.5m),
            (reports[0].State, reports[0].Status, reports[0].Progress, reports[0].Done, reports[0].Obstacles, reports[0].Spent));
        Assert.Equal((s.Measures[2], ReportState.Submitted, "Mit Partner"), (reports[1].MeasureId, reports[1].State, reports[1].Done));

        // The plan team downloads the XLSX template (every measure, a status list), fills it and uploads it: 1.1 is
        // submitted already and stays so with the new content; 1.4 is B's and gets its report; 1.2 is left empty.
        var editor = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var overview = await editor.GetDocumentAsync(ReportUrls.Overview(s.M.Slug, s.PlanId));
        Assert.Equal(s.Page, overview.QuerySelector("#upload-link")!.GetAttribute("href"));
        var template = await editor.GetAsync(ReportUrls.UploadTemplate(s.M.Slug, s.PlanId, "xlsx"));
        Assert.Equal(MeasureFiles.XlsxContentType, template.Content.Headers.ContentType!.ToString());
        using var workbook = new XLWorkbook(new MemoryStream(await template.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(ReportSheet.SheetName);
        Assert.Equal(["1.1", "1.2", "1.3", "1.4"], Enumerable.Range(2, 4).Select(r => sheet.Cell(r, 1).GetString()));
        Assert.Equal(["In Umsetzung", "Verzögert", "Abgeschlossen"], Enumerable.Range(2, 3).Select(r => workbook.Worksheet(ReportSheet.CatalogueSheetName).Cell(r, 1).GetString()));
        Assert.True(sheet.Cell(2, 3).HasDataValidation);
        sheet.Cell(2, 3).Value = "Abgeschlossen";
        sheet.Cell(2, 4).Value = 100;
        sheet.Cell(2, 5).Value = "Vom Planungsteam ergänzt";
        sheet.Cell(5, 3).Value = "In Umsetzung";
        sheet.Cell(5, 8).Value = 1234.5;
        using var filled = new MemoryStream();
        workbook.SaveAs(filled);

        response = await UploadAsync(editor, s.Page, filled.ToArray(), "berichte.csv", contentType: "text/csv");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        reports = await ReportsAsync(s);
        var first = reports.Single(r => r.MeasureId == s.Measures[0]);
        // The template has every column: an empty one empties what the reporter had written (the amount spent).
        Assert.Equal((ReportState.Submitted, "Abgeschlossen", (int?)100, "Vom Planungsteam ergänzt", (decimal?)null),
            (first.State, first.Status, first.Progress, first.Done, first.Spent));
        var fourth = reports.Single(r => r.MeasureId == s.Measures[3]);
        Assert.Equal((ReportState.Submitted, "In Umsetzung", (int?)null, "", (decimal?)1234.5m), (fourth.State, fourth.Status, fourth.Progress, fourth.Done, fourth.Spent));
        Assert.DoesNotContain(reports, r => r.MeasureId == s.Measures[1]);
    }

    [Fact]
    public async Task Every_bad_row_is_listed_by_row_and_column_and_nothing_changes()
    {
        var s = await SetUpAsync();
        var reporter = await app.SignInAsync(s.ReporterA.Email!);
        await AddReportAsync(s, s.Measures[2], ReportState.Published);
        var before = await SnapshotAsync(s);

        var csv = Encoding.UTF8.GetBytes(string.Join("\r\n",
            Header,
            "1.1;;In Umsetzung;40;Gut;;;;",
            "1.2;;In Umsetzung;120;;;;;",
            "9.9;;In Umsetzung;;;;;;",
            "1.4;;In Umsetzung;;;;;;",
            $"1.2;;{HostileText.Script};;;;;zwölf Euro;javascript:alert(1)",
            "1.1;;Verzögert;;;;;;",
            "1.3;;In Umsetzung;;;;;;",
            ";;In Umsetzung;;;;;;",
            "1.2;;;50;;;;;") + "\r\n");
        var response = await UploadAsync(reporter, s.Page, csv, "liste.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(HostileText.Script, html, StringComparison.Ordinal);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("Es wurde nichts übernommen", page.QuerySelector("#upload-problems")!.TextContent, StringComparison.Ordinal);
        var problems = Problems(page);
        Assert.Equal(
        [
            ("3", "Fortschritt"), ("4", "Nummer"), ("5", "Nummer"), ("6", "Nummer"), ("6", "Status"), ("6", "Ausgaben"), ("6", "Links"),
            ("7", "Nummer"), ("8", "Nummer"), ("9", "Nummer"), ("10", "Nummer"), ("10", "Status"),
        ], problems.Select(p => (p.Row, p.Column)));
        Assert.Contains("„120“ ist kein gültiger Fortschritt", problems[0].Text, StringComparison.Ordinal);
        // An unknown number and a measure of another organisation get the same answer: the reporter learns nothing of it.
        Assert.Equal(problems[1].Text.Replace("9.9", "X", StringComparison.Ordinal), problems[2].Text.Replace("1.4", "X", StringComparison.Ordinal));
        Assert.Contains("können Sie nicht berichten", problems[1].Text, StringComparison.Ordinal);
        Assert.Equal("Maßnahme 1.2 kommt schon in Zeile 3 vor.", problems[3].Text);
        Assert.Equal($"„{HostileText.Script}“ steht nicht im Statuskatalog. Erlaubt: In Umsetzung, Verzögert, Abgeschlossen.", problems[4].Text);
        Assert.Contains("„zwölf Euro“ ist kein gültiger Betrag", problems[5].Text, StringComparison.Ordinal);
        Assert.Contains("http://", problems[6].Text, StringComparison.Ordinal);
        Assert.Equal("Maßnahme 1.1 kommt schon in Zeile 2 vor.", problems[7].Text);
        Assert.Contains("schon veröffentlicht", problems[8].Text, StringComparison.Ordinal);
        Assert.Equal("Bitte geben Sie einen Wert an.", problems[9].Text);
        Assert.Equal("Maßnahme 1.2 kommt schon in Zeile 3 vor.", problems[10].Text);
        Assert.StartsWith("Bitte geben Sie einen Status an.", problems[11].Text, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(s));

        // One bad row among good ones: still nothing.
        response = await UploadAsync(reporter, s.Page, Encoding.UTF8.GetBytes(string.Join("\r\n", Header, "1.1;;In Umsetzung;40;Gut;;;;", "1.2;;fertig;;;;;;") + "\r\n"), "liste.csv");
        Assert.Equal([("3", "Status")], Problems(await HtmlForms.ParseAsync(response)).Select(p => (p.Row, p.Column)));
        Assert.Equal(before, await SnapshotAsync(s));

        // The plan team is told plainly that a number does not exist; an accepted report is final for it too.
        await s.M.WithDbAsync(async db =>
        {
            (await db.MeasureReports.SingleAsync()).State = ReportState.Accepted;
            return 0;
        });
        before = await SnapshotAsync(s);
        var editor = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        response = await UploadAsync(editor, s.Page, Encoding.UTF8.GetBytes(string.Join("\r\n", Header, "9.9;;In Umsetzung;;;;;;", "1.3;;In Umsetzung;;;;;;") + "\r\n"), "liste.csv");
        problems = Problems(await HtmlForms.ParseAsync(response));
        Assert.Equal("Maßnahme 9.9 gibt es in diesem Plan nicht.", problems[0].Text);
        Assert.Contains("schon angenommen", problems[1].Text, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(s));
    }

    [Fact]
    public async Task A_reporter_cannot_submit_for_another_organisations_measure_nor_change_a_submitted_report()
    {
        var s = await SetUpAsync();
        var reporterB = await app.SignInAsync(s.ReporterB.Email!);
        await AddReportAsync(s, s.Measures[3], ReportState.Submitted);
        var before = await SnapshotAsync(s);

        // B leads 1.3 and 1.4; 1.1 is A's alone.
        var response = await UploadAsync(reporterB, s.Page, Encoding.UTF8.GetBytes(string.Join("\r\n", Header, "1.3;;In Umsetzung;;;;;;", "1.1;;In Umsetzung;;Übernommen;;;;", "1.4;;Verzögert;;;;;;") + "\r\n"), "b.csv");
        var problems = Problems(await HtmlForms.ParseAsync(response));
        Assert.Equal([("3", "Nummer"), ("4", "Nummer")], problems.Select(p => (p.Row, p.Column)));
        Assert.Contains("„1.1“ können Sie nicht berichten", problems[0].Text, StringComparison.Ordinal);
        Assert.Contains("schon eingereicht", problems[1].Text, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(s));

        // B's template lists only B's measures; A's lists the one A is partner in too.
        var template = Encoding.UTF8.GetString(await reporterB.GetByteArrayAsync(ReportUrls.UploadTemplate(s.M.Slug, s.PlanId, "csv")));
        Assert.Equal(["\uFEFF" + Header, "1.3;Maßnahme 1.3;;;;;;;", "1.4;Maßnahme 1.4;;;;;;;"], template.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        var reporterA = await app.SignInAsync(s.ReporterA.Email!);
        template = Encoding.UTF8.GetString(await reporterA.GetByteArrayAsync(ReportUrls.UploadTemplate(s.M.Slug, s.PlanId, "csv")));
        Assert.Equal(["1.1", "1.2", "1.3"], template.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(';')[0]));
    }

    [Fact]
    public async Task The_period_must_have_begun_and_an_earlier_one_may_be_chosen()
    {
        var s = await SetUpAsync();
        var reporter = await app.SignInAsync(s.ReporterA.Email!);
        var csv = Encoding.UTF8.GetBytes(string.Join("\r\n", Header, "1.1;;In Umsetzung;;Nachgetragen;;;;") + "\r\n");

        var response = await UploadAsync(reporter, s.Page, csv, "a.csv", period: s.Coming);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await HtmlForms.ParseAsync(response)).Errors(), e => e.Contains("Berichtszeitraum, der begonnen hat", StringComparison.Ordinal));
        Assert.Empty(await ReportsAsync(s));

        response = await UploadAsync(reporter, s.Page, csv, "a.csv", period: s.Earlier);
        Assert.Equal(s.Page + "?period=" + Id(s.Earlier), response.RedirectTarget());
        Assert.Equal((s.Earlier, ReportState.Submitted), (Assert.Single(await ReportsAsync(s)).PeriodId, Assert.Single(await ReportsAsync(s)).State));

        // A month on, the running period's reports are overdue and the next period has begun: its reports are collected now.
        app.Clock.Advance(TimeSpan.FromDays(30));
        reporter = await app.SignInAsync(s.ReporterA.Email!);
        var page = await reporter.GetDocumentAsync(s.Page);
        Assert.Equal(Id(s.Coming), page.QuerySelectorAll("#Period option").Single(o => o.HasAttribute("selected")).GetAttribute("value"));
    }

    [Fact]
    public void The_period_collected_now_is_the_begun_one_due_soonest_else_the_latest_begun()
    {
        var today = new DateOnly(2025, 8, 1);
        UploadModel.PeriodRow Period(int id, string starts, string due) =>
            new(id, "P" + id, DateOnly.Parse(starts, CultureInfo.InvariantCulture), DateOnly.Parse(starts, CultureInfo.InvariantCulture).AddMonths(6), DateOnly.Parse(due, CultureInfo.InvariantCulture));
        var firstHalf = Period(1, "2025-01-01", "2025-08-15");
        var secondHalf = Period(2, "2025-07-01", "2026-02-15");
        Assert.Equal(1, UploadModel.CollectedNow([secondHalf, firstHalf], today)!.Id);
        Assert.Equal(2, UploadModel.CollectedNow([secondHalf, firstHalf], today.AddDays(20))!.Id);
        var old = Period(3, "2024-01-01", "2024-08-15");
        Assert.Equal(1, UploadModel.CollectedNow([firstHalf, old], today.AddDays(20))!.Id);
        Assert.Null(UploadModel.CollectedNow([], today));
    }

    [Fact]
    public async Task A_pdf_named_csv_a_file_too_large_and_too_many_rows_are_refused()
    {
        var s = await SetUpAsync();
        var reporter = await app.SignInAsync(s.ReporterA.Email!);
        var before = await SnapshotAsync(s);

        async Task<string> RefusedAsync(byte[] content, string name)
        {
            var response = await UploadAsync(reporter, s.Page, content, name);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return Assert.Single(Problems(await HtmlForms.ParseAsync(response))).Text;
        }
        var pdf = "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj<<>>endobj\n"u8.ToArray().Concat(new byte[] { 0, 1, 2, 0, 0xFF }).ToArray();
        Assert.Contains("weder eine CSV-Datei noch eine Excel-Arbeitsmappe", await RefusedAsync(pdf, "liste.csv"), StringComparison.Ordinal);
        Assert.Contains("zu groß", await RefusedAsync(new byte[ReportSheet.MaxBytes + 1], "gross.csv"), StringComparison.Ordinal);
        var many = new StringBuilder(Header + "\r\n");
        for (var i = 0; i <= ReportSheet.MaxRows; i++) many.Append("1.1;;In Umsetzung;;;;;;\r\n");
        Assert.Contains("mehr als 5000 Zeilen", await RefusedAsync(Encoding.UTF8.GetBytes(many.ToString()), "viele.csv"), StringComparison.Ordinal);
        Assert.Contains("Pflichtspalte", await RefusedAsync(Encoding.UTF8.GetBytes("Nummer;Titel\r\n1.1;x\r\n"), "ohne-status.csv"), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(s));
    }

    [Fact]
    public async Task Only_reporters_of_the_plans_organisations_and_the_plan_team_reach_the_upload_and_the_template()
    {
        var s = await SetUpAsync();
        string[] urls = [s.Page, ReportUrls.UploadTemplate(s.M.Slug, s.PlanId, "csv"), ReportUrls.UploadTemplate(s.M.Slug, s.PlanId, "xlsx")];
        foreach (var visitor in Enum.GetValues<Visitor>())
        {
            var client = await PermissionMatrix.ClientAsync(app, s.M, visitor);
            await PermissionMatrix.AssertAsync(client, visitor,
            [
                .. urls.Select(u => PermissionCheck.Get(u, Access.PlanEditor)),
                // Without a period chosen the page answers with the form again.
                PermissionCheck.Post(s.Page, Access.PlanEditor, new Dictionary<string, string>(), HttpStatusCode.OK),
            ]);
        }

        // Reporters: of an organisation with measures in the plan, the pages; of one without, nothing (404).
        var reporterA = await app.SignInAsync(s.ReporterA.Email!);
        var reporterC = await app.SignInAsync(s.ReporterC.Email!);
        foreach (var url in urls)
        {
            Assert.Equal(HttpStatusCode.OK, (await reporterA.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await reporterC.GetAsync(url)).StatusCode);
        }
        var token = await reporterC.AntiforgeryTokenAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await reporterC.PostWithTokenAsync(s.Page, token, new Dictionary<string, string> { ["Period"] = Id(s.Running) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporterA.GetAsync(ReportUrls.UploadTemplate(s.M.Slug, s.PlanId, "pdf"))).StatusCode);

        // Another municipality's plan editor, under his own municipality's address, finds no such plan.
        var other = await app.CreateMunicipalityAsync();
        var otherEditor = await other.SignedInClientAsync(MunicipalityRole.PlanEditor);
        Assert.Equal(HttpStatusCode.NotFound, (await otherEditor.GetAsync(ReportUrls.Upload(other.Slug, s.PlanId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherEditor.GetAsync(ReportUrls.UploadTemplate(other.Slug, s.PlanId, "csv"))).StatusCode);
    }

    [Fact]
    public async Task The_upload_reads_as_many_times_for_forty_rows_as_for_four()
    {
        var small = await SetUpAsync();
        var large = await SetUpAsync();
        // The large plan's editor reports on forty measures; the small one's on four.
        await large.M.WithDbAsync(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Id == large.PlanId);
            var field = await db.FieldsOfAction.SingleAsync(f => f.PlanId == large.PlanId);
            db.Measures.AddRange(Enumerable.Range(5, 36).Select(k => new Measure
            {
                PlanId = plan.Id, FieldOfActionId = field.Id, Position = k, Number = "1." + Id(k), Title = "Maßnahme 1." + Id(k), UpdatedAt = DateTimeOffset.UtcNow,
            }));
            await db.SaveChangesAsync();
            return 0;
        });
        var counter = new ReadCounter();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureServices(services => services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(counter)));
        async Task<(int Page, int Upload)> CountAsync(Setup s, int rows)
        {
            var email = (await s.M.AddMemberAsync(MunicipalityRole.PlanEditor)).Email;
            var client = counted.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync("/account/login", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = PlanwerkApp.Password })).StatusCode);
            counter.Reset();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(s.Page)).StatusCode);
            var page = counter.Count;
            var csv = Encoding.UTF8.GetBytes(Header + "\r\n" + string.Concat(Enumerable.Range(1, rows).Select(k => $"1.{Id(k)};;In Umsetzung;40;Getan;;;;\r\n")));
            var form = await client.GetDocumentAsync(s.Page);
            using var body = new MultipartFormDataContent
            {
                { new StringContent(form.QuerySelector("#upload-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
                { new StringContent(Id(s.Running)), "Period" },
                { new ByteArrayContent(csv), "Upload", "liste.csv" },
            };
            counter.Reset();
            var response = await client.PostAsync(s.Page, body);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(rows, await s.M.WithDbAsync(db => db.MeasureReports.CountAsync(r => r.State == ReportState.Submitted)));
            return (page, counter.Count);
        }
        var (smallPage, smallUpload) = await CountAsync(small, 4);
        var (largePage, largeUpload) = await CountAsync(large, 40);
        Assert.True(smallPage > 0 && smallUpload > 0, "nothing counted");
        Assert.Equal(smallPage, largePage);
        Assert.True(smallUpload == largeUpload, $"upload: {smallUpload} reads for 4 rows, {largeUpload} for 40");
    }

    /// <summary>Counts the SELECT commands only: SQLite writes each new row with a command of its own, which says nothing
    /// of how often the page reads.</summary>
    private sealed class ReadCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Reset() => Interlocked.Exchange(ref count, 0);

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)) Interlocked.Increment(ref count);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<object>> ScalarExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)) Interlocked.Increment(ref count);
            return ValueTask.FromResult(result);
        }
    }

    [Fact]
    public void Every_problem_and_column_text_has_an_English_text_with_the_same_placeholders()
    {
        var keys = typeof(ReportSheetTexts).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)
            .Concat(ReportSheet.Columns.Select(c => c.Help))
            .ToList();
        var localizer = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<SharedResource>>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Languages.English;
        try
        {
            foreach (var key in keys)
            {
                var english = localizer[key];
                Assert.False(english.ResourceNotFound, "No English for: " + key);
                Assert.Equal(Placeholders(key), Placeholders(english.Value));
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static List<string> Placeholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{\d\}").Select(m => m.Value).Order().Distinct().ToList();
}

public sealed class ReportUploadSqliteTests(SqliteClockedApp app) : ReportUploadTests(app), IClassFixture<SqliteClockedApp>;

public sealed class ReportUploadPostgresTests(PostgresClockedApp app) : ReportUploadTests(app), IClassFixture<PostgresClockedApp>;
