using System.Globalization;
using System.Net;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Features.Pathways;
using Planwerk.Features.Plans.History;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Features.Plans.Manage;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Pathways.Feedback;

/// <summary>A person says on a step of a published pathway whether it worked and what went wrong; the plan team reviews
/// the texts, reads the figures per step, exports them and takes approved texts into a consultation round or names them
/// as the reasoning of a measure's change.</summary>
public abstract class StepFeedbackTests(PlanwerkApp app)
{
    private static Dictionary<string, string?> Answer(string worked, string? problem = null, string text = "") =>
        new() { ["Input.Worked"] = worked, ["Input.Problem"] = problem, ["Input.Text"] = text };

    [Fact]
    public async Task Feedback_on_a_published_step_is_stored_anonymously_and_leads_back_to_the_pathway()
    {
        var m = await app.CreateMunicipalityAsync();
        var p = await m.AddPublishedPathwayAsync();
        var client = app.CreateBrowserlikeClient();

        var page = await client.GetDocumentAsync(p.FormUrl(m));
        Assert.Contains("nicht nach Ihrem Namen", page.QuerySelector("#privacy-note")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("keine Namen", page.QuerySelector("#privacy-note")!.TextContent, StringComparison.Ordinal);
        // Nothing about the person is asked: only the answer, the reason and the text (and the form's token).
        var names = page.QuerySelectorAll("#feedback-form [name]").Select(e => e.GetAttribute("name")).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Input.Problem", "Input.Text", "Input.Worked", "__RequestVerificationToken"], names);

        var sent = await client.SubmitFormAsync(p.FormUrl(m), Answer("no", "Language", "Niemand sprach Arabisch."), "#feedback-form");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var thanks = await client.GetDocumentAsync(sent.RedirectTarget());
        Assert.Equal($"/{m.Slug}/pathways/{p.Code}", thanks.QuerySelector("#back-to-pathway")!.GetAttribute("href"));

        var row = await m.WithDbAsync(db => db.StepFeedback.AsNoTracking().SingleAsync());
        Assert.Equal((p.StepId, p.PathwayId, false, StepProblem.Language, "Niemand sprach Arabisch.", FeedbackState.Pending, "de"),
            (row.StepId, row.PathwayId, row.Worked, row.Problem, row.Text, row.State, row.Language));
        Assert.Null(row.ModeratedAt);

        // The table has no place for anything about a person.
        var columns = await m.WithDbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(StepFeedback))!.GetProperties().Select(x => x.Name).Order(StringComparer.Ordinal).ToList()));
        Assert.Equal(["ChangeRecordId", "ConsultationRoundId", "CreatedAt", "Id", "Language", "ModeratedAt", "ModeratedByName", "MunicipalityId",
            "PathwayId", "Problem", "State", "StatementId", "StepId", "Text", "Worked"], columns);
    }

    [Fact]
    public async Task A_plain_yes_needs_no_review_and_a_reason_given_with_yes_is_not_kept()
    {
        var m = await app.CreateMunicipalityAsync();
        var p = await m.AddPublishedPathwayAsync();
        var client = app.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(p.FormUrl(m), Answer("yes", "Waiting"), "#feedback-form")).StatusCode);
        var row = await m.WithDbAsync(db => db.StepFeedback.AsNoTracking().SingleAsync());
        Assert.Equal((true, StepProblem.None, "", FeedbackState.Approved), (row.Worked, row.Problem, row.Text, row.State));
    }

    [Fact]
    public async Task The_form_is_laid_out_right_to_left_in_Arabic_with_the_step_title_translated_and_German_marked_where_missing()
    {
        var m = await app.CreateMunicipalityAsync();
        var p = await m.AddPublishedPathwayAsync();
        var client = app.CreateBrowserlikeClient();

        var arabic = await client.GetDocumentAsync(p.FormUrl(m, lang: "ar"));
        Assert.Equal("rtl", arabic.DocumentElement.GetAttribute("dir"));
        var title = arabic.QuerySelector("#feedback-step strong span")!;
        Assert.Equal((FeedbackTestSupport.StepTitleArabic, "ar", "rtl"), (title.TextContent, title.GetAttribute("lang"), title.GetAttribute("dir")));
        var fallback = await client.GetDocumentAsync(p.FormUrl(m, p.OtherStepUid, "ar"));
        Assert.NotNull(fallback.QuerySelector("#feedback-step .fallback"));
        Assert.Contains(HostileText.Script, fallback.QuerySelector("#feedback-step strong")!.TextContent, StringComparison.Ordinal);
        Assert.Null(fallback.QuerySelector("#feedback-step script"));

        var sent = await client.SubmitFormAsync(p.FormUrl(m, lang: "ar"), Answer("no", "Waiting", HostileText.RightToLeft), "#feedback-form");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.EndsWith("/feedback/thanks?lang=ar", sent.RedirectTarget(), StringComparison.Ordinal);
        var row = await m.WithDbAsync(db => db.StepFeedback.AsNoTracking().SingleAsync());
        Assert.Equal(("ar", HostileText.RightToLeft), (row.Language, row.Text));
    }

    [Fact]
    public async Task Only_a_step_of_a_current_publication_of_this_municipality_has_the_form()
    {
        var m = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        var published = await m.AddPublishedPathwayAsync();
        var draft = await m.AddPublishedPathwayAsync(publish: false);
        var withdrawn = await m.AddPublishedPathwayAsync();
        await m.WithDbAsync(async db =>
        {
            PathwayPublishing.Withdraw(await db.Pathways.SingleAsync(x => x.Id == withdrawn.PathwayId));
            return 0;
        });
        var client = app.CreateBrowserlikeClient();
        var token = await client.AntiforgeryTokenAsync();
        string[] urls =
        [
            draft.FormUrl(m),
            withdrawn.FormUrl(m),
            published.FormUrl(m, draft.StepUid),
            published.FormUrl(m, Guid.NewGuid()),
            $"/{other.Slug}/pathways/{published.Code}/steps/{published.StepUid}/feedback",
            $"/{m.Slug}/pathways/kein-weg/steps/{published.StepUid}/feedback",
        ];
        foreach (var url in urls)
        {
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, "GET " + url);
            var post = await client.PostWithTokenAsync(url, token, new Dictionary<string, string> { ["Input.Worked"] = "yes" });
            Assert.True(post.StatusCode == HttpStatusCode.NotFound, "POST " + url + " answered " + (int)post.StatusCode);
        }
        Assert.Equal(0, await m.WithDbAsync(db => db.StepFeedback.CountAsync()));
        Assert.Equal(0, await other.WithDbAsync(db => db.StepFeedback.CountAsync()));
    }

    [Fact]
    public async Task Bad_answers_are_refused_with_a_message_and_nothing_is_stored_while_hostile_text_stays_text()
    {
        var m = await app.CreateMunicipalityAsync();
        var p = await m.AddPublishedPathwayAsync();
        var client = app.CreateBrowserlikeClient();

        var none = await HtmlForms.ParseAsync(await client.SubmitFormAsync(p.FormUrl(m), Answer(""), "#feedback-form"));
        Assert.Contains("Bitte wählen Sie, ob dieser Schritt für Sie geklappt hat.", none.Errors());
        var noReason = await HtmlForms.ParseAsync(await client.SubmitFormAsync(p.FormUrl(m), Answer("no", null, HostileText.Script), "#feedback-form"));
        Assert.Contains("Bitte wählen Sie, was nicht geklappt hat.", noReason.Errors());
        // The text is kept in the form, as text.
        Assert.Equal(HostileText.Script, noReason.QuerySelector("#Input_Text")!.TextContent);
        Assert.Null(noReason.QuerySelector("main script"));
        var unknownReason = await HtmlForms.ParseAsync(await client.SubmitFormAsync(p.FormUrl(m), Answer("no", "None"), "#feedback-form"));
        Assert.Contains("Bitte wählen Sie, was nicht geklappt hat.", unknownReason.Errors());
        var token = await client.AntiforgeryTokenAsync();
        var tooLong = await client.PostWithTokenAsync(p.FormUrl(m), token, new Dictionary<string, string>
        {
            ["Input.Worked"] = "no", ["Input.Problem"] = "Other", ["Input.Text"] = HostileText.VeryLong,
        });
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("Der Text darf höchstens 2000 Zeichen lang sein.", (await HtmlForms.ParseAsync(tooLong)).Errors());
        Assert.Equal(0, await m.WithDbAsync(db => db.StepFeedback.CountAsync()));

        // Without the form's token, nothing is taken.
        var forged = await app.CreateBrowserlikeClient().PostAsync(p.FormUrl(m), new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Worked"] = "yes" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(p.FormUrl(m), Answer("no", "Other", HostileText.Markup + "\n" + HostileText.Script), "#feedback-form")).StatusCode);
        var moderator = await m.SignedInClientAsync(MunicipalityRole.Moderator);
        var queue = await moderator.GetDocumentAsync($"/{m.Slug}/manage/pathways/feedback");
        var pending = queue.QuerySelector("#pending blockquote")!;
        Assert.Contains(HostileText.Script, pending.TextContent, StringComparison.Ordinal);
        Assert.Null(queue.QuerySelector("main script"));
        Assert.Null(queue.QuerySelector("main img"));
    }

    [Fact]
    public async Task The_plan_team_approves_or_rejects_each_text_once_and_the_page_names_who_and_when()
    {
        var m = await app.CreateMunicipalityAsync();
        var p = await m.AddPublishedPathwayAsync();
        var first = await m.AddFeedbackAsync(p.StepId, p.PathwayId, false, StepProblem.Waiting, "Drei Monate auf einen Termin gewartet.");
        var second = await m.AddFeedbackAsync(p.StepId, p.PathwayId, false, StepProblem.Other, "Frau Müller, Tel. 0351 123456, war unfreundlich.");
        var editor = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        var client = await app.SignInAsync(editor.Email!);
        var url = $"/{m.Slug}/manage/pathways/feedback";

        var queue = await client.GetDocumentAsync(url);
        Assert.NotNull(queue.QuerySelector($"#pending-{first}"));
        Assert.NotNull(queue.QuerySelector($"#pending-{second}"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(queue, url, new Dictionary<string, string?>(), $"#decide-{first}", "decision", "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(url, new Dictionary<string, string?>(), $"#decide-{second}", "decision", "reject")).StatusCode);

        var rows = await m.WithDbAsync(db => db.StepFeedback.AsNoTracking().OrderBy(f => f.Id).ToListAsync());
        Assert.Equal([FeedbackState.Approved, FeedbackState.Rejected], rows.Select(r => r.State));
        Assert.All(rows, r => Assert.Equal(editor.DisplayName, r.ModeratedByName));
        Assert.All(rows, r => Assert.NotNull(r.ModeratedAt));

        var after = await client.GetDocumentAsync(url);
        Assert.NotNull(after.QuerySelector("#no-pending"));
        Assert.Contains(editor.DisplayName, after.QuerySelector($"#note-{first}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(editor.DisplayName, after.QuerySelector($"#rejected-{second}")!.TextContent, StringComparison.Ordinal);
        // A rejected text is not among the step's texts.
        Assert.DoesNotContain("Müller", after.QuerySelector($"#step-section-{p.StepId}")!.TextContent, StringComparison.Ordinal);

        // Deciding again is refused and changes nothing.
        var token = await client.AntiforgeryTokenAsync();
        var again = await client.PostWithTokenAsync(url + "?handler=Decide", token, new Dictionary<string, string>
        {
            ["feedbackId"] = first.ToString(CultureInfo.InvariantCulture), ["decision"] = "reject",
        });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("schon entschieden", string.Join(" ", (await HtmlForms.ParseAsync(again)).Errors()), StringComparison.Ordinal);
        Assert.Equal(FeedbackState.Approved, (await m.WithDbAsync(db => db.StepFeedback.AsNoTracking().SingleAsync(f => f.Id == first))).State);
    }

    [Fact]
    public async Task Statistics_count_per_step_over_all_pathways_and_per_pathway_and_follow_the_filters()
    {
        var m = await app.CreateMunicipalityAsync();
        var p = await m.AddPublishedPathwayAsync(second: true);
        var old = new DateTimeOffset(2026, 1, 10, 10, 0, 0, TimeSpan.Zero);
        var recent = new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);
        // The shared step: in the first pathway 1 worked, 2 failed (language twice); in the second 1 worked, 1 failed (waiting).
        await m.AddFeedbackAsync(p.OtherStepId, p.PathwayId, true, state: FeedbackState.Approved, at: old);
        await m.AddFeedbackAsync(p.OtherStepId, p.PathwayId, false, StepProblem.Language, state: FeedbackState.Approved, at: recent);
        await m.AddFeedbackAsync(p.OtherStepId, p.PathwayId, false, StepProblem.Language, "Kein Dolmetscher da.", FeedbackState.Approved, recent);
        await m.AddFeedbackAsync(p.OtherStepId, p.SecondPathwayId, true, state: FeedbackState.Approved, at: recent);
        await m.AddFeedbackAsync(p.OtherStepId, p.SecondPathwayId, false, StepProblem.Waiting, "wartet", FeedbackState.Pending, recent);
        // Rejected counts nowhere.
        await m.AddFeedbackAsync(p.OtherStepId, p.PathwayId, false, StepProblem.Reach, "abgelehnt", FeedbackState.Rejected, recent);
        await m.AddFeedbackAsync(p.StepId, p.PathwayId, true, state: FeedbackState.Approved, at: old);
        var client = await m.SignedInClientAsync(MunicipalityRole.Moderator);
        var url = $"/{m.Slug}/manage/pathways/feedback";

        var all = await client.GetDocumentAsync(url);
        var shared = all.QuerySelector($"#step-{p.OtherStepId}")!;
        Assert.Equal(("2", "3"), (shared.QuerySelector(".worked")!.TextContent, shared.QuerySelector(".failed")!.TextContent));
        Assert.Equal("Sprache: 2, kein Termin, lange Wartezeit: 1", shared.QuerySelector(".reasons")!.TextContent);
        // The step with most failures comes first.
        Assert.Equal($"step-{p.OtherStepId}", all.QuerySelector("#step-statistics tbody tr")!.Id);
        var perPathway = all.QuerySelectorAll($"#per-pathway-{p.OtherStepId} tbody tr").Select(r => string.Join("|", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal([$"Neu angekommen {p.Code}|1|2|Sprache: 2", $"Arbeit suchen {p.Code}|1|1|kein Termin, lange Wartezeit: 1"], perPathway);
        // Approved texts only; the pending one waits in the queue.
        var notes = all.QuerySelector($"#notes-{p.OtherStepId}")!.TextContent;
        Assert.Contains("Kein Dolmetscher da.", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("wartet", notes, StringComparison.Ordinal);

        var second = await client.GetDocumentAsync(url + "?pathway=" + p.SecondPathwayId);
        Assert.Equal(("1", "1"), (second.QuerySelector($"#step-{p.OtherStepId} .worked")!.TextContent, second.QuerySelector($"#step-{p.OtherStepId} .failed")!.TextContent));
        Assert.Null(second.QuerySelector($"#step-{p.StepId}"));

        var period = await client.GetDocumentAsync(url + "?from=2026-03-01&to=2026-03-31");
        Assert.Equal(("1", "3"), (period.QuerySelector($"#step-{p.OtherStepId} .worked")!.TextContent, period.QuerySelector($"#step-{p.OtherStepId} .failed")!.TextContent));
        Assert.Null(period.QuerySelector($"#step-{p.StepId}"));

        // A hand-made filter that cannot be read is said, not failed on.
        var broken = await client.GetAsync(url + "?pathway=x&from=gestern");
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        Assert.NotEmpty((await HtmlForms.ParseAsync(broken)).Errors());
    }

    [Fact]
    public async Task The_export_as_CSV_and_XLSX_reads_back_with_German_columns_approved_texts_only_and_formulas_kept_as_text()
    {
        var m = await app.CreateMunicipalityAsync();
        var p = await m.AddPublishedPathwayAsync();
        await m.AddFeedbackAsync(p.StepId, p.PathwayId, false, StepProblem.Documents, "=HYPERLINK(\"http://x\")", FeedbackState.Approved);
        await m.AddFeedbackAsync(p.StepId, p.PathwayId, false, StepProblem.Waiting, "noch nicht geprüft", FeedbackState.Pending);
        await m.AddFeedbackAsync(p.StepId, p.PathwayId, false, StepProblem.Reach, "abgelehnt", FeedbackState.Rejected);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/pathways/feedback/export";

        var csvResponse = await client.GetAsync(url + "?format=csv");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var records = new List<string[]>();
        using (var reader = CsvReader.Create(new StringReader(text), new CsvReaderOptions { Separator = ';', HasHeader = false, AllowLineBreaksInQuotes = true }, leaveOpen: false))
        {
            while (reader.Read()) records.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }
        Assert.Equal("Eingegangen am", records[0][0]);
        Assert.Equal("Was nicht geklappt hat", records[0][4]);
        Assert.Equal(3, records.Count);
        Assert.Equal(["Unterlagen gefehlt", "'=HYPERLINK(\"http://x\")", "freigegeben"], records[1][4..7]);
        Assert.Equal(["kein Termin, lange Wartezeit", "", "wartet auf Prüfung"], records[2][4..7]);
        Assert.Equal(FeedbackTestSupport.StepTitle, records[1][2]);

        var xlsx = await client.GetAsync(url + "?format=xlsx");
        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet("Rückmeldungen");
        Assert.Equal("Text", sheet.Cell(1, 6).GetString());
        Assert.Equal("=HYPERLINK(\"http://x\")", sheet.Cell(2, 6).GetString());
        Assert.False(sheet.Cell(2, 6).HasFormula);
        Assert.True(sheet.Cell(2, 6).Style.IncludeQuotePrefix);
        Assert.Equal("", sheet.Cell(3, 6).GetString());
        Assert.True(sheet.Cell(4, 1).IsEmpty());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url + "?format=pdf")).StatusCode);
    }

    [Fact]
    public async Task Approved_texts_become_one_statement_of_the_plan_team_in_a_round_linked_both_ways()
    {
        var m = await app.CreateMunicipalityAsync();
        var p = await m.AddPublishedPathwayAsync();
        var now = DateTimeOffset.UtcNow;
        var round = await m.AddRoundAsync(now.AddDays(-1), now.AddDays(10));
        var a = await m.AddFeedbackAsync(p.StepId, p.PathwayId, false, StepProblem.Language, "Niemand sprach *Farsi* " + HostileText.Script, FeedbackState.Approved);
        var b = await m.AddFeedbackAsync(p.StepId, p.PathwayId, false, StepProblem.Waiting, "Sechs Wochen Wartezeit.", FeedbackState.Approved);
        var editor = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        var client = await app.SignInAsync(editor.Email!);
        var token = await client.AntiforgeryTokenAsync();
        var use = $"/{m.Slug}/manage/pathways/feedback/use";

        var page = await client.GetDocumentAsync(use);
        Assert.NotNull(page.QuerySelector($"#roundId option[value='{round.Id}']"));
        var taken = await client.PostAsync(use + "?handler=Round", new FormUrlEncodedContent([
            new("__RequestVerificationToken", token), new("noteIds", a.ToString(CultureInfo.InvariantCulture)),
            new("noteIds", b.ToString(CultureInfo.InvariantCulture)), new("roundId", round.Id.ToString(CultureInfo.InvariantCulture))]));
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);

        var statement = await m.WithDbAsync(db => db.Statements.AsNoTracking().SingleAsync());
        Assert.Equal((round.Id, StatementTarget.WholePlan, editor.Id), (statement.RoundId, statement.Target, statement.AuthorUserId));
        Assert.Contains("Rückmeldungen zu Integrationswegen (2)", statement.Text, StringComparison.Ordinal);
        Assert.Contains("Sechs Wochen Wartezeit\\.", statement.Text, StringComparison.Ordinal);
        Assert.Contains("\\*Farsi\\*", statement.Text, StringComparison.Ordinal);
        Assert.Contains(FeedbackTestSupport.StepTitle, statement.Text, StringComparison.Ordinal);
        var notes = await m.WithDbAsync(db => db.StepFeedback.AsNoTracking().OrderBy(f => f.Id).ToListAsync());
        Assert.All(notes, n => Assert.Equal((statement.Id, round.Id), (n.StatementId, n.ConsultationRoundId)));
        Assert.EndsWith($"/statements/{statement.Id}/weigh", taken.RedirectTarget(), StringComparison.Ordinal);

        // The weighing page says where the statement came from and leads back to exactly these texts.
        var weigh = await client.GetDocumentAsync(taken.RedirectTarget());
        var origin = weigh.QuerySelector("#pathway-feedback-origin")!;
        Assert.Contains("2 Rückmeldungen zu Integrationswegen", origin.TextContent, StringComparison.Ordinal);
        var back = await client.GetDocumentAsync(origin.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal(2, back.QuerySelectorAll("#use-form li[id^='use-note-']").Length);
        Assert.Contains(statement.ReceiptNumber, back.QuerySelector($"#use-note-{a}")!.TextContent, StringComparison.Ordinal);

        // Taking them again is refused.
        var again = await client.PostAsync(use + "?handler=Round", new FormUrlEncodedContent([
            new("__RequestVerificationToken", token), new("noteIds", a.ToString(CultureInfo.InvariantCulture)), new("roundId", round.Id.ToString(CultureInfo.InvariantCulture))]));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, await m.WithDbAsync(db => db.Statements.CountAsync()));
    }

    [Fact]
    public async Task A_selection_with_one_bad_text_or_a_round_of_another_municipality_changes_nothing()
    {
        var m = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        var p = await m.AddPublishedPathwayAsync();
        var now = DateTimeOffset.UtcNow;
        var round = await m.AddRoundAsync(now.AddDays(-1), now.AddDays(10));
        var otherRound = await other.AddRoundAsync(now.AddDays(-1), now.AddDays(10));
        var published = await m.AddRoundAsync(now.AddDays(-10), now.AddDays(-5));
        await m.WithDbAsync(async db =>
        {
            (await db.ConsultationRounds.SingleAsync(r => r.Id == published.Id)).WeighingPublishedAt = now;
            return 0;
        });
        var good = await m.AddFeedbackAsync(p.StepId, p.PathwayId, false, StepProblem.Language, "gut", FeedbackState.Approved);
        var pending = await m.AddFeedbackAsync(p.StepId, p.PathwayId, false, StepProblem.Language, "ungeprüft");
        var rejected = await m.AddFeedbackAsync(p.StepId, p.PathwayId, false, StepProblem.Language, "abgelehnt", FeedbackState.Rejected);
        var otherPathway = await other.AddPublishedPathwayAsync();
        var foreign = await other.AddFeedbackAsync(otherPathway.StepId, otherPathway.PathwayId, false, StepProblem.Language, "fremd", FeedbackState.Approved);
        var client = await m.SignedInClientAsync(MunicipalityRole.Administrator);
        var token = await client.AntiforgeryTokenAsync();
        var use = $"/{m.Slug}/manage/pathways/feedback/use";

        async Task RefusedAsync(string handler, string field, int target, params int[] ids)
        {
            var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token), new(field, target.ToString(CultureInfo.InvariantCulture)) };
            fields.AddRange(ids.Select(i => new KeyValuePair<string, string>("noteIds", i.ToString(CultureInfo.InvariantCulture))));
            var response = await client.PostAsync(use + "?handler=" + handler, new FormUrlEncodedContent(fields));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{handler} {string.Join(",", ids)} → {target} answered {(int)response.StatusCode}");
            Assert.NotEmpty((await HtmlForms.ParseAsync(response)).Errors());
        }
        await RefusedAsync("Round", "roundId", round.Id, good, pending);
        await RefusedAsync("Round", "roundId", round.Id, good, rejected);
        await RefusedAsync("Round", "roundId", round.Id, good, foreign);
        await RefusedAsync("Round", "roundId", round.Id);
        await RefusedAsync("Round", "roundId", otherRound.Id, good);
        await RefusedAsync("Round", "roundId", published.Id, good);
        await other.PlanAsync();
        var otherChange = await other.WithDbAsync(db => db.ChangeRecords.Where(r => r.EntityType == ChangeEntityTypes.Measure).Select(r => r.Id).FirstAsync());
        await RefusedAsync("Change", "changeId", (int)otherChange, good);

        Assert.Equal(0, await m.WithDbAsync(db => db.Statements.CountAsync()));
        Assert.Equal(0, await other.WithDbAsync(db => db.Statements.CountAsync()));
        Assert.All(await m.WithDbAsync(db => db.StepFeedback.AsNoTracking().ToListAsync()), n => Assert.Equal((null, null, null), (n.StatementId, n.ConsultationRoundId, n.ChangeRecordId)));
        Assert.Null((await other.WithDbAsync(db => db.StepFeedback.AsNoTracking().SingleAsync())).StatementId);
    }

    [Fact]
    public async Task Approved_texts_become_the_reasoning_of_a_measure_change_linked_both_ways()
    {
        var m = await app.CreateMunicipalityAsync();
        var p = await m.AddPublishedPathwayAsync();
        var plan = await m.PlanAsync(fields: 1, measuresPerField: 1);
        var measureId = plan.Fields[0].MeasureIds[0];
        var change = await m.WithDbAsync(db => db.ChangeRecords.Where(r => r.EntityType == ChangeEntityTypes.Measure && r.EntityId == measureId).Select(r => r.Id).SingleAsync());
        var note = await m.AddFeedbackAsync(p.StepId, p.PathwayId, false, StepProblem.Language, "Kein Dolmetscher.", FeedbackState.Approved);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var token = await client.AntiforgeryTokenAsync();
        var use = $"/{m.Slug}/manage/pathways/feedback/use";

        var page = await client.GetDocumentAsync(use);
        Assert.NotNull(page.QuerySelector($"#changeId option[value='{change}']"));
        var linked = await client.PostAsync(use + "?handler=Change", new FormUrlEncodedContent([
            new("__RequestVerificationToken", token), new("noteIds", note.ToString(CultureInfo.InvariantCulture)), new("changeId", change.ToString(CultureInfo.InvariantCulture))]));
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Equal((int)change, (await m.WithDbAsync(db => db.StepFeedback.AsNoTracking().SingleAsync())).ChangeRecordId);

        var changePage = await client.GetDocumentAsync(linked.RedirectTarget());
        Assert.NotNull(changePage.QuerySelector($"#change-note-{note}"));
        Assert.Equal($"/{m.Slug}/manage/plans/{plan.Id}/measures/{measureId}/history#change-{change}", changePage.QuerySelector("#change-history")!.GetAttribute("href"));
        var statistics = await client.GetDocumentAsync($"/{m.Slug}/manage/pathways/feedback");
        Assert.NotNull(statistics.QuerySelector($"#note-{note} a[href$='/pathways/feedback/changes/{change}']"));
    }
}

public sealed class StepFeedbackSqliteTests(SqliteApp app) : StepFeedbackTests(app), IClassFixture<SqliteApp>;

public sealed class StepFeedbackPostgresTests(PostgresApp app) : StepFeedbackTests(app), IClassFixture<PostgresApp>;
