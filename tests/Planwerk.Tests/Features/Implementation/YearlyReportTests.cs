using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using ClosedXML.Excel;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Accounts;
using Planwerk.Features.Implementation;
using Planwerk.Features.Implementation.YearlyReports;
using Planwerk.Features.Plans;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Time;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Features.Plans.Manage;
using Planwerk.Tests.Features.Plans.Print;
using Planwerk.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Planwerk.Tests.Features.Implementation;

/// <summary>The yearly implementation report: the plan team starts it for a year of the plan's periods, writes its
/// foreword, publishes and withdraws it; its content (roll-up from the latest published reports up to the year, the
/// year's reports, milestones, indicators) is the same in the print view, the PDF and the XLSX; the public sees only
/// published ones, on the plan's timeline too; bad input and stale forms change nothing.</summary>
public abstract class YearlyReportTests(ClockedApp app, ITestOutputHelper output)
{
    private static readonly CultureInfo German = Planwerk.Infrastructure.Localization.Languages.German;
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private const string Obstacle = "=cmd|' /C calc'!A0";

    private sealed record Setup(TestMunicipality M, int PlanId, int[] Measures, int[] Fields, int Year, int[] Periods, int[] Indicators)
    {
        public string Y => Year.ToString(CultureInfo.InvariantCulture);
        public string List => YearlyReportUrls.List(M.Slug, PlanId);
        public string Edit => YearlyReportUrls.Edit(M.Slug, PlanId, Year);
        public string View => YearlyReportUrls.View(M.Slug, PlanId, Year);
        public string Pdf => YearlyReportUrls.Pdf(M.Slug, PlanId, Year);
        public string Xlsx => YearlyReportUrls.Xlsx(M.Slug, PlanId, Year);
        public string Timeline => $"/{M.Slug}/plans/{Id(PlanId)}/timeline";
    }

    private DateOnly Today => BerlinTime.Today(app.Clock);

    /// <summary>A public plan of two fields with two measures each, weighted 2, 1, 0 and 1; the first led by "Amt A"; four
    /// half-year periods from the second half of the year before the report's year (last year) to the first half of this
    /// year, and reports in them: measure 1 published in both halves of the year and in the next, measure 2 published the
    /// year before and accepted (not published) in the year, measure 3 none (live: delayed, 15 %), measure 4 published
    /// "delayed, 40 %" in the year's first half. Five milestones and three indicators around the year's end.</summary>
    private async Task<Setup> SetUpAsync()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 0, fields: 2, measuresPerField: 2);
        var lead = await m.AddStakeholderAsync("Amt A " + HostileText.Script);
        var y = Today.Year - 1;
        int[] measures = [plan.Fields[0].MeasureIds[0], plan.Fields[0].MeasureIds[1], plan.Fields[1].MeasureIds[0], plan.Fields[1].MeasureIds[1]];
        var (periods, indicators) = await m.WithDbAsync(async db =>
        {
            var p = await db.Plans.SingleAsync(x => x.Id == plan.Id);
            p.IsPublic = true;
            p.RollUpMethod = RollUpMethod.Weighted;
            var rows = await db.Measures.Where(x => x.PlanId == plan.Id).ToDictionaryAsync(x => x.Id);
            (rows[measures[0]].Status, rows[measures[0]].Progress, rows[measures[0]].Weight) = (MeasureStatus.Delayed, 10, 2);
            (rows[measures[1]].Status, rows[measures[1]].Progress, rows[measures[1]].Weight) = (MeasureStatus.InProgress, 20, 1);
            (rows[measures[2]].Status, rows[measures[2]].Progress, rows[measures[2]].Weight) = (MeasureStatus.Delayed, 15, 0);
            (rows[measures[3]].Status, rows[measures[3]].Progress, rows[measures[3]].Weight) = (MeasureStatus.Completed, 100, 1);
            db.MeasureOrganisations.Add(new MeasureOrganisation { MeasureId = measures[0], OrganisationId = lead, Role = MeasureOrganisationRole.Lead });
            var inProgress = new ImplementationStatus { Name = "In Umsetzung", NameEn = "In progress", Kind = MeasureStatus.InProgress, DefaultProgress = 50, Position = 1 };
            var completed = new ImplementationStatus { Name = "Abgeschlossen", Kind = MeasureStatus.Completed, DefaultProgress = 100, Position = 2 };
            var delayed = new ImplementationStatus { Name = "Verzögert", Kind = MeasureStatus.Delayed, Position = 3 };
            db.ImplementationStatuses.AddRange(inProgress, completed, delayed);
            // Saved first: the history of a report names its status by id.
            await db.SaveChangesAsync();
            ReportingPeriod Period(int year, int half) => new()
            {
                PlanId = plan.Id, Name = $"{year}, {half}. Halbjahr",
                StartsOn = new DateOnly(year, half == 1 ? 1 : 7, 1), EndsOn = half == 1 ? new DateOnly(year, 6, 30) : new DateOnly(year, 12, 31),
                DueOn = half == 1 ? new DateOnly(year, 8, 15) : new DateOnly(year + 1, 2, 15),
            };
            ReportingPeriod[] ps = [Period(y - 1, 2), Period(y, 1), Period(y, 2), Period(y + 1, 1)];
            db.ReportingPeriods.AddRange(ps);
            DateTimeOffset At(int year, int month, int day) => BerlinTime.StartOfDay(new DateOnly(year, month, day)).AddHours(10);
            MeasureReport Report(int measure, ReportingPeriod period, ImplementationStatus status, int? progress, string done, ReportState state = ReportState.Published) => new()
            {
                MeasureId = measure, ReportingPeriod = period, Status = status, Progress = progress, Done = done, State = state,
                PublishedAt = state == ReportState.Published ? At(period.EndsOn.Year, period.EndsOn.Month, 20) : null,
            };
            var first = Report(measures[0], ps[1], inProgress, 30, "Kurse ausgeschrieben " + HostileText.Script + " " + HostileText.RightToLeft);
            (first.NextSteps, first.Obstacles, first.Spent, first.Links) = ("Zweiter Kurs", Obstacle, 1234.5m, "https://example.org/bericht");
            db.MeasureReports.AddRange(
                first,
                Report(measures[0], ps[2], completed, null, "Abgeschlossen im Dezember"),
                Report(measures[0], ps[3], delayed, 10, "Nach dem Jahr geschrieben"),
                Report(measures[1], ps[0], inProgress, 20, "Aus dem Vorjahr"),
                Report(measures[1], ps[1], inProgress, 60, "Angenommen, nicht veröffentlicht", ReportState.Accepted),
                Report(measures[3], ps[1], delayed, 40, "Verzögert wegen Personal"));
            db.Milestones.AddRange(
                new Milestone { MeasureId = measures[0], Title = "Kurs gestartet", DueOn = new DateOnly(y, 3, 1), DoneOn = new DateOnly(y, 2, 20) },
                new Milestone { MeasureId = measures[1], Title = "Räume gefunden " + HostileText.Script, DueOn = new DateOnly(y, 9, 30) },
                new Milestone { MeasureId = measures[2], Title = "Träger beauftragt", DueOn = new DateOnly(y - 1, 11, 15), DoneOn = new DateOnly(y + 1, 1, 5) },
                new Milestone { MeasureId = measures[3], Title = "Später fällig", DueOn = new DateOnly(y + 1, 2, 1) },
                new Milestone { MeasureId = measures[3], Title = "Im Vorjahr erledigt", DueOn = new DateOnly(y - 1, 10, 1), DoneOn = new DateOnly(y - 1, 11, 1) });
            var share = new Indicator
            {
                PlanId = plan.Id, Name = "Anteil in eigener Wohnung " + HostileText.Script, Unit = "%", Direction = IndicatorDirection.HigherIsBetter,
                BaselineValue = 40, BaselineOn = new DateOnly(y - 1, 1, 1), TargetValue = 60, TargetOn = new DateOnly(y + 1, 12, 31), Position = 1,
                Values = [new() { On = new DateOnly(y - 1, 6, 30), Value = 42 }, new() { On = new DateOnly(y, 12, 31), Value = 52.5m }, new() { On = new DateOnly(y + 1, 3, 1), Value = 70 }],
            };
            var waiting = new Indicator
            {
                PlanId = plan.Id, FieldOfActionId = plan.Fields[1].Id, Name = "Wartezeit auf einen Sprachkurs", Unit = "Tage", Direction = IndicatorDirection.LowerIsBetter,
                BaselineValue = 90, BaselineOn = new DateOnly(y - 1, 1, 1), TargetValue = 30, TargetOn = new DateOnly(y, 12, 31), Position = 2,
                Values = [new() { On = new DateOnly(y, 6, 1), Value = 50 }],
            };
            var participants = new Indicator
            {
                PlanId = plan.Id, MeasureId = measures[3], Name = "Teilnehmende", Direction = IndicatorDirection.HigherIsBetter,
                BaselineValue = 0, BaselineOn = new DateOnly(y - 1, 1, 1), TargetValue = 200, TargetOn = new DateOnly(y + 1, 12, 31), Position = 3,
            };
            db.Indicators.AddRange(share, waiting, participants);
            await db.SaveChangesAsync();
            return (ps.Select(x => x.Id).ToArray(), new[] { share.Id, waiting.Id, participants.Id });
        });
        return new Setup(m, plan.Id, measures, [plan.Fields[0].Id, plan.Fields[1].Id], y, periods, indicators);
    }

    private static Task<int> AddReportAsync(Setup s, string foreword = "", bool published = false) => s.M.WithDbAsync(async db =>
    {
        var report = new YearlyReport { PlanId = s.PlanId, Year = s.Year, Foreword = foreword, PublishedOn = published ? new DateOnly(s.Year + 1, 1, 20) : null };
        db.YearlyReports.Add(report);
        await db.SaveChangesAsync();
        return report.Id;
    });

    private static Task<YearlyReport?> StoredAsync(Setup s) =>
        s.M.WithDbAsync(db => db.YearlyReports.AsNoTracking().FirstOrDefaultAsync(r => r.PlanId == s.PlanId && r.Year == s.Year));

    /// <summary>The roll-up the report must show: <see cref="RollUp.Compute"/> over each measure's latest published report
    /// up to the year's end (measure 1: the second half's "Abgeschlossen", 100 %; measure 2: the year before, 20 %;
    /// measure 4: "Verzögert", 40 %) and measure 3's live values.</summary>
    private static PlanRollUp ExpectedRollUp(Setup s) => RollUp.Compute(
    [
        new RollUpMeasure(s.Fields[0], MeasureStatus.Completed, 100, 2),
        new RollUpMeasure(s.Fields[0], MeasureStatus.InProgress, 20, 1),
        new RollUpMeasure(s.Fields[1], MeasureStatus.Delayed, 15, 0),
        new RollUpMeasure(s.Fields[1], MeasureStatus.Delayed, 40, 1),
    ], RollUpMethod.Weighted);

    private static string Percent(double? value) => value is { } v ? PlanFormat.Percent(v, German) : "–";

    [Fact]
    public async Task The_team_starts_a_report_for_a_year_of_its_periods_and_bad_years_change_nothing()
    {
        var s = await SetUpAsync();
        var editor = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        Assert.Equal(s.List, (await editor.GetDocumentAsync($"/{s.M.Slug}/manage/plans/{Id(s.PlanId)}")).QuerySelector("#yearly-reports-link")!.GetAttribute("href"));

        // The choice offers the years in which a period ends.
        var page = await editor.GetDocumentAsync(s.List);
        Assert.Equal([Id(s.Year - 1), s.Y, Id(s.Year + 1)], page.QuerySelectorAll("#Input_Year option").Select(o => o.GetAttribute("value")));

        // A year without a period, a year that is no number: named at the field; nothing is made.
        foreach (var (year, words) in new[] { ("1999", "In 1999 endet kein Berichtszeitraum"), ("abc", "Bitte wählen Sie ein Jahr"), ("", "Bitte wählen Sie ein Jahr") })
        {
            var refused = await editor.SubmitFormAsync(s.List, new Dictionary<string, string?> { ["Input.Year"] = year }, "#yearly-report-form");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var errors = (await HtmlForms.ParseAsync(refused)).QuerySelector("#Input_Year-error")!.TextContent;
            Assert.Contains(words, errors, StringComparison.Ordinal);
            Assert.Equal(0, await s.M.WithDbAsync(db => db.YearlyReports.CountAsync()));
        }
        Assert.Contains((await HtmlForms.ParseAsync(await editor.SubmitFormAsync(s.List, new Dictionary<string, string?> { ["Input.Year"] = "1999" }, "#yearly-report-form"))).Errors(),
            e => e.Contains($"Möglich sind: {s.Year - 1}, {s.Y}, {s.Year + 1}.", StringComparison.Ordinal));

        // The year is made as a draft; a second one for the same year is refused.
        var response = await editor.SubmitFormAsync(s.List, new Dictionary<string, string?> { ["Input.Year"] = s.Y }, "#yearly-report-form");
        Assert.Equal(s.Edit, response.RedirectTarget());
        var stored = await StoredAsync(s);
        Assert.NotNull(stored);
        Assert.Null(stored.PublishedOn);
        page = await editor.GetDocumentAsync(s.List);
        Assert.Contains("Entwurf", page.QuerySelector($"#yearly-report-{s.Y}")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(s.Y, page.QuerySelectorAll("#Input_Year option").Select(o => o.GetAttribute("value")));
        response = await editor.SubmitFormAsync(page, s.List, new Dictionary<string, string?> { ["Input.Year"] = s.Y }, "#yearly-report-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Für {s.Y} gibt es schon einen Jahresbericht", (await HtmlForms.ParseAsync(response)).QuerySelector("#Input_Year-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await s.M.WithDbAsync(db => db.YearlyReports.CountAsync()));
    }

    [Fact]
    public async Task The_print_view_rolls_up_the_latest_published_reports_and_shows_the_year_s_reports_milestones_and_indicators()
    {
        var s = await SetUpAsync();
        await AddReportAsync(s, "Ein **gutes** Jahr. " + HostileText.Script + " " + HostileText.RightToLeft);
        var editor = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);

        // The plan team's preview of the draft is marked and counts the year's reports that are not published.
        var preview = await editor.GetDocumentAsync(s.View);
        Assert.Contains("Entwurf", preview.QuerySelector("#draft-mark")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("0 im Entwurf, 0 eingereicht, 0 zurückgegeben, 1 angenommen", preview.QuerySelector("#pending-reports")!.TextContent, StringComparison.Ordinal);

        // Published, the public reads it; the edit page links the print view and the print view the PDF and XLSX.
        var response = await editor.SubmitFormAsync(s.Edit, new Dictionary<string, string?>(), "#publish-form");
        Assert.Equal(s.Edit, response.RedirectTarget());
        Assert.Equal(Today, (await StoredAsync(s))!.PublishedOn);
        Assert.Equal(s.View, (await editor.GetDocumentAsync(s.Edit)).QuerySelector("#view-link")!.GetAttribute("href"));
        var anonymous = app.CreateBrowserlikeClient();
        response = await anonymous.GetAsync(s.View);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(HostileText.Script, html, StringComparison.Ordinal);
        Assert.Contains(HostileText.RightToLeft, html, StringComparison.Ordinal);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Null(page.QuerySelector("#draft-mark"));
        Assert.Null(page.QuerySelector("#pending-reports"));
        Assert.Equal(s.Pdf, page.QuerySelector("#pdf-link")!.GetAttribute("href"));
        Assert.Equal(s.Xlsx, page.QuerySelector("#xlsx-link")!.GetAttribute("href"));
        Assert.Equal($"Jahresbericht {s.Y}", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("gutes", page.QuerySelector("#foreword strong")!.TextContent);

        // The roll-up is RollUp.Compute's for the same rows, with the method and the basis said.
        var expected = ExpectedRollUp(s);
        Assert.Equal(Percent(expected.Plan.Progress), page.QuerySelector("#plan-progress")!.TextContent);
        Assert.Equal("65 %", page.QuerySelector("#plan-progress")!.TextContent);
        Assert.Contains("nach ihrem Gewicht", page.QuerySelector("#rollup-method")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("(3)", page.QuerySelector("#rollup-basis")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("aktueller Stand (1)", page.QuerySelector("#rollup-basis")!.TextContent, StringComparison.Ordinal);
        var statusRows = page.QuerySelectorAll("#status-table tbody tr").Select(r => r.QuerySelector("td")!.TextContent).ToList();
        Assert.Equal(expected.Plan.ByStatus.Select(x => Id(x.Count)), statusRows);
        Assert.Equal(expected.Plan.ByStatus.Select(x => Id(x.Count)), page.QuerySelectorAll("#status-chart text.bar-value").Select(t => t.TextContent));
        Assert.Equal("img", page.QuerySelector("#status-chart svg")!.GetAttribute("role"));
        Assert.Equal($"4 Maßnahmen insgesamt: 0 Nicht begonnen, 1 In Umsetzung, 1 Abgeschlossen, 2 Verzögert, 0 Eingestellt.", page.QuerySelector("#status-chart-desc")!.TextContent);
        var fieldRows = page.QuerySelectorAll("#field-table tbody tr").ToList();
        for (var i = 0; i < 2; i++)
        {
            var field = expected.Field(s.Fields[i]);
            Assert.Equal([Id(field.Count), Percent(field.Progress), .. field.ByStatus.Select(x => Id(x.Count))], fieldRows[i].QuerySelectorAll("td").Select(td => td.TextContent));
        }
        Assert.Equal([Percent(expected.Field(s.Fields[0]).Progress), Percent(expected.Field(s.Fields[1]).Progress)],
            page.QuerySelectorAll("#field-chart text.bar-value").Select(t => t.TextContent));

        // Measures: their state at the year's end and the published reports of the year's two periods only.
        var first = page.QuerySelector("#measure-1\\.1")!;
        Assert.Contains("Abgeschlossen, 100 % (laut Bericht", first.QuerySelector(".measure-state")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Amt A " + HostileText.Script, first.TextContent, StringComparison.Ordinal);
        Assert.Equal([$"Bericht {s.Y}, 1. Halbjahr", $"Bericht {s.Y}, 2. Halbjahr"], first.QuerySelectorAll("h4").Select(h => h.TextContent));
        Assert.Contains("Kurse ausgeschrieben " + HostileText.Script, first.TextContent, StringComparison.Ordinal);
        Assert.Contains(Obstacle, first.TextContent, StringComparison.Ordinal);
        Assert.Contains(PlanFormat.Euro(1234.5m, German), first.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://example.org/bericht", first.QuerySelector(".period-report a")!.GetAttribute("href"));
        Assert.Contains("Abgeschlossen im Dezember", first.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Nach dem Jahr", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Aus dem Vorjahr", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Angenommen, nicht veröffentlicht", html, StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelector("#measure-1\\.2")!.QuerySelectorAll(".no-report").Length);
        Assert.Contains("In Umsetzung, 20 % (laut Bericht", page.QuerySelector("#measure-1\\.2 .measure-state")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Verzögert, 15 % (aktueller Stand", page.QuerySelector("#measure-2\\.1 .measure-state")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Verzögert, 40 % (laut Bericht", page.QuerySelector("#measure-2\\.2 .measure-state")!.TextContent, StringComparison.Ordinal);

        // Milestones due in the year, with their state at the year's end; those overdue then, from earlier years too.
        Assert.Equal(["Kurs gestartet", "Räume gefunden " + HostileText.Script], page.QuerySelectorAll("#due-table tbody th").Select(t => t.TextContent));
        Assert.Contains("erledigt am", page.QuerySelectorAll("#due-table tbody tr")[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("überfällig seit", page.QuerySelectorAll("#due-table tbody tr")[1].TextContent, StringComparison.Ordinal);
        Assert.Equal(["Träger beauftragt", "Räume gefunden " + HostileText.Script], page.QuerySelectorAll("#overdue-table tbody th").Select(t => t.TextContent));
        Assert.Equal("2", page.QuerySelector("#overdue-count")!.TextContent);

        // Indicators: the latest value up to the year's end, judged by IndicatorTrack on those values only.
        var indicatorRows = page.QuerySelectorAll("#indicator-table tbody tr").ToList();
        Assert.Equal(["Anteil in eigener Wohnung " + HostileText.Script, "Wartezeit auf einen Sprachkurs", "Teilnehmende"], indicatorRows.Select(r => r.QuerySelector("th")!.TextContent));
        var share = IndicatorTrack.Of(IndicatorDirection.HigherIsBetter, new DateOnly(s.Year - 1, 1, 1), 40, new DateOnly(s.Year + 1, 12, 31), 60,
            [new(new DateOnly(s.Year - 1, 6, 30), 42), new(new DateOnly(s.Year, 12, 31), 52.5m)]);
        Assert.NotEqual(TrackState.TargetReached, share.State);
        var cells = indicatorRows[0].QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        Assert.Equal("ganzer Plan", cells[0]);
        Assert.StartsWith(Planwerk.Features.Implementation.Indicators.IndicatorNumber.WithUnit(52.5m, "%", German), cells[3], StringComparison.Ordinal);
        Assert.Equal(TrackText(share.State), cells[4]);
        var waiting = IndicatorTrack.Of(IndicatorDirection.LowerIsBetter, new DateOnly(s.Year - 1, 1, 1), 90, new DateOnly(s.Year, 12, 31), 30, [new(new DateOnly(s.Year, 6, 1), 50)]);
        Assert.Equal(["Handlungsfeld 2", TrackText(waiting.State)], new[] { indicatorRows[1].QuerySelectorAll("td")[0].TextContent, indicatorRows[1].QuerySelectorAll("td")[4].TextContent });
        Assert.Equal(["Maßnahme 2.2", "noch keine Werte"], new[] { indicatorRows[2].QuerySelectorAll("td")[0].TextContent, indicatorRows[2].QuerySelectorAll("td")[4].TextContent });
    }

    private static string TrackText(TrackState state) => Planwerk.Features.Implementation.Indicators.IndicatorText.State(state);

    [Fact]
    public async Task The_pdf_says_the_same_with_its_charts_drawn_as_bars_and_text()
    {
        var s = await SetUpAsync();
        await AddReportAsync(s, "Vorwort mit " + HostileText.Script, published: true);
        var (pdf, response) = await PdfText.FetchAsync(app.CreateBrowserlikeClient(), s.Pdf);
        Assert.Equal($"Jahresbericht-{s.Y}-Testplan.pdf", response.Content.Headers.ContentDisposition!.FileName);
        var text = pdf.Content;
        static string Flat(string value) => PrintPlans.Normalize(value);
        Assert.Contains($"Jahresbericht {s.Y}", pdf.Pages[0], StringComparison.Ordinal);
        // Raw HTML in the foreword is the literal text it is.
        Assert.Contains("Vorwort mit <script>alert(1)</script>", text, StringComparison.Ordinal);
        foreach (var title in new[] { "1.1 Maßnahme 1.1", "1.2 Maßnahme 1.2", "2.1 Maßnahme 2.1", "2.2 Maßnahme 2.2" })
            Assert.Contains(title, text, StringComparison.Ordinal);
        foreach (var indicator in new[] { "Anteil in eigener Wohnung <script>alert(1)</script>", "Wartezeit auf einen Sprachkurs", "Teilnehmende" })
            Assert.Contains(indicator, text, StringComparison.Ordinal);
        var expected = ExpectedRollUp(s);
        Assert.Contains(Flat("Fortschritt des Plans " + Percent(expected.Plan.Progress)), text, StringComparison.Ordinal);
        // Each bar row carries its label and value as text.
        foreach (var status in expected.Plan.ByStatus)
            Assert.Contains($"{PlanText.Status(status.Status)} {Id(status.Count)}", text, StringComparison.Ordinal);
        Assert.Contains(Flat("Handlungsfeld 1 " + Percent(expected.Field(s.Fields[0]).Progress)), text, StringComparison.Ordinal);
        Assert.Contains("Kurse ausgeschrieben <script>alert(1)</script>", text, StringComparison.Ordinal);
        Assert.Contains("Abgeschlossen im Dezember", text, StringComparison.Ordinal);
        Assert.Contains("Kein veröffentlichter Bericht.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nach dem Jahr geschrieben", text, StringComparison.Ordinal);
        Assert.Contains("52,5 %", text, StringComparison.Ordinal);
        Assert.Contains(Flat(PlanFormat.Euro(1234.5m, German)), text, StringComparison.Ordinal);
        Assert.Contains("Träger beauftragt", text, StringComparison.Ordinal);

        // Charts are vector graphics: no images anywhere, filled bars on the overview's page.
        Assert.All(pdf.Images, page => Assert.Empty(page));
        using var document = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal($"Jahresbericht {s.Y}: Testplan", document.Information.Title);
        Assert.True(document.Structure.Catalog.CatalogDictionary.Data.ContainsKey("MarkInfo"), "not marked as tagged");
        var overview = document.GetPages().First(p => p.Text.Contains("nach Status", StringComparison.Ordinal));
        // 3 status bars (0 draws none) and 2 field bars.
        Assert.True(overview.Paths.Count(p => p.IsFilled) >= 5, $"{overview.Paths.Count(p => p.IsFilled)} filled paths");

        // The plan team's PDF of a draft says so in its title.
        await s.M.WithDbAsync(async db =>
        {
            (await db.YearlyReports.SingleAsync()).PublishedOn = null;
            return await db.SaveChangesAsync();
        });
        var editor = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var draft = await editor.GetAsync(s.Pdf);
        using var draftDocument = UglyToad.PdfPig.PdfDocument.Open(await draft.Content.ReadAsByteArrayAsync());
        Assert.Equal($"Entwurf: Jahresbericht {s.Y}: Testplan", draftDocument.Information.Title);
    }

    [Fact]
    public async Task The_xlsx_has_one_row_per_measure_and_period_of_the_year_and_no_formula()
    {
        var s = await SetUpAsync();
        await AddReportAsync(s, published: true);
        var response = await app.CreateBrowserlikeClient().GetAsync(s.Xlsx);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(YearlyReportXlsx.ContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"Jahresbericht-{s.Y}-Testplan.xlsx", response.Content.Headers.ContentDisposition!.FileName);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(1);
        Assert.Equal(["Nummer", "Maßnahme", "Handlungsfeld", "Federführung", "Berichtszeitraum", "Stand des Berichts", "Status", "Fortschritt in %",
            "Was wurde getan?", "Nächste Schritte", "Hindernisse", "Bisher ausgegeben in Euro", "Links", "Veröffentlicht am"],
            Enumerable.Range(1, 14).Select(c => sheet.Cell(1, c).GetString()));
        // Four measures in plan order, each with the year's two periods.
        Assert.Equal(9, sheet.LastRowUsed()!.RowNumber());
        Assert.Equal(["1.1", "1.1", "1.2", "1.2", "2.1", "2.1", "2.2", "2.2"], Enumerable.Range(2, 8).Select(r => sheet.Cell(r, 1).GetString()));
        Assert.Equal(Enumerable.Repeat(new[] { $"{s.Y}, 1. Halbjahr", $"{s.Y}, 2. Halbjahr" }, 4).SelectMany(x => x), Enumerable.Range(2, 8).Select(r => sheet.Cell(r, 5).GetString()));

        var row = sheet.Row(2);
        Assert.Equal("Maßnahme 1.1", row.Cell(2).GetString());
        Assert.Equal("Handlungsfeld 1: Teilbereich 1", row.Cell(3).GetString());
        Assert.Equal("Amt A " + HostileText.Script, row.Cell(4).GetString());
        Assert.Equal("veröffentlicht", row.Cell(6).GetString());
        Assert.Equal("In Umsetzung", row.Cell(7).GetString());
        Assert.Equal(30, row.Cell(8).GetValue<int>());
        Assert.Equal("Kurse ausgeschrieben " + HostileText.Script + " " + HostileText.RightToLeft, row.Cell(9).GetString());
        Assert.Equal("Zweiter Kurs", row.Cell(10).GetString());
        // The obstacle that looks like a formula is text, not a formula.
        Assert.False(row.Cell(11).HasFormula);
        Assert.Equal(XLDataType.Text, row.Cell(11).DataType);
        Assert.Equal(Obstacle, row.Cell(11).GetString());
        Assert.True(row.Cell(11).Style.IncludeQuotePrefix);
        Assert.Equal(1234.5m, row.Cell(12).GetValue<decimal>());
        Assert.Equal("https://example.org/bericht", row.Cell(13).GetString());
        Assert.Equal(new DateTime(s.Year, 6, 20), row.Cell(14).GetDateTime());
        Assert.Equal(100, sheet.Cell(3, 8).GetValue<int>());
        // Measure 1.2's accepted report is not published: the row says so and carries nothing of it.
        Assert.Equal("kein veröffentlichter Bericht", sheet.Cell(4, 6).GetString());
        Assert.True(sheet.Cell(4, 9).IsEmpty());
        Assert.DoesNotContain(sheet.CellsUsed(), c => c.HasFormula);
    }

    [Fact]
    public async Task Publishing_puts_the_report_on_the_timeline_edits_reach_the_public_at_once_and_withdrawing_takes_it_off()
    {
        var s = await SetUpAsync();
        await AddReportAsync(s, "Erste Fassung");
        var editor = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var anonymous = app.CreateBrowserlikeClient();
        string TimelineLinks(IDocument page) => string.Join(" ", page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));

        // Both pages are cached for the public, so each save must evict them.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(s.View)).StatusCode);
        Assert.DoesNotContain(s.View, TimelineLinks(await anonymous.GetDocumentAsync(s.Timeline)), StringComparison.Ordinal);

        Assert.Equal(s.Edit, (await editor.SubmitFormAsync(s.Edit, new Dictionary<string, string?>(), "#publish-form")).RedirectTarget());
        var timeline = await anonymous.GetDocumentAsync(s.Timeline);
        var entry = timeline.QuerySelectorAll(".timeline-entry").Single(e => e.TextContent.Contains($"Jahresbericht {s.Y} veröffentlicht", StringComparison.Ordinal));
        Assert.Equal(s.View, entry.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(BerlinTime.Date(Today), entry.QuerySelector("time")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Erste Fassung", (await anonymous.GetDocumentAsync(s.View)).QuerySelector("#foreword")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(s.Edit, (await editor.SubmitFormAsync(s.Edit, new Dictionary<string, string?> { ["Input.Foreword"] = "Zweite Fassung" }, "#foreword-form")).RedirectTarget());
        Assert.Contains("Zweite Fassung", (await anonymous.GetDocumentAsync(s.View)).QuerySelector("#foreword")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(s.Edit, (await editor.SubmitFormAsync(s.Edit, new Dictionary<string, string?>(), "#withdraw-form")).RedirectTarget());
        Assert.Null((await StoredAsync(s))!.PublishedOn);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(s.View)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(s.Pdf)).StatusCode);
        Assert.DoesNotContain(s.View, TimelineLinks(await anonymous.GetDocumentAsync(s.Timeline)), StringComparison.Ordinal);
        Assert.DoesNotContain("Jahresbericht", (await anonymous.GetDocumentAsync(s.Timeline)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_form_gets_the_conflict_view_and_bad_moves_change_nothing()
    {
        var s = await SetUpAsync();
        await AddReportAsync(s, "Gespeichert");
        var editor = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);

        // Too long: named at the field; nothing changes.
        var response = await editor.SubmitFormAsync(s.Edit, new Dictionary<string, string?> { ["Input.Foreword"] = new string('x', YearlyReport.MaxForewordLength + 1) }, "#foreword-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("höchstens 20.000 Zeichen", (await HtmlForms.ParseAsync(response)).QuerySelector("#Input_Foreword-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Gespeichert", (await StoredAsync(s))!.Foreword);
        // At the limit it is taken.
        var longest = (HostileText.VeryLong + HostileText.VeryLong)[..(YearlyReport.MaxForewordLength - HostileText.Script.Length)] + HostileText.Script;
        Assert.Equal(s.Edit, (await editor.SubmitFormAsync(s.Edit, new Dictionary<string, string?> { ["Input.Foreword"] = longest }, "#foreword-form")).RedirectTarget());
        Assert.Equal(longest.Trim(), (await StoredAsync(s))!.Foreword);

        // A form read before someone else's save comes back with both; the other save stays.
        var stale = await editor.GetDocumentAsync(s.Edit);
        Assert.Equal(s.Edit, (await editor.SubmitFormAsync(s.Edit, new Dictionary<string, string?> { ["Input.Foreword"] = "Von jemand anderem" }, "#foreword-form")).RedirectTarget());
        response = await editor.SubmitFormAsync(stale, s.Edit, new Dictionary<string, string?> { ["Input.Foreword"] = "Meine Fassung" }, "#foreword-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("inzwischen von jemand anderem geändert", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Von jemand anderem", page.QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Meine Fassung", page.QuerySelector("#Input_Foreword")!.TextContent.Trim());
        Assert.Equal("Von jemand anderem", (await StoredAsync(s))!.Foreword);

        // Publishing from a stale page is refused; so is deleting a published report.
        response = await editor.SubmitFormAsync(stale, s.Edit, new Dictionary<string, string?>(), "#publish-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("inzwischen von jemand anderem geändert", (await HtmlForms.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await StoredAsync(s))!.PublishedOn);
        Assert.Equal(s.Edit, (await editor.SubmitFormAsync(s.Edit, new Dictionary<string, string?>(), "#publish-form")).RedirectTarget());
        var token = await editor.AntiforgeryTokenAsync();
        response = await editor.PostWithTokenAsync(s.Edit + "?handler=Delete", token, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Veröffentlichung zurück", (await HtmlForms.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await StoredAsync(s))!.PublishedOn);

        // Withdrawn, the draft can be deleted.
        Assert.Equal(s.Edit, (await editor.SubmitFormAsync(s.Edit, new Dictionary<string, string?>(), "#withdraw-form")).RedirectTarget());
        Assert.Equal(s.List, (await editor.SubmitFormAsync(s.Edit, new Dictionary<string, string?>(), "#delete-form")).RedirectTarget());
        Assert.Null(await StoredAsync(s));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(s.Edit)).StatusCode);
    }

    [Fact]
    public async Task Only_the_plan_team_reaches_the_team_pages_and_drafts_the_public_reads_published_ones_and_other_municipalities_nothing()
    {
        var s = await SetUpAsync();
        await AddReportAsync(s, "Vorwort");
        var version = (await StoredAsync(s))!.Version;
        var stale = new Dictionary<string, string> { ["Input.Version"] = Id(version + 5), ["Input.Foreword"] = "Neu" };
        var other = await app.CreateMunicipalityAsync();
        var elsewhere = new[] { s.View, s.Pdf, s.Xlsx, s.Edit, s.List }.Select(u => u.Replace("/" + s.M.Slug + "/", "/" + other.Slug + "/", StringComparison.Ordinal)).ToList();

        foreach (var visitor in Enum.GetValues<Visitor>())
        {
            var client = await PermissionMatrix.ClientAsync(app, s.M, visitor);
            // Team pages and handlers; the posts are refused for everyone admitted (a taken year, a stale version, a
            // published report), so the matrix changes nothing.
            await PermissionMatrix.AssertAsync(client, visitor, [
                PermissionCheck.Get(s.List, Access.PlanEditor),
                PermissionCheck.Post(s.List, Access.PlanEditor, new() { ["Input.Year"] = s.Y }, HttpStatusCode.OK),
                PermissionCheck.Get(s.Edit, Access.PlanEditor),
                PermissionCheck.Post(s.Edit, Access.PlanEditor, stale, HttpStatusCode.OK),
                PermissionCheck.Post(s.Edit + "?handler=Publish", Access.PlanEditor, stale, HttpStatusCode.OK),
                PermissionCheck.Post(s.Edit + "?handler=Withdraw", Access.PlanEditor, stale, HttpStatusCode.OK),
                // The draft and its files: the plan team only; everyone else finds nothing.
                PermissionCheck.Get(s.View, Access.PlanEditor, refusal: HttpStatusCode.NotFound),
                PermissionCheck.Get(s.Pdf, Access.PlanEditor, refusal: HttpStatusCode.NotFound),
                PermissionCheck.Get(s.Xlsx, Access.PlanEditor, refusal: HttpStatusCode.NotFound),
            ], "draft: ");
            foreach (var url in elsewhere)
            {
                var answer = await client.GetAsync(url);
                Assert.True(answer.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Redirect, $"{visitor}: {url} answered {(int)answer.StatusCode}");
                if (answer.StatusCode == HttpStatusCode.Redirect)
                    Assert.DoesNotContain("/yearly-reports", answer.RedirectTarget().Split('?')[0], StringComparison.Ordinal);
            }
        }
        // The other municipality's own administrator finds nothing of it under that municipality's address either.
        var otherAdmin = await other.SignedInClientAsync(MunicipalityRole.Administrator);
        foreach (var url in elsewhere)
            Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync(url)).StatusCode);
        Assert.Null((await StoredAsync(s))!.PublishedOn);
        Assert.Equal("Vorwort", (await StoredAsync(s))!.Foreword);

        await s.M.WithDbAsync(async db =>
        {
            (await db.YearlyReports.SingleAsync()).PublishedOn = Today;
            return await db.SaveChangesAsync();
        });
        foreach (var visitor in Enum.GetValues<Visitor>())
        {
            var client = await PermissionMatrix.ClientAsync(app, s.M, visitor);
            await PermissionMatrix.AssertAsync(client, visitor, [
                PermissionCheck.Get(s.View, Access.Everyone),
                PermissionCheck.Get(s.Pdf, Access.Everyone),
                PermissionCheck.Get(s.Xlsx, Access.Everyone),
                PermissionCheck.Post(s.Edit + "?handler=Delete", Access.PlanEditor, new(), HttpStatusCode.OK),
                PermissionCheck.Get(YearlyReportUrls.Edit(s.M.Slug, s.PlanId, 1999), Access.PlanEditor, HttpStatusCode.NotFound),
                PermissionCheck.Get(YearlyReportUrls.View(s.M.Slug, s.PlanId, 1999), Access.Nobody, refusal: HttpStatusCode.NotFound),
            ], "published: ");
        }
        Assert.NotNull(await StoredAsync(s));

        // A published report of a plan that is not public: the plan team only.
        await s.M.WithDbAsync(async db =>
        {
            (await db.Plans.SingleAsync(p => p.Id == s.PlanId)).IsPublic = false;
            return await db.SaveChangesAsync();
        });
        // Saved behind the pages' back here, so the cached public copy is evicted as a page's save would.
        await PublicPageCache.EvictMunicipalityAsync(app.Services.GetRequiredService<IOutputCacheStore>(), s.M.Slug);
        foreach (var visitor in new[] { Visitor.Anonymous, Visitor.Moderator, Visitor.PlanEditor, Visitor.OtherAdministrator })
        {
            var client = await PermissionMatrix.ClientAsync(app, s.M, visitor);
            await PermissionMatrix.AssertAsync(client, visitor, [PermissionCheck.Get(s.View, Access.PlanEditor, refusal: HttpStatusCode.NotFound)], "plan not public: ");
        }
    }

    [Fact]
    public async Task The_print_view_and_the_xlsx_cost_the_same_few_queries_for_66_and_6600_measures_with_8_periods()
    {
        var m = await app.CreateMunicipalityAsync();
        var year = Today.Year - 1;
        async Task<int> PlanAsync(int measuresPerField)
        {
            var plan = await m.PlanAsync(principles: 0, fields: 11, measuresPerField: measuresPerField);
            await m.WithDbAsync(async db =>
            {
                (await db.Plans.SingleAsync(p => p.Id == plan.Id)).IsPublic = true;
                var status = new ImplementationStatus { Name = "In Umsetzung " + Id(plan.Id), Kind = MeasureStatus.InProgress, DefaultProgress = 50 };
                db.ImplementationStatuses.Add(status);
                for (var i = 0; i < 8; i++)
                {
                    var (y, half) = (year - 3 + i / 2, i % 2 + 1);
                    db.ReportingPeriods.Add(new ReportingPeriod
                    {
                        PlanId = plan.Id, Name = $"{y}, {half}. Halbjahr", StartsOn = new DateOnly(y, half == 1 ? 1 : 7, 1),
                        EndsOn = half == 1 ? new DateOnly(y, 6, 30) : new DateOnly(y, 12, 31), DueOn = new DateOnly(y + 1, 3, 1),
                    });
                }
                var milestones = await db.Measures.Where(x => x.PlanId == plan.Id).Select(x => x.Id).Take(20).ToListAsync();
                db.Milestones.AddRange(milestones.Select(id => new Milestone { MeasureId = id, Title = "Schritt", DueOn = new DateOnly(year, 5, 1) }));
                db.YearlyReports.Add(new YearlyReport { PlanId = plan.Id, Year = year, PublishedOn = new DateOnly(year + 1, 1, 10), Foreword = "Vorwort" });
                db.Indicators.Add(new Indicator
                {
                    PlanId = plan.Id, Name = "Indikator", BaselineOn = new DateOnly(year - 3, 1, 1), TargetOn = new DateOnly(year + 2, 1, 1), TargetValue = 10,
                    Values = [new() { On = new DateOnly(year, 3, 1), Value = 4 }],
                });
                await db.SaveChangesAsync();
                // Every measure has a published report in each of the eight periods, written in one statement.
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "MeasureReports" ("MunicipalityId", "MeasureId", "ReportingPeriodId", "StatusId", "Progress", "Done", "NextSteps", "Obstacles", "Links", "State", "ReturnComment", "Version")
                    SELECT m."MunicipalityId", m."Id", p."Id", {status.Id}, 40, 'Bericht', '', '', '', 'Published', '', 0
                    FROM "Measures" m CROSS JOIN "ReportingPeriods" p WHERE m."PlanId" = {plan.Id} AND p."PlanId" = {plan.Id}
                    """);
                return 0;
            });
            return plan.Id;
        }
        var small = await PlanAsync(6);
        var large = await PlanAsync(600);
        Assert.Equal(6600 * 8, await m.WithDbAsync(db => db.MeasureReports.CountAsync(r => r.Measure!.PlanId == large)));

        var counter = new QueryCounter();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureServices(services => services.AddSingleton<IInterceptor>(counter)));
        var client = counted.CreateClient();
        async Task<(int Count, string Body)> CountAsync(string url)
        {
            counter.Reset();
            var response = await client.GetAsync(url);
            var count = counter.Count;
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
            return (count, response.Content.Headers.ContentType?.MediaType == "text/html" ? await response.Content.ReadAsStringAsync() : "");
        }
        var counts = new List<int>();
        foreach (var file in new Func<string, int, int, string>[] { YearlyReportUrls.View, YearlyReportUrls.Xlsx })
        {
            var (smallCount, _) = await CountAsync(file(m.Slug, small, year));
            counts.Add(smallCount);
            var started = System.Diagnostics.Stopwatch.StartNew();
            var (largeCount, body) = await CountAsync(file(m.Slug, large, year));
            output.WriteLine($"{app.Provider}: {file(m.Slug, 0, year)} – 66 measures: {smallCount} commands, 6600 measures: {largeCount} commands, {started.ElapsedMilliseconds} ms");
            Assert.Equal(smallCount, largeCount);
            // The municipality, the report with its plan, and the six reads of the content.
            Assert.True(largeCount <= 8, $"{largeCount} commands");
            if (body.Length > 0)
            {
                // The page really shows them all: every measure, both of the year's reports of each.
                Assert.Equal("13200", System.Text.RegularExpressions.Regex.Match(body, "id=\"published-reports\">(\\d+)<").Groups[1].Value);
                Assert.Equal(6600, System.Text.RegularExpressions.Regex.Count(body, "<section class=\"measure\""));
            }
        }
        // The PDF reads the same content: the same commands, shown on the smaller plan (a PDF of 6,600 measures' reports
        // runs to thousands of pages).
        Assert.Equal(counts[0], (await CountAsync(YearlyReportUrls.Pdf(m.Slug, small, year))).Count);
    }
}

public sealed class YearlyReportSqliteTests(SqliteClockedApp app, ITestOutputHelper output) : YearlyReportTests(app, output), IClassFixture<SqliteClockedApp>;

public sealed class YearlyReportPostgresTests(PostgresClockedApp app, ITestOutputHelper output) : YearlyReportTests(app, output), IClassFixture<PostgresClockedApp>;
