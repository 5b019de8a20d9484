using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Participation;

/// <summary>The plan team weighs statements and publishes the weighing: what is saved, what is refused,
/// what the overview counts, and when publication is allowed (by the application's clock, to the second).</summary>
public abstract class WeighingTests(ClockedApp app)
{
    /// <summary>Moves the clock on to the next whole second (both databases keep times to the microsecond).</summary>
    private DateTimeOffset Tick()
    {
        var now = app.Clock.GetUtcNow();
        var next = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond + TimeSpan.TicksPerSecond, TimeSpan.Zero);
        app.Clock.SetUtcNow(next);
        return next;
    }

    private async Task<(HttpClient Client, PlanwerkUser User)> EditorAsync(TestMunicipality m)
    {
        var user = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        return (await app.SignInAsync(user.Email!), user);
    }

    [Fact]
    public async Task Weighing_saves_outcome_reasons_who_and_when_and_the_linked_plan_changes()
    {
        var m = await app.CreateMunicipalityAsync();
        var round = await m.AddRoundAsync(RoundStage.Open, DateTimeOffset.UtcNow);
        var author = await app.CreateUserAsync();
        var statementId = await m.AddStatementAsync(round, author.Id, "1.1", text: "Bitte die Lerncafés auch in den Stadtteilen anbieten.");
        var measure11 = round.Plan.Measures.Single(x => x.Number == "1.1");
        var measure21 = round.Plan.Measures.Single(x => x.Number == "2.1");
        var ownChange = await m.ChangeMeasureAsync(measure11.Id, "Lerncafés in Unterkünften und Stadtteilen");
        var otherChange = await m.ChangeMeasureAsync(measure21.Id, "Anderes Vorhaben");
        var (editor, user) = await EditorAsync(m);
        var now = Tick();

        var page = await editor.GetDocumentAsync(m.WeighUrl(statementId));
        Assert.Contains("Bitte die Lerncafés auch in den Stadtteilen anbieten.", page.QuerySelector("#statement-text")!.TextContent, StringComparison.Ordinal);
        // Offered: the changes of the statement's measure, not those of another one; all of them on request.
        Assert.NotNull(page.QuerySelector($"#change-{ownChange}"));
        Assert.Null(page.QuerySelector($"#change-{otherChange}"));
        Assert.Contains("Lerncafés in Unterkünften und Stadtteilen", page.QuerySelector($"label[for=change-{ownChange}]")!.TextContent, StringComparison.Ordinal);
        var all = await editor.GetDocumentAsync(m.WeighUrl(statementId) + "?all=true");
        Assert.NotNull(all.QuerySelector($"#change-{otherChange}"));

        var response = await editor.SubmitFormAsync(page, m.WeighUrl(statementId), new Dictionary<string, string?>
        {
            ["Input.Outcome"] = "Accepted",
            ["Input.Reasons"] = "Übernommen: Die Maßnahme nennt nun auch **Stadtteile**.",
            ["Input.ChangeIds"] = ownChange.ToString(CultureInfo.InvariantCulture),
        }, "#weigh-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(m.WeighingUrl(round), response.RedirectTarget(), StringComparison.Ordinal);
        var stored = await m.WithDbAsync(db => db.Statements.Include(s => s.ChangeLinks).SingleAsync(s => s.Id == statementId));
        Assert.Equal(WeighingOutcome.Accepted, stored.Outcome);
        Assert.Equal("Übernommen: Die Maßnahme nennt nun auch **Stadtteile**.", stored.Reasons);
        Assert.Equal(user.Id, stored.WeighedByUserId);
        Assert.Equal(user.DisplayName, stored.WeighedByName);
        Assert.Equal(now, stored.WeighedAt);
        Assert.Equal([ownChange], stored.ChangeLinks.Select(l => l.ChangeRecordId));

        // Unlinking and linking another change replaces the links.
        var again = await editor.SubmitFormAsync(m.WeighUrl(statementId) + "?all=true", new Dictionary<string, string?>
        {
            ["Input.ChangeIds"] = otherChange.ToString(CultureInfo.InvariantCulture),
        }, "#weigh-form");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var links = await m.WithDbAsync(db => db.StatementChangeLinks.Where(l => l.StatementId == statementId).Select(l => l.ChangeRecordId).ToListAsync());
        Assert.Equal([otherChange], links);
    }

    [Fact]
    public async Task Weigh_page_shows_the_statement_with_submitter_target_quote_and_attachments_and_is_read_only_for_moderators()
    {
        var m = await app.CreateMunicipalityAsync();
        var round = await m.AddRoundAsync(RoundStage.Open, DateTimeOffset.UtcNow);
        var stakeholder = await m.AddStakeholderAsync("Beispiel-Verein für Sprache");
        var author = await app.CreateUserAsync();
        var id = await m.AddStatementAsync(round, author.Id, "2.1", text: "Ein *wichtiger* Hinweis.", authorName: "Paula Beispiel", stakeholderId: stakeholder,
            consent: false, quote: "verbindet Beratung und Praxis", outcome: WeighingOutcome.PartlyAccepted, reasons: "Teilweise, weil **so**.");
        var attachment = await m.WithDbAsync(async db =>
        {
            var a = new StatementAttachment { StatementId = id, FileName = "anlage.pdf", ContentType = "application/pdf", Size = 4, Content = "%PDF"u8.ToArray() };
            db.StatementAttachments.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
        var (editor, _) = await EditorAsync(m);
        var moderator = await m.SignedInClientAsync(MunicipalityRole.Moderator);

        var page = await editor.GetDocumentAsync(m.WeighUrl(id));
        Assert.Equal("Paula Beispiel (für Beispiel-Verein für Sprache)", page.QuerySelector("#submitter")!.TextContent.Trim());
        Assert.Equal("nein", page.QuerySelector("#consent")!.TextContent.Trim());
        Assert.Equal("Maßnahme: Maßnahme 2.1", page.QuerySelector("#target")!.TextContent.Trim());
        Assert.Equal("verbindet Beratung und Praxis", page.QuerySelector("#quote")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#statement-text em"));
        var link = page.QuerySelector("#attachments a")!;
        Assert.Equal($"/{m.Slug}/statements/{id}/attachments/{attachment}", link.GetAttribute("href"));
        Assert.Equal("anlage.pdf", link.TextContent);
        Assert.Equal("PartlyAccepted", page.QuerySelector("#weigh-form input[name='Input.Outcome'][checked]")!.GetAttribute("value"));
        Assert.Equal("Teilweise, weil **so**.", page.QuerySelector("#Input_Reasons")!.TextContent.Trim());

        var readOnly = await moderator.GetDocumentAsync(m.WeighUrl(id));
        Assert.Null(readOnly.QuerySelector("#weigh-form"));
        Assert.Contains("teilweise übernommen", readOnly.QuerySelector("#weighing-readonly")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(readOnly.QuerySelector("#weighing-readonly strong"));
    }

    [Fact]
    public async Task Reasons_are_required_except_for_noted_and_changes_of_another_plan_are_refused()
    {
        var m = await app.CreateMunicipalityAsync();
        var round = await m.AddRoundAsync(RoundStage.Closed, app.Clock.GetUtcNow());
        var other = await m.AddRoundAsync(RoundStage.Closed, app.Clock.GetUtcNow());
        var foreignChange = await m.ChangeMeasureAsync(other.Plan.Measures.First().Id, "Fremde Änderung");
        var author = await app.CreateUserAsync();
        var statementId = await m.AddStatementAsync(round, author.Id);
        var (editor, _) = await EditorAsync(m);

        var missing = await editor.SubmitFormAsync(m.WeighUrl(statementId), new Dictionary<string, string?> { ["Input.Outcome"] = "PartlyAccepted", ["Input.Reasons"] = "  " }, "#weigh-form");
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        var errors = (await HtmlForms.ParseAsync(missing)).Errors();
        Assert.Contains(errors, e => e.Contains("begründen", StringComparison.Ordinal));

        var none = await editor.SubmitFormAsync(m.WeighUrl(statementId), new Dictionary<string, string?> { ["Input.Reasons"] = "x" }, "#weigh-form");
        Assert.Contains((await HtmlForms.ParseAsync(none)).Errors(), e => e.Contains("Ergebnis", StringComparison.Ordinal));

        var page = await editor.GetDocumentAsync(m.WeighUrl(statementId));
        var token = page.QuerySelector("#weigh-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var version = page.QuerySelector("#weigh-form input[name='Input.Version']")!.GetAttribute("value")!;
        var foreign = await editor.PostWithTokenAsync(m.WeighUrl(statementId), token, new Dictionary<string, string>
        {
            ["Input.Outcome"] = "Noted", ["Input.Version"] = version, ["Input.ChangeIds"] = foreignChange.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
        Assert.Contains((await HtmlForms.ParseAsync(foreign)).Errors(), e => e.Contains("Änderungen dieses Plans", StringComparison.Ordinal));
        foreach (var (value, message) in new[] { ("", "Bitte wählen Sie das Ergebnis der Abwägung."), ("Vielleicht", "Bitte wählen Sie das Ergebnis aus der Liste."), ("7", "Bitte wählen Sie das Ergebnis aus der Liste.") })
        {
            var odd = await editor.PostWithTokenAsync(m.WeighUrl(statementId), token, new Dictionary<string, string>
            {
                ["Input.Outcome"] = value, ["Input.Reasons"] = "Grund", ["Input.Version"] = version,
            });
            Assert.Equal(HttpStatusCode.OK, odd.StatusCode);
            Assert.Contains(message, (await HtmlForms.ParseAsync(odd)).Errors());
        }
        Assert.Null(await m.WithDbAsync(db => db.Statements.Where(s => s.Id == statementId).Select(s => s.Outcome).SingleAsync()));

        var noted = await editor.SubmitFormAsync(m.WeighUrl(statementId), new Dictionary<string, string?> { ["Input.Outcome"] = "Noted", ["Input.Reasons"] = "" }, "#weigh-form");
        Assert.Equal(HttpStatusCode.Redirect, noted.StatusCode);
        Assert.Equal(WeighingOutcome.Noted, await m.WithDbAsync(db => db.Statements.Where(s => s.Id == statementId).Select(s => s.Outcome).SingleAsync()));
    }

    [Fact]
    public async Task Concurrent_weighing_is_refused_with_a_conflict_and_keeps_the_first_save()
    {
        var m = await app.CreateMunicipalityAsync();
        var round = await m.AddRoundAsync(RoundStage.Closed, app.Clock.GetUtcNow());
        var author = await app.CreateUserAsync();
        var statementId = await m.AddStatementAsync(round, author.Id, "2.1");
        var (first, _) = await EditorAsync(m);
        var (second, _) = await EditorAsync(m);
        var firstPage = await first.GetDocumentAsync(m.WeighUrl(statementId));
        var secondPage = await second.GetDocumentAsync(m.WeighUrl(statementId));

        var saved = await first.SubmitFormAsync(firstPage, m.WeighUrl(statementId), new Dictionary<string, string?> { ["Input.Outcome"] = "Accepted", ["Input.Reasons"] = "Erste Begründung" }, "#weigh-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var refused = await second.SubmitFormAsync(secondPage, m.WeighUrl(statementId), new Dictionary<string, string?> { ["Input.Outcome"] = "NotAccepted", ["Input.Reasons"] = "Zweite Begründung" }, "#weigh-form");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await HtmlForms.ParseAsync(refused);
        Assert.Contains(page.Errors(), e => e.Contains("inzwischen von jemand anderem abgewogen", StringComparison.Ordinal));
        var conflict = page.QuerySelector(".conflict-table")!.TextContent;
        Assert.Contains("Erste Begründung", conflict, StringComparison.Ordinal);
        Assert.Contains("Zweite Begründung", conflict, StringComparison.Ordinal);
        Assert.Equal("Zweite Begründung", page.QuerySelector("#Input_Reasons")!.TextContent.Trim());
        var stored = await m.WithDbAsync(db => db.Statements.SingleAsync(s => s.Id == statementId));
        Assert.Equal(WeighingOutcome.Accepted, stored.Outcome);
        Assert.Equal("Erste Begründung", stored.Reasons);

        // Saving again from the conflict page (it carries the stored version) replaces the stored weighing.
        var retry = await second.SubmitFormAsync(page, m.WeighUrl(statementId), new Dictionary<string, string?>(), "#weigh-form");
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal("Zweite Begründung", await m.WithDbAsync(db => db.Statements.Where(s => s.Id == statementId).Select(s => s.Reasons).SingleAsync()));
    }

    [Fact]
    public async Task Overview_counts_statements_weighed_open_and_by_outcome_per_plan_part_in_plan_order()
    {
        var m = await app.CreateMunicipalityAsync();
        var round = await m.AddRoundAsync(RoundStage.Open, app.Clock.GetUtcNow());
        var author = (await app.CreateUserAsync()).Id;
        await m.AddStatementAsync(round, author, null);
        await m.AddStatementAsync(round, author, "2.1", outcome: WeighingOutcome.Noted);
        await m.AddStatementAsync(round, author, "1.1", outcome: WeighingOutcome.Accepted, reasons: "ja");
        await m.AddStatementAsync(round, author, "1.1");
        await m.AddStatementAsync(round, author, "1.1", outcome: WeighingOutcome.PartlyAccepted, reasons: "teils");
        await m.AddStatementAsync(round, author, "F2", outcome: WeighingOutcome.NotAccepted, reasons: "nein");
        var other = await m.AddRoundAsync(RoundStage.Open, app.Clock.GetUtcNow());
        await m.AddStatementAsync(other, author, "1.1");
        var moderator = await m.SignedInClientAsync(MunicipalityRole.Moderator);

        var page = await moderator.GetDocumentAsync(m.WeighingUrl(round));

        var rows = page.QuerySelectorAll("#weighing-overview tbody tr").Select(r => (
            Part: r.QuerySelector("th")!.TextContent.Trim(),
            Counts: string.Join(" ", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim())))).ToList();
        // Columns: statements, weighed, open, accepted, partly accepted, not accepted, noted.
        Assert.Equal(
        [
            ("Gesamter Plan", "1 0 1 0 0 0 0"),
            ($"Maßnahme 1.1 {round.Plan.Measures.Single(x => x.Number == "1.1").Title}", "3 2 1 1 1 0 0"),
            ($"Handlungsfeld 2: {round.Plan.Fields[1].Title}", "1 1 0 0 0 1 0"),
            ($"Maßnahme 2.1 {round.Plan.Measures.Single(x => x.Number == "2.1").Title}", "1 1 0 0 0 0 1"),
        ], rows);
        var total = string.Join(" ", page.QuerySelectorAll("#weighing-overview tfoot td").Select(td => td.TextContent.Trim()));
        Assert.Equal("6 4 2 1 1 1 1", total);
        Assert.Contains("6 Stellungnahmen, davon 4 abgewogen und 2 offen.", page.QuerySelector("#weighing-summary")!.TextContent, StringComparison.Ordinal);
        // The moderator reads but does not publish or weigh.
        Assert.Null(page.QuerySelector("#publish-form"));
        Assert.All(page.QuerySelectorAll(".weighing-statement th a"), a => Assert.StartsWith("Ansehen", a.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publishing_is_refused_until_the_round_has_closed_and_every_statement_is_weighed()
    {
        var m = await app.CreateMunicipalityAsync();
        Tick();
        var round = await m.AddRoundAsync(RoundStage.Open, app.Clock.GetUtcNow());
        var author = (await app.CreateUserAsync()).Id;
        await m.AddStatementAsync(round, author, "1.1", outcome: WeighingOutcome.Accepted, reasons: "ja");
        var open1 = await m.AddStatementAsync(round, author, "2.1");
        var open2 = await m.AddStatementAsync(round, author, null);
        var (editor, _) = await EditorAsync(m);
        var anonymous = app.CreateBrowserlikeClient();

        // One second before the close the round is still open.
        app.Clock.SetUtcNow(round.ClosesAt.AddSeconds(-1));
        var early = await editor.SubmitFormAsync(m.WeighingUrl(round), new Dictionary<string, string?>(), "#publish-form");
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains((await HtmlForms.ParseAsync(early)).Errors(), e => e.Contains("erst veröffentlicht werden, wenn die Beteiligung beendet ist", StringComparison.Ordinal));

        // At the closing moment it is closed, but two statements are open.
        app.Clock.SetUtcNow(round.ClosesAt);
        var unweighed = await editor.SubmitFormAsync(m.WeighingUrl(round), new Dictionary<string, string?>(), "#publish-form");
        Assert.Equal(HttpStatusCode.OK, unweighed.StatusCode);
        Assert.Contains((await HtmlForms.ParseAsync(unweighed)).Errors(), e => e.Contains("2 Stellungnahmen sind noch nicht abgewogen", StringComparison.Ordinal));
        Assert.Null(await m.WithDbAsync(db => db.ConsultationRounds.Where(r => r.Id == round.RoundId).Select(r => r.WeighingPublishedAt).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(m.PublicWeighingUrl(round))).StatusCode);

        foreach (var id in new[] { open1, open2 })
        {
            var weighed = await editor.SubmitFormAsync(m.WeighUrl(id), new Dictionary<string, string?> { ["Input.Outcome"] = "Noted" }, "#weigh-form");
            Assert.Equal(HttpStatusCode.Redirect, weighed.StatusCode);
        }
        var published = await editor.SubmitFormAsync(m.WeighingUrl(round), new Dictionary<string, string?>(), "#publish-form");

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(round.ClosesAt, await m.WithDbAsync(db => db.ConsultationRounds.Where(r => r.Id == round.RoundId).Select(r => r.WeighingPublishedAt).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(m.PublicWeighingUrl(round))).StatusCode);
        var overview = await editor.GetDocumentAsync(m.WeighingUrl(round));
        Assert.NotNull(overview.QuerySelector("#published"));
        Assert.Null(overview.QuerySelector("#publish-form"));
    }

    [Fact]
    public async Task A_correction_after_publication_is_shown_with_its_date_in_the_public_table()
    {
        var m = await app.CreateMunicipalityAsync();
        var round = await m.AddRoundAsync(RoundStage.Published, app.Clock.GetUtcNow());
        var author = (await app.CreateUserAsync()).Id;
        var id = await m.AddStatementAsync(round, author, "1.1", outcome: WeighingOutcome.NotAccepted, reasons: "Erst abgelehnt");
        var (editor, _) = await EditorAsync(m);
        var anonymous = app.CreateBrowserlikeClient();
        var before = await anonymous.GetDocumentAsync(m.PublicWeighingUrl(round));
        Assert.Null(before.QuerySelector($"#statement-{id} .correction"));
        Tick();

        var saved = await editor.SubmitFormAsync(m.WeighUrl(id), new Dictionary<string, string?> { ["Input.Outcome"] = "PartlyAccepted", ["Input.Reasons"] = "Nach erneuter Prüfung teilweise übernommen" }, "#weigh-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The public page (cached before) shows the correction at once.
        var after = await anonymous.GetDocumentAsync(m.PublicWeighingUrl(round));
        var row = after.QuerySelector($"#statement-{id}")!;
        Assert.Contains("teilweise übernommen", row.QuerySelector(".outcome")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nach erneuter Prüfung", row.QuerySelector(".reasons")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("nach der Veröffentlichung geändert am", row.QuerySelector(".correction")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class WeighingSqliteTests(SqliteClockedApp app) : WeighingTests(app), IClassFixture<SqliteClockedApp>;

public sealed class WeighingPostgresTests(PostgresClockedApp app) : WeighingTests(app), IClassFixture<PostgresClockedApp>;
