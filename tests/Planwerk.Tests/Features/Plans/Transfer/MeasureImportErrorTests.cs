using System.IO.Compression;
using System.Text;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Plans.Transfer.TransferData;

namespace Planwerk.Tests.Features.Plans.Transfer;

/// <summary>Every kind of problem a measure table can have, one case each: where it is reported (row,
/// column) and that nothing of the file is imported.</summary>
public abstract class MeasureImportErrorTests(PlanwerkApp app)
{
    private const string Header = "Teilbereich-Nummer;Nummer;Titel";

    public static TheoryData<string, string[], int?, string?, string> CellProblems => new()
    {
        { "unknown column", [Header + ";Farbe", "1;1.2;X;rot"], 1, "Farbe", ImportTexts.UnknownColumn },
        { "required column missing", ["Nummer;Titel", "1.2;X"], 1, "Handlungsfeld-Nummer", ImportTexts.MissingColumn },
        { "column twice", [Header + ";Title", "1;1.2;X;Y"], 1, "Title", ImportTexts.DuplicateColumn },
        { "column without header", [Header + ";", "1;1.2;X;Wert"], 1, null, ImportTexts.UnnamedColumn },
        { "more cells than columns", [Header, "1;1.2;X;zu viel"], 2, null, MeasureImport.ExtraCells },
        { "required value empty", [Header, "1;1.2;  "], 2, "Titel", ImportTexts.Required },
        { "value too long", [Header, "1;1.2;" + new string('x', 501)], 2, "Titel", ImportTexts.TooLong },
        { "control character", [Header, "1;1.2;A\u0007B"], 2, "Titel", ImportTexts.ControlCharacter },
        { "key not a number", ["Schlüssel;" + Header, "abc;1;1.2;X"], 2, "Schlüssel", ImportTexts.NotAKey },
        { "key twice", ["Key;" + Header, "{key};1;1.1;X", "{key};1;1.2;Y"], 3, "Key", ImportTexts.DuplicateKeyRow },
        { "key twice under the old header", ["id;" + Header, "9;1;1.2;X", "9;1;1.3;Y"], 3, "id", ImportTexts.DuplicateKeyRow },
        { "field number not a number", [Header, "eins;1.2;X"], 2, "Teilbereich-Nummer", ImportTexts.NotAFieldNumber },
        { "unknown field without title", [Header, "7;7.1;X"], 2, "Teilbereich-Nummer", ImportTexts.UnknownField },
        { "field titles differ", ["Teilbereich-Nummer;Teilbereich-Titel;Nummer;Titel", "7;Neu;7.1;X", "7;Anders;7.2;Y"], 3, "Teilbereich-Titel", ImportTexts.FieldTitleDiffers },
        { "measure number malformed", [Header, "1;1-2;X"], 2, "Nummer", ImportTexts.NotANumber },
        { "measure number of another field", [Header, "1;2.1;X"], 2, "Nummer", ImportTexts.NumberOutsideField },
        { "measure number twice", [Header, "1;1.2;X", "1;1.2;Y"], 3, "Nummer", ImportTexts.DuplicateNumber },
        { "measure number taken in the plan", [Header, "1;1.1;X"], 2, "Nummer", ImportTexts.NumberTaken },
        { "date invalid", [Header + ";Beginn", "1;1.2;X;31.02.2020"], 2, "Beginn", ImportTexts.NotADate },
        { "end before start", [Header + ";Beginn;Ende", "1;1.2;X;2020-05-01;30.04.2020"], 2, "Ende", ImportTexts.EndBeforeStart },
        { "amount invalid", [Header + ";Geschätzte Kosten", "1;1.2;X;viel"], 2, "Geschätzte Kosten", ImportTexts.NotAnAmount },
        { "amount ambiguous", [Header + ";Geschätzte Kosten", "1;1.2;X;1.250"], 2, "Geschätzte Kosten", ImportTexts.AmbiguousAmount },
        { "amount negative", [Header + ";Geschätzte Kosten", "1;1.2;X;-5"], 2, "Geschätzte Kosten", ImportTexts.NegativeAmount },
        { "amount with three decimals", [Header + ";Geschätzte Kosten", "1;1.2;X;12,345"], 2, "Geschätzte Kosten", ImportTexts.TooManyDecimals },
        { "amount too large", [Header + ";Geschätzte Kosten", "1;1.2;X;1000000000000"], 2, "Geschätzte Kosten", ImportTexts.AmountTooLarge },
        { "priority unknown", [Header + ";Priorität", "1;1.2;X;dringend"], 2, "Priorität", ImportTexts.NotAPriority },
        { "status unknown", [Header + ";Status", "1;1.2;X;fertig"], 2, "Status", ImportTexts.NotAStatus },
        { "progress out of range", [Header + ";Fortschritt", "1;1.2;X;120"], 2, "Fortschritt", ImportTexts.NotAProgress },
        { "completed below 100 percent", [Header + ";Status;Fortschritt", "1;1.2;X;Abgeschlossen;90"], 2, "Fortschritt", ImportTexts.CompletedBelowFull },
        { "weight not a number", [Header + ";Gewicht", "1;1.2;X;schwer"], 2, "Gewicht", ImportTexts.NotAWeight },
        { "weight negative", [Header + ";Weight", "1;1.2;X;-1"], 2, "Weight", ImportTexts.NotAWeight },
        { "weight above 1000", [Header + ";Gewicht", "1;1.2;X;1000,5"], 2, "Gewicht", ImportTexts.NotAWeight },
        { "weight with three decimals", [Header + ";Gewicht", "1;1.2;X;1,125"], 2, "Gewicht", ImportTexts.NotAWeight },
        { "example flag not yes or no", [Header + ";Beispielinhalt", "1;1.2;X;vielleicht"], 2, "Beispielinhalt", ImportTexts.NotAYesNo },
        { "district unknown", [Header + ";Stadtbezirke", "1;1.2;X;\"Altstadt; Mitte\""], 2, "Stadtbezirke", ImportTexts.UnknownDistrict },
        { "principle not a number", [Header + ";Leitlinien", "1;1.2;X;eins"], 2, "Leitlinien", ImportTexts.NotAPrinciple },
        { "principle unknown", [Header + ";Leitlinien", "1;1.2;X;\"1; 4\""], 2, "Leitlinien", ImportTexts.UnknownPrinciple },
    };

    [Theory]
    [MemberData(nameof(CellProblems))]
    public async Task A_problem_is_reported_by_row_column_and_reason_and_nothing_is_imported(string kind, string[] lines, int? row, string? column, string message)
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);
        var csv = Csv(lines.Select(l => l.Replace("{key}", plan.MeasureKey.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)).ToArray());

        var result = await ImportAsync(m, plan.PlanId, csv);

        Assert.False(result.Succeeded, kind);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((row, column, message), (problem.Row, problem.Column, problem.Message));
        Assert.Equal(1, await CountMeasuresAsync(m, plan.PlanId));
    }

    [Fact]
    public async Task The_report_names_row_column_and_the_allowed_words_in_German()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);
        var csv = Csv(
            "Teilbereich-Nummer;Nummer;Titel;Status",
            "1;1.2;A;In Umsetzung", "1;1.3;B;InProgress", "1;1.4;C;verzögert", "1;1.5;D;", "1;1.6;E;Nicht begonnen",
            "1;1.7;F;fertig");

        var result = await ImportAsync(m, plan.PlanId, csv);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("Zeile 7, Spalte „Status“: „fertig“ ist kein gültiger Status. Erlaubt: Nicht begonnen, In Umsetzung, Abgeschlossen, Verzögert, Eingestellt.", problem.ToString());
    }

    [Fact]
    public async Task Too_long_values_name_the_limit()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);
        var result = await ImportAsync(m, plan.PlanId, Csv("Teilbereich-Nummer;Nummer;Titel;Zielgruppen", "1;1.2;X;" + new string('z', 2001)));

        Assert.Equal("Zeile 2, Spalte „Zielgruppen“: Der Wert ist zu lang: 2001 Zeichen, erlaubt sind höchstens 2000.", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public async Task Every_problem_of_the_file_is_reported_at_once()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);
        var result = await ImportAsync(m, plan.PlanId, Csv(
            "Teilbereich-Nummer;Nummer;Titel;Status;Fortschritt",
            "1;1.2;Gut;In Umsetzung;50",
            "1;1.3;;fertig;50",
            "x;1.4;Auch gut;;200"));

        Assert.Equal(
            ["Zeile 3, Spalte „Titel“", "Zeile 3, Spalte „Status“", "Zeile 4, Spalte „Teilbereich-Nummer“", "Zeile 4, Spalte „Fortschritt“"],
            result.Problems.Select(p => p.ToString()[..p.ToString().IndexOf(':', StringComparison.Ordinal)]));
    }

    [Fact]
    public async Task Ninety_nine_good_rows_and_one_bad_row_import_nothing()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);
        var lines = new List<string> { "Teilbereich-Nummer;Teilbereich-Titel;Nummer;Titel;Stadtbezirke" };
        for (var i = 1; i <= 99; i++) lines.Add($"2;Neuer Teilbereich;2.{i};Maßnahme {i};Altstadt");
        lines.Insert(51, "2;Neuer Teilbereich;2.100;Maßnahme 100;Atlantis");

        var result = await ImportAsync(m, plan.PlanId, Csv([.. lines]));

        Assert.Equal("Zeile 52, Spalte „Stadtbezirke“", Assert.Single(result.Problems).ToString()[..31]);
        Assert.Equal(1, await CountMeasuresAsync(m, plan.PlanId));
        Assert.Equal(1, await m.WithDbAsync(db => Task.FromResult(db.FieldsOfAction.Count(f => f.PlanId == plan.PlanId))));
    }

    // ---------------------------------------------------------------- the file as a whole

    private async Task<ImportProblem> FileProblemAsync(byte[] content)
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);
        var result = await ImportAsync(m, plan.PlanId, content);
        Assert.Equal(1, await CountMeasuresAsync(m, plan.PlanId));
        return Assert.Single(result.Problems);
    }

    [Fact]
    public async Task A_file_over_10_MB_is_refused()
    {
        var lines = new StringBuilder(Header + "\r\n");
        while (lines.Length <= MeasureFiles.MaxBytes) lines.Append("1;1.2;").Append('x', 1000).Append("\r\n");
        var problem = await FileProblemAsync(Encoding.UTF8.GetBytes(lines.ToString()));
        Assert.Equal(ImportTexts.TooLarge, problem.Message);
        Assert.Equal("10 MB", problem.Arguments[1]);
    }

    [Fact]
    public async Task A_file_that_is_neither_csv_nor_xlsx_is_refused_whatever_its_name()
    {
        // The start of a PNG image.
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00];
        Assert.Equal(ImportTexts.NotCsvOrXlsx, (await FileProblemAsync(png)).Message);
    }

    [Fact]
    public async Task A_zip_archive_that_is_no_workbook_is_refused()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = zip.CreateEntry("word/document.xml").Open();
            await entry.WriteAsync("<w:document/>"u8.ToArray());
        }
        Assert.Equal(ImportTexts.NotXlsx, (await FileProblemAsync(buffer.ToArray())).Message);
    }

    [Fact]
    public async Task A_workbook_that_unpacks_to_more_than_200_MB_is_refused()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var workbook = zip.CreateEntry("xl/workbook.xml").Open()) await workbook.WriteAsync("<workbook/>"u8.ToArray());
            await using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 201; i++) await sheet.WriteAsync(zeros);
        }
        Assert.True(buffer.Length < MeasureFiles.MaxBytes);
        Assert.Equal(ImportTexts.XlsxTooBig, (await FileProblemAsync(buffer.ToArray())).Message);
    }

    [Fact]
    public async Task A_csv_file_with_broken_quotes_is_refused()
    {
        Assert.Equal(ImportTexts.CsvBroken, (await FileProblemAsync(Csv(Header, "1;1.2;\"Titel mit \"falschen\" Anführungszeichen"))).Message);
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        Assert.Equal(ImportTexts.EmptyFile, (await FileProblemAsync([])).Message);
    }

    [Fact]
    public async Task A_file_with_only_the_header_is_refused()
    {
        Assert.Equal(ImportTexts.NoRows, (await FileProblemAsync(Csv(Header, ";;", ""))).Message);
    }

    [Fact]
    public async Task A_file_whose_first_row_is_empty_is_refused()
    {
        var problem = await FileProblemAsync(Csv(";;", Header, "1;1.2;X"));
        Assert.Equal((1, ImportTexts.NoHeader), (problem.Row, problem.Message));
    }

    [Fact]
    public async Task A_file_with_more_than_100000_rows_is_refused()
    {
        var lines = new StringBuilder(Header + "\r\n");
        for (var i = 0; i <= MeasureFiles.MaxRows + 1; i++) lines.Append("1;1.1;x\r\n");
        Assert.Equal(ImportTexts.TooManyRows, (await FileProblemAsync(Encoding.UTF8.GetBytes(lines.ToString()))).Message);
    }
}

public sealed class MeasureImportErrorSqliteTests(SqliteApp app) : MeasureImportErrorTests(app), IClassFixture<SqliteApp>;

public sealed class MeasureImportErrorPostgresTests(PostgresApp app) : MeasureImportErrorTests(app), IClassFixture<PostgresApp>;
