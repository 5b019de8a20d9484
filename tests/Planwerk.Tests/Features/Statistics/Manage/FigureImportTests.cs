using System.Text;
using ClosedXML.Excel;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Features.Statistics;
using Planwerk.Features.Statistics.Manage;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Statistics.Manage;

/// <summary>Reading statistics tables in German format, as offices publish them: long and wide, CSV in UTF-8 (with and
/// without byte order mark) or Windows-1252, XLSX with number, date and text cells; and every kind of mistake, each
/// reported at its row and column with the cell's text, with no figure read from a file that has any.</summary>
public sealed class FigureImportTests
{
    private static readonly string[] NoCategories = [];

    private static byte[] Utf8(string text, bool bom = false) => [.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)];

    private static byte[] Windows1252(string text) => CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text);

    private static FigureReading Year(byte[] content, string label = "", params string[] categories) =>
        FigureImport.Read(content, StatisticsPeriodKind.Year, label, categories);

    private static string Problems(FigureReading reading) => string.Join("\n", reading.Problems.Select(p => p.ToString()));

    [Fact]
    public void A_long_table_in_German_format_reads_thousands_dots_decimal_commas_signs_and_notes()
    {
        var reading = Year(Utf8("Jahr;Ortsamt;Wert;Anmerkung\r\n2015;Altstadt;4.178;\r\n2016;Altstadt;12,5;vorläufig\r\n2017;Altstadt;.;\r\n2018;Altstadt;-;\r\n2019;Altstadt;;nicht veröffentlicht\r\n"), "Ortsamt");
        Assert.True(reading.Succeeded, Problems(reading));
        Assert.Equal(FigureTableShape.LongForm, reading.Shape);
        Assert.Equal(
        [
            new Figure(new DateOnly(2015, 1, 1), "Altstadt", 4178m, ""),
            new Figure(new DateOnly(2016, 1, 1), "Altstadt", 12.5m, "vorläufig"),
            new Figure(new DateOnly(2017, 1, 1), "Altstadt", null, StatisticsValues.NoteUnknown),
            new Figure(new DateOnly(2018, 1, 1), "Altstadt", 0m, ""),
            new Figure(new DateOnly(2019, 1, 1), "Altstadt", null, "nicht veröffentlicht"),
        ], reading.Figures);
    }

    [Fact]
    public void English_headers_and_comma_separators_are_read_too()
    {
        var reading = Year(Utf8("Year,Value,Note\r\n2015,\"4.178\",\r\n2016,\"1.234,5\",\r\n"));
        Assert.True(reading.Succeeded, Problems(reading));
        Assert.Equal([4178m, 1234.5m], reading.Figures.Select(f => f.Value));
        Assert.All(reading.Figures, f => Assert.Null(f.Category));
    }

    [Fact]
    public void A_wide_table_has_a_category_per_column_and_an_empty_cell_is_a_gap()
    {
        var reading = Year(Utf8("Jahr;Wohnungen;Gemeinschaftsunterkünfte;Notunterkünfte\r\n2016;1.200;3.400;x\r\n2017;1.500;;–\r\n"));
        Assert.True(reading.Succeeded, Problems(reading));
        Assert.Equal(FigureTableShape.WideForm, reading.Shape);
        Assert.Equal(5, reading.Figures.Count);
        Assert.Contains(new Figure(new DateOnly(2016, 1, 1), "Notunterkünfte", null, StatisticsValues.NoteNotSensible), reading.Figures);
        Assert.Contains(new Figure(new DateOnly(2017, 1, 1), "Notunterkünfte", 0m, ""), reading.Figures);
        Assert.DoesNotContain(reading.Figures, f => f.Period.Year == 2017 && f.Category == "Gemeinschaftsunterkünfte");
    }

    [Fact]
    public void One_column_of_figures_in_a_dataset_without_categories_is_its_series()
    {
        var reading = Year(Utf8("Jahr;Zugewiesene Asylsuchende\r\n2015;5.200\r\n2016;4.178\r\n"));
        Assert.True(reading.Succeeded, Problems(reading));
        Assert.All(reading.Figures, f => Assert.Null(f.Category));
        Assert.Single(Year(Utf8("Jahr;Cotta\r\n2015;5\r\n"), "", "Altstadt").Figures, f => f.Category == "Cotta");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Umlauts_come_out_right_in_UTF8_with_or_without_byte_order_mark(bool bom)
    {
        var reading = Year(Utf8("Jahr;Ortsamt;Wert\r\n2016;Äußere Neustadt;5\r\n", bom), "Ortsamt");
        Assert.True(reading.Succeeded, Problems(reading));
        Assert.Equal("Äußere Neustadt", reading.Figures.Single().Category);
    }

    [Fact]
    public void A_file_that_is_not_valid_UTF8_is_read_as_Windows_1252()
    {
        var reading = Year(Windows1252("Jahr;Ortsamt;Wert;Anmerkung\r\n2016;Äußere Neustadt;5;geschätzt – „grob“\r\n"), "Ortsamt");
        Assert.True(reading.Succeeded, Problems(reading));
        Assert.Equal("Äußere Neustadt", reading.Figures.Single().Category);
        Assert.Equal("geschätzt – „grob“", reading.Figures.Single().Note);
    }

    [Fact]
    public void Days_are_read_in_German_and_ISO_form()
    {
        var reading = FigureImport.Read(Utf8("Stichtag;Wert\r\n31.12.2016;5\r\n2017-06-30;6\r\n"), StatisticsPeriodKind.Day, "", NoCategories);
        Assert.True(reading.Succeeded, Problems(reading));
        Assert.Equal([new DateOnly(2016, 12, 31), new DateOnly(2017, 6, 30)], reading.Figures.Select(f => f.Period));
    }

    [Fact]
    public void An_xlsx_with_number_date_and_text_cells_reads_like_the_csv()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Daten");
        sheet.Cell(1, 1).SetValue("Stichtag");
        sheet.Cell(1, 2).SetValue("Ortsamt");
        sheet.Cell(1, 3).SetValue("Wert");
        sheet.Cell(2, 1).SetValue(new DateTime(2019, 6, 30));
        sheet.Cell(2, 2).SetValue("Äußere Neustadt");
        sheet.Cell(2, 3).SetValue(12.5);
        sheet.Cell(3, 1).SetValue("31.12.2019");
        sheet.Cell(3, 2).SetValue("Cotta");
        sheet.Cell(3, 3).SetValue("4.178");
        sheet.Cell(4, 1).SetValue(new DateTime(2019, 12, 31));
        sheet.Cell(4, 2).SetValue("Äußere Neustadt");
        sheet.Cell(4, 3).SetValue(0.1 + 0.2);
        // Text cells stay text (ClosedXML 0.95 would otherwise guess a type from the string).
        foreach (var (row, column) in new[] { (1, 1), (1, 2), (1, 3), (2, 2), (3, 1), (3, 2), (3, 3), (4, 2) }) sheet.Cell(row, column).DataType = XLDataType.Text;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);

        var reading = FigureImport.Read(stream.ToArray(), StatisticsPeriodKind.Day, "Ortsamt", NoCategories);
        Assert.True(reading.Succeeded, Problems(reading));
        Assert.Equal(
        [
            new Figure(new DateOnly(2019, 6, 30), "Äußere Neustadt", 12.5m, ""),
            new Figure(new DateOnly(2019, 12, 31), "Cotta", 4178m, ""),
            new Figure(new DateOnly(2019, 12, 31), "Äußere Neustadt", 0.3m, ""),
        ], reading.Figures);
    }

    [Theory]
    [InlineData("2016;zwölf", "Zeile 2, Spalte „Wert“: „zwölf“ ist keine Zahl.")]
    [InlineData("2016;12.5", "Zeile 2, Spalte „Wert“: „12.5“ ist im deutschen Format keine Zahl")]
    [InlineData("2016;1,23456", "Zeile 2, Spalte „Wert“: „1,23456“ hat mehr als vier Nachkommastellen.")]
    [InlineData(";5", "Zeile 2, Spalte „Jahr“: Der Zeitraum fehlt.")]
    [InlineData("1;5", "Zeile 2, Spalte „Jahr“: Das Jahr 1 liegt nicht zwischen 1900 und 2100.")]
    [InlineData("99999;5", "Zeile 2, Spalte „Jahr“: Das Jahr 99999 liegt nicht zwischen 1900 und 2100.")]
    [InlineData("31.12.2016;5", "Zeile 2, Spalte „Jahr“: „31.12.2016“ ist ein Tag, dieser Datensatz hat aber Jahreswerte.")]
    [InlineData("zwanzig;5", "Zeile 2, Spalte „Jahr“: „zwanzig“ ist kein Jahr.")]
    [InlineData("2016;", "Zeile 2, Spalte „Wert“: Der Wert fehlt.")]
    [InlineData("2016;99999999999999999", "Zeile 2, Spalte „Wert“: „99999999999999999“ ist zu groß")]
    public void Every_bad_cell_is_reported_at_its_row_and_column_with_its_text(string line, string expected)
    {
        var reading = Year(Utf8("Jahr;Wert\r\n" + line + "\r\n2017;3\r\n"));
        Assert.False(reading.Succeeded);
        Assert.Empty(reading.Figures);
        Assert.Contains(reading.Problems, p => p.ToString().StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_date_twice_is_refused_with_the_row_of_the_first()
    {
        var reading = FigureImport.Read(Utf8("Stichtag;Kategorie;Wert\r\n31.12.2016;A;1\r\n31.12.2016;B;2\r\n2016-12-31;A;3\r\n"), StatisticsPeriodKind.Day, "", NoCategories);
        Assert.Equal("Zeile 4, Spalte „Stichtag“: Für 31.12.2016 · A steht schon in Zeile 2 ein Wert.", Assert.Single(reading.Problems).ToString());
        Assert.Empty(reading.Figures);
    }

    [Fact]
    public void A_day_that_does_not_exist_is_refused()
    {
        var reading = FigureImport.Read(Utf8("Datum;Wert\r\n31.02.2016;1\r\n"), StatisticsPeriodKind.Day, "", NoCategories);
        Assert.Equal("Zeile 2, Spalte „Datum“: „31.02.2016“ ist kein gültiges Datum. Schreiben Sie es als 31.12.2016 oder 2016-12-31.", Assert.Single(reading.Problems).ToString());
    }

    [Fact]
    public void All_problems_of_a_file_are_listed_not_only_the_first()
    {
        var reading = Year(Utf8("Jahr;Wert\r\n2015;a\r\n;1\r\n2017;b\r\n"));
        Assert.Equal(["Zeile 2, Spalte „Wert“", "Zeile 3, Spalte „Jahr“", "Zeile 4, Spalte „Wert“"],
            reading.Problems.Select(p => $"Zeile {p.Row}, Spalte „{p.Column}“"));
    }

    [Fact]
    public void Unknown_and_duplicate_columns_of_a_long_table_are_refused_in_the_header()
    {
        var reading = Year(Utf8("Jahr;Wert;Farbe;Wert\r\n2015;1;rot;2\r\n"));
        Assert.Contains(reading.Problems, p => p.Row == 1 && p.Column == "Farbe" && p.Message == FigureImportTexts.UnknownColumn);
        Assert.Contains(reading.Problems, p => p.Row == 1 && p.Column == "Wert" && p.Message == FigureImportTexts.DuplicateColumn);
        Assert.Contains(Year(Utf8("Ort;Wert\r\nA;1\r\n")).Problems, p => p.Message == FigureImportTexts.NoPeriodColumn);
    }

    [Fact]
    public void Empty_files_pdfs_posing_as_xlsx_and_binary_data_are_refused_as_files()
    {
        Assert.Equal(ImportTexts.EmptyFile, Assert.Single(Year([]).Problems).Message);
        Assert.Equal(ImportTexts.NoRows, Assert.Single(Year(Utf8("Jahr;Wert\r\n")).Problems).Message);
        Assert.Equal(ImportTexts.NotCsvOrXlsx, Assert.Single(Year(Utf8("%PDF-1.7\n\0\0\0binary\0")).Problems).Message);
        // A ZIP archive that is no workbook, as a renamed archive would be.
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("hallo.txt").Open());
            writer.Write("kein Arbeitsblatt");
        }
        Assert.Equal(ImportTexts.NotXlsx, Assert.Single(Year(zip.ToArray()).Problems).Message);
        Assert.Equal(FigureImportTexts.TooLarge, Assert.Single(Year(new byte[FigureImport.MaxBytes + 1]).Problems).Message);
    }

    [Fact]
    public void Hostile_text_is_kept_as_text_and_control_characters_are_refused()
    {
        var reading = Year(Utf8($"Jahr;Kategorie;Wert;Anmerkung\r\n2015;\"{HostileText.Script}\";1;\"{HostileText.Markup.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\r\n2016;{HostileText.RightToLeft};2;\r\n"));
        Assert.True(reading.Succeeded, Problems(reading));
        Assert.Equal([HostileText.Script, HostileText.RightToLeft], reading.Figures.Select(f => f.Category));
        Assert.Equal(HostileText.Markup, reading.Figures[0].Note);

        var control = Year(Utf8("Jahr;Kategorie;Wert\r\n2015;A\u0007B;1\r\n"));
        Assert.Equal("Zeile 2, Spalte „Kategorie“: Der Text enthält ein unzulässiges Steuerzeichen (U+0007).", Assert.Single(control.Problems).ToString());
        var tooLong = Year(Utf8("Jahr;Kategorie;Wert\r\n2015;" + new string('a', 201) + ";1\r\n"));
        Assert.Equal(FigureImportTexts.TooLong, Assert.Single(tooLong.Problems).Message);
    }
}
