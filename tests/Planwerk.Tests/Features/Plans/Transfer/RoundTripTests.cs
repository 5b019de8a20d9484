using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Plans.Transfer;

/// <summary>Export, import into a new plan, export again: the same output, with hostile text in every
/// field, the measures' keys, the sections and the images included.</summary>
public abstract class RoundTripTests(PlanwerkApp app)
{
    [Fact]
    public async Task Json_export_imported_as_a_new_plan_exports_byte_identical_json()
    {
        var source = await app.CreateMunicipalityAsync();
        var planId = await TransferData.HostilePlanAsync(source);
        var first = await TransferData.DocumentAsync(source, planId);
        var firstJson = first.ToJson();

        // Into another municipality, which has none of the districts yet: they are created.
        var target = await app.CreateMunicipalityAsync();
        var result = await target.WithDbAsync(db => PlanImport.ImportAsync(db, firstJson, TransferData.Now, createOrganisations: true));
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(4, result.DistrictsCreated);

        var second = await TransferData.DocumentAsync(target, result.PlanId);
        Assert.Equal(firstJson, second.ToJson());
        Assert.Equal(14, second.AllMeasures().Count());
        Assert.Equal([3, 1, 2], second.Fields.Select(f => f.Number));
        Assert.Equal(["1.1", "1.10", "1.2", "1.3", "1.4", "1.5"], second.Fields[1].Measures.Select(x => x.Number));
        Assert.Equal(Enumerable.Range(0, 14).Select(i => 40 - 2 * i).Order(), second.AllMeasures().Select(x => x.Measure.Key!.Value).Order());
        Assert.Equal([0m, 0.25m, 1m, 2.5m, 1000m], second.AllMeasures().Select(x => x.Measure.Weight!.Value).Distinct().Order());
        Assert.Equal([HostileText.Script + " Vorwort", HostileText.RightToLeft, "  Leerzeichen vorn und hinten  "], second.Sections.Select(s => s.Title));
        Assert.Equal([2, 5], second.Images.Select(i => i.Number));
        Assert.Equal(TransferData.Gif, second.Images[1].Data);
        var stored = await target.WithDbAsync(db => db.PlanSections.Where(s => s.PlanId == result.PlanId).OrderBy(s => s.Position).Select(s => s.Position).ToListAsync());
        Assert.Equal([1, 2, 3], stored);

        // Imported plans start hidden from the public.
        Assert.False(await target.WithDbAsync(db => db.Plans.Where(p => p.Id == result.PlanId).Select(p => p.IsPublic).SingleAsync()));
    }

    [Fact]
    public async Task Json_import_matches_existing_districts_by_name()
    {
        var m = await app.CreateMunicipalityAsync();
        var planId = await TransferData.HostilePlanAsync(m);
        var json = (await TransferData.DocumentAsync(m, planId)).ToJson();

        var result = await m.WithDbAsync(db => PlanImport.ImportAsync(db, json, TransferData.Now, createOrganisations: true));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(0, result.DistrictsCreated);
        Assert.Equal(5, await m.WithDbAsync(db => db.Districts.CountAsync()));
    }

    [Fact]
    public async Task Csv_export_imported_into_a_new_plan_exports_identical_csv()
    {
        var m = await app.CreateMunicipalityAsync();
        var planId = await TransferData.HostilePlanAsync(m);
        var first = await TransferData.DocumentAsync(m, planId);
        var firstCsv = MeasureFiles.WriteCsv(first);

        var copyId = await TransferData.EmptyPlanWithPrinciplesOfAsync(m, planId);
        var result = await TransferData.ImportAsync(m, copyId, firstCsv);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal((14, 0, 3), (result.Created, result.Updated, result.FieldsCreated));

        var second = await TransferData.DocumentAsync(m, copyId);
        Assert.Equal(firstCsv, MeasureFiles.WriteCsv(second));
        Assert.Equal(first.AllMeasures().Select(x => x.Measure.Key), second.AllMeasures().Select(x => x.Measure.Key));
        Assert.Equal(first.AllMeasures().Select(x => x.Measure.Weight), second.AllMeasures().Select(x => x.Measure.Weight));
        Assert.Contains(";Gewicht;", System.Text.Encoding.UTF8.GetString(firstCsv), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_export_imported_into_a_new_plan_exports_identical_cell_values()
    {
        var m = await app.CreateMunicipalityAsync();
        var planId = await TransferData.HostilePlanAsync(m);
        var first = await TransferData.DocumentAsync(m, planId);

        var copyId = await TransferData.EmptyPlanWithPrinciplesOfAsync(m, planId);
        var result = await TransferData.ImportAsync(m, copyId, MeasureFiles.WriteXlsx(first));
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(14, result.Created);

        var second = await TransferData.DocumentAsync(m, copyId);
        var expected = CellValues(MeasureFiles.WriteXlsx(first));
        var actual = CellValues(MeasureFiles.WriteXlsx(second));
        Assert.Equal(expected.Count, actual.Count);
        for (var r = 0; r < expected.Count; r++) Assert.Equal(expected[r], actual[r]);
        // Hostile text arrives as it was (line breaks as a spreadsheet keeps them: "\n").
        Assert.Contains(actual, row => row.Contains(TransferData.Tricky.Formula));
        Assert.Contains(actual, row => row.Contains(TransferData.Tricky.EscapeLookalike));
        Assert.Contains(actual, row => row.Any(c => c.Contains("Zeile 1\nZeile 2\nZeile 3\n\n- Punkt", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Reimporting_a_plans_own_csv_export_changes_nothing()
    {
        var m = await app.CreateMunicipalityAsync();
        var planId = await TransferData.HostilePlanAsync(m);
        var before = await TransferData.DocumentAsync(m, planId);
        var versions = await VersionsAsync(m, planId);

        var result = await TransferData.ImportAsync(m, planId, MeasureFiles.WriteCsv(before));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal((0, 0, 14), (result.Created, result.Updated, result.Unchanged));
        Assert.Equal(before.ToJson(), (await TransferData.DocumentAsync(m, planId)).ToJson());
        Assert.Equal(versions, await VersionsAsync(m, planId));
    }

    [Fact]
    public async Task Reimporting_a_plans_own_xlsx_export_changes_only_carriage_returns()
    {
        var m = await app.CreateMunicipalityAsync();
        var planId = await TransferData.HostilePlanAsync(m);
        var before = await TransferData.DocumentAsync(m, planId);
        var withCarriageReturn = before.AllMeasures().Count(x => x.Measure.Goal.Contains('\r', StringComparison.Ordinal) || x.Measure.Description.Contains('\r', StringComparison.Ordinal));

        var first = await TransferData.ImportAsync(m, planId, MeasureFiles.WriteXlsx(before));
        var after = await TransferData.DocumentAsync(m, planId);
        var second = await TransferData.ImportAsync(m, planId, MeasureFiles.WriteXlsx(after));

        Assert.True(first.Succeeded, string.Join("\n", first.Problems));
        Assert.Equal((0, withCarriageReturn), (first.Created, first.Updated));
        Assert.Equal((0, 0, 14), (second.Created, second.Updated, second.Unchanged));
        Assert.Equal(
            before.ToJson(),
            (after with
            {
                Fields = after.Fields.Select((f, i) => f with
                {
                    Measures = f.Measures.Select((x, k) => x with { Goal = before.Fields[i].Measures[k].Goal, Description = before.Fields[i].Measures[k].Description }).ToList(),
                }).ToList(),
            }).ToJson());
        Assert.All(after.AllMeasures(), x => Assert.Equal(x.Measure.Goal.ReplaceLineEndings("\n"), x.Measure.Goal));
    }

    private static Task<List<int>> VersionsAsync(TestMunicipality m, int planId) =>
        m.WithDbAsync(db => db.Measures.Where(x => x.PlanId == planId).OrderBy(x => x.Id).Select(x => x.Version).ToListAsync());

    [Fact]
    public async Task Csv_export_guards_formulas_and_is_utf8_with_byte_order_mark()
    {
        var m = await app.CreateMunicipalityAsync();
        var planId = await TransferData.HostilePlanAsync(m);
        var csv = MeasureFiles.WriteCsv(await TransferData.DocumentAsync(m, planId));

        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var text = System.Text.Encoding.UTF8.GetString(csv, 3, csv.Length - 3);
        Assert.StartsWith("Schlüssel;Handlungsfeld-Nummer;Handlungsfeld-Titel;Nummer;Titel;Ziel;", text, StringComparison.Ordinal);
        Assert.Contains(";\"'=HYPERLINK(\"\"http://example.org\"\";\"\"klick\"\")", text, StringComparison.Ordinal);
        Assert.Contains(";'+49 351 4880", text, StringComparison.Ordinal);
        Assert.Contains(";'@SUMME(A1:A9)", text, StringComparison.Ordinal);
        Assert.Contains(";''=schon mit Apostroph", text, StringComparison.Ordinal);
        Assert.Contains(";'nur ein Apostroph", text, StringComparison.Ordinal);
        Assert.DoesNotContain(";=", text, StringComparison.Ordinal);
        Assert.DoesNotContain(";+", text, StringComparison.Ordinal);
        Assert.DoesNotContain(";@", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_export_types_text_as_text_and_marks_formula_like_text()
    {
        var m = await app.CreateMunicipalityAsync();
        var planId = await TransferData.HostilePlanAsync(m);
        var xlsx = MeasureFiles.WriteXlsx(await TransferData.DocumentAsync(m, planId));

        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        var sheet = workbook.Worksheet(1);
        Assert.Equal("Maßnahmen", sheet.Name);
        var formulaCells = sheet.CellsUsed().Where(c => c.Value is string s && s.StartsWith('=')).ToList();
        Assert.NotEmpty(formulaCells);
        Assert.All(formulaCells, c =>
        {
            Assert.False(c.HasFormula);
            Assert.Equal(XLDataType.Text, c.DataType);
            Assert.True(c.Style.IncludeQuotePrefix);
        });
        var row = sheet.RowsUsed().Single(r => r.Cell(4).GetValue<string>() == "1.10").RowNumber();
        Assert.Equal(XLDataType.Text, sheet.Cell(row, 4).DataType); // the number "1.10" stays text
        Assert.Equal(XLDataType.DateTime, sheet.Cell(row, 12).DataType);
        Assert.Equal(new DateTime(2019, 2, 2), sheet.Cell(row, 12).Value);
        Assert.Equal(XLDataType.Number, sheet.Cell(row, 14).DataType);
        Assert.Equal(1_250_000.5, sheet.Cell(row, 14).Value);
    }

    internal static List<List<string>> CellValues(byte[] xlsx)
    {
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        var sheet = workbook.Worksheet(1);
        var rows = sheet.LastRowUsed().RowNumber();
        var columns = sheet.LastColumnUsed().ColumnNumber();
        return Enumerable.Range(1, rows)
            .Select(r => Enumerable.Range(1, columns).Select(c => Convert.ToString(sheet.Cell(r, c).Value, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList())
            .ToList();
    }
}

public sealed class RoundTripSqliteTests(SqliteApp app) : RoundTripTests(app), IClassFixture<SqliteApp>;

public sealed class RoundTripPostgresTests(PostgresApp app) : RoundTripTests(app), IClassFixture<PostgresApp>;
