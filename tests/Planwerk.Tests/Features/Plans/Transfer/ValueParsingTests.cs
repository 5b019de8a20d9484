using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Transfer;

namespace Planwerk.Tests.Features.Plans.Transfer;

public sealed class ValueParsingTests
{
    [Theory]
    [InlineData("1250000.50", "1250000.50")]
    [InlineData("1250000.5", "1250000.50")]
    [InlineData("1.250.000,50", "1250000.50")]
    [InlineData("1250000,5", "1250000.50")]
    [InlineData("1.250.000", "1250000")]
    [InlineData(" 60 000 € ", "60000")]
    [InlineData("0,01", "0.01")]
    [InlineData("1250.000", "1250")]
    [InlineData("999999999999.99", "999999999999.99")]
    public void Amounts_are_read_in_invariant_and_German_notation(string cell, string expected)
    {
        var parsed = ValueParsing.Amount(cell);
        Assert.Null(parsed.Problem);
        Assert.Equal(expected, parsed.Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1.250", ImportTexts.AmbiguousAmount)]
    [InlineData("12.500", ImportTexts.AmbiguousAmount)]
    [InlineData("1,250,000.50", ImportTexts.NotAnAmount)]
    [InlineData("1.25.0", ImportTexts.NotAnAmount)]
    [InlineData("12,5,0", ImportTexts.NotAnAmount)]
    [InlineData("-1", ImportTexts.NegativeAmount)]
    [InlineData("1,234", ImportTexts.TooManyDecimals)]
    [InlineData("1000000000000", ImportTexts.AmountTooLarge)]
    [InlineData("1E+15", ImportTexts.NotAnAmount)]
    public void Amounts_that_are_wrong_or_ambiguous_are_refused(string cell, string problem) =>
        Assert.Equal(problem, ValueParsing.Amount(cell).Problem);

    [Theory]
    [InlineData("2019-07-01")]
    [InlineData("01.07.2019")]
    [InlineData("1.7.2019")]
    [InlineData(" 2019-07-01 ")]
    public void Dates_are_read_as_iso_or_German(string cell) =>
        Assert.Equal(new DateOnly(2019, 7, 1), ValueParsing.Date(cell).Value);

    [Theory]
    [InlineData("07/01/2019")]
    [InlineData("2019-02-30")]
    [InlineData("morgen")]
    public void Other_dates_are_refused(string cell) => Assert.Equal(ImportTexts.NotADate, ValueParsing.Date(cell).Problem);

    [Theory]
    [InlineData("In Umsetzung", MeasureStatus.InProgress)]
    [InlineData("in umsetzung", MeasureStatus.InProgress)]
    [InlineData("InProgress", MeasureStatus.InProgress)]
    [InlineData("in_progress", MeasureStatus.InProgress)]
    [InlineData("Verzögert", MeasureStatus.Delayed)]
    [InlineData("NICHT BEGONNEN", MeasureStatus.NotStarted)]
    [InlineData("", MeasureStatus.NotStarted)]
    public void Status_words_are_read_in_German_and_English(string cell, MeasureStatus expected) =>
        Assert.Equal(expected, ValueParsing.Enum(cell, PlanText.Status, MeasureStatus.NotStarted, ImportTexts.NotAStatus).Value);

    [Theory]
    [InlineData("ja", true)]
    [InlineData("X", true)]
    [InlineData("yes", true)]
    [InlineData("nein", false)]
    [InlineData("", false)]
    [InlineData("FALSE", false)]
    public void Example_flags_are_read(string cell, bool expected) => Assert.Equal(expected, ValueParsing.YesNo(cell).Value);

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+49")]
    [InlineData("-5")]
    [InlineData("@A1")]
    [InlineData("\tTab")]
    [InlineData("\rReturn")]
    [InlineData("'=1+1")]
    [InlineData("''@x")]
    [InlineData("'plain")]
    [InlineData("'")]
    [InlineData("plain")]
    [InlineData("")]
    public void The_formula_guard_is_undone_exactly(string text)
    {
        var guarded = FormulaGuard.Protect(text);
        Assert.Equal(text, FormulaGuard.Unprotect(guarded));
        Assert.False(guarded.Length > 0 && guarded[0] is '=' or '+' or '-' or '@' or '\t' or '\r');
    }

    [Theory]
    [InlineData("Titel", MeasureColumn.Title)]
    [InlineData(" TITLE ", MeasureColumn.Title)]
    [InlineData("priorität", MeasureColumn.Priority)]
    [InlineData("Priorita\u0308t", MeasureColumn.Priority)]
    [InlineData("Field number", MeasureColumn.FieldNumber)]
    [InlineData("Schlüssel", MeasureColumn.Key)]
    [InlineData("key", MeasureColumn.Key)]
    [InlineData("ID", MeasureColumn.Key)]
    [InlineData("\uFEFFid", MeasureColumn.Key)]
    public void Headers_are_matched_in_German_and_English_ignoring_case(string header, MeasureColumn expected) =>
        Assert.Equal(expected, MeasureColumns.Find(header)?.Column);

    [Theory]
    [InlineData("Fachplan Asyl und Integration 2022", "fachplan-asyl-und-integration-2022")]
    [InlineData("Übergänge: Schule → Beruf!", "uebergaenge-schule-beruf")]
    [InlineData("<script>alert(1)</script>", "script-alert-1-script")]
    [InlineData("خطة", "plan")]
    public void File_names_are_plain_ascii(string title, string expected) => Assert.Equal(expected, PlanExport.FileName(title));
}
