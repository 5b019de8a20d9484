using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Implementation;
using Planwerk.Features.Implementation.Indicators;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Plans.Manage;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Implementation;

/// <summary>A plan's indicators: the plan team adds them with baseline and target, enters and imports values, bad input is
/// named at its field or row and changes nothing, a stale form gets the conflict view, the public dashboard shows each
/// indicator against its target in words, chart and table, and every change is in the plan's history.</summary>
public abstract class IndicatorTests(ClockedApp app)
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
    private DateOnly Today => Planwerk.Infrastructure.Time.BerlinTime.Today(app.Clock);
    private string Input(int days) => Today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private string Shown(int days) => Today.AddDays(days).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private async Task<(TestMunicipality M, int PlanId, string Url)> PlanAsync()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(fields: 2, measuresPerField: 1);
        await m.WithDbAsync(async db =>
        {
            (await db.Plans.SingleAsync(p => p.Id == plan.Id)).IsPublic = true;
            await db.SaveChangesAsync();
            return 0;
        });
        return (m, plan.Id, $"/{m.Slug}/manage/plans/{Id(plan.Id)}/indicators");
    }

    private Dictionary<string, string?> IndicatorForm(string name, string baseline = "20", string target = "60", string measure = "", string field = "",
        string direction = "HigherIsBetter", int baselineDays = -365, int targetDays = 365, string? version = null) => Without(new()
    {
        ["Input.Name"] = name, ["Input.Definition"] = "Anteil der Haushalte " + HostileText.RightToLeft, ["Input.Unit"] = "%",
        ["Input.Source"] = "Sozialamt", ["Input.Direction"] = direction, ["Input.FieldId"] = field, ["Input.MeasureNumber"] = measure,
        ["Input.Baseline"] = baseline, ["Input.BaselineOn"] = Input(baselineDays), ["Input.Target"] = target, ["Input.TargetOn"] = Input(targetDays),
        ["Input.Version"] = version,
    });

    private static Dictionary<string, string?> Without(Dictionary<string, string?> fields) =>
        fields.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value);

    private Dictionary<string, string?> ValueForm(string value, int days, string note = "") => new()
    {
        ["Value.On"] = Input(days), ["Value.Value"] = value, ["Value.Note"] = note, ["Value.Source"] = "",
    };

    private static async Task<int> CreatedIdAsync(HttpResponseMessage response, string listUrl)
    {
        var target = response.RedirectTarget();
        Assert.StartsWith(listUrl + "/", target, StringComparison.Ordinal);
        return await Task.FromResult(int.Parse(target[(listUrl.Length + 1)..].Split('#', '?')[0], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Editor_adds_an_indicator_and_values_the_dashboard_says_behind_then_on_track_and_the_history_records()
    {
        var (m, planId, url) = await PlanAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        Assert.Equal(url, (await editor.GetDocumentAsync($"/{m.Slug}/manage/plans/{Id(planId)}")).QuerySelector("#indicators-link")!.GetAttribute("href"));
        var name = "Wohnungen " + HostileText.Script;
        var id = await CreatedIdAsync(await editor.SubmitFormAsync(url, IndicatorForm(name, measure: "1.1"), "#indicator-form"), url);
        var stored = await m.WithDbAsync(db => db.Indicators.Include(i => i.Measure).SingleAsync(i => i.Id == id));
        Assert.Equal((20m, 60m, "1.1", IndicatorDirection.HigherIsBetter), (stored.BaselineValue, stored.TargetValue, stored.Measure!.Number, stored.Direction));
        Assert.Equal(stored.Measure.FieldOfActionId, stored.FieldOfActionId);

        // Halfway along the path (20 → 60 over two years) 40 is expected; 35,5 is behind.
        var edit = $"{url}/{Id(id)}";
        var response = await editor.SubmitFormAsync(edit, ValueForm("35,5", 0, note: "erste Zählung"), "#value-form");
        Assert.Equal(edit + "#values", response.RedirectTarget());
        var anonymous = app.CreateBrowserlikeClient();
        var dashboardUrl = $"/{m.Slug}/plans/{Id(planId)}/dashboard";
        var raw = await anonymous.GetStringAsync(dashboardUrl);
        Assert.DoesNotContain(HostileText.Script, raw, StringComparison.Ordinal);
        var dashboard = await anonymous.GetDocumentAsync(dashboardUrl);
        var section = dashboard.QuerySelector($"#indicator-{Id(id)}")!;
        Assert.Contains(name, section.QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("hinter dem Kurs", section.QuerySelector(".track")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("0 von 1", dashboard.QuerySelector("#indicators-on-track")!.TextContent);
        // The table holds the numbers the chart draws: baseline, the value with what the path expects on its day, and the target.
        var rows = section.QuerySelectorAll("table tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal("20\u00a0%", rows[0][1]);
        Assert.Equal([Shown(0), "35,5\u00a0%", "40\u00a0%", "erste Zählung"], rows[1]);
        Assert.Equal("60\u00a0%", rows[2][1]);
        var svg = section.QuerySelector("svg")!;
        Assert.Single(svg.QuerySelectorAll("rect.value-point"));
        Assert.NotNull(svg.QuerySelector("line.target-path"));
        Assert.Contains("Maßnahme 1.1", section.QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);

        // A later, better value puts it on track; the value of the same day is corrected on its own page.
        app.Clock.Advance(TimeSpan.FromDays(1));
        editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        Assert.Equal(edit + "#values", (await editor.SubmitFormAsync(edit, ValueForm("41", 0), "#value-form")).RedirectTarget());
        dashboard = await anonymous.GetDocumentAsync(dashboardUrl);
        Assert.Contains("auf Kurs", dashboard.QuerySelector($"#indicator-{Id(id)} .track")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1 von 1", dashboard.QuerySelector("#indicators-on-track")!.TextContent);
        Assert.Equal(2, dashboard.QuerySelectorAll($"#indicator-{Id(id)} rect.value-point").Length);
        Assert.Contains("auf Kurs", (await editor.GetDocumentAsync(url)).QuerySelector($"#indicator-{Id(id)}")!.TextContent, StringComparison.Ordinal);

        var valueId = await m.WithDbAsync(db => db.IndicatorValues.Where(v => v.IndicatorId == id && v.Value == 41m).Select(v => v.Id).SingleAsync());
        var valueUrl = $"{edit}/values/{Id(valueId)}";
        var form = await editor.GetDocumentAsync(valueUrl);
        Assert.Equal("41", ((IHtmlInputElement)form.QuerySelector("#Input_Value")!).Value);
        Assert.Equal(edit + "#values", (await editor.SubmitFormAsync(valueUrl, new Dictionary<string, string?> { ["Input.Value"] = "100" }, "#value-edit-form")).RedirectTarget());
        Assert.Contains("Ziel erreicht", (await anonymous.GetDocumentAsync(dashboardUrl)).QuerySelector($"#indicator-{Id(id)} .track")!.TextContent, StringComparison.Ordinal);

        // Every change is in the plan's history: the indicator and each value.
        var history = (await editor.GetDocumentAsync($"/{m.Slug}/manage/plans/{Id(planId)}/history")).QuerySelector("main")!.TextContent;
        Assert.Contains("Wert eines Indikators", history, StringComparison.Ordinal);
        Assert.Contains("35.5", history, StringComparison.Ordinal);
        Assert.Contains($"20 ({stored.BaselineOn:yyyy-MM-dd}) → 60 ({stored.TargetOn:yyyy-MM-dd}) · measure #{stored.MeasureId}", history, StringComparison.Ordinal);

        // Deleting the indicator takes its values along and the dashboard no longer shows it.
        Assert.Equal(url, (await editor.SubmitFormAsync(edit, new Dictionary<string, string?>(), "#indicator-delete-form")).RedirectTarget());
        Assert.Equal(0, await m.WithDbAsync(db => db.IndicatorValues.CountAsync(v => v.IndicatorId == id)));
        Assert.Null((await anonymous.GetDocumentAsync(dashboardUrl)).QuerySelector("#indicators"));
    }

    [Fact]
    public async Task Bad_input_is_named_at_its_field_and_changes_nothing()
    {
        var (m, planId, url) = await PlanAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var id = await CreatedIdAsync(await editor.SubmitFormAsync(url, IndicatorForm("Sprachkurse", direction: "LowerIsBetter", baseline: "90", target: "30"), "#indicator-form"), url);

        var response = await editor.SubmitFormAsync(url, IndicatorForm("SPRACHKURSE", baseline: "viel", target: "1.250", measure: "9.9", baselineDays: 10, targetDays: 5), "#indicator-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("schon einen Indikator", page.QuerySelector("#Input_Name-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bitte geben Sie eine Zahl an", page.QuerySelector("#Input_Baseline-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bitte geben Sie eine Zahl an", page.QuerySelector("#Input_Target-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("9.9", page.QuerySelector("#Input_MeasureNumber-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("nach dem Datum des Ausgangswerts", page.QuerySelector("#Input_TargetOn-error")!.TextContent, StringComparison.Ordinal);
        // What was typed stays in the form.
        Assert.Equal("viel", ((IHtmlInputElement)page.QuerySelector("#Input_Baseline")!).Value);
        // A date in year 1 and a long name are refused too.
        var form = IndicatorForm(HostileText.VeryLong);
        form["Input.BaselineOn"] = "0001-01-01";
        page = await HtmlForms.ParseAsync(await editor.SubmitFormAsync(url, form, "#indicator-form"));
        Assert.NotNull(page.QuerySelector("#Input_Name-error"));
        Assert.Contains("1900", page.QuerySelector("#Input_BaselineOn-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await m.WithDbAsync(db => db.Indicators.CountAsync(i => i.PlanId == planId)));

        // A value from the future, one that is no number.
        var edit = $"{url}/{Id(id)}";
        page = await HtmlForms.ParseAsync(await editor.SubmitFormAsync(edit, ValueForm("zwölf", 3), "#value-form"));
        Assert.Contains("in der Zukunft", page.QuerySelector("#Value_On-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bitte geben Sie eine Zahl an", page.QuerySelector("#Value_Value-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await m.WithDbAsync(db => db.IndicatorValues.CountAsync(v => v.IndicatorId == id)));

        // Lower is better: 50 on the way from 90 to 30 after a year of two is on track (60 expected), negative numbers are read.
        Assert.Equal(edit + "#values", (await editor.SubmitFormAsync(edit, ValueForm("50", 0), "#value-form")).RedirectTarget());
        Assert.Contains("auf Kurs", (await app.CreateBrowserlikeClient().GetDocumentAsync($"/{m.Slug}/plans/{Id(planId)}/dashboard"))
            .QuerySelector($"#indicator-{Id(id)} .track")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(edit + "#values", (await editor.SubmitFormAsync(edit, ValueForm("-3,25", -1), "#value-form")).RedirectTarget());
        Assert.Contains(-3.25m, await m.WithDbAsync(db => db.IndicatorValues.Where(v => v.IndicatorId == id).Select(v => v.Value).ToListAsync()));
    }

    [Fact]
    public async Task A_stale_form_gets_the_conflict_view_and_overwrites_nothing()
    {
        var (m, _, url) = await PlanAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var id = await CreatedIdAsync(await editor.SubmitFormAsync(url, IndicatorForm("Beratungen"), "#indicator-form"), url);
        var edit = $"{url}/{Id(id)}";
        var stale = await editor.GetDocumentAsync(edit);
        Assert.Equal(edit, (await editor.SubmitFormAsync(edit, IndicatorForm("Beratungen", target: "80", version: "0"), "#indicator-edit-form")).RedirectTarget());
        var response = await editor.SubmitFormAsync(stale, edit, new Dictionary<string, string?> { ["Input.Target"] = "99" }, "#indicator-edit-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("inzwischen von jemand anderem geändert", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("80", page.QuerySelector(".conflict-table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(80m, await m.WithDbAsync(db => db.Indicators.Where(i => i.Id == id).Select(i => i.TargetValue).SingleAsync()));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, byte[] content, string fileName)
    {
        var token = await client.AntiforgeryTokenAsync();
        using var body = new MultipartFormDataContent();
        body.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        body.Add(file, "Upload", fileName);
        return await client.PostAsync(url, body);
    }

    [Fact]
    public async Task Values_import_from_German_CSV_all_or_nothing_with_problems_by_row_and_column()
    {
        var (m, _, url) = await PlanAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var wohnen = await CreatedIdAsync(await editor.SubmitFormAsync(url, IndicatorForm("Ärztliche Versorgung"), "#indicator-form"), url);
        var kurse = await CreatedIdAsync(await editor.SubmitFormAsync(url, IndicatorForm("Sprachkurse"), "#indicator-form"), url);
        var import = url + "/import";
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

        // One good row among bad ones: nothing is stored, every problem is named by its row and column.
        var bad = windows1252.GetBytes("Indikator;Datum;Wert;Quelle\r\n"
            + "ärztliche versorgung;31.12.2020;1.234,5;Gesundheitsamt\r\n"
            + "Unbekannt;31.12.2020;1;\r\n"
            + "Sprachkurse;31.02.2020;1;\r\n"
            + "Sprachkurse;01.01.2021;viele;\r\n"
            + "Ärztliche Versorgung;2020-12-31;7;\r\n"
            + $"Sprachkurse;{Shown(5)};7;\r\n");
        var response = await UploadAsync(editor, import, bad, "werte.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var problems = (await HtmlForms.ParseAsync(response)).QuerySelectorAll("#problem-table tbody tr")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()))).ToList();
        Assert.Contains(problems, p => p.StartsWith("3 | Indikator |", StringComparison.Ordinal) && p.Contains("„Unbekannt“", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("4 | Datum |", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("5 | Wert |", StringComparison.Ordinal) && p.Contains("„viele“", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("6 | Datum |", StringComparison.Ordinal) && p.Contains("Zeile 2", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("7 | Datum |", StringComparison.Ordinal) && p.Contains("Zukunft", StringComparison.Ordinal));
        Assert.Equal(5, problems.Count);
        Assert.Equal(0, await m.WithDbAsync(db => db.IndicatorValues.CountAsync(v => v.Indicator!.PlanId == v.Indicator.PlanId && (v.IndicatorId == wohnen || v.IndicatorId == kurse))));

        // A PDF named .csv is not a table.
        response = await UploadAsync(editor, import, Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n\0\0\0"), "werte.csv");
        Assert.Contains("weder eine CSV-Datei", (await HtmlForms.ParseAsync(response)).QuerySelector("#problem-table")!.TextContent, StringComparison.Ordinal);

        // The good file: Windows-1252, German numbers, names in any case; a second import corrects a day's value.
        var good = windows1252.GetBytes("Indikator;Datum;Wert;Quelle;Anmerkung\r\n"
            + "ärztliche versorgung;31.12.2020;1.234,5;Gesundheitsamt;\r\n"
            + "Sprachkurse;2021-06-30;-2;;Rückgang\r\n");
        Assert.Equal(url, (await UploadAsync(editor, import, good, "werte.csv")).RedirectTarget());
        var values = await m.WithDbAsync(db => db.IndicatorValues.Where(v => v.IndicatorId == wohnen || v.IndicatorId == kurse)
            .OrderBy(v => v.On).Select(v => new { v.IndicatorId, v.On, v.Value, v.Source, v.Note }).ToListAsync());
        Assert.Equal(2, values.Count);
        Assert.Equal((wohnen, new DateOnly(2020, 12, 31), 1234.5m, "Gesundheitsamt"), (values[0].IndicatorId, values[0].On, values[0].Value, values[0].Source));
        Assert.Equal((kurse, -2m, "Rückgang"), (values[1].IndicatorId, values[1].Value, values[1].Note));

        var correction = Encoding.UTF8.GetBytes("Indicator,Date,Value\r\nSprachkurse,30.06.2021,\"4,5\"\r\n");
        response = await UploadAsync(editor, import, correction, "korrektur.csv");
        Assert.Equal(url, response.RedirectTarget());
        Assert.Contains("0 Werte neu eingetragen, 1 korrigiert", (await editor.GetDocumentAsync(url)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([4.5m], await m.WithDbAsync(db => db.IndicatorValues.Where(v => v.IndicatorId == kurse).Select(v => v.Value).ToListAsync()));
    }

    public static TheoryData<Visitor> Visitors() => PermissionMatrix.Visitors(
        Visitor.Anonymous, Visitor.Resident, Visitor.StakeholderMember, Visitor.PlanEditor, Visitor.Moderator, Visitor.CouncilClerk, Visitor.Administrator, Visitor.OtherAdministrator);

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Each_page_and_handler_admits_exactly_its_roles(Visitor visitor)
    {
        var (m, planId, url) = await PlanAsync();
        var (kept, doomed, valueId, doomedValue) = await m.WithDbAsync(async db =>
        {
            Indicator New(string name) => new() { PlanId = planId, Name = name, BaselineValue = 1, BaselineOn = new DateOnly(2019, 1, 1), TargetValue = 2, TargetOn = new DateOnly(2022, 1, 1) };
            var keep = New("Bleibt");
            var gone = New("Zu löschen");
            db.Indicators.AddRange(keep, gone);
            var value = new IndicatorValue { Indicator = keep, On = new DateOnly(2020, 1, 1), Value = 1.5m };
            var goneValue = new IndicatorValue { Indicator = keep, On = new DateOnly(2020, 6, 1), Value = 1.6m };
            db.IndicatorValues.AddRange(value, goneValue);
            await db.SaveChangesAsync();
            return (keep.Id, gone.Id, value.Id, goneValue.Id);
        });
        var client = await PermissionMatrix.ClientAsync(app, m, visitor);
        var edit = $"{url}/{Id(kept)}";
        await PermissionMatrix.AssertAsync(client, visitor,
        [
            PermissionCheck.Get(url, Access.PlanEditor),
            PermissionCheck.Get(edit, Access.PlanEditor),
            PermissionCheck.Get($"{edit}/values/{Id(valueId)}", Access.PlanEditor),
            PermissionCheck.Get(url + "/import", Access.PlanEditor),
            PermissionCheck.Post(url, Access.PlanEditor, new() { ["Input.Name"] = "Neu " + visitor, ["Input.Baseline"] = "1", ["Input.BaselineOn"] = "2019-01-01", ["Input.Target"] = "2", ["Input.TargetOn"] = "2022-01-01" }),
            PermissionCheck.Post(edit, Access.PlanEditor, new() { ["Input.Name"] = "Geändert " + visitor, ["Input.Baseline"] = "1", ["Input.BaselineOn"] = "2019-01-01", ["Input.Target"] = "2", ["Input.TargetOn"] = "2022-01-01", ["Input.Version"] = "0" }),
            PermissionCheck.Post(edit + "?handler=Value", Access.PlanEditor, new() { ["Value.On"] = "2021-01-01", ["Value.Value"] = "1,75" }),
            PermissionCheck.Post($"{edit}/values/{Id(valueId)}", Access.PlanEditor, new() { ["Input.On"] = "2020-01-01", ["Input.Value"] = "1,55", ["Input.Version"] = "0" }),
            PermissionCheck.Post($"{edit}/values/{Id(doomedValue)}?handler=Delete", Access.PlanEditor),
            PermissionCheck.Post($"{url}/{Id(doomed)}?handler=Delete", Access.PlanEditor),
        ]);
        var mayEdit = Access.PlanEditor(visitor);
        var names = await m.WithDbAsync(db => db.Indicators.Where(i => i.PlanId == planId).Select(i => i.Name).ToListAsync());
        Assert.Equal(mayEdit, names.Contains("Neu " + visitor));
        Assert.Equal(mayEdit, names.Contains("Geändert " + visitor));
        Assert.Equal(mayEdit, !names.Contains("Zu löschen"));
        var values = await m.WithDbAsync(db => db.IndicatorValues.Where(v => v.IndicatorId == kept).Select(v => v.Value).ToListAsync());
        Assert.Equal(mayEdit, values.Contains(1.75m));
        Assert.Equal(mayEdit, values.Contains(1.55m));
        Assert.Equal(mayEdit, !values.Contains(1.6m));
    }

    [Fact]
    public async Task A_new_plan_saved_with_its_indicators_and_values_records_them_under_the_plan()
    {
        var m = await app.CreateMunicipalityAsync();
        var planId = await m.WithDbAsync(async db =>
        {
            var plan = new Planwerk.Features.Plans.Plan { Title = "Neu mit Indikator", PeriodStart = 2022, PeriodEnd = 2026 };
            db.Indicators.Add(new Indicator
            {
                Plan = plan, Name = "Kurse", BaselineValue = 1, BaselineOn = new DateOnly(2022, 1, 1), TargetValue = 9, TargetOn = new DateOnly(2026, 1, 1),
                Values = [new() { On = new DateOnly(2023, 1, 1), Value = 3 }],
            });
            await db.SaveChangesAsync();
            return plan.Id;
        });
        var records = (await m.WithDbAsync(db => db.ChangeRecords.Include(r => r.Fields).Where(r => r.PlanId == planId).ToListAsync()))
            .SelectMany(r => r.Fields.Select(f => new { r.EntityId, r.EntityLabel, f.Field })).ToList();
        Assert.Contains(records, r => r.Field == "Indicator" && r.EntityId == planId && r.EntityLabel == "Neu mit Indikator");
        Assert.Contains(records, r => r.Field == "IndicatorValue" && r.EntityId == planId);
    }

    [Fact]
    public async Task Another_municipality_s_editor_finds_no_indicator_of_this_one()
    {
        var (m, planId, url) = await PlanAsync();
        var ids = await m.WithDbAsync(async db =>
        {
            var indicator = new Indicator { PlanId = planId, Name = "Fremd", BaselineValue = 1, BaselineOn = new DateOnly(2019, 1, 1), TargetValue = 2, TargetOn = new DateOnly(2022, 1, 1) };
            var value = new IndicatorValue { Indicator = indicator, On = new DateOnly(2020, 1, 1), Value = 1 };
            db.IndicatorValues.Add(value);
            await db.SaveChangesAsync();
            return (indicator.Id, value.Id);
        });
        var other = await app.CreateMunicipalityAsync();
        var editor = await other.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var foreign = url.Replace("/" + m.Slug + "/", "/" + other.Slug + "/", StringComparison.Ordinal);
        foreach (var address in new[] { foreign, foreign + "/import", $"{foreign}/{Id(ids.Item1)}", $"{foreign}/{Id(ids.Item1)}/values/{Id(ids.Item2)}" })
            Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(address)).StatusCode);
        var token = await editor.AntiforgeryTokenAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await editor.PostWithTokenAsync($"{foreign}/{Id(ids.Item1)}?handler=Delete", token, new Dictionary<string, string>())).StatusCode);
        Assert.Equal(1, await m.WithDbAsync(db => db.Indicators.CountAsync(i => i.Id == ids.Item1)));
    }
}

public sealed class IndicatorSqliteTests(SqliteClockedApp app) : IndicatorTests(app), IClassFixture<SqliteClockedApp>;

public sealed class IndicatorPostgresTests(PostgresClockedApp app) : IndicatorTests(app), IClassFixture<PostgresClockedApp>;

/// <summary>The numbers of indicators as people type them.</summary>
public sealed class IndicatorNumberTests
{
    [Theory]
    [InlineData("12,5", "12.5")]
    [InlineData("1.234,5", "1234.5")]
    [InlineData("1.234.567", "1234567")]
    [InlineData("1234.5", "1234.5")]
    [InlineData("-3,25", "-3.25")]
    [InlineData("−7", "-7")]
    [InlineData(" 0,0001 ", "0.0001")]
    public void Reads_German_and_exported_numbers(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), IndicatorNumber.Read(text));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.250")]
    [InlineData("1,2,3")]
    [InlineData("12,34567")]
    [InlineData("1.23.4")]
    [InlineData("999999999999999")]
    [InlineData("12,")]
    public void Refuses_what_is_no_number_or_is_ambiguous(string text) => Assert.Null(IndicatorNumber.Read(text));

    [Fact]
    public void Formats_in_the_reader_s_culture_without_trailing_zeros() =>
        Assert.Equal("1.234,5\u00a0%", IndicatorNumber.WithUnit(1234.5000m, "%", CultureInfo.GetCultureInfo("de-DE")));
}
