using System.Globalization;
using System.Net;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Tests.Features.Plans.Print;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Participation;

/// <summary>The weighing table (Abwägungstabelle) in HTML, XLSX and PDF: the public one holds exactly the
/// consented statements and never a private person's name; the plan team's holds all of them.</summary>
public abstract class WeighingTableTests(PlanwerkApp app)
{
    private const string SecretText = "Geheimer Text ohne Zustimmung";
    private const string PrivateName = "Erika Geheimname";
    private const string OtherPrivateName = "Max Verborgen";
    private const string MemberName = "Paula Vereinsmitglied";

    private sealed record Scenario(TestMunicipality M, SeededRound Round, string Organisation, int Accepted, int Personal, int Withheld, string ChangedTitle);

    /// <summary>A published round: an organisation's consented statement on measure 1.1 (accepted, linked to a
    /// change of it), a private person's consented one on field 2 (not accepted), and a private person's
    /// statement on the whole plan without consent (noted).</summary>
    private async Task<Scenario> PublishedAsync(RoundStage stage = RoundStage.Published)
    {
        var m = await app.CreateMunicipalityAsync("Beispielstadt");
        var round = await m.AddRoundAsync(stage);
        var organisation = "Beispiel-Initiative " + Guid.NewGuid().ToString("N")[..6];
        var stakeholder = await m.AddStakeholderAsync(organisation, kind: StakeholderKind.CivilSocietyInitiative);
        var author = (await app.CreateUserAsync()).Id;
        var changedTitle = "Lerncafés auch in den Stadtteilen";
        var change = await m.ChangeMeasureAsync(round.Plan.Measures.Single(x => x.Number == "1.1").Id, changedTitle);
        var accepted = await m.AddStatementAsync(round, author, "1.1", text: "Lerncafés **auch** in Stadtteilen anbieten.", authorName: MemberName,
            stakeholderId: stakeholder, outcome: WeighingOutcome.Accepted, reasons: "Übernommen, die Maßnahme wurde erweitert.", quote: "in den Übergangswohnheimen");
        await m.WithDbAsync(db =>
        {
            db.StatementChangeLinks.Add(new StatementChangeLink { StatementId = accepted, ChangeRecordId = change });
            return Task.FromResult(0);
        });
        var personal = await m.AddStatementAsync(round, author, "F2", text: "Mehr Wohnungen statt Heime.", authorName: PrivateName,
            outcome: WeighingOutcome.NotAccepted, reasons: "Nicht übernommen: Der Wohnungsmarkt lässt das nicht zu.", submittedAt: round.OpensAt.AddHours(2));
        var withheld = await m.AddStatementAsync(round, author, null, text: SecretText, authorName: OtherPrivateName, consent: false,
            outcome: WeighingOutcome.Noted, submittedAt: round.OpensAt.AddHours(3));
        return new Scenario(m, round, organisation, accepted, personal, withheld, changedTitle);
    }

    [Fact]
    public async Task Public_html_table_shows_exactly_the_consented_statements_grouped_by_part_without_private_names()
    {
        var s = await PublishedAsync();
        var page = await app.CreateBrowserlikeClient().GetDocumentAsync(s.M.PublicWeighingUrl(s.Round));

        var parts = page.QuerySelectorAll("section.weighing-part h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal([$"Maßnahme 1.1 {s.Round.Plan.Measures.Single(x => x.Number == "1.1").Title}", $"Handlungsfeld 2: {s.Round.Plan.Fields[1].Title}"], parts);
        Assert.Equal([$"statement-{s.Accepted}", $"statement-{s.Personal}"], page.QuerySelectorAll("tr.weighing-statement").Select(r => r.Id!));

        var accepted = page.QuerySelector($"#statement-{s.Accepted}")!;
        Assert.Equal(s.Organisation, accepted.QuerySelector(".submitter")!.TextContent.Trim());
        Assert.Equal("übernommen", accepted.QuerySelector(".outcome")!.TextContent.Trim());
        Assert.Contains("Übernommen, die Maßnahme wurde erweitert.", accepted.QuerySelector(".reasons")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(accepted.QuerySelector(".statement-text strong"));
        Assert.Contains("in den Übergangswohnheimen", accepted.QuerySelector("blockquote")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(s.ChangedTitle, accepted.QuerySelector(".changes")!.TextContent, StringComparison.Ordinal);
        var personal = page.QuerySelector($"#statement-{s.Personal}")!;
        Assert.Equal("Privatperson", personal.QuerySelector(".submitter")!.TextContent.Trim());
        Assert.Equal("nicht übernommen", personal.QuerySelector(".outcome")!.TextContent.Trim());

        var html = page.DocumentElement.OuterHtml;
        foreach (var hidden in new[] { SecretText, PrivateName, OtherPrivateName, MemberName })
            Assert.DoesNotContain(hidden, html, StringComparison.Ordinal);
        Assert.Equal("1 weitere Stellungnahme ohne Zustimmung zur Veröffentlichung", page.QuerySelector("#withheld")!.TextContent.Trim());
    }

    [Fact]
    public async Task Public_and_internal_xlsx_hold_the_right_statements_read_back_with_closedxml()
    {
        var s = await PublishedAsync();
        var anonymous = app.CreateBrowserlikeClient();
        var team = await s.M.SignedInClientAsync(MunicipalityRole.Moderator);

        var publicRows = await XlsxAsync(anonymous, s.M.PublicWeighingUrl(s.Round, ".xlsx"));
        var header = publicRows[0];
        Assert.Equal(["Planteil", "Eingangsnummer", "Eingegangen am", "Eingereicht von", "Zitierte Stelle", "Stellungnahme", "Ergebnis", "Begründung", "Planänderungen"], header);
        var data = publicRows.Skip(1).Where(r => r.Count > 1 && r[1].Length > 0).ToList();
        Assert.Equal(2, data.Count);
        Assert.StartsWith("Maßnahme 1.1", data[0][0], StringComparison.Ordinal);
        Assert.Equal(s.Organisation, data[0][3]);
        Assert.Equal("Lerncafés **auch** in Stadtteilen anbieten.", data[0][5]);
        Assert.Equal("übernommen", data[0][6]);
        Assert.Equal("Übernommen, die Maßnahme wurde erweitert.", data[0][7]);
        Assert.Contains(s.ChangedTitle, data[0][8], StringComparison.Ordinal);
        Assert.StartsWith("Handlungsfeld 2", data[1][0], StringComparison.Ordinal);
        Assert.Equal("Privatperson", data[1][3]);
        Assert.Equal("nicht übernommen", data[1][6]);
        var all = string.Join("\n", publicRows.SelectMany(r => r));
        foreach (var hidden in new[] { SecretText, PrivateName, OtherPrivateName, MemberName })
            Assert.DoesNotContain(hidden, all, StringComparison.Ordinal);
        Assert.Contains("1 weitere Stellungnahme ohne Zustimmung zur Veröffentlichung", all, StringComparison.Ordinal);

        var internalRows = await XlsxAsync(team, s.M.WeighingUrl(s.Round, ".xlsx"));
        var internalData = internalRows.Skip(1).Where(r => r.Count > 1 && r[1].Length > 0).ToList();
        Assert.Equal(3, internalData.Count);
        Assert.Equal("Gesamter Plan", internalData[0][0]);
        Assert.Equal($"{OtherPrivateName} (Privatperson)", internalData[0][3]);
        Assert.Equal("nein", internalData[0][4]);
        Assert.Equal(SecretText, internalData[0][6]);
        Assert.Equal("zur Kenntnis genommen", internalData[0][7]);
        Assert.Equal($"{MemberName} (für {s.Organisation})", internalData[1][3]);
        Assert.Equal($"{PrivateName} (Privatperson)", internalData[2][3]);
    }

    [Fact]
    public async Task Public_and_internal_pdf_hold_the_right_statements_read_back_with_pdfpig()
    {
        var s = await PublishedAsync();
        var team = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);

        var (pdf, response) = await PdfText.FetchAsync(app.CreateBrowserlikeClient(), s.M.PublicWeighingUrl(s.Round, ".pdf"));
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var text = pdf.Content;
        var measurePart = text.IndexOf("Maßnahme 1.1", StringComparison.Ordinal);
        var fieldPart = text.IndexOf("Handlungsfeld 2:", StringComparison.Ordinal);
        Assert.True(measurePart >= 0 && fieldPart > measurePart, "parts in plan order");
        Assert.Contains("Lerncafés auch in Stadtteilen anbieten.", text, StringComparison.Ordinal);
        Assert.Contains("Ergebnis übernommen", text, StringComparison.Ordinal);
        Assert.Contains("Begründung Übernommen, die Maßnahme wurde erweitert.", text, StringComparison.Ordinal);
        Assert.Contains("Ergebnis nicht übernommen", text, StringComparison.Ordinal);
        Assert.Contains(s.ChangedTitle, text, StringComparison.Ordinal);
        Assert.Contains("Eingereicht von Privatperson", text, StringComparison.Ordinal);
        Assert.Contains("Eingereicht von " + s.Organisation, text, StringComparison.Ordinal);
        Assert.Contains("1 weitere Stellungnahme ohne Zustimmung zur Veröffentlichung", text, StringComparison.Ordinal);
        foreach (var hidden in new[] { SecretText, PrivateName, OtherPrivateName, MemberName })
            Assert.DoesNotContain(hidden, pdf.All, StringComparison.Ordinal);
        for (var i = 0; i < pdf.PageCount; i++)
            Assert.Contains($"Seite {i + 1} von {pdf.PageCount}", pdf.Pages[i], StringComparison.Ordinal);

        var (internalPdf, _) = await PdfText.FetchAsync(team, s.M.WeighingUrl(s.Round, ".pdf"));
        Assert.Contains(SecretText, internalPdf.Content, StringComparison.Ordinal);
        Assert.Contains($"{OtherPrivateName} (Privatperson)", internalPdf.Content, StringComparison.Ordinal);
        Assert.Contains($"{MemberName} (für {s.Organisation})", internalPdf.Content, StringComparison.Ordinal);
        Assert.Contains("Ergebnis zur Kenntnis genommen", internalPdf.Content, StringComparison.Ordinal);
        Assert.True(internalPdf.Content.IndexOf("Gesamter Plan", StringComparison.Ordinal) < internalPdf.Content.IndexOf("Maßnahme 1.1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(RoundStage.Planned)]
    [InlineData(RoundStage.Open)]
    [InlineData(RoundStage.Closed)]
    public async Task Public_table_is_not_found_until_the_weighing_is_published_while_the_team_has_its_own(RoundStage stage)
    {
        var s = await PublishedAsync(stage);
        var team = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        foreach (var suffix in new[] { "", ".xlsx", ".pdf" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await app.CreateBrowserlikeClient().GetAsync(s.M.PublicWeighingUrl(s.Round, suffix))).StatusCode);
            // Signed-in plan team members get no preview through the public address either.
            Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync(s.M.PublicWeighingUrl(s.Round, suffix))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await team.GetAsync(s.M.WeighingUrl(s.Round, suffix))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync(s.M.WeighingUrl(s.Round, ".csv"))).StatusCode);
    }

    [Fact]
    public async Task Hostile_text_is_encoded_in_html_and_intact_in_xlsx_and_pdf()
    {
        var m = await app.CreateMunicipalityAsync();
        var round = await m.AddRoundAsync(RoundStage.Published);
        var author = (await app.CreateUserAsync()).Id;
        var organisation = "Verein " + HostileText.Markup;
        var stakeholder = await m.AddStakeholderAsync(organisation);
        var text = "Vorher " + HostileText.Script + " nachher " + HostileText.RightToLeft + "\n\n" + HostileText.VeryLong;
        var id = await m.AddStatementAsync(round, author, "2.2", text: text, stakeholderId: stakeholder, outcome: WeighingOutcome.PartlyAccepted,
            reasons: "Grund " + HostileText.Script + " " + HostileText.RightToLeft, quote: "=SUMME(A1:A9)");
        var anonymous = app.CreateBrowserlikeClient();

        var response = await anonymous.GetAsync(m.PublicWeighingUrl(round));
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)</script>", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", raw, StringComparison.Ordinal);
        var page = await HtmlForms.ParseAsync(await anonymous.GetAsync(m.PublicWeighingUrl(round)));
        var row = page.QuerySelector($"#statement-{id}")!;
        Assert.Contains("Vorher " + HostileText.Script + " nachher", row.QuerySelector(".statement-text")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(HostileText.RightToLeft, row.QuerySelector(".statement-text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("auto", row.QuerySelector(".statement-text .markdown")!.GetAttribute("dir"));
        Assert.Equal(organisation, row.QuerySelector(".submitter")!.TextContent.Trim());
        Assert.Contains("Grund " + HostileText.Script, row.QuerySelector(".reasons")!.TextContent, StringComparison.Ordinal);

        var rows = await XlsxAsync(anonymous, m.PublicWeighingUrl(round, ".xlsx"));
        Assert.Equal(organisation, rows[1][3]);
        Assert.Equal("=SUMME(A1:A9)", rows[1][4]);
        Assert.Equal(text, rows[1][5]);
        Assert.Equal("Grund " + HostileText.Script + " " + HostileText.RightToLeft, rows[1][7]);

        var (pdf, _) = await PdfText.FetchAsync(anonymous, m.PublicWeighingUrl(round, ".pdf"));
        Assert.Contains("Vorher " + HostileText.Script + " nachher", pdf.Content, StringComparison.Ordinal);
        Assert.Contains(PrintPlans.Normalize(HostileText.VeryLong), pdf.Content, StringComparison.Ordinal);
        Assert.Contains("خطة", pdf.All, StringComparison.Ordinal);
        Assert.Contains(HostileText.Markup, pdf.All, StringComparison.Ordinal);
        Assert.True(pdf.PageCount >= 2, "the very long statement runs over pages");
    }

    /// <summary>The weighing table of a round with 900 statements (the size at which a list of proposals elsewhere
    /// takes seconds) is read with the same commands as one with 3: public and plan team's, page, XLSX and PDF.</summary>
    [Fact]
    public async Task Tables_cost_the_same_number_of_queries_for_3_and_900_statements()
    {
        var m = await app.CreateMunicipalityAsync();
        var small = await m.AddRoundAsync(RoundStage.Published);
        var large = await m.AddRoundAsync(RoundStage.Published);
        var author = (await app.CreateUserAsync()).Id;
        var stakeholder = await m.AddStakeholderAsync();
        var targets = new string?[] { null, "1.1", "2.1", "F1", "1.2", "2.2" };
        foreach (var (round, count) in new[] { (small, 3), (large, 900) })
        {
            // A few recorded changes of the plan, each linked from many statements; the statements written in one save.
            var changes = new List<long>();
            for (var c = 0; c < Math.Min(count, 5); c++)
                changes.Add(await m.ChangeMeasureAsync(round.Plan.Measures.First().Id, "Titel " + c));
            await m.WithDbAsync(async db =>
            {
                var statements = Enumerable.Range(0, count).Select(i =>
                {
                    var target = targets[i % targets.Length];
                    var (kind, reference, label) = target switch
                    {
                        null => (StatementTarget.WholePlan, (int?)null, "Gesamter Plan"),
                        ['F', .. var n] => (StatementTarget.FieldOfAction, int.Parse(n, CultureInfo.InvariantCulture), "Handlungsfeld " + n),
                        _ => (StatementTarget.Measure, round.MeasureKeys[target], "Maßnahme " + target),
                    };
                    var outcome = (WeighingOutcome)(i % 4);
                    return new Statement
                    {
                        RoundId = round.RoundId, ReceiptNumber = ReceiptNumbers.Prefix(round.RoundId) + (i + 1).ToString("0000", CultureInfo.InvariantCulture),
                        Target = kind, TargetRef = reference, TargetLabel = label, Quote = i % 7 == 0 ? HostileText.RightToLeft : "",
                        Text = "Stellungnahme " + i + " " + (i % 10 == 0 ? HostileText.Script : "zur Sprachförderung"), AuthorUserId = author,
                        AuthorName = "Erika Beispielfrau", StakeholderId = i % 2 == 0 ? stakeholder : null, ConsentToPublish = i % 3 != 2,
                        SubmittedAt = round.OpensAt.AddMinutes(i), Outcome = outcome, Reasons = "Grund " + i,
                        WeighedAt = round.OpensAt.AddDays(1), WeighedByName = "Redaktion",
                        ChangeLinks = [new StatementChangeLink { ChangeRecordId = changes[i % changes.Count] }],
                    };
                }).ToList();
                db.Statements.AddRange(statements);
                await db.SaveChangesAsync();
                return 0;
            });
        }
        var counter = new QueryCounter();
        using var counted = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(counter)));
        var anonymous = counted.CreateClient();
        var editor = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        var team = await SignInAsync(counted, editor.Email!);

        foreach (var (client, suffix, manage) in new[]
        {
            (anonymous, "", false), (anonymous, ".xlsx", false), (anonymous, ".pdf", false),
            (team, "", true), (team, ".xlsx", true), (team, ".pdf", true),
        })
        {
            var costs = new List<int>();
            foreach (var round in new[] { small, large })
            {
                var url = manage ? m.WeighingUrl(round, suffix) : m.PublicWeighingUrl(round, suffix) + "?count=" + Guid.NewGuid().ToString("N");
                counter.Reset();
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
                costs.Add(counter.Count);
            }
            Assert.True(costs[0] == costs[1], $"{(manage ? "manage" : "public")} {suffix}: {costs[0]} queries for 3 statements, {costs[1]} for 900");
            Assert.InRange(costs[1], 1, 12);
        }
    }

    /// <summary>Signs in through the login form of a factory derived from the app (here: the counting one).</summary>
    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> factory, string email)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.SubmitFormAsync("/account/login", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = PlanwerkApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Every row of the first sheet as texts, the header first.</summary>
    private static async Task<List<List<string>>> XlsxAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var workbook = new XLWorkbook(stream);
        var sheet = workbook.Worksheets.First();
        var last = sheet.LastColumnUsed()!.ColumnNumber();
        return sheet.RowsUsed().Select(r => Enumerable.Range(1, last).Select(c => r.Cell(c).GetString()).ToList()).ToList();
    }
}

public sealed class WeighingTableSqliteTests(SqliteApp app) : WeighingTableTests(app), IClassFixture<SqliteApp>;

public sealed class WeighingTablePostgresTests(PostgresApp app) : WeighingTableTests(app), IClassFixture<PostgresApp>;
