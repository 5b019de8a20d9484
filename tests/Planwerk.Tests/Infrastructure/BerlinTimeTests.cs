using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Time.Testing;
using Planwerk.Infrastructure.Files;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Tests.Infrastructure;

/// <summary>The one clock face: Berlin time, its daylight-saving edges, and dates as each interface language writes them.</summary>
public sealed class BerlinTimeTests
{
    private static string In(CultureInfo language, Func<string> format)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = language;
        try
        {
            return format();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    private static readonly DateTimeOffset SummerEvening = new(2019, 7, 5, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void German_dates_are_day_month_year_with_Uhr_and_English_dates_are_written_out()
    {
        Assert.Equal("05.07.2019", In(Languages.German, () => BerlinTime.Date(new DateOnly(2019, 7, 5))));
        Assert.Equal("05.07.2019, 18:00 Uhr", In(Languages.German, () => BerlinTime.DateAndTime(SummerEvening)));
        Assert.Equal("5 July 2019", In(Languages.English, () => BerlinTime.Date(new DateOnly(2019, 7, 5))));
        Assert.Equal("5 July 2019, 18:00", In(Languages.English, () => BerlinTime.DateAndTime(SummerEvening)));
        // Winter time is one hour ahead of UTC, summer time two.
        Assert.Equal("14.01.2019, 10:00 Uhr", In(Languages.German, () => BerlinTime.DateAndTime(new DateTimeOffset(2019, 1, 14, 9, 0, 0, TimeSpan.Zero))));
        Assert.Equal("2019-07-05T18:00:00+02:00", BerlinTime.Iso(SummerEvening));
        Assert.Equal("2019-07-05 18:00", BerlinTime.ExportDateTime(SummerEvening));
    }

    [Fact]
    public void An_end_at_midnight_reads_as_the_day_before()
    {
        var midnight = new DateTimeOffset(2019, 2, 28, 23, 0, 0, TimeSpan.Zero); // 01.03.2019 00:00 in Berlin
        Assert.Equal("28.02.2019", In(Languages.German, () => BerlinTime.Until(midnight)));
        Assert.Equal("28 February 2019", In(Languages.English, () => BerlinTime.Until(midnight)));
        Assert.Equal("05.07.2019, 18:00 Uhr", In(Languages.German, () => BerlinTime.Until(SummerEvening)));
    }

    [Fact]
    public void Days_and_moments_follow_the_clocks_changes()
    {
        // 31.03.2019: 02:00 becomes 03:00; 27.10.2019: 03:00 becomes 02:00.
        Assert.Equal(new DateTimeOffset(2019, 3, 30, 23, 0, 0, TimeSpan.Zero), BerlinTime.StartOfDay(new DateOnly(2019, 3, 31)));
        Assert.Equal(new DateTimeOffset(2019, 3, 31, 22, 0, 0, TimeSpan.Zero), BerlinTime.StartOfDay(new DateOnly(2019, 4, 1)));
        Assert.Equal(new DateTimeOffset(2019, 10, 27, 23, 0, 0, TimeSpan.Zero), BerlinTime.StartOfDay(new DateOnly(2019, 10, 28)));
        Assert.Null(BerlinTime.Parse("2019-03-31T02:30"));
        Assert.Equal(new DateTimeOffset(2019, 3, 31, 1, 0, 0, TimeSpan.Zero), BerlinTime.Parse("2019-03-31T03:00"));
        Assert.Equal(new DateTimeOffset(2019, 10, 27, 0, 30, 0, TimeSpan.Zero), BerlinTime.Parse("27.10.2019 02:30"));
        Assert.Equal(new DateOnly(2019, 7, 6), BerlinTime.Day(new DateTimeOffset(2019, 7, 5, 22, 30, 0, TimeSpan.Zero)));
        var clock = new FakeTimeProvider(new DateTimeOffset(2019, 12, 31, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2020, 1, 1), BerlinTime.Today(clock));
    }

    [Theory]
    [InlineData("0001-01-01T00:00")]
    [InlineData("1899-12-31T23:59")]
    [InlineData("2101-01-01T00:00")]
    [InlineData("9999-12-31T23:59")]
    [InlineData("<script>alert(1)</script>")]
    public void Moments_outside_the_accepted_years_or_unreadable_are_no_moments(string text) => Assert.Null(BerlinTime.Parse(text));

    [Fact]
    public void File_sizes_use_the_interface_language_s_decimal_mark()
    {
        Assert.Equal("0,8 KB", In(Languages.German, () => FileSizes.Text(800)));
        Assert.Equal("0.8 KB", In(Languages.English, () => FileSizes.Text(800)));
        Assert.Equal("1,5 MB", In(Languages.German, () => FileSizes.Text(1024 * 1024 * 3 / 2)));
    }

    [Fact]
    public void Counted_words_have_a_singular_in_both_languages()
    {
        var l = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<SharedResource>>();
        Assert.Equal("1 Enthaltung", In(Languages.German, () => l.Count(1, "1 Enthaltung", "{0} Enthaltungen")));
        Assert.Equal("2 Enthaltungen", In(Languages.German, () => l.Count(2, "1 Enthaltung", "{0} Enthaltungen")));
        Assert.Equal("1 abstention", In(Languages.English, () => l.Count(1, "1 Enthaltung", "{0} Enthaltungen")));
        Assert.Equal("1 result", In(Languages.English, () => l.Count(1, "1 Treffer", "{0} Treffer")));
        Assert.Equal("3 results", In(Languages.English, () => l.Count(3, "1 Treffer", "{0} Treffer")));
    }
}
