using System.Globalization;
using Planwerk.Features.Plans.Manage;

namespace Planwerk.Tests.Features.Plans.Manage;

public sealed class MoneyInputTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Theory]
    [InlineData("1.250.000,50", "1250000.50")]
    [InlineData("1250000", "1250000")]
    [InlineData("1250000,5", "1250000.5")]
    [InlineData("1.250", "1250")]
    [InlineData("0,99", "0.99")]
    [InlineData(",5", "0.5")]
    [InlineData(" 1 250 000,50 € ", "1250000.50")]
    [InlineData("2.400.000 EUR", "2400000")]
    [InlineData("999.999.999.999,99", "999999999999.99")]
    public void German_amounts_are_read_with_dots_for_thousands_and_a_comma_for_cents(string text, string expected)
    {
        var reading = MoneyInput.Read(text, German);
        Assert.Null(reading.Problem);
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), reading.Value);
    }

    [Theory]
    [InlineData("1250.50", MoneyInput.NotAnAmount)]
    [InlineData("1.25.000", MoneyInput.NotAnAmount)]
    [InlineData("1,2,3", MoneyInput.NotAnAmount)]
    [InlineData("12,", MoneyInput.NotAnAmount)]
    [InlineData("zehn Euro", MoneyInput.NotAnAmount)]
    [InlineData("<script>alert(1)</script>", MoneyInput.NotAnAmount)]
    [InlineData("-5", MoneyInput.Negative)]
    [InlineData("1,505", MoneyInput.TooManyDecimals)]
    [InlineData("1.000.000.000.000", MoneyInput.TooLarge)]
    public void Ambiguous_negative_or_oversized_amounts_are_refused_with_a_reason(string text, string problem)
    {
        var reading = MoneyInput.Read(text, German);
        Assert.Equal(problem, reading.Problem);
        Assert.Null(reading.Value);
    }

    [Fact]
    public void An_empty_amount_means_no_estimate()
    {
        Assert.Equal(new MoneyReading(null, null), MoneyInput.Read("  ", German));
    }

    [Fact]
    public void English_amounts_use_commas_for_thousands()
    {
        Assert.Equal(1250000.50m, MoneyInput.Read("1,250,000.50", English).Value);
        Assert.Equal(MoneyInput.NotAnAmount, MoneyInput.Read("1.250.000,50", English).Problem);
    }

    [Fact]
    public void Amounts_are_written_back_so_that_they_read_the_same()
    {
        Assert.Equal("1.250.000,50", MoneyInput.Format(1250000.5m, German));
        Assert.Equal("2.400.000", MoneyInput.Format(2400000m, German));
        Assert.Equal("1,250,000.50", MoneyInput.Format(1250000.5m, English));
        foreach (var value in new[] { 0m, 0.5m, 1250000.5m, 999_999_999_999.99m })
        {
            Assert.Equal(value, MoneyInput.Read(MoneyInput.Format(value, German), German).Value);
        }
    }
}
