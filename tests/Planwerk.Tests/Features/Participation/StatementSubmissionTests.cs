using Planwerk.Features.Plans.History;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Time;
using Planwerk.Infrastructure.Files;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Participation.ConsultationTestSupport;

namespace Planwerk.Tests.Features.Participation;

/// <summary>Writing statements: the deadline to the second, who may write on whose behalf, attachments
/// checked by content, the receipt by mail over SMTP, and hostile text.</summary>
public abstract class StatementSubmissionTests(ConsultationApp app)
{
    private static Dictionary<string, string?> Text(string text) => new() { ["Input.Text"] = text };

    private static Task<int> CountAsync(TestMunicipality m, int roundId) =>
        m.WithDbAsync(db => db.Statements.CountAsync(s => s.RoundId == roundId));

    [Fact]
    public async Task The_round_accepts_statements_from_its_opening_until_one_second_before_its_close_and_keeps_the_text_of_a_late_one()
    {
        var m = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync();
        var (client, _) = await m.MemberClientAsync(org);
        var t0 = app.Now();
        var round = await m.AddRoundAsync(t0.AddMinutes(10), t0.AddHours(2), invited: [org]);
        var url = round.NewStatementUrl(m);

        // Before the opening: no form, and a post is refused.
        var early = await client.GetDocumentAsync(url);
        Assert.NotNull(early.QuerySelector("#round-not-open"));
        Assert.Null(early.QuerySelector("#statement-form"));
        app.MoveTo(round.OpensAt.AddSeconds(-1));
        var token = await client.AntiforgeryTokenAsync();
        var tooEarly = await client.PostWithTokenAsync(url, token, new Dictionary<string, string>
        {
            ["Input.Target"] = "WholePlan", ["Input.Text"] = "Zu früh", ["Input.OnBehalf"] = org.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.OK, tooEarly.StatusCode);
        Assert.Contains((await HtmlForms.ParseAsync(tooEarly)).Errors(), e => e.Contains("noch nicht offen", StringComparison.Ordinal));
        Assert.Equal(0, await CountAsync(m, round.Id));

        // At the opening, to the second.
        app.MoveTo(round.OpensAt);
        var first = await client.SubmitStatementAsync(url, Text("Zur Eröffnung"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        // Loaded while open, sent one second before the close: accepted.
        var page = await client.GetDocumentAsync(url);
        app.MoveTo(round.ClosesAt.AddSeconds(-1));
        var last = await client.PostStatementAsync(page, url, Text("Eine Sekunde vor Schluss"));
        Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
        Assert.Equal(2, await CountAsync(m, round.Id));

        // Loaded while open, sent at the close: refused with a clear message, the text still in the form.
        page = await client.GetDocumentAsync(url);
        app.MoveTo(round.ClosesAt);
        var late = "Mein sorgfältig formulierter Text, der nicht verloren gehen darf.";
        var refused = await client.PostStatementAsync(page, url, Text(late));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await HtmlForms.ParseAsync(refused);
        Assert.Contains(refusedPage.Errors(), e => e.Contains("geschlossen", StringComparison.Ordinal));
        Assert.Equal(late, refusedPage.QuerySelector("textarea[name='Input.Text']")!.TextContent.Trim());
        Assert.Equal(2, await CountAsync(m, round.Id));
        var closed = await client.GetDocumentAsync(url);
        Assert.Null(closed.QuerySelector("#statement-form"));
    }

    [Fact]
    public async Task Only_members_of_invited_organisations_write_and_only_for_their_invited_organisations()
    {
        var m = await app.CreateMunicipalityAsync();
        var invited = await m.AddStakeholderAsync("Eingeladener Verband");
        var notInvited = await m.AddStakeholderAsync("Nicht eingeladene Initiative");
        var t0 = app.Now();
        var round = await m.AddRoundAsync(t0.AddMinutes(-5), t0.AddDays(3), invited: [invited]);
        var url = round.NewStatementUrl(m);

        var (member, memberUser) = await m.MemberClientAsync(invited);
        // Also in a not invited organisation: that one is not offered and a forged choice is refused.
        await m.AddStakeholderMemberAsync(notInvited, memberUser.Id);
        var page = await member.GetDocumentAsync(url);
        var choices = page.QuerySelectorAll("input[name='Input.OnBehalf']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal([invited.ToString(CultureInfo.InvariantCulture)], choices);
        var forged = await member.PostStatementAsync(page, url, new Dictionary<string, string?> { ["Input.Text"] = "Für die andere", ["Input.OnBehalf"] = notInvited.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        var personal = await member.PostStatementAsync(page, url, new Dictionary<string, string?> { ["Input.Text"] = "Persönlich", ["Input.OnBehalf"] = "personal" });
        Assert.Equal(HttpStatusCode.OK, personal.StatusCode);
        Assert.Contains((await HtmlForms.ParseAsync(personal)).Errors(), e => e.Contains("für wen", StringComparison.Ordinal));
        Assert.Equal(0, await CountAsync(m, round.Id));
        var ok = await member.PostStatementAsync(page, url, Text("Für den Verband"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var saved = await m.WithDbAsync(db => db.Statements.AsNoTracking().SingleAsync(s => s.RoundId == round.Id));
        Assert.Equal(invited, saved.StakeholderId);
        Assert.Equal(memberUser.Id, saved.AuthorUserId);

        var (outsider, _) = await m.MemberClientAsync(notInvited);
        var (resident, _) = await m.ResidentClientAsync();
        foreach (var client in new[] { outsider, resident })
        {
            Assert.StartsWith("/account/access-denied", (await client.GetAsync(url)).RedirectTarget(), StringComparison.Ordinal);
            var token = await client.AntiforgeryTokenAsync();
            var post = await client.PostWithTokenAsync(url, token, new Dictionary<string, string> { ["Input.Target"] = "WholePlan", ["Input.Text"] = "Unerlaubt", ["Input.OnBehalf"] = "personal" });
            Assert.StartsWith("/account/access-denied", post.RedirectTarget(), StringComparison.Ordinal);
            var round0 = await client.GetDocumentAsync(round.Url(m));
            Assert.Null(round0.QuerySelector("#write-statement"));
            Assert.NotNull(round0.QuerySelector("#may-not-take-part"));
        }
        Assert.Equal(1, await CountAsync(m, round.Id));
        var anonymous = await app.CreateBrowserlikeClient().GetAsync(url);
        Assert.StartsWith("/account/login", anonymous.RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_round_open_to_residents_anyone_signed_in_writes_personally_and_members_choose()
    {
        var m = await app.CreateMunicipalityAsync();
        var invited = await m.AddStakeholderAsync();
        var t0 = app.Now();
        var round = await m.AddRoundAsync(t0.AddMinutes(-5), t0.AddDays(3), RoundAudience.OrganisationsAndResidents, [invited]);
        var url = round.NewStatementUrl(m);

        var (resident, residentUser) = await m.ResidentClientAsync();
        var page = await resident.GetDocumentAsync(url);
        Assert.Equal(["personal"], page.QuerySelectorAll("input[name='Input.OnBehalf']").Select(i => i.GetAttribute("value")).ToList());
        Assert.NotNull((await resident.GetDocumentAsync(round.Url(m))).QuerySelector("#write-statement"));
        var sent = await resident.PostStatementAsync(page, url, Text("Als Einwohnerin"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var (member, _) = await m.MemberClientAsync(invited);
        var memberPage = await member.GetDocumentAsync(url);
        Assert.Equal([invited.ToString(CultureInfo.InvariantCulture), "personal"], memberPage.QuerySelectorAll("input[name='Input.OnBehalf']").Select(i => i.GetAttribute("value")).ToList());
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostStatementAsync(memberPage, url, new Dictionary<string, string?> { ["Input.Text"] = "Persönlich", ["Input.OnBehalf"] = "personal" })).StatusCode);

        var statements = await m.WithDbAsync(db => db.Statements.AsNoTracking().Where(s => s.RoundId == round.Id).OrderBy(s => s.Id).ToListAsync());
        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.Null(s.StakeholderId));
        Assert.Equal(residentUser.Id, statements[0].AuthorUserId);
        var roundPage = await app.CreateBrowserlikeClient().GetDocumentAsync(round.Url(m));
        Assert.Equal(round.Url(m, "/comments"), roundPage.QuerySelector("#comments-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Disguised_files_are_refused_by_content_and_nothing_is_saved_while_real_documents_are_kept()
    {
        var m = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync();
        var t0 = app.Now();
        var round = await m.AddRoundAsync(t0.AddMinutes(-5), t0.AddDays(3), invited: [org]);
        var url = round.NewStatementUrl(m);
        var (client, _) = await m.MemberClientAsync(org);

        (string Name, byte[] Content)[] disguised = [("programm.pdf", Files.Exe()), ("archiv.docx", Files.PlainZip()), ("notiz.txt", Files.Text()),
            ("leer.odt", Files.Zip(("mimetype", "application/zip"), ("x.xml", "<x/>")))];
        foreach (var file in disguised)
        {
            var refused = await client.SubmitStatementAsync(url, Text("Mit Anhang"), ("echt.pdf", Files.Pdf()), file);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var errors = (await HtmlForms.ParseAsync(refused)).Errors();
            Assert.Contains(errors, e => e.Contains("„" + file.Name + "“", StringComparison.Ordinal) && e.Contains("keine PDF-, DOCX- oder ODT-Datei", StringComparison.Ordinal));
            Assert.DoesNotContain(errors, e => e.Contains("echt.pdf", StringComparison.Ordinal));
        }
        var tooBig = new byte[StatementAttachment.MaxBytes + 1];
        "%PDF-1.4\n"u8.CopyTo(tooBig);
        var big = await client.SubmitStatementAsync(url, Text("Zu groß"), ("gross.pdf", tooBig));
        Assert.Contains((await HtmlForms.ParseAsync(big)).Errors(), e => e.Contains("„gross.pdf“ ist größer als 10 MB", StringComparison.Ordinal));
        var six = Enumerable.Range(1, 6).Select(i => ($"teil{i}.pdf", Files.Pdf())).ToArray();
        var tooMany = await client.SubmitStatementAsync(url, Text("Zu viele"), six);
        Assert.Contains((await HtmlForms.ParseAsync(tooMany)).Errors(), e => e.Contains("höchstens 5 Dateien", StringComparison.Ordinal));
        Assert.Equal(0, await CountAsync(m, round.Id));
        Assert.Equal(0, await m.WithDbAsync(db => db.StatementAttachments.CountAsync()));

        var accepted = await client.SubmitStatementAsync(url, Text("Mit echten Dokumenten"),
            ("Stellungnahme.pdf", Files.Pdf()), ("Anlage.docx", Files.Docx()), ("Anlage.odt", Files.Odt()), ("C:\\Users\\kim\\ohne-endung", Files.Pdf()));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var attachments = await m.WithDbAsync(db => db.StatementAttachments.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["Stellungnahme.pdf", "Anlage.docx", "Anlage.odt", "ohne-endung.pdf"], attachments.Select(a => a.FileName).ToList());
        Assert.Equal([DocumentTypes.Pdf, DocumentTypes.Docx, DocumentTypes.Odt, DocumentTypes.Pdf], attachments.Select(a => a.ContentType).ToList());
        Assert.Equal(Files.Docx(), attachments[1].Content);
        Assert.Equal(Files.Docx().Length, attachments[1].Size);
    }

    [Fact]
    public async Task The_receipt_arrives_by_mail_with_its_number_and_numbers_are_unique_even_at_the_same_moment()
    {
        var m = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync("Beispiel-Caritas");
        var t0 = app.Now();
        var round = await m.AddRoundAsync(t0.AddMinutes(-5), t0.AddDays(3), invited: [org], title: "Beteiligung Integrationsplan");
        var url = round.NewStatementUrl(m);
        var (client, user) = await m.MemberClientAsync(org);
        var measureId = round.Plan.Field(1).MeasureIds[1];
        var key = await m.WithDbAsync(db => db.Measures.Where(x => x.Id == measureId).Select(x => x.Key).SingleAsync());

        var page = await client.GetDocumentAsync(url + "?target=Measure&ref=" + key.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("Measure:" + key.ToString(CultureInfo.InvariantCulture), page.QuerySelector("#Input_Target option[selected]")!.GetAttribute("value"));
        var sent = await client.PostStatementAsync(page, url, new Dictionary<string, string?>
        {
            ["Input.Text"] = "Die Sprachkurse brauchen Kinderbetreuung.",
            ["Input.Quote"] = "Sprachkurse für Eltern",
            ["Input.Consent"] = "true",
        }, ("Stellungnahme.pdf", Files.Pdf()));
        var id = StatementIdOf(sent);
        var statement = await m.WithDbAsync(db => db.Statements.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal(ReceiptNumbers.Prefix(round.Id) + "0001", statement.ReceiptNumber);
        Assert.Equal(StatementTarget.Measure, statement.Target);
        Assert.Equal(key, statement.TargetRef);
        Assert.Equal("Maßnahme 1.2 Maßnahme 1.2", statement.TargetLabel);
        Assert.True(statement.ConsentToPublish);
        Assert.Equal(app.Clock.GetUtcNow(), statement.SubmittedAt, TimeSpan.FromSeconds(1));

        var mail = await app.Smtp.WaitForMessageToAsync(user.Email!);
        Assert.Equal("Planwerk: Eingangsbestätigung " + statement.ReceiptNumber, mail.Subject);
        var body = mail.TextBody!;
        Assert.Contains("Eingangsnummer: " + statement.ReceiptNumber, body, StringComparison.Ordinal);
        Assert.Contains("Beteiligungsrunde: Beteiligung Integrationsplan", body, StringComparison.Ordinal);
        Assert.Contains("Bezug: Maßnahme 1.2 Maßnahme 1.2", body, StringComparison.Ordinal);
        Assert.Contains("Eingereicht für: Beispiel-Caritas", body, StringComparison.Ordinal);
        Assert.Contains("Eingegangen am: " + GermanText.Of(() => BerlinTime.DateAndTime(statement.SubmittedAt)) + " (deutsche Zeit)", body, StringComparison.Ordinal);
        Assert.Contains("Sie haben zugestimmt", body, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/my-statements/{id}"), body, StringComparison.Ordinal);

        // Two submissions at the same moment get different numbers.
        var (other, _) = await m.MemberClientAsync(org);
        var pages = new[] { await client.GetDocumentAsync(url), await other.GetDocumentAsync(url) };
        var both = await Task.WhenAll(
            client.PostStatementAsync(pages[0], url, Text("Gleichzeitig A")),
            other.PostStatementAsync(pages[1], url, Text("Gleichzeitig B")));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var numbers = await m.WithDbAsync(db => db.Statements.Where(s => s.RoundId == round.Id).Select(s => s.ReceiptNumber).ToListAsync());
        Assert.Equal([.. new[] { "0001", "0002", "0003" }.Select(n => ReceiptNumbers.Prefix(round.Id) + n)], numbers.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>A hundred statements sent at the same moment (ten people sending ten each, within the per-person
    /// limit): every one is stored, each has its own receipt number, and the numbers are 1 to 100 without a gap.</summary>
    [Fact]
    public async Task A_hundred_statements_sent_at_once_are_all_stored_each_with_its_own_receipt_number()
    {
        var m = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync();
        var t0 = app.Now();
        var round = await m.AddRoundAsync(t0.AddMinutes(-5), t0.AddDays(3), invited: [org]);
        var url = round.NewStatementUrl(m);
        var writers = new List<(HttpClient Client, AngleSharp.Html.Dom.IHtmlDocument Page)>();
        for (var i = 0; i < 10; i++)
        {
            var (client, _) = await m.MemberClientAsync(org);
            writers.Add((client, await client.GetDocumentAsync(url)));
        }

        using var start = new SemaphoreSlim(0);
        var sends = Enumerable.Range(0, 100).Select(async i =>
        {
            var (client, page) = writers[i % writers.Count];
            await start.WaitAsync();
            return await client.PostStatementAsync(page, url, Text("Gleichzeitig " + i.ToString(CultureInfo.InvariantCulture) + " " + HostileText.RightToLeft));
        }).ToList();
        start.Release(100);
        var responses = await Task.WhenAll(sends);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var stored = await m.WithDbAsync(db => db.Statements.AsNoTracking().Where(s => s.RoundId == round.Id).Select(s => new { s.ReceiptNumber, s.Text }).ToListAsync());
        Assert.Equal(
            Enumerable.Range(0, 100).Select(i => "Gleichzeitig " + i.ToString(CultureInfo.InvariantCulture) + " " + HostileText.RightToLeft).Order(StringComparer.Ordinal),
            stored.Select(s => s.Text).Order(StringComparer.Ordinal));
        Assert.Equal(
            Enumerable.Range(1, 100).Select(n => ReceiptNumbers.Prefix(round.Id) + n.ToString("0000", CultureInfo.InvariantCulture)),
            stored.Select(s => s.ReceiptNumber).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Hostile_text_is_stored_as_written_and_shown_as_text_everywhere()
    {
        var m = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync(HostileText.Markup);
        var t0 = app.Now();
        var round = await m.AddRoundAsync(t0.AddMinutes(-5), t0.AddDays(3), invited: [org], title: HostileText.Script, description: HostileText.Script + " " + HostileText.RightToLeft);
        var url = round.NewStatementUrl(m);
        var (client, _) = await m.MemberClientAsync(org);
        var text = HostileText.Script + "\n\n" + HostileText.RightToLeft + "\n\n" + HostileText.VeryLong;
        var sent = await client.SubmitStatementAsync(url, new Dictionary<string, string?> { ["Input.Text"] = text, ["Input.Quote"] = HostileText.Markup });
        var id = StatementIdOf(sent);
        var stored = await m.WithDbAsync(db => db.Statements.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal(text.Trim(), stored.Text);
        Assert.Equal(HostileText.Markup, stored.Quote);

        var editor = await m.SignedInClientAsync(Planwerk.Features.Accounts.MunicipalityRole.PlanEditor);
        foreach (var (who, page) in new[] { (client, string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/my-statements/{id}")), (editor, round.ManageUrl(m, "/statements")),
            (app.CreateBrowserlikeClient(), round.Url(m)), (client, round.Url(m)), (editor, round.ManageUrl(m)), (editor, $"/{m.Slug}/manage/consultations") })
        {
            var response = await who.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.Contains(HostileText.Script, (await HtmlForms.ParseAsync(response)).Body!.TextContent, StringComparison.Ordinal);
        }
        var tooLong = await client.SubmitStatementAsync(url, Text(new string('x', Statement.MaxTextLength + 1)));
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains((await HtmlForms.ParseAsync(tooLong)).Errors(), e => e.Contains("höchstens", StringComparison.Ordinal));
        var empty = await client.SubmitStatementAsync(url, Text(""));
        Assert.Contains((await HtmlForms.ParseAsync(empty)).Errors(), e => e.Contains("Bitte schreiben Sie Ihre Stellungnahme.", StringComparison.Ordinal));
    }
}

public sealed class StatementSubmissionSqliteTests(ConsultationSqliteApp app) : StatementSubmissionTests(app), IClassFixture<ConsultationSqliteApp>;

public sealed class StatementSubmissionPostgresTests(ConsultationPostgresApp app) : StatementSubmissionTests(app), IClassFixture<ConsultationPostgresApp>;
