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
            ({ } from, { } to) => Day(from) + " " + t("bis") + " " + Day(to),
            ({ } from, null) => t("ab") + " " + Day(from),
            (null, { } to) => t("bis") + " " + Day(to),
            _ => "",
        };
    }
}
