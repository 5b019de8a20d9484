using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Plans.Transfer.TransferData;

namespace Planwerk.Tests.Features.Plans.Transfer;

/// <summary>What a measure table does to a plan: update by key, create otherwise, never delete.</summary>
public abstract class MeasureImportTests(PlanwerkApp app)
{
    private static string Str(int n) => n.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_row_with_the_key_of_a_measure_updates_it_and_a_row_without_creates_one()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);

        var result = await ImportAsync(m, plan.PlanId, Csv(
            "Schlüssel;Teilbereich-Nummer;Nummer;Titel;Status;Fortschritt;Stadtbezirke;Leitlinien",
            $"{plan.MeasureKey};1;1.1;Sprachcafé am Abend;In Umsetzung;40;Altstadt;2",
            ";1;1.2;Lesepatenschaften;Nicht begonnen;0;\"Altstadt; Neustadt\";\"1; 2\""));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal((1, 1, 0), (result.Created, result.Updated, result.Unchanged));
        var measures = await m.WithDbAsync(db => db.Measures.Where(x => x.PlanId == plan.PlanId).Include(x => x.Districts).Include(x => x.Principles).OrderBy(x => x.Number).ToListAsync());
        Assert.Equal(["1.1", "1.2"], measures.Select(x => x.Number));
        Assert.Equal(plan.MeasureId, measures[0].Id);
        Assert.Equal(("Sprachcafé am Abend", MeasureStatus.InProgress, 40, 1), (measures[0].Title, measures[0].Status, measures[0].Progress, measures[0].Version));
        Assert.Equal(["Altstadt"], measures[0].Districts.Select(d => d.Name));
        Assert.Equal([2], measures[0].Principles.Select(p => p.Position));
        Assert.Equal(["Altstadt", "Neustadt"], measures[1].Districts.Select(d => d.Name).Order());
        Assert.Equal(2, measures[1].Position);
        Assert.Equal(Now, measures[1].UpdatedAt);
    }

    [Fact]
    public async Task Measures_the_file_does_not_name_stay_and_nothing_is_deleted()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);

        var result = await ImportAsync(m, plan.PlanId, Csv("Teilbereich-Nummer;Nummer;Titel", "1;1.2;Neu"));

        Assert.Equal(1, result.Created);
        Assert.Equal(["1.1", "1.2"], await m.WithDbAsync(db => db.Measures.Where(x => x.PlanId == plan.PlanId).OrderBy(x => x.Number).Select(x => x.Number).ToListAsync()));
    }

    [Fact]
    public async Task Columns_the_file_leaves_out_keep_their_values()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);
        await m.WithDbAsync(async db =>
        {
            var measure = await db.Measures.SingleAsync(x => x.Id == plan.MeasureId);
            (measure.Goal, measure.EstimatedCost, measure.Priority, measure.Weight) = ("Alle sprechen Deutsch", 5000m, MeasurePriority.High, 3.5m);
            return 0;
        });

        // A file without the weight column (as every file written before it existed): the stored weight stays, new measures weigh 1.
        var result = await ImportAsync(m, plan.PlanId, Csv("id;Teilbereich-Nummer;Nummer;Titel;Fortschritt", $"{plan.MeasureKey};1;1.1;Sprachcafé;30", ";1;1.2;Neu;0"));

        Assert.Equal((1, 1), (result.Updated, result.Created));
        var after = await m.WithDbAsync(db => db.Measures.SingleAsync(x => x.Id == plan.MeasureId));
        Assert.Equal(("Alle sprechen Deutsch", 5000m, MeasurePriority.High, 30, 3.5m), (after.Goal, after.EstimatedCost, after.Priority, after.Progress, after.Weight));
        Assert.Equal(1m, await m.WithDbAsync(db => db.Measures.Where(x => x.PlanId == plan.PlanId && x.Number == "1.2").Select(x => x.Weight).SingleAsync()));

        // With the column: German and English decimals; an empty cell is the default weight.
        result = await ImportAsync(m, plan.PlanId, Csv("Schlüssel;Teilbereich-Nummer;Nummer;Titel;Gewicht", $"{plan.MeasureKey};1;1.1;Sprachcafé;\"2,75\"", ";1;1.3;Neuer;0.5", ";1;1.4;Leer;"));
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal([2.75m, 1m, 0.5m, 1m], await m.WithDbAsync(db => db.Measures.Where(x => x.PlanId == plan.PlanId).OrderBy(x => x.Number).Select(x => x.Weight).ToListAsync()));
    }

    [Fact]
    public async Task A_key_the_plan_lacks_creates_a_measure_with_that_key_and_rows_without_get_the_next_free_keys()
    {
        var m = await app.CreateMunicipalityAsync();
        var first = await SmallPlanAsync(m);
        var second = await SmallPlanAsync(m);

        var result = await ImportAsync(m, second.PlanId, Csv("Key;Teilbereich-Nummer;Nummer;Titel", "7;1;1.2;Sieben", ";1;1.3;Ohne Schlüssel"));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal((2, 0), (result.Created, result.Updated));
        Assert.Equal([(1, "1.1"), (7, "1.2"), (8, "1.3")], await m.WithDbAsync(async db =>
            (await db.Measures.Where(x => x.PlanId == second.PlanId).OrderBy(x => x.Key).Select(x => new { x.Key, x.Number }).ToListAsync()).Select(x => (x.Key, x.Number)).ToList()));
        // Keys are per plan: the other plan's measure with key 1 is not touched.
        Assert.Equal("Sprachcafé", await m.WithDbAsync(db => db.Measures.Where(x => x.Id == first.MeasureId).Select(x => x.Title).SingleAsync()));
    }

    [Fact]
    public async Task A_row_with_a_new_field_number_and_title_creates_the_field_and_a_changed_title_renames_one()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);

        var result = await ImportAsync(m, plan.PlanId, Csv(
            "Teilbereich-Nummer;Teilbereich-Titel;Nummer;Titel",
            "1;Sprache und Bildung;1.2;A",
            "4;Wohnen;4.1;B",
            "4;;4.2;C",
            "4;Wohnen;4.3;D"));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal((4, 1, 1), (result.Created, result.FieldsCreated, result.FieldsRenamed));
        var fields = await m.WithDbAsync(db => db.FieldsOfAction.Where(f => f.PlanId == plan.PlanId).OrderBy(f => f.Number)
            .Select(f => new { f.Number, f.Title, Measures = f.Measures.OrderBy(x => x.Position).Select(x => x.Number).ToList() }).ToListAsync());
        Assert.Equal([(1, "Sprache und Bildung"), (4, "Wohnen")], fields.Select(f => (f.Number, f.Title)));
        Assert.Equal(["4.1", "4.2", "4.3"], fields[1].Measures);
    }

    [Fact]
    public async Task Two_measures_can_swap_their_numbers_and_a_measure_can_move_to_another_field()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);
        var second = await m.WithDbAsync(async db =>
        {
            var field2 = new FieldOfAction { PlanId = plan.PlanId, Number = 2, Title = "Arbeit" };
            var measure = new Measure { PlanId = plan.PlanId, FieldOfActionId = plan.FieldId, Position = 2, Number = "1.2", Title = "Zweite", UpdatedAt = Now };
            db.AddRange(field2, measure);
            await db.SaveChangesAsync();
            return measure.Key;
        });

        var swap = await ImportAsync(m, plan.PlanId, Csv("Schlüssel;Teilbereich-Nummer;Nummer;Titel", $"{plan.MeasureKey};1;1.2;Sprachcafé", $"{second};1;1.1;Zweite"));
        Assert.True(swap.Succeeded, string.Join("\n", swap.Problems));
        Assert.Equal(2, swap.Updated);
        var move = await ImportAsync(m, plan.PlanId, Csv("Schlüssel;Teilbereich-Nummer;Nummer;Titel", $"{second};2;2.1;Zweite"));
        Assert.True(move.Succeeded, string.Join("\n", move.Problems));

        var measures = await m.WithDbAsync(db => db.Measures.Where(x => x.PlanId == plan.PlanId).OrderBy(x => x.Id)
            .Select(x => new { x.Number, Field = x.FieldOfAction!.Number }).ToListAsync());
        Assert.Equal([("1.2", 1), ("2.1", 2)], measures.Select(x => (x.Number, x.Field)));
    }

    [Fact]
    public async Task English_headers_in_any_order_and_case_with_commas_and_German_values_are_read()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);

        var result = await ImportAsync(m, plan.PlanId, Csv(
            "TITLE,number,Field Number,start,End,estimated cost,priority,status,progress,Example,districts,principles",
            "Mentoring,1.2,1,01.07.2019,2022-12-31,\"1.250.000,50\",high,completed,100 %,ja,neustadt,\"2;1\"",
            "Beratung,1.3,1,,,\"1250000.5\",Niedrig,Verzögert,10,no,,"));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var measures = await m.WithDbAsync(db => db.Measures.Where(x => x.PlanId == plan.PlanId && x.Number != "1.1").Include(x => x.Districts).Include(x => x.Principles).OrderBy(x => x.Number).ToListAsync());
        var a = measures[0];
        Assert.Equal(("Mentoring", new DateOnly(2019, 7, 1), new DateOnly(2022, 12, 31), 1_250_000.50m), (a.Title, a.StartDate, a.EndDate, a.EstimatedCost));
        Assert.Equal((MeasurePriority.High, MeasureStatus.Completed, 100, true), (a.Priority, a.Status, a.Progress, a.IsExample));
        Assert.Equal(["Neustadt"], a.Districts.Select(d => d.Name));
        Assert.Equal([1, 2], a.Principles.Select(p => p.Position).Order());
        Assert.Equal((MeasurePriority.Low, MeasureStatus.Delayed, false, 1_250_000.5m), (measures[1].Priority, measures[1].Status, measures[1].IsExample, measures[1].EstimatedCost));
    }

    [Fact]
    public async Task A_csv_file_saved_as_windows_1252_keeps_its_umlauts()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes("Teilbereich-Nummer;Nummer;Titel;Priorität\r\n1;1.2;Übergänge für Jugendliche – „Start“;Hoch\r\n");

        var result = await ImportAsync(m, plan.PlanId, bytes);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal("Übergänge für Jugendliche – „Start“", await m.WithDbAsync(db => db.Measures.Where(x => x.Number == "1.2").Select(x => x.Title).SingleAsync()));
    }

    [Fact]
    public async Task Empty_rows_are_skipped_but_counted_in_row_numbers()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);

        var result = await ImportAsync(m, plan.PlanId, Csv("Teilbereich-Nummer;Nummer;Titel", "", ";;", "1;1.2;"));

        Assert.Equal(4, Assert.Single(result.Problems).Row);
    }

    [Fact]
    public async Task The_row_numbers_of_a_workbook_are_its_sheet_rows()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.AddWorksheet("Tabelle1");
        sheet.Cell(1, 1).Value = "Nummer";
        sheet.Cell(1, 2).Value = "Titel";
        sheet.Cell(1, 3).Value = "Teilbereich-Nummer";
        sheet.Cell(1, 4).Value = "Beginn";
        sheet.Cell(2, 1).Value = "1.2";
        sheet.Cell(2, 2).Value = "Datum als Datum";
        sheet.Cell(2, 3).Value = 1;
        sheet.Cell(2, 4).Value = new DateTime(2020, 3, 1);
        sheet.Cell(5, 1).Value = "1.3";
        sheet.Cell(5, 3).Value = 1;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);

        var result = await ImportAsync(m, plan.PlanId, stream.ToArray());

        Assert.Equal("Zeile 5, Spalte „Titel“: Bitte geben Sie einen Wert an.", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public async Task Ten_thousand_measures_are_imported()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);
        var csv = TenThousandMeasures();

        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var result = await m.WithDbAsync(db => MeasureImport.ImportAsync(db, plan.PlanId, csv, Now, createOrganisations: true, bound.Token));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Take(5)));
        Assert.Equal((10_000, 20), (result.Created, result.FieldsCreated));
        Assert.Equal(10_001, await CountMeasuresAsync(m, plan.PlanId));
    }

    /// <summary>10,000 measures in 20 new fields (numbers 2 to 21), each with districts and principles.</summary>
    public static byte[] TenThousandMeasures()
    {
        var lines = new StringBuilder("Teilbereich-Nummer;Teilbereich-Titel;Nummer;Titel;Ziel;Beschreibung;Zielgruppen;Verantwortliche Stelle;Partnerorganisationen;Stadtbezirke;Beginn;Ende;Geschätzte Kosten;Finanzierung;Priorität;Leitlinien;Status;Fortschritt;Beispielinhalt\r\n");
        for (var i = 0; i < 10_000; i++)
        {
            var field = 2 + i / 500;
            lines.Append(Str(field)).Append(";Teilbereich ").Append(Str(field)).Append(';')
                .Append(Str(field)).Append('.').Append(Str(1 + i % 500)).Append(";Maßnahme ").Append(Str(i))
                .Append(";Ziel der Maßnahme;\"Eine Beschreibung mit; Semikolon\nund Zeilenumbruch\";Zugewanderte;Sozialamt;Träger A, Träger B;")
                .Append(i % 2 == 0 ? "Altstadt" : "\"Altstadt; Neustadt\"")
                .Append(";2019-07-01;2022-12-31;12500.50;Landesmittel;Mittel;\"1; 2\";In Umsetzung;")
                .Append(Str(i % 100)).Append(";nein\r\n");
        }
        return Encoding.UTF8.GetBytes(lines.ToString());
    }
}

public sealed class MeasureImportSqliteTests(SqliteApp app) : MeasureImportTests(app), IClassFixture<SqliteApp>;

public sealed class MeasureImportPostgresTests(PostgresApp app) : MeasureImportTests(app), IClassFixture<PostgresApp>;
