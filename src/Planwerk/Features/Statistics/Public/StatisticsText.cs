namespace Planwerk.Features.Statistics.PublicPages;

/// <summary>German words for a dataset's settings (keys of the interface's translations).</summary>
public static class StatisticsText
{
    public static string Frequency(StatisticsFrequency frequency) => frequency switch
    {
        StatisticsFrequency.Annual => "jährlich",
        StatisticsFrequency.Semiannual => "halbjährlich",
        StatisticsFrequency.Quarterly => "vierteljährlich",
        StatisticsFrequency.Monthly => "monatlich",
        StatisticsFrequency.Irregular => "unregelmäßig",
        StatisticsFrequency.Never => "wird nicht mehr fortgeschrieben",
        _ => "nicht angegeben",
    };

    /// <summary>"2015 bis 2023", "ab 30.06.2019", or empty when the dataset does not say.</summary>
    public static string Coverage(StatisticsDataset d, Func<string, string> t)
    {
        string Day(DateOnly day) => d.PeriodKind == StatisticsPeriodKind.Year && day.Month == 1 && day.Day == 1
            ? day.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : Infrastructure.Time.BerlinTime.Date(day);
        return (d.CoversFrom, d.CoversTo) switch
        {
            ({ } from, { } to) => string.Format(System.Globalization.CultureInfo.CurrentCulture, t("{0} bis {1}"), Day(from), Day(to)),
            ({ } from, null) => string.Format(System.Globalization.CultureInfo.CurrentCulture, t("ab {0}"), Day(from)),
            (null, { } to) => string.Format(System.Globalization.CultureInfo.CurrentCulture, t("bis {0}"), Day(to)),
            _ => "",
        };
    }
}
