using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Accounts;
using Planwerk.Features.Implementation;
using Planwerk.Features.Implementation.Reports;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Features.Plans.Manage;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Implementation;

/// <summary>Reports on carrying out a plan: a reporter of the lead organisation writes, adds evidence and submits; the
/// plan team returns, accepts and publishes, which moves the measure's live status and progress; the public reads
/// published reports only; reporters of other organisations, and other municipalities, find nothing; bad input and stale
/// forms change nothing; the reminder mail goes once over SMTP; the overview counts per organisation.</summary>
public abstract class ReportTests(ConsultationApp app)
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    private sealed record Setup(TestMunicipality M, int PlanId, int MeasureA, int MeasureB, int OrganisationA, int OrganisationB,
        int PeriodId, int StatusId, PlanwerkUser ReporterA, PlanwerkUser ReporterB, PlanwerkUser MemberA)
    {
        public string Url(int measureId, int? periodId = null) => ReportUrls.Report(M.Slug, measureId, periodId ?? PeriodId);
        public string MeasurePage(int measureId) => PublicPlanLinks.Measure(M.Slug, PlanId, measureId);
    }

    private DateOnly Today => Planwerk.Infrastructure.Time.BerlinTime.Today(app.Clock);

    /// <summary>A public plan with two measures, "Amt A" leading the first and "Verein B" the second; a reporter of each,
    /// a member of A who is no reporter; a status "In Umsetzung" (50 %), and a period that began 100 days ago, due in 20.</summary>
    private async Task<Setup> SetUpAsync()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 0, fields: 1, measuresPerField: 2);
        var a = await m.AddStakeholderAsync("Amt A " + HostileText.Script, kind: StakeholderKind.PublicAuthority);
        var b = await m.AddStakeholderAsync("Verein B");
        var (measureA, measureB) = (plan.Fields[0].MeasureIds[0], plan.Fields[0].MeasureIds[1]);
        var today = Today;
        var (periodId, statusId) = await m.WithDbAsync(async db =>
        {
            (await db.Plans.SingleAsync(p => p.Id == plan.Id)).IsPublic = true;
            db.MeasureOrganisations.Add(new MeasureOrganisation { MeasureId = measureA, OrganisationId = a, Role = MeasureOrganisationRole.Lead });
            db.MeasureOrganisations.Add(new MeasureOrganisation { MeasureId = measureB, OrganisationId = b, Role = MeasureOrganisationRole.Lead });
            var period = new ReportingPeriod { PlanId = plan.Id, Name = "Laufender Zeitraum", StartsOn = today.AddDays(-100), EndsOn = today.AddDays(-5), DueOn = today.AddDays(20) };
            db.ReportingPeriods.Add(period);
            var status = new ImplementationStatus { Name = "In Umsetzung", NameEn = "In progress", Kind = MeasureStatus.InProgress, DefaultProgress = 50, Position = 1 };
            db.ImplementationStatuses.Add(status);
            await db.SaveChangesAsync();
            return (period.Id, status.Id);
        });
        var reporterA = await app.CreateUserAsync();
        var reporterB = await app.CreateUserAsync();
        var memberA = await app.CreateUserAsync();
        await m.AddStakeholderMemberAsync(a, reporterA.Id);
        await m.AddStakeholderMemberAsync(b, reporterB.Id);
        await m.AddStakeholderMemberAsync(a, memberA.Id);
        await m.WithDbAsync(async db =>
        {
            foreach (var member in await db.StakeholderMembers.Where(x => x.UserId == reporterA.Id || x.UserId == reporterB.Id).ToListAsync()) member.IsReporter = true;
            return 0;
        });
        return new Setup(m, plan.Id, measureA, measureB, a, b, periodId, statusId, reporterA, reporterB, memberA);
    }

    /// <summary>Sends the report form as the browser does (multipart, with the page's token and fields), with
    /// <paramref name="values"/> changed, <paramref name="files"/> attached, and the button of <paramref name="move"/>.</summary>
    private static async Task<HttpResponseMessage> PostReportAsync(HttpClient client, string url, string move, Dictionary<string, string>? values = null,
        params (string Name, byte[] Content, string ClaimedType)[] files)
    {
        var page = await client.GetDocumentAsync(url);
        var form = page.QuerySelector("#report-form") as IHtmlFormElement ?? throw new InvalidOperationException("No report form on " + url);
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        Assert.NotNull(form.QuerySelector($"button[name=move][value={move}]"));
        var fields = new Dictionary<string, string>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("file" or "submit"):
                    fields[input.Name!] = input.Value;
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields[area.Name!] = area.Value;
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields[select.Name!] = select.Options.FirstOrDefault(o => o.IsSelected)?.Value ?? "";
                    break;
            }
        }
        foreach (var (name, value) in values ?? [])
        {
            if (!fields.ContainsKey(name)) throw new InvalidOperationException($"The report form has no field {name}.");
            fields[name] = value;
        }
        using var body = new MultipartFormDataContent();
        foreach (var (name, value) in fields) body.Add(new StringContent(value), name);
        body.Add(new StringContent(move), "move");
        foreach (var (name, content, type) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            body.Add(file, "evidence", name);
        }
        return await client.PostAsync(url, body);
    }

    private async Task<(ReportState State, int? Progress, string Done)?> StoredAsync(Setup s, int measureId) =>
        await s.M.WithDbAsync(async db => await db.MeasureReports.AsNoTracking().Where(r => r.MeasureId == measureId)
            .Select(r => new { r.State, r.Progress, r.Done }).FirstOrDefaultAsync() is { } r ? (r.State, r.Progress, r.Done) : ((ReportState, int?, string)?)null);

    [Fact]
    public async Task A_reporter_submits_with_evidence_the_team_returns_the_reporter_corrects_and_the_published_report_moves_the_measure()
    {
        var s = await SetUpAsync();
        var reporter = await app.SignInAsync(s.ReporterA.Email!);
        var editor = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var anonymous = app.CreateBrowserlikeClient();

        // "My reports" lists the measure of the reporter's organisation, not the other one.
        var mine = await reporter.GetDocumentAsync(ReportUrls.Mine(s.M.Slug));
        Assert.NotNull(mine.QuerySelector("#my-reports-link"));
        var links = mine.QuerySelectorAll("main table a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([s.Url(s.MeasureA)], links);
        Assert.Contains("fehlt", mine.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);

        // A draft with a PDF named .html: stored as a PDF; nobody outside sees it.
        var done = "Kurse ausgeschrieben " + HostileText.Script + " " + HostileText.RightToLeft;
        var response = await PostReportAsync(reporter, s.Url(s.MeasureA), "Save",
            new() { ["Input.StatusId"] = Id(s.StatusId), ["Input.Done"] = done, ["Input.Spent"] = "12.500,50", ["Input.Links"] = "https://example.org/bericht" },
            ("Beleg.html", Pdf, "text/html"));
        Assert.Equal(s.Url(s.MeasureA), response.RedirectTarget());
        Assert.Equal((ReportState.Draft, (int?)null, done), await StoredAsync(s, s.MeasureA));
        var evidence = await s.M.WithDbAsync(db => db.ReportEvidence.AsNoTracking().SingleAsync());
        Assert.Equal(("Beleg.pdf", "application/pdf"), (evidence.FileName, evidence.ContentType));
        Assert.Equal(12500.50m, await s.M.WithDbAsync(db => db.MeasureReports.Select(r => r.Spent).SingleAsync()));
        var evidenceUrl = ReportUrls.Evidence(s.M.Slug, evidence.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(evidenceUrl)).StatusCode);
        var download = await reporter.GetAsync(evidenceUrl);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());

        // Bad input: 120 %, a link that is none, an amount that is none, a file that is no document; nothing changes.
        var before = await StoredAsync(s, s.MeasureA);
        response = await PostReportAsync(reporter, s.Url(s.MeasureA), "Submit",
            new() { ["Input.Progress"] = "120", ["Input.Links"] = "javascript:alert(1)", ["Input.Spent"] = "zwölf", ["Input.Done"] = "Anders" },
            ("foto.jpg", "<html>kein Bild</html>"u8.ToArray(), "image/jpeg"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await HtmlForms.ParseAsync(response)).Errors();
        Assert.Contains(errors, e => e.Contains("Fortschritt", StringComparison.Ordinal) && e.Contains("100", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("http://", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Bisher ausgegeben", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("foto.jpg", StringComparison.Ordinal));
        Assert.Equal(before, await StoredAsync(s, s.MeasureA));
        Assert.Equal(1, await s.M.WithDbAsync(db => db.ReportEvidence.CountAsync()));

        // Submitted; the reporter cannot accept it.
        response = await PostReportAsync(reporter, s.Url(s.MeasureA), "Submit", new() { ["Input.Progress"] = "30" });
        Assert.Equal(s.Url(s.MeasureA), response.RedirectTarget());
        Assert.Equal(ReportState.Submitted, (await StoredAsync(s, s.MeasureA))!.Value.State);
        var view = await reporter.GetDocumentAsync(s.Url(s.MeasureA));
        Assert.Null(view.QuerySelector("#report-form"));
        Assert.Contains("eingereicht", view.QuerySelector("#report-state")!.TextContent, StringComparison.Ordinal);
        var token = await reporter.AntiforgeryTokenAsync();
        var version = await s.M.WithDbAsync(db => db.MeasureReports.Select(r => r.Version).SingleAsync());
        response = await reporter.PostWithTokenAsync(s.Url(s.MeasureA), token, new Dictionary<string, string> { ["move"] = "Accept", ["Input.Version"] = Id(version) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("das ist jetzt nicht möglich", (await HtmlForms.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ReportState.Submitted, (await StoredAsync(s, s.MeasureA))!.Value.State);

        // The team returns it: a comment is required.
        response = await PostReportAsync(editor, s.Url(s.MeasureA), "Return");
        Assert.Contains((await HtmlForms.ParseAsync(response)).Errors(), e => e.Contains("was am Bericht zu ändern ist", StringComparison.Ordinal));
        Assert.Equal(ReportState.Submitted, (await StoredAsync(s, s.MeasureA))!.Value.State);
        response = await PostReportAsync(editor, s.Url(s.MeasureA), "Return", new() { ["Input.ReturnComment"] = "Bitte die Teilnehmerzahl nennen." });
        Assert.Equal(s.Url(s.MeasureA), response.RedirectTarget());
        view = await reporter.GetDocumentAsync(s.Url(s.MeasureA));
        Assert.Contains("Bitte die Teilnehmerzahl nennen.", view.QuerySelector("#return-comment")!.TextContent, StringComparison.Ordinal);

        // The reporter corrects and submits; the team accepts and publishes.
        response = await PostReportAsync(reporter, s.Url(s.MeasureA), "Submit", new() { ["Input.Progress"] = "40", ["Input.Done"] = done + " 120 Teilnehmende." });
        Assert.Equal(s.Url(s.MeasureA), response.RedirectTarget());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(s.MeasurePage(s.MeasureA))).StatusCode);
        Assert.Null((await anonymous.GetDocumentAsync(s.MeasurePage(s.MeasureA))).QuerySelector("#reports"));
        response = await PostReportAsync(editor, s.Url(s.MeasureA), "Accept");
        Assert.Equal(s.Url(s.MeasureA), response.RedirectTarget());
        Assert.Equal(ReportState.Accepted, (await StoredAsync(s, s.MeasureA))!.Value.State);
        // Accepted is not yet public: the measure has not moved.
        var unmoved = await s.M.WithDbAsync(db => db.Measures.AsNoTracking().SingleAsync(x => x.Id == s.MeasureA));
        Assert.Equal((MeasureStatus.NotStarted, 0), (unmoved.Status, unmoved.Progress));
        response = await PostReportAsync(editor, s.Url(s.MeasureA), "Publish");
        Assert.Equal(s.Url(s.MeasureA), response.RedirectTarget());
        Assert.Equal(ReportState.Published, (await StoredAsync(s, s.MeasureA))!.Value.State);
        var measure = await s.M.WithDbAsync(db => db.Measures.AsNoTracking().SingleAsync(x => x.Id == s.MeasureA));
        Assert.Equal((MeasureStatus.InProgress, 40), (measure.Status, measure.Progress));

        // The public page shows it (the hostile text as text), with its evidence, which anyone may fetch now.
        var publicResponse = await anonymous.GetAsync(s.MeasurePage(s.MeasureA));
        var html = await publicResponse.Content.ReadAsStringAsync();
        Assert.DoesNotContain(HostileText.Script, html, StringComparison.Ordinal);
        var reports = (await HtmlForms.ParseAsync(publicResponse)).QuerySelector("#reports")!;
        Assert.Contains("Laufender Zeitraum", reports.TextContent, StringComparison.Ordinal);
        Assert.Contains("120 Teilnehmende.", reports.TextContent, StringComparison.Ordinal);
        Assert.Contains(HostileText.Script, reports.TextContent, StringComparison.Ordinal);
        Assert.Contains("40 %", reports.TextContent, StringComparison.Ordinal);
        Assert.Contains("In Umsetzung", reports.TextContent, StringComparison.Ordinal);
        Assert.Equal(evidenceUrl, reports.QuerySelector("a[href*='/reports/evidence/']")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(evidenceUrl)).StatusCode);
        // A published report is final: no form for anyone.
        Assert.Null((await editor.GetDocumentAsync(s.Url(s.MeasureA))).QuerySelector("#report-form"));

        // Every save and move is in the measure's history.
        var history = await editor.GetDocumentAsync($"/{s.M.Slug}/manage/plans/{Id(s.PlanId)}/measures/{Id(s.MeasureA)}/history");
        var text = history.QuerySelector("main")!.TextContent;
        Assert.Contains("Bericht", text, StringComparison.Ordinal);
        foreach (var state in new[] { "Draft", "Submitted", "Returned", "Accepted", "Published" })
            Assert.Contains("Laufender Zeitraum · " + state, text, StringComparison.Ordinal);
        Assert.Contains("Laufender Zeitraum: Beleg.pdf", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reporters_reach_only_their_organisations_measures_and_the_public_only_published_reports()
    {
        var s = await SetUpAsync();
        var reporterA = await app.SignInAsync(s.ReporterA.Email!);
        var reporterB = await app.SignInAsync(s.ReporterB.Email!);
        var memberA = await app.SignInAsync(s.MemberA.Email!);
        await PostReportAsync(reporterA, s.Url(s.MeasureA), "Save", new() { ["Input.Done"] = "Nur für A" }, ("a.pdf", Pdf, "application/pdf"));
        var evidenceId = await s.M.WithDbAsync(db => db.ReportEvidence.Select(e => e.Id).SingleAsync());

        // B's reporter finds nothing of A's measure: not the page, not the file, not a post.
        Assert.Equal(HttpStatusCode.NotFound, (await reporterB.GetAsync(s.Url(s.MeasureA))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporterB.GetAsync(ReportUrls.Evidence(s.M.Slug, evidenceId))).StatusCode);
        var token = await reporterB.AntiforgeryTokenAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await reporterB.PostWithTokenAsync(s.Url(s.MeasureA), token,
            new Dictionary<string, string> { ["move"] = "Submit", ["Input.Done"] = "Übernommen", ["Input.StatusId"] = Id(s.StatusId) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reporterB.GetAsync(s.Url(s.MeasureB))).StatusCode);
        Assert.Equal("Nur für A", (await StoredAsync(s, s.MeasureA))!.Value.Done);
        Assert.Equal(ReportState.Draft, (await StoredAsync(s, s.MeasureA))!.Value.State);

        // A period of another plan under this measure's address is no address.
        var otherPlan = await s.M.PlanAsync(principles: 0, fields: 1, measuresPerField: 1);
        var foreignPeriod = await s.M.WithDbAsync(async db =>
        {
            var p = new ReportingPeriod { PlanId = otherPlan.Id, Name = "Fremd", StartsOn = Today.AddDays(-10), EndsOn = Today, DueOn = Today.AddDays(5) };
            db.ReportingPeriods.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await reporterA.GetAsync(s.Url(s.MeasureA, foreignPeriod))).StatusCode);

        // Every role: the pages and what they answer.
        var other = await app.CreateMunicipalityAsync();
        var cases = new (string Who, HttpClient Client, bool Report, bool Evidence, bool Mine, bool Overview)[]
        {
            ("anonymous", app.CreateBrowserlikeClient(), false, false, false, false),
            ("resident", await app.SignInAsync((await app.CreateUserAsync()).Email!), false, false, false, false),
            ("member, no reporter", memberA, false, false, false, false),
            ("reporter A", reporterA, true, true, true, false),
            ("reporter B", reporterB, false, false, true, false),
            ("plan editor", await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor), true, true, true, true),
            ("administrator", await s.M.SignedInClientAsync(MunicipalityRole.Administrator), true, true, true, true),
            ("moderator", await s.M.SignedInClientAsync(MunicipalityRole.Moderator), false, false, false, false),
            ("council clerk", await s.M.SignedInClientAsync(MunicipalityRole.CouncilClerk), false, false, false, false),
            ("other plan editor", await other.SignedInClientAsync(MunicipalityRole.PlanEditor), false, false, false, false),
        };
        foreach (var (who, client, report, evidence, mineAllowed, overview) in cases)
        {
            async Task Expect(string url, bool allowed, bool hidden)
            {
                var answer = await client.GetAsync(url);
                if (allowed) Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{who}: {url} answered {(int)answer.StatusCode}");
                else Assert.True(answer.StatusCode == HttpStatusCode.NotFound || (!hidden && answer.StatusCode == HttpStatusCode.Redirect),
                    $"{who}: {url} answered {(int)answer.StatusCode}");
            }
            await Expect(s.Url(s.MeasureA), report, hidden: false);
            await Expect(ReportUrls.Evidence(s.M.Slug, evidenceId), evidence, hidden: true);
            await Expect(ReportUrls.Mine(s.M.Slug), mineAllowed, hidden: false);
            await Expect(ReportUrls.Overview(s.M.Slug, s.PlanId), overview, hidden: false);
            await Expect($"/{s.M.Slug}/manage/report-reminders", overview, hidden: false);
        }
        // The other municipality's editor, under their own municipality's address, finds no such measure.
        var otherEditor = await other.SignedInClientAsync(MunicipalityRole.PlanEditor);
        Assert.Equal(HttpStatusCode.NotFound, (await otherEditor.GetAsync(ReportUrls.Report(other.Slug, s.MeasureA, s.PeriodId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherEditor.GetAsync(ReportUrls.Evidence(other.Slug, evidenceId))).StatusCode);
    }

    [Fact]
    public async Task A_stale_form_gets_the_conflict_view_and_overwrites_nothing()
    {
        var s = await SetUpAsync();
        var reporter = await app.SignInAsync(s.ReporterA.Email!);
        var editor = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        await PostReportAsync(reporter, s.Url(s.MeasureA), "Save", new() { ["Input.Done"] = "Erste Fassung" });
        var stalePage = await reporter.GetDocumentAsync(s.Url(s.MeasureA));
        await PostReportAsync(editor, s.Url(s.MeasureA), "Save", new() { ["Input.Done"] = "Vom Planungsteam ergänzt" });

        var form = (IHtmlFormElement)stalePage.QuerySelector("#report-form")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(form.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!), "Input.Version" },
            { new StringContent("Veraltete Fassung"), "Input.Done" },
            { new StringContent("Submit"), "move" },
        };
        var response = await reporter.PostAsync(s.Url(s.MeasureA), body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("inzwischen von jemand anderem geändert", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Vom Planungsteam ergänzt", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((ReportState.Draft, (int?)null, "Vom Planungsteam ergänzt"), await StoredAsync(s, s.MeasureA));
    }

    [Fact]
    public async Task A_period_to_come_cannot_be_reported_on_and_an_older_published_report_does_not_undo_a_newer_one()
    {
        var s = await SetUpAsync();
        var editor = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var (older, coming) = await s.M.WithDbAsync(async db =>
        {
            var o = new ReportingPeriod { PlanId = s.PlanId, Name = "Früher", StartsOn = Today.AddDays(-300), EndsOn = Today.AddDays(-101), DueOn = Today.AddDays(-80) };
            var c = new ReportingPeriod { PlanId = s.PlanId, Name = "Künftig", StartsOn = Today.AddDays(10), EndsOn = Today.AddDays(100), DueOn = Today.AddDays(120) };
            db.ReportingPeriods.AddRange(o, c);
            await db.SaveChangesAsync();
            return (o.Id, c.Id);
        });
        var comingPage = await editor.GetDocumentAsync(s.Url(s.MeasureA, coming));
        Assert.Null(comingPage.QuerySelector("#report-form"));
        Assert.NotNull(comingPage.QuerySelector("#report-not-started"));
        var token = await editor.AntiforgeryTokenAsync();
        await editor.PostWithTokenAsync(s.Url(s.MeasureA, coming), token, new Dictionary<string, string> { ["move"] = "Save", ["Input.Done"] = "Zu früh" });
        Assert.Equal(0, await s.M.WithDbAsync(db => db.MeasureReports.CountAsync(r => r.ReportingPeriodId == coming)));

        // The older period is overdue and shows so.
        Assert.Contains("überfällig", (await editor.GetDocumentAsync(s.Url(s.MeasureA, older))).QuerySelector("#report-facts")!.TextContent, StringComparison.Ordinal);

        async Task PublishAsync(int period, string progress)
        {
            foreach (var (move, values) in new (string, Dictionary<string, string>)[]
            {
                ("Submit", new() { ["Input.StatusId"] = Id(s.StatusId), ["Input.Progress"] = progress }), ("Accept", []), ("Publish", []),
            })
            {
                Assert.Equal(s.Url(s.MeasureA, period), (await PostReportAsync(editor, s.Url(s.MeasureA, period), move, values)).RedirectTarget());
            }
        }
        await PublishAsync(s.PeriodId, "60");
        await PublishAsync(older, "20");
        Assert.Equal(60, await s.M.WithDbAsync(db => db.Measures.Where(x => x.Id == s.MeasureA).Select(x => x.Progress).SingleAsync()));
        // Both are on the public page, the newer period first.
        var headings = (await app.CreateBrowserlikeClient().GetDocumentAsync(s.MeasurePage(s.MeasureA))).QuerySelectorAll("#reports h3").Select(h => h.TextContent).ToList();
        Assert.Equal(["Laufender Zeitraum", "Früher"], headings);
    }

    [Fact]
    public async Task The_overview_counts_per_lead_organisation_and_marks_overdue_reports()
    {
        var s = await SetUpAsync();
        var reporter = await app.SignInAsync(s.ReporterA.Email!);
        await PostReportAsync(reporter, s.Url(s.MeasureA), "Submit", new() { ["Input.StatusId"] = Id(s.StatusId) });
        var editor = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var page = await editor.GetDocumentAsync(ReportUrls.Overview(s.M.Slug, s.PlanId));
        var rows = page.QuerySelectorAll("#organisations tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(2, rows.Count);
        var a = rows.Single(r => r[0].StartsWith("Amt A", StringComparison.Ordinal));
        Assert.Equal(["1", "0", "0", "1", "0", "0", "0", "0"], a.Skip(1));
        var b = rows.Single(r => r[0] == "Verein B");
        Assert.Equal(["1", "1", "0", "0", "0", "0", "0", "0"], b.Skip(1));
        Assert.NotNull(page.QuerySelector("#reports-link") ?? (await editor.GetDocumentAsync($"/{s.M.Slug}/manage/plans/{Id(s.PlanId)}")).QuerySelector("#reports-link"));

        // After the due date, B's missing report is overdue; A's submitted one is not.
        app.MoveTo(app.Clock.GetUtcNow().AddDays(22));
        editor = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        page = await editor.GetDocumentAsync(ReportUrls.Overview(s.M.Slug, s.PlanId));
        b = page.QuerySelectorAll("#organisations tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList()).Single(r => r[0] == "Verein B");
        Assert.Equal("1", b[^1]);
        var measureRows = page.QuerySelectorAll("#measures tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(measureRows, r => r.Contains("eingereicht", StringComparison.Ordinal) && !r.Contains("überfällig", StringComparison.Ordinal));
        Assert.Contains(measureRows, r => r.Contains("fehlt", StringComparison.Ordinal) && r.Contains("überfällig", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_reminder_goes_once_over_SMTP_to_reporters_with_missing_reports_from_the_configured_day()
    {
        var s = await SetUpAsync();
        var editor = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        // The municipality reminds 10 days before the due date (20 days from now).
        var response = await editor.SubmitFormAsync($"/{s.M.Slug}/manage/report-reminders", new Dictionary<string, string?> { ["Input.DaysBeforeDue"] = "400" }, "#reminder-form");
        Assert.Contains((await HtmlForms.ParseAsync(response)).Errors(), e => e.Contains("365", StringComparison.Ordinal));
        response = await editor.SubmitFormAsync($"/{s.M.Slug}/manage/report-reminders", new Dictionary<string, string?> { ["Input.DaysBeforeDue"] = "10" }, "#reminder-form");
        Assert.Equal($"/{s.M.Slug}/manage/report-reminders", response.RedirectTarget());
        // A has submitted; B has not.
        var reporterA = await app.SignInAsync(s.ReporterA.Email!);
        await PostReportAsync(reporterA, s.Url(s.MeasureA), "Submit", new() { ["Input.StatusId"] = Id(s.StatusId) });

        async Task<int> RunAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ReportReminders>().SendDueAsync(CancellationToken.None);
        }
        int Received(PlanwerkUser user) => app.Smtp.MessagesTo(user.Email!).Count(x => (x.Subject ?? "").Contains("Laufender Zeitraum", StringComparison.Ordinal));

        var due = Today.AddDays(20);
        // Other tests' municipalities share the application: only this one's reporters are counted.
        await RunAsync();
        app.MoveTo(Planwerk.Infrastructure.Time.BerlinTime.StartOfDay(due.AddDays(-10)).AddSeconds(-1));
        await RunAsync();
        Assert.Equal(0, Received(s.ReporterB));
        app.MoveTo(Planwerk.Infrastructure.Time.BerlinTime.StartOfDay(due.AddDays(-10)));
        await Task.WhenAll(RunAsync(), RunAsync());
        await RunAsync();
        Assert.Equal(1, Received(s.ReporterB));
        Assert.Equal(0, Received(s.ReporterA));
        Assert.Equal(0, Received(s.MemberA));
        var mail = Assert.Single(app.Smtp.MessagesTo(s.ReporterB.Email!));
        Assert.Equal("Planwerk: Berichte für „Laufender Zeitraum“ sind bis " + Planwerk.Infrastructure.Time.BerlinTime.Date(due) + " fällig", mail.Subject);
        Assert.Contains("- 1.2 Maßnahme 1.2", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("1.1 Maßnahme 1.1", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(ReportUrls.Mine(s.M.Slug), mail.TextBody, StringComparison.Ordinal);
    }
}

public sealed class ReportSqliteTests(ConsultationSqliteApp app) : ReportTests(app), IClassFixture<ConsultationSqliteApp>;

public sealed class ReportPostgresTests(ConsultationPostgresApp app) : ReportTests(app), IClassFixture<ConsultationPostgresApp>;
