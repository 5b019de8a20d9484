using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using Planwerk.Tests.Infrastructure;
using Planwerk.Tests.Features.Implementation;

namespace Planwerk.Tests.Features.Plans.Print;

/// <summary>The PDF downloads, read back with PdfPig: what a council would attach to its paper.</summary>
public abstract partial class PlanPdfTests(PlanwerkApp app)
{
    [Fact]
    public async Task Plan_pdf_has_a_title_page_a_table_of_contents_every_measure_and_page_numbers()
    {
        var m = await app.CreateMunicipalityAsync("Musterstadt an der Elbe");
        var plan = await PrintPlans.SeedAsync(m, fieldCount: 3, measureCount: 11, title: "Fachplan Teilhabe und Zusammenhalt 2030");

        var (pdf, _) = await PdfText.FetchAsync(app.CreateClient(), m.PdfUrl(plan));

        var titlePage = pdf.Pages[0];
        Assert.Contains("Musterstadt an der Elbe", titlePage, StringComparison.Ordinal);
        Assert.Contains("Fachplan Teilhabe und Zusammenhalt 2030", titlePage, StringComparison.Ordinal);
        Assert.Contains("2024–2030", titlePage, StringComparison.Ordinal);
        Assert.Contains("Status: Beschlossen", titlePage, StringComparison.Ordinal);
        Assert.Contains("Stand: 01.06.2024", titlePage, StringComparison.Ordinal);

        var contents = pdf.Pages[1];
        Assert.Contains("Musterstadt an der Elbe · Fachplan Teilhabe und Zusammenhalt 2030 (2024–2030)", contents, StringComparison.Ordinal);
        Assert.Contains("Inhalt", contents, StringComparison.Ordinal);
        Assert.Contains("Zusammenfassung", contents, StringComparison.Ordinal);
        Assert.Contains("Leitlinien", contents, StringComparison.Ordinal);
        foreach (var field in plan.Fields)
        {
            // The entry names the field and ends with the number of the page its section starts on.
            var heading = $"Handlungsfeld {field.Number}: {field.Title}";
            var page = pdf.Pages.Select((text, i) => (text, number: i + 1)).Skip(2).First(p => p.text.Contains(heading, StringComparison.Ordinal)).number;
            Assert.Contains($"{heading} {page}", contents, StringComparison.Ordinal);
            foreach (var measure in field.Measures)
                Assert.Contains($"{measure.Number} {measure.Title}", contents, StringComparison.Ordinal);
        }

        var body = string.Join(" ", pdf.Pages.Skip(2));
        foreach (var measure in plan.Measures)
            Assert.Contains($"{measure.Number} {measure.Title}", body, StringComparison.Ordinal);
        Assert.Contains("Das Vorhaben 1-1 verbindet Beratung und Praxis.", body, StringComparison.Ordinal);
        Assert.Contains("Verantwortlich Sozialamt", body, StringComparison.Ordinal);
        Assert.Contains("Beispielinhalt", body, StringComparison.Ordinal);

        for (var i = 0; i < pdf.PageCount; i++)
            Assert.Contains($"Seite {i + 1} von {pdf.PageCount}", pdf.Pages[i], StringComparison.Ordinal);

        // Set in the embedded DejaVu Sans faces only, as subsets ("ABCDEF+DejaVu Sans").
        Assert.Equal(2, pdf.Fonts.Count);
        Assert.All(pdf.Fonts, f => Assert.Matches(@"^[A-Z]{6}\+DejaVu ?Sans", f));
    }

    [Fact]
    public async Task Measures_are_printed_in_plan_order_field_by_field()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await PrintPlans.SeedAsync(m, fieldCount: 2, measureCount: 12);

        var (pdf, _) = await PdfText.FetchAsync(app.CreateClient(), m.PdfUrl(plan));

        var body = string.Join(" ", pdf.Pages.Skip(2));
        var positions = plan.Measures.Select(x => body.IndexOf($"{x.Number} {x.Title}", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.True(body.IndexOf("1.6 ", StringComparison.Ordinal) < body.IndexOf("Handlungsfeld 2:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pdf_is_an_attachment_named_after_the_plan()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await PrintPlans.SeedAsync(m, 1, 2, title: "Fachplan Grün & Teilhabe: Übergänge 2030");

        var (_, response) = await PdfText.FetchAsync(app.CreateClient(), m.PdfUrl(plan));

        var disposition = response.Content.Headers.ContentDisposition;
        Assert.NotNull(disposition);
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Fachplan-Gruen-Teilhabe-Uebergaenge-2030.pdf", disposition.FileName?.Trim('"'));
    }

    [Fact]
    public async Task Hostile_titles_and_descriptions_give_a_valid_pdf_that_prints_them_as_text()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await PrintPlans.SeedAsync(m, 2, 4, title: "Fachplan für Größe und Übermaß", customize: (p, fields, measures) =>
        {
            p.Summary = HostileText.Script + " " + HostileText.Markup;
            fields[1].Title = HostileText.RightToLeft;
            measures[0].Title = "Skript " + HostileText.Script;
            measures[1].Title = HostileText.RightToLeft;
            measures[1].Description = HostileText.VeryLong;
            measures[2].Description = "Vorher " + HostileText.Script + " nachher\n\n" + HostileText.Markup;
            measures[3].Title = string.Concat(Enumerable.Repeat("Überlang", 60)); // one 480-letter word
            measures[3].CarriedBy("Amt für Übersetzung 😀, 中文 und Ω", "Jobcenter");
        });

        var (pdf, _) = await PdfText.FetchAsync(app.CreateClient(), m.PdfUrl(plan));

        Assert.Contains("Fachplan für Größe und Übermaß", pdf.Pages[0], StringComparison.Ordinal);
        Assert.Contains("Skript " + HostileText.Script, pdf.All, StringComparison.Ordinal);
        Assert.Contains("Vorher " + HostileText.Script + " nachher", pdf.All, StringComparison.Ordinal);
        Assert.Contains(HostileText.Markup, pdf.All, StringComparison.Ordinal);
        Assert.Contains(PrintPlans.Normalize(HostileText.VeryLong), pdf.Content, StringComparison.Ordinal);
        Assert.True(pdf.PageCount >= 4, "The very long description runs over pages.");
        Assert.Contains("خطة", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Überlang", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Amt für Übersetzung", pdf.All, StringComparison.Ordinal);
        Assert.Contains("und Ω", pdf.All, StringComparison.Ordinal);
        // Printed twice (contents and heading), broken where the line is full.
        Assert.Equal(120, OverlongWord().Count(pdf.All.Replace(" ", "", StringComparison.Ordinal)));
        for (var i = 0; i < pdf.PageCount; i++)
            Assert.Contains($"Seite {i + 1} von {pdf.PageCount}", pdf.Pages[i], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_is_printed_as_paragraphs_and_lists_without_its_syntax()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await PrintPlans.SeedAsync(m, 1, 1, customize: (_, _, measures) =>
            measures[0].Description = "Ein **fetter** und _kursiver_ Satz.\n\n- Punkt eins\n- Punkt zwei\n\n1. Schritt\n2. Schritt\n\nSiehe [die Seite](https://example.org/info) und `Code`.\n\n# Zwischentitel");

        var (pdf, _) = await PdfText.FetchAsync(app.CreateClient(), $"/{m.Slug}/plans/{plan.PlanId}/measures/{plan.Measures.Single().Id}/document.pdf");

        Assert.Contains("Ein fetter und kursiver Satz.", pdf.All, StringComparison.Ordinal);
        Assert.Contains("• Punkt eins • Punkt zwei", pdf.All, StringComparison.Ordinal);
        Assert.Contains("1. Schritt 2. Schritt", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Siehe die Seite (https://example.org/info) und Code.", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Zwischentitel", pdf.All, StringComparison.Ordinal);
        foreach (var syntax in new[] { "**", "_kursiver_", "- Punkt", "](", "`", "# Zwischentitel" })
            Assert.DoesNotContain(syntax, pdf.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Field_pdf_holds_the_field_and_its_measures_only()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await PrintPlans.SeedAsync(m, 3, 9);
        var field = plan.Fields[1];

        var (pdf, response) = await PdfText.FetchAsync(app.CreateClient(), $"/{m.Slug}/plans/{plan.PlanId}/fields/{field.Id}/document.pdf");

        Assert.Contains($"Handlungsfeld 2: {field.Title}", pdf.Pages[0], StringComparison.Ordinal);
        Assert.Contains(plan.Title, pdf.Pages[0], StringComparison.Ordinal);
        foreach (var measure in field.Measures)
            Assert.Contains($"{measure.Number} {measure.Title}", pdf.All, StringComparison.Ordinal);
        foreach (var other in plan.Fields.Where(f => f != field).SelectMany(f => f.Measures))
            Assert.DoesNotContain(other.Title, pdf.All, StringComparison.Ordinal);
        Assert.Contains($"Seite 1 von {pdf.PageCount}", pdf.Pages[0], StringComparison.Ordinal);
        Assert.Equal("Fachplan-Teilhabe-2030-Handlungsfeld-2.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task Measure_pdf_holds_one_measure_with_its_facts_on_one_page()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await PrintPlans.SeedAsync(m, 2, 4);
        var measure = plan.Fields[1].Measures[1];

        var (pdf, response) = await PdfText.FetchAsync(app.CreateClient(), $"/{m.Slug}/plans/{plan.PlanId}/measures/{measure.Id}/document.pdf");

        Assert.Equal(1, pdf.PageCount);
        var text = pdf.Pages[0];
        Assert.Contains($"{measure.Number} {measure.Title}", text, StringComparison.Ordinal);
        Assert.Contains("Handlungsfeld 2: Handlungsfeld Nummer 2", text, StringComparison.Ordinal);
        foreach (var fact in new[] { "Ziel Mehr Menschen finden Arbeit.", "Zielgruppen Zugewanderte", "Verantwortlich Sozialamt", "Partner Jobcenter",
                     "Zeitraum 01.01.2024 – 31.12.2026", "Kosten (geschätzt) 12.500 €", "Finanzierung Landesmittel", "Priorität Hoch",
                     "Leitlinien 2. Zusammenhalt in den Stadtteilen", "Status In Umsetzung", "Umsetzungsstand 40 %", "Seite 1 von 1" })
            Assert.Contains(fact, text, StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Fields[0].Measures[0].Title, text, StringComparison.Ordinal);
        Assert.Equal("Fachplan-Teilhabe-2030-Massnahme-2.2.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task Pdf_speaks_English_when_English_is_chosen()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await PrintPlans.SeedAsync(m, 1, 2);
        var client = app.CreateBrowserlikeClient();
        await client.GetAsync("/language/en?returnUrl=/");

        var (pdf, _) = await PdfText.FetchAsync(client, m.PdfUrl(plan));

        Assert.Contains("Contents", pdf.Pages[1], StringComparison.Ordinal);
        Assert.Contains("Field of action 1: Handlungsfeld Nummer 1", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Responsible Sozialamt", pdf.All, StringComparison.Ordinal);
        Assert.Contains($"Page 1 of {pdf.PageCount}", pdf.Pages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_of_a_plan_that_is_not_public_answers_404()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await PrintPlans.SeedAsync(m, 1, 2, isPublic: false);
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(m.PdfUrl(plan))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{m.Slug}/plans/{plan.PlanId}/fields/{plan.Fields[0].Id}/document.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{m.Slug}/plans/{plan.PlanId}/measures/{plan.Measures.First().Id}/document.pdf")).StatusCode);
    }

    [Fact]
    public async Task Pdf_of_another_municipalitys_plan_or_of_a_part_of_another_plan_answers_404()
    {
        var a = await app.CreateMunicipalityAsync();
        var b = await app.CreateMunicipalityAsync();
        var planOfA = await PrintPlans.SeedAsync(a, 1, 2);
        var planOfB = await PrintPlans.SeedAsync(b, 1, 2);
        var otherPlanOfB = await PrintPlans.SeedAsync(b, 1, 2, title: "Zweiter Plan");
        var client = app.CreateClient();

        foreach (var url in new[]
        {
            $"/{b.Slug}/plans/{planOfA.PlanId}/document.pdf",
            $"/{b.Slug}/plans/{planOfA.PlanId}/fields/{planOfA.Fields[0].Id}/document.pdf",
            $"/{b.Slug}/plans/{planOfA.PlanId}/measures/{planOfA.Measures.First().Id}/document.pdf",
            $"/{b.Slug}/plans/{planOfB.PlanId}/fields/{otherPlanOfB.Fields[0].Id}/document.pdf",
            $"/{b.Slug}/plans/{planOfB.PlanId}/measures/{otherPlanOfB.Measures.First().Id}/document.pdf",
        })
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(b.PdfUrl(planOfB))).StatusCode);
    }

    [Fact]
    public async Task Pdf_costs_the_same_number_of_queries_for_10_and_300_measures()
    {
        var m = await app.CreateMunicipalityAsync();
        var small = await PrintPlans.SeedAsync(m, 3, 10, title: "Plan mit zehn");
        var large = await PrintPlans.SeedAsync(m, 3, 300, title: "Plan mit dreihundert");
        var counter = new QueryCounter();
        using var counted = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(counter)));
        var client = counted.CreateClient();

        var costs = new List<int>();
        foreach (var url in new[]
        {
            m.PdfUrl(small), m.PdfUrl(large),
            $"/{m.Slug}/plans/{small.PlanId}/fields/{small.Fields[0].Id}/document.pdf", $"/{m.Slug}/plans/{large.PlanId}/fields/{large.Fields[0].Id}/document.pdf",
        })
        {
            counter.Reset();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            costs.Add(counter.Count);
        }

        Assert.Equal(costs[0], costs[1]);
        Assert.Equal(costs[2], costs[3]);
        // The plan document's nine queries (the measures' partners among them), the public check and the municipality.
        Assert.InRange(costs[1], 1, 11);
    }

    [GeneratedRegex("Überlang")]
    private static partial Regex OverlongWord();
}

public sealed class PlanPdfSqliteTests(SqliteApp app) : PlanPdfTests(app), IClassFixture<SqliteApp>;

public sealed class PlanPdfPostgresTests(PostgresApp app) : PlanPdfTests(app), IClassFixture<PostgresApp>;
