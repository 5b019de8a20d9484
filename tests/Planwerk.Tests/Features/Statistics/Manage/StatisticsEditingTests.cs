using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Implementation;
using Planwerk.Features.Statistics;
using Planwerk.Features.Statistics.Manage;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Plans.PublicSite;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Statistics.Manage;

/// <summary>The team keeps its datasets through the pages: fields checked at their place, stale forms refused without
/// losing the input, figures edited as a table with errors by row and column, categories, imports checked and
/// previewed before they are applied all at once, deletion refused while an indicator uses the dataset, and every
/// change in the history. Another municipality's editors see none of it.</summary>
public abstract class StatisticsEditingTests(PlanwerkApp app)
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string List(TestMunicipality m) => $"/{m.Slug}/manage/statistics";

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task A_new_dataset_is_checked_field_by_field_and_saved_with_its_history()
    {
        var m = await app.CreateMunicipalityAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var bad = await editor.SubmitFormAsync($"{List(m)}/new", new Dictionary<string, string?>
        {
            ["Input.Title"] = "", ["Input.Code"] = "Zuweisungen Asyl", ["Input.SourceUrl"] = "javascript:alert(1)", ["Input.Licence"] = "frei",
            ["Input.CoversFrom"] = "2020", ["Input.CoversTo"] = "2015", ["Input.Keywords"] = "",
        }, "#dataset-form");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var errors = (await HtmlForms.ParseAsync(bad)).Errors();
        Assert.Contains(errors, e => e.StartsWith("Titel: Bitte geben Sie einen Titel an.", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adresskürzel: Bitte verwenden Sie nur Kleinbuchstaben", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Internetadresse der Quelle: Bitte geben Sie eine vollständige Adresse an", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Lizenz: Bitte wählen Sie eine Lizenz aus der Liste.", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Zeitraum bis: Das Ende (31.12.2015) liegt vor dem Beginn (01.01.2020).", StringComparison.Ordinal));
        var yearOne = await editor.SubmitFormAsync($"{List(m)}/new", new Dictionary<string, string?> { ["Input.Title"] = "T", ["Input.Code"] = "t", ["Input.CoversFrom"] = "0001" }, "#dataset-form");
        Assert.Contains((await HtmlForms.ParseAsync(yearOne)).Errors(), e => e.Contains("Das Jahr 1 liegt nicht zwischen 1900 und 2100.", StringComparison.Ordinal));
        Assert.False(await m.WithDbAsync(db => db.StatisticsDatasets.AnyAsync()));

        var saved = await editor.SubmitFormAsync($"{List(m)}/new", new Dictionary<string, string?>
        {
            ["Input.Title"] = "Zuweisungen " + HostileText.Script, ["Input.Code"] = "zuweisungen-asyl", ["Input.SourceUrl"] = "https://www.statistik.sachsen.de/",
            ["Input.Licence"] = "dl-by-de/2.0", ["Input.CoversFrom"] = "2015", ["Input.CoversTo"] = "31.12.2023", ["Input.Unit"] = "Personen", ["Input.IsPublic"] = "true",
        }, "#dataset-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var dataset = await m.WithDbAsync(db => db.StatisticsDatasets.AsNoTracking().SingleAsync());
        Assert.Equal(("zuweisungen-asyl", "Zuweisungen " + HostileText.Script, new DateOnly(2015, 1, 1), new DateOnly(2023, 12, 31), true),
            (dataset.Code, dataset.Title, dataset.CoversFrom, dataset.CoversTo, dataset.IsPublic));
        var listPage = await editor.GetStringAsync(List(m));
        Assert.DoesNotContain(HostileText.Script, listPage, StringComparison.Ordinal);
        Assert.Contains("Zuweisungen &lt;script&gt;", listPage, StringComparison.Ordinal);

        var taken = await editor.SubmitFormAsync($"{List(m)}/new", new Dictionary<string, string?> { ["Input.Title"] = "Zweiter", ["Input.Code"] = "zuweisungen-asyl" }, "#dataset-form");
        Assert.Contains((await HtmlForms.ParseAsync(taken)).Errors(), e => e.StartsWith("Adresskürzel: „zuweisungen-asyl“ hat schon ein anderer Datensatz.", StringComparison.Ordinal));

        var history = await editor.GetDocumentAsync($"{List(m)}/{Id(dataset.Id)}/history");
        Assert.Contains("angelegt", history.QuerySelector("#history")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("zuweisungen-asyl", history.QuerySelector("#history")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_form_is_refused_with_a_clear_message_and_keeps_what_was_typed()
    {
        var m = await app.CreateMunicipalityAsync();
        var id = await m.AddDatasetAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"{List(m)}/{Id(id)}";
        var staleForm = await editor.GetDocumentAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitFormAsync(url, new Dictionary<string, string?> { ["Input.Title"] = "Von Anna" }, "#dataset-form")).StatusCode);

        var stale = await editor.SubmitFormAsync(staleForm, url, new Dictionary<string, string?> { ["Input.Title"] = "Von Ben" }, "#dataset-form");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await HtmlForms.ParseAsync(stale);
        Assert.Contains(page.Errors(), e => e.StartsWith("Dieser Datensatz wurde inzwischen von jemand anderem geändert.", StringComparison.Ordinal));
        Assert.Equal("Von Ben", page.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        Assert.Equal("Von Anna", (await m.DatasetAsync(id)).Title);
    }

    [Fact]
    public async Task The_figures_table_reports_errors_by_row_and_column_and_saves_all_or_nothing()
    {
        var m = await app.CreateMunicipalityAsync();
        var id = await m.AddDatasetAsync(figures: [(2015, null, 5200m, ""), (2016, null, 4178m, "")]);
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"{List(m)}/{Id(id)}/figures";
        var form = await editor.GetDocumentAsync(url);
        Assert.Equal("4.178", form.QuerySelector("input[name='Rows[1].Value']")!.GetAttribute("value"));

        var bad = await editor.SubmitFormAsync(form, url, new Dictionary<string, string?>
        {
            ["Rows[1].Value"] = "vier", ["Rows[2].Period"] = "2017", ["Rows[2].Value"] = "", ["Rows[3].Period"] = "2015", ["Rows[3].Value"] = "1",
        }, "#figures-form");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var errors = (await HtmlForms.ParseAsync(bad)).Errors();
        Assert.Contains(errors, e => e.StartsWith("Zeile 2, Wert: „vier“ ist keine Zahl.", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Zeile 3, Wert: Der Wert fehlt.", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Zeile 4, Zeitraum: Für 2015 steht schon in Zeile 1 ein Wert.", StringComparison.Ordinal));
        Assert.Equal(["2015||5200|", "2016||4178|"], await m.FiguresAsync(id));

        var good = await editor.SubmitFormAsync(form, url, new Dictionary<string, string?>
        {
            ["Rows[0].Remove"] = "true", ["Rows[1].Value"] = "4.178,5", ["Rows[2].Period"] = "2019", ["Rows[2].Value"] = "", ["Rows[2].Note"] = "nicht veröffentlicht",
            ["Rows[3].Period"] = "2020", ["Rows[3].Value"] = ".",
        }, "#figures-form");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(["2016||4178.5|", "2019|||nicht veröffentlicht", "2020|||Zahlenwert unbekannt oder geheim zu halten"], await m.FiguresAsync(id));

        var history = (await editor.GetDocumentAsync($"{List(m)}/{Id(id)}/history")).QuerySelector("#history li")!;
        Assert.Contains("2015: 5.200", history.QuerySelector(".history-old")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2016: 4.178,5", history.QuerySelector(".history-new")!.TextContent, StringComparison.Ordinal);

        // The first form is stale now: it is refused and its rows stay on the page.
        var stale = await editor.SubmitFormAsync(form, url, new Dictionary<string, string?> { ["Rows[0].Value"] = "1" }, "#figures-form");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var stalePage = await HtmlForms.ParseAsync(stale);
        Assert.Contains(stalePage.Errors(), e => e.StartsWith("Dieser Datensatz wurde inzwischen von jemand anderem geändert.", StringComparison.Ordinal));
        Assert.Equal("1", stalePage.QuerySelector("input[name='Rows[0].Value']")!.GetAttribute("value"));
        Assert.Equal(3, (await m.FiguresAsync(id)).Count);
    }

    [Fact]
    public async Task A_table_of_hundreds_of_figures_is_saved_and_a_dataset_larger_than_the_table_is_sent_to_the_import()
    {
        var m = await app.CreateMunicipalityAsync();
        string[] offices = ["Altstadt", "Blasewitz", "Cotta", "Klotzsche", "Leuben", "Loschwitz", "Neustadt", "Pieschen", "Plauen", "Prohlis"];
        var id = await m.AddDatasetAsync(categories: offices,
            figures: Enumerable.Range(1990, 30).SelectMany(y => offices.Select((o, i) => (y, (string?)o, (decimal?)(y + i), ""))).ToArray());
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"{List(m)}/{Id(id)}/figures";
        var form = await editor.GetDocumentAsync(url);
        Assert.Equal(300 + 5, form.QuerySelectorAll("#figures tbody tr").Length);

        // 300 rows of four fields each are more form values than a form may carry by default: the whole table is saved.
        var saved = await editor.SubmitFormAsync(form, url, new Dictionary<string, string?> { ["Rows[0].Value"] = "7.000" }, "#figures-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var figures = await m.FiguresAsync(id);
        Assert.Equal(300, figures.Count);
        Assert.Contains("1990|Altstadt|7000|", figures);

        // More figures than the table holds: the page says so and points to the import, and a form sent anyway changes nothing.
        await m.WithDbAsync(async db =>
        {
            var category = await db.StatisticsCategories.FirstAsync(c => c.DatasetId == id);
            for (var day = 0; day < DatasetFiguresModel.MaxTableRows; day++)
                db.StatisticsObservations.Add(new StatisticsObservation { DatasetId = id, CategoryId = category.Id, Period = new DateOnly(2100, 1, 1).AddDays(day), Value = day });
            await db.SaveChangesAsync();
            return 0;
        });
        var large = await editor.GetDocumentAsync(url);
        Assert.Null(large.QuerySelector("#figures-form"));
        Assert.Contains("2.300 Werte", large.QuerySelector("#figures-too-many")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(large.QuerySelector($"#figures-too-many a[href='{List(m)}/{Id(id)}/import']"));
        var forged = await editor.SubmitFormAsync(form, url, new Dictionary<string, string?> { ["Rows[0].Value"] = "1" }, "#figures-form");
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains((await HtmlForms.ParseAsync(forged)).Errors(), e => e.Contains("Import", StringComparison.Ordinal));
        Assert.Equal(300 + DatasetFiguresModel.MaxTableRows, (await m.FiguresAsync(id)).Count);
    }

    [Fact]
    public async Task An_import_is_checked_and_previewed_and_applied_only_when_confirmed()
    {
        var m = await app.CreateMunicipalityAsync();
        var id = await m.AddDatasetAsync(categories: ["Altstadt"], figures: [(2015, "Altstadt", 10m, ""), (2016, "Altstadt", 11m, "")]);
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"{List(m)}/{Id(id)}/import";
        var file = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes("Jahr;Ortsamt;Wert\r\n2016;Altstadt;12\r\n2016;Äußere Neustadt;1.234\r\n");

        var preview = await HtmlForms.ParseAsync(await editor.UploadAsync(url, file, "zahlen.csv", replace: true));
        Assert.Equal("Äußere Neustadt", preview.QuerySelector("#preview-categories li")!.TextContent);
        Assert.Equal("2016 · Äußere Neustadt: 1.234", preview.QuerySelector("#preview-added li")!.TextContent);
        Assert.Equal("2016 · Altstadt: 11 → 2016 · Altstadt: 12", preview.QuerySelector("#preview-changed li")!.TextContent);
        Assert.Equal("2015 · Altstadt: 10", preview.QuerySelector("#preview-removed li")!.TextContent);
        Assert.Equal(["2015|Altstadt|10|", "2016|Altstadt|11|"], await m.FiguresAsync(id));

        var applied = await editor.SubmitFormAsync(preview, url, new Dictionary<string, string?>(), "#apply-form");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal(["2016|Altstadt|12|", "2016|Äußere Neustadt|1234|"], await m.FiguresAsync(id));
        Assert.Equal(["Altstadt", "Äußere Neustadt"], await m.CategoriesAsync(id));
        var record = (await editor.GetDocumentAsync($"{List(m)}/{Id(id)}/history")).QuerySelector("#history li")!.TextContent;
        Assert.Contains("zahlen.csv, lange Tabelle, ersetzt", record, StringComparison.Ordinal);
        Assert.Contains("Äußere Neustadt", record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_preview_of_a_dataset_changed_meanwhile_applies_nothing_and_shows_the_new_check()
    {
        var m = await app.CreateMunicipalityAsync();
        var id = await m.AddDatasetAsync(figures: [(2015, null, 10m, "")]);
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"{List(m)}/{Id(id)}/import";
        var preview = await HtmlForms.ParseAsync(await editor.UploadAsync(url, Csv("Jahr;Wert\r\n2016;20\r\n"), "a.csv"));
        await m.WithDbAsync(async db =>
        {
            var d = await db.StatisticsDatasets.FirstAsync(x => x.Id == id);
            d.Title = "Inzwischen geändert";
            return await db.SaveChangesAsync();
        });
        var stale = await editor.SubmitFormAsync(preview, url, new Dictionary<string, string?>(), "#apply-form");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await HtmlForms.ParseAsync(stale);
        Assert.Contains(page.Errors(), e => e.StartsWith("Der Datensatz wurde geändert, seit die Datei geprüft wurde. Es wurde nichts übernommen.", StringComparison.Ordinal));
        Assert.Equal(["2015||10|"], await m.FiguresAsync(id));
        // The new check can be applied as it stands.
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitFormAsync(page, url, new Dictionary<string, string?>(), "#apply-form")).StatusCode);
        Assert.Equal(["2015||10|", "2016||20|"], await m.FiguresAsync(id));
    }

    [Fact]
    public async Task A_file_with_mistakes_lists_them_all_and_changes_nothing()
    {
        var m = await app.CreateMunicipalityAsync();
        var id = await m.AddDatasetAsync(figures: [(2015, null, 10m, "")]);
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"{List(m)}/{Id(id)}/import";
        var answer = await HtmlForms.ParseAsync(await editor.UploadAsync(url, Csv("Jahr;Wert\r\n2016;zwanzig\r\n2016;3\r\n99999;1\r\n2017;<script>alert(1)</script>\r\n"), "fehler.csv", replace: true));
        var problems = answer.QuerySelectorAll("#import-problems li").Select(li => li.TextContent).ToList();
        Assert.Equal(4, problems.Count);
        Assert.StartsWith("Zeile 2, Spalte „Wert“: „zwanzig“ ist keine Zahl.", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Zeile 3, Spalte „Jahr“: Für 2016 steht schon in Zeile 2 ein Wert.", problems[1], StringComparison.Ordinal);
        Assert.StartsWith("Zeile 4, Spalte „Jahr“: Das Jahr 99999 liegt nicht zwischen 1900 und 2100.", problems[2], StringComparison.Ordinal);
        Assert.StartsWith("Zeile 5, Spalte „Wert“: „<script>alert(1)</script>“ ist keine Zahl.", problems[3], StringComparison.Ordinal);
        Assert.Null(answer.QuerySelector("#apply-form"));
        Assert.Equal(["2015||10|"], await m.FiguresAsync(id));

        var pdf = await HtmlForms.ParseAsync(await editor.UploadAsync(url, Encoding.ASCII.GetBytes("%PDF-1.4\n\0\0binary"), "zahlen.xlsx"));
        Assert.Contains("weder eine CSV-Datei noch eine Excel-Arbeitsmappe", pdf.QuerySelector("#import-problems")!.TextContent, StringComparison.Ordinal);
        var empty = await HtmlForms.ParseAsync(await editor.UploadAsync(url, [], "leer.csv"));
        Assert.NotNull(empty.QuerySelector("#import-problems"));
        Assert.Equal(0, await m.HistoryCountAsync(id));
    }

    [Fact]
    public async Task Categories_are_added_renamed_moved_and_removed_with_their_figures_after_confirmation()
    {
        var m = await app.CreateMunicipalityAsync();
        var id = await m.AddDatasetAsync(categories: ["Altstadt", "Cotta"], figures: [(2015, "Altstadt", 1m, ""), (2015, "Cotta", 2m, "")]);
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"{List(m)}/{Id(id)}/categories";

        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitFormAsync(url, new Dictionary<string, string?> { ["Name"] = HostileText.Script }, "#add-category")).StatusCode);
        var duplicate = await editor.SubmitFormAsync(url, new Dictionary<string, string?> { ["Name"] = "Cotta" }, "#add-category");
        Assert.Contains((await HtmlForms.ParseAsync(duplicate)).Errors(), e => e.StartsWith("Name: Die Kategorie „Cotta“ gibt es in diesem Datensatz schon.", StringComparison.Ordinal));
        var cotta = await m.WithDbAsync(db => db.StatisticsCategories.Where(c => c.Name == "Cotta").Select(c => c.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitFormAsync(await editor.GetDocumentAsync(url), url + "?handler=Rename", new Dictionary<string, string?> { ["Name"] = "Cotta-West" }, $"#category-{Id(cotta)} form")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitFormAsync(await editor.GetDocumentAsync(url), url + "?handler=Move", new Dictionary<string, string?>(), $"#category-{Id(cotta)} form", "direction", "up")).StatusCode);
        Assert.Equal(["Cotta-West", "Altstadt", HostileText.Script], await m.CategoriesAsync(id));

        var confirm = await editor.GetDocumentAsync($"{url}?remove={Id(cotta)}");
        Assert.Contains("Mit der Kategorie wird 1 Wert entfernt.", confirm.QuerySelector("#confirm-remove")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitFormAsync(confirm, url, new Dictionary<string, string?>(), "#remove-form")).StatusCode);
        Assert.Equal(["Altstadt", HostileText.Script], await m.CategoriesAsync(id));
        Assert.Equal(["2015|Altstadt|1|"], await m.FiguresAsync(id));
        Assert.Equal(4, await m.HistoryCountAsync(id));
        var removal = (await editor.GetDocumentAsync($"{List(m)}/{Id(id)}/history")).QuerySelector("#history li")!.TextContent;
        Assert.Contains("2015 · Cotta-West: 2", removal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dataset_an_indicator_uses_cannot_be_deleted_and_the_page_names_the_indicator()
    {
        var m = await app.CreateMunicipalityAsync();
        var id = await m.AddDatasetAsync(figures: [(2015, null, 1m, "")]);
        var plan = await m.AddPlanAsync(fields: 1, measuresPerField: 1);
        await m.WithDbAsync(db =>
        {
            db.Indicators.Add(new Indicator
            {
                PlanId = plan.Id, Name = "Zuweisungen je Jahr", Direction = IndicatorDirection.LowerIsBetter, BaselineOn = new DateOnly(2015, 1, 1),
                TargetOn = new DateOnly(2020, 1, 1), DatasetId = id,
            });
            return Task.FromResult(0);
        });
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"{List(m)}/{Id(id)}/delete";
        var page = await editor.GetDocumentAsync(url);
        Assert.Contains("Zuweisungen je Jahr", page.QuerySelector("#used-by")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#delete-form"));
        var token = await editor.AntiforgeryTokenAsync();
        var refused = await editor.PostWithTokenAsync(url, token, new Dictionary<string, string> { ["Version"] = Id((await m.DatasetAsync(id)).Version) });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains((await HtmlForms.ParseAsync(refused)).Errors(), e => e.Contains("Zuweisungen je Jahr", StringComparison.Ordinal));
        Assert.True(await m.WithDbAsync(db => db.StatisticsDatasets.AnyAsync(d => d.Id == id)));

        await m.WithDbAsync(async db => await db.Indicators.ExecuteDeleteAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitFormAsync(url, new Dictionary<string, string?>(), "#delete-form")).StatusCode);
        Assert.False(await m.WithDbAsync(db => db.StatisticsDatasets.AnyAsync(d => d.Id == id)));
        Assert.False(await m.WithDbAsync(db => db.StatisticsObservations.AnyAsync()));
        var history = await editor.GetDocumentAsync($"{List(m)}/{Id(id)}/history");
        Assert.Contains("gelöscht", history.QuerySelector("#history")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2015: 1", history.QuerySelector("#history")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_municipality_sees_none_of_the_datasets()
    {
        var m = await app.CreateMunicipalityAsync();
        var id = await m.AddDatasetAsync(title: "Nur für uns");
        var other = await app.CreateMunicipalityAsync();
        var editor = await other.SignedInClientAsync(MunicipalityRole.PlanEditor);
        Assert.DoesNotContain("Nur für uns", await editor.GetStringAsync($"/{other.Slug}/manage/statistics"), StringComparison.Ordinal);
        foreach (var part in new[] { "", "/figures", "/categories", "/import", "/history", "/delete" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/{other.Slug}/manage/statistics/{Id(id)}{part}")).StatusCode);
        }
    }
}

public sealed class StatisticsEditingSqliteTests(SqliteApp app) : StatisticsEditingTests(app), IClassFixture<SqliteApp>;

public sealed class StatisticsEditingPostgresTests(PostgresApp app) : StatisticsEditingTests(app), IClassFixture<PostgresApp>;
