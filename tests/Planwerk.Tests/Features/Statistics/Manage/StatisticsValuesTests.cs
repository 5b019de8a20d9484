using Planwerk.Features.Statistics;

namespace Planwerk.Tests.Features.Statistics.Manage;

/// <summary>Figures and periods in German format, read and written alike by the editing table and the import.</summary>
public sealed class StatisticsValuesTests
{
    [Theory]
    [InlineData("4.178", "4178")]
    [InlineData("12,5", "12.5")]
    [InlineData("1.234.567,8912", "1234567.8912")]
    [InlineData("-3", "-3")]
    [InlineData("4 178", "4178")]
    [InlineData("0", "0")]
    [InlineData("-", "0")]
    [InlineData("–", "0")]
    public void German_numbers_and_the_sign_for_nothing_are_read(string text, string expected)
    {
        var reading = StatisticsValues.ReadValue(text);
        Assert.Null(reading.Problem);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), reading.Value);
    }

    [Theory]
    [InlineData(".", StatisticsValues.NoteUnknown)]
    [InlineData("x", StatisticsValues.NoteNotSensible)]
    [InlineData("…", StatisticsValues.NoteLater)]
    [InlineData("/", StatisticsValues.NoteNotReliable)]
    public void The_signs_of_official_statistics_are_known_missing_figures_with_their_meaning(string sign, string note)
    {
        var reading = StatisticsValues.ReadValue(sign);
        Assert.Null(reading.Value);
        Assert.Equal(note, reading.MissingNote);
    }

    [Theory]
    [InlineData("12.5")]
    [InlineData("1.23")]
    [InlineData("4,178.5")]
    [InlineData("1e5")]
    [InlineData("<script>")]
    public void What_is_not_a_German_number_is_refused(string text) => Assert.NotNull(StatisticsValues.ReadValue(text).Problem);

    [Fact]
    public void Figures_are_written_as_they_are_read()
    {
        Assert.Equal("4.178", StatisticsValues.FormatValue(4178m));
        Assert.Equal("12,5", StatisticsValues.FormatValue(12.5m));
        Assert.Equal(1234567.8912m, StatisticsValues.ReadValue(StatisticsValues.FormatValue(1234567.8912m)).Value);
        Assert.Equal("", StatisticsValues.FormatValue(null));
        Assert.Equal("2016", StatisticsValues.FormatPeriod(new DateOnly(2016, 1, 1), StatisticsPeriodKind.Year));
        Assert.Equal("31.12.2016", StatisticsValues.FormatPeriod(new DateOnly(2016, 12, 31), StatisticsPeriodKind.Day));
    }

    [Theory]
    [InlineData("1899")]
    [InlineData("2101")]
    [InlineData("0001")]
    [InlineData("99999")]
    public void Years_outside_1900_to_2100_are_refused(string year) =>
        Assert.Equal(StatisticsValues.YearOutOfRange, StatisticsValues.ReadPeriod(year, StatisticsPeriodKind.Year).Problem?.Message);

    [Fact]
    public void Licences_carry_their_vocabulary_uri()
    {
        Assert.Equal("http://dcat-ap.de/def/licenses/dl-by-de/2.0", StatisticsLicences.Find("dl-by-de/2.0")?.Uri);
        Assert.Null(StatisticsLicences.Find("frei"));
        Assert.Equal(StatisticsLicences.All.Count, StatisticsLicences.All.Select(l => l.Code).Distinct().Count());
        // One list names the licences everywhere: each has a page for people, and the attribution licences say so.
        Assert.All(StatisticsLicences.All, l => Assert.StartsWith("http", l.Page, StringComparison.Ordinal));
        Assert.True(StatisticsLicences.Find("dl-by-de/2.0")!.NeedsAttribution);
        Assert.False(StatisticsLicences.Find("dl-zero-de/2.0")!.NeedsAttribution);
        Assert.Equal("https://www.govdata.de/dl-de/by-2-0", StatisticsLicences.Describe("dl-by-de/2.0")!.Page);
        Assert.Equal("http://dcat-ap.de/def/licenses/geonutz/20130319", StatisticsLicences.Describe("geonutz/20130319")!.Uri);
        Assert.Null(StatisticsLicences.Describe(""));
    }
}
