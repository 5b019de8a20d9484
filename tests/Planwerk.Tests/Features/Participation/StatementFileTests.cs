using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Infrastructure.Files;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Participation.ConsultationTestSupport;

namespace Planwerk.Tests.Features.Participation;

/// <summary>The application with small attachment limits per person and per round, so that tests reach them
/// with small files.</summary>
public abstract class SmallQuotaApp(DatabaseProvider provider) : ConsultationApp(provider)
{
    public const long PerPerson = 3000;
    public const long PerRound = 5000;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        .. base.Settings,
        new("Consultations:MaxAttachmentBytesPerPersonAndRound", PerPerson.ToString(CultureInfo.InvariantCulture)),
        new("Consultations:MaxAttachmentBytesPerRound", PerRound.ToString(CultureInfo.InvariantCulture)),
    ];
}

public sealed class SmallQuotaSqliteApp() : SmallQuotaApp(DatabaseProvider.Sqlite);

public sealed class SmallQuotaPostgresApp() : SmallQuotaApp(DatabaseProvider.Postgres);

/// <summary>Statement attachments: named by their recognised type, limited per person and per round, a too large
/// form answered with 413 and a page; pages and downloads with personal data are never stored by caches.</summary>
public abstract class StatementFileTests(SmallQuotaApp app)
{
    private static Dictionary<string, string?> Text(string text) => new() { ["Input.Text"] = text };

    /// <summary>A PDF whose first bytes make it a PDF and whose rest is an HTML page with a script.</summary>
    private static byte[] Polyglot(int size = 0)
    {
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n");
        return size <= bytes.Length ? bytes : [.. bytes, .. new byte[size - bytes.Length]];
    }

    [Fact]
    public async Task A_pdf_named_as_html_is_stored_and_served_as_pdf()
    {
        var m = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync();
        var t0 = app.Now();
        var round = await m.AddRoundAsync(t0.AddMinutes(-1), t0.AddDays(2), invited: [org]);
        var (author, _) = await m.MemberClientAsync(org);
        var id = StatementIdOf(await author.SubmitStatementAsync(round.NewStatementUrl(m), Text("Mit Anhang"),
            ("Stellungnahme.html", Polyglot()), ("C:\\Users\\kim\\ohne-endung", Files.Docx()), ("..html", Files.Odt())));
        var stored = await m.WithDbAsync(db => db.StatementAttachments.AsNoTracking().Where(a => a.StatementId == id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["Stellungnahme.pdf", "ohne-endung.docx", "Anhang.odt"], stored.Select(a => a.FileName).ToList());

        // Also a file stored under its uploader's name before is served under the name of its type.
        await m.WithDbAsync(db => db.StatementAttachments.Where(a => a.Id == stored[0].Id).ExecuteUpdateAsync(x => x.SetProperty(a => a.FileName, "alt.html").SetProperty(a => a.ContentType, "text/html")));
        var response = await author.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/statements/{id}/attachments/{stored[0].Id}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocumentTypes.Pdf, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("alt.pdf", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task Attachments_over_the_limit_per_person_or_per_round_are_refused_with_the_limit_and_nothing_is_saved()
    {
        var m = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync();
        var t0 = app.Now();
        var round = await m.AddRoundAsync(t0.AddMinutes(-1), t0.AddDays(2), invited: [org]);
        var url = round.NewStatementUrl(m);
        var (kim, _) = await m.MemberClientAsync(org);
        Assert.Equal(HttpStatusCode.Redirect, (await kim.SubmitStatementAsync(url, Text("Erste"), ("a.pdf", Polyglot(2000)))).StatusCode);

        var refused = await kim.SubmitStatementAsync(url, Text("Zweite " + HostileText.Script), ("b.pdf", Polyglot(1500)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var errors = (await HtmlForms.ParseAsync(refused)).Errors();
        Assert.Contains(errors, e => e.Contains("dürfen zusammen höchstens 3 KB groß sein; frei sind noch 1 KB", StringComparison.Ordinal));
        Assert.Equal(1, await m.WithDbAsync(db => db.Statements.CountAsync(s => s.RoundId == round.Id)));
        Assert.Equal(1, await m.WithDbAsync(db => db.StatementAttachments.CountAsync()));
        // Within what is left it goes in.
        Assert.Equal(HttpStatusCode.Redirect, (await kim.SubmitStatementAsync(url, Text("Dritte"), ("c.pdf", Polyglot(900)))).StatusCode);

        // The round's limit counts everyone's files: 2900 of 5000 are taken.
        var (lea, _) = await m.MemberClientAsync(org);
        Assert.Equal(HttpStatusCode.Redirect, (await lea.SubmitStatementAsync(url, Text("Lea"), ("d.pdf", Polyglot(1800)))).StatusCode);
        var (jan, _) = await m.MemberClientAsync(org);
        var full = await jan.SubmitStatementAsync(url, Text("Jan"), ("e.pdf", Polyglot(400)));
        Assert.Contains((await HtmlForms.ParseAsync(full)).Errors(), e => e.Contains("aller Stellungnahmen dieser Beteiligungsrunde dürfen zusammen höchstens 5 KB groß sein; frei sind noch 1 KB", StringComparison.Ordinal));
        Assert.Equal(3, await m.WithDbAsync(db => db.Statements.CountAsync(s => s.RoundId == round.Id)));
        // Without attachments a statement is always taken.
        Assert.Equal(HttpStatusCode.Redirect, (await jan.SubmitStatementAsync(url, Text("Jan ohne Anhang"))).StatusCode);
    }

    [Fact]
    public async Task A_form_larger_than_the_page_accepts_answers_413_with_a_page_naming_the_limit()
    {
        var m = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync();
        var t0 = app.Now();
        var round = await m.AddRoundAsync(t0.AddMinutes(-1), t0.AddDays(2), invited: [org]);
        var (kim, _) = await m.MemberClientAsync(org);
        var huge = Polyglot((int)NewStatementModel.MaxRequestBytes + 1024);
        var response = await kim.SubmitStatementAsync(round.NewStatementUrl(m), Text("Zu groß"), ("gross.pdf", huge));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal("Zu große Datei", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("erlaubt sind höchstens 52 MB zusammen", page.QuerySelector("#too-large")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await m.WithDbAsync(db => db.Statements.CountAsync(s => s.RoundId == round.Id)));

        var (en, _) = await m.MemberClientAsync(org);
        await en.GetAsync("/language/en?returnUrl=/");
        response = await en.SubmitStatementAsync(round.NewStatementUrl(m), Text("Too large"), ("big.pdf", huge));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most 52 MB", (await HtmlForms.ParseAsync(response)).QuerySelector("#too-large")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_and_exports_with_personal_data_are_never_stored_while_public_pages_may_be()
    {
        var m = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync();
        var t0 = app.Now();
        var round = await m.AddRoundAsync(t0.AddMinutes(-1), t0.AddDays(2), invited: [org]);
        var (author, _) = await m.MemberClientAsync(org);
        StatementIdOf(await author.SubmitStatementAsync(round.NewStatementUrl(m), Text("Von Kim " + HostileText.Script)));
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);

        foreach (var (client, url) in new[]
        {
            (editor, round.ManageUrl(m, "/weighing.xlsx")), (editor, round.ManageUrl(m, "/weighing.pdf")), (editor, round.ManageUrl(m)),
            (editor, $"/{m.Slug}/manage"), (author, $"/{m.Slug}/my-statements"),
        })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url} may be stored: {response.Headers.CacheControl}");
        }
        var visitor = await app.CreateBrowserlikeClient().GetAsync(round.Url(m));
        Assert.Equal(HttpStatusCode.OK, visitor.StatusCode);
        Assert.NotEqual(true, visitor.Headers.CacheControl?.NoStore);
    }
}

public sealed class StatementFileSqliteTests(SmallQuotaSqliteApp app) : StatementFileTests(app), IClassFixture<SmallQuotaSqliteApp>;

public sealed class StatementFilePostgresTests(SmallQuotaPostgresApp app) : StatementFileTests(app), IClassFixture<SmallQuotaPostgresApp>;
