using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Statistics;

namespace Planwerk.Features.Demo;

/// <summary>Dresden's real figures on receiving and housing asylum seekers, as the reference sources give them: the
/// allocations per year 2015–2023 (2019 not published: a known missing figure, not a zero), the people housed on the
/// days the social office reported, by type of accommodation, and by local office. Every figure is the source's; the
/// two figures that follow from others by subtraction say so in their note. Adds nothing a second time.</summary>
public static class DemoStatistics
{
    public const string AllocationsCode = "zuweisungen-asyl";
    public const string ByTypeCode = "unterbringung-nach-art";
    public const string ByOfficeCode = "unterbringung-nach-ortsamt";

    public const string Flats = "Gewährleistungswohnungen";
    public const string Homes = "Übergangswohnheime und Gemeinschaftsunterkünfte";
    /// <summary>The days on which only the total of flats and homes together is published.</summary>
    public const string NotSplit = "Wohnungen und Heime (ohne Aufteilung veröffentlicht)";

    public static readonly string[] Offices = ["Cotta", "Prohlis", "Plauen", "Neustadt", "Altstadt"];

    /// <summary>Asylum seekers allocated to Dresden per year; null where the sources publish no figure.</summary>
    public static readonly (int Year, int? Value)[] Allocations =
    [
        (2015, 4178), (2016, 1839), (2017, 788), (2018, 821), (2019, null), (2020, 592), (2021, 929), (2022, 1556), (2023, 2125),
    ];

    public const string MissingNote = "Nicht veröffentlicht: In den ausgewerteten Quellen ist für 2019 keine Jahreszahl genannt; bekannt ist nur das 1. Quartal 2019 mit 208 Zuweisungen.";

    /// <summary>People housed by the city on a day, by type of accommodation (category), with the source's wording.</summary>
    public static readonly (DateOnly On, string Category, int Value, string Note)[] ByType =
    [
        (new(2016, 12, 30), NotSplit, 4375, "Untergebrachte in Gewährleistungswohnungen und Übergangswohnheimen zusammen."),
        (new(2017, 6, 30), NotSplit, 3427, "Untergebrachte in Gewährleistungswohnungen und Übergangswohnheimen zusammen."),
        (new(2017, 9, 30), Flats, 2244, "Ende September 2017; insgesamt 3.560 in städtischer Unterbringung."),
        (new(2017, 9, 30), Homes, 1316, "Ende September 2017; insgesamt 3.560 in städtischer Unterbringung."),
        (new(2019, 3, 31), Flats, 1854, "Ende März 2019; insgesamt 2.718 Untergebrachte."),
        (new(2019, 3, 31), Homes, 864, "Abgeleitet: 2.718 Untergebrachte insgesamt abzüglich 1.854 in Wohnungen (Ende März 2019)."),
        (new(2019, 6, 30), Flats, 2333, "Belegt; 2.985 Plätze in Wohnungen (Sächsischer Landtag, Drucksache 6/18268)."),
        (new(2019, 6, 30), Homes, 913, "Belegt; 1.119 Plätze in Gemeinschaftsunterkünften (Sächsischer Landtag, Drucksache 6/18268)."),
    ];

    /// <summary>People housed on a day by the local office (Ortsamt) of their accommodation, for the five offices the sources name.</summary>
    public static readonly (DateOnly On, string Office, int Value, string Note)[] ByOffice =
    [
        (new(2016, 12, 30), "Cotta", 1118, ""),
        (new(2016, 12, 30), "Prohlis", 1014, ""),
        (new(2016, 12, 30), "Plauen", 662, ""),
        (new(2016, 12, 30), "Neustadt", 477, ""),
        (new(2016, 12, 30), "Altstadt", 442, ""),
        (new(2019, 3, 31), "Cotta", 752, "Ende März 2019; die Quelle nennt „Cotta (Gorbitz)“."),
        (new(2019, 3, 31), "Prohlis", 713, "Ende März 2019."),
        (new(2019, 3, 31), "Plauen", 268, "Ende März 2019."),
        (new(2019, 3, 31), "Altstadt", 262, "Ende März 2019."),
        (new(2019, 3, 31), "Neustadt", 251, "Ende März 2019."),
    ];

    public static async Task AddAsync(PlanwerkDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.StatisticsDatasets.AnyAsync(d => d.Code == AllocationsCode, ct)) return;

        var allocations = Dataset(now, AllocationsCode, "Asylsuchende, die Dresden zugewiesen wurden, je Jahr",
            "Zahl der Asylsuchenden, die die Landesdirektion Sachsen der Landeshauptstadt Dresden im Kalenderjahr zugewiesen hat. "
            + "Für 2019 ist in den ausgewerteten Quellen keine Jahreszahl veröffentlicht; das Jahr ist eine Lücke, keine Null.",
            "Landesdirektion Sachsen; veröffentlicht in: Sachsen Fernsehen (2016), Dresdner Neueste Nachrichten (2019), "
            + "Medieninformation der Landeshauptstadt Dresden pm_026 (Februar 2024)",
            StatisticsPeriodKind.Year, StatisticsFrequency.Annual, StatisticsChartKind.Bar, "", new(2015, 1, 1), new(2023, 12, 31),
            "Asyl, Zuweisung, Geflüchtete, Dresden");
        allocations.Observations = Allocations.Select(a => new StatisticsObservation
        {
            Period = new DateOnly(a.Year, 1, 1), Value = a.Value, Note = a.Value is null ? MissingNote : "",
        }).ToList();

        var byType = Dataset(now, ByTypeCode, "Untergebrachte Asylsuchende und Geflüchtete nach Art der Unterbringung",
            "Personen, die die Landeshauptstadt Dresden an einem Stichtag in Gewährleistungswohnungen oder in Übergangswohnheimen "
            + "und Gemeinschaftsunterkünften untergebracht hat. Für den 30.12.2016 und den 30.06.2017 ist nur die Summe beider Arten "
            + "veröffentlicht. Die Zahl für die Heime Ende März 2019 ist aus der Gesamtzahl abgeleitet (siehe Anmerkung).",
            "Sozialamt der Landeshauptstadt Dresden; 30.06.2019: Sächsischer Landtag, Drucksache 6/18268",
            StatisticsPeriodKind.Day, StatisticsFrequency.Irregular, StatisticsChartKind.StackedBar, "Art der Unterbringung",
            new(2016, 12, 30), new(2019, 6, 30), "Unterbringung, Gewährleistungswohnungen, Übergangswohnheime, Asyl");
        var typeCategories = new[] { Flats, Homes, NotSplit }.Select((name, i) => new StatisticsCategory { Name = name, Position = i + 1 }).ToList();
        byType.Categories = typeCategories;
        byType.Observations = ByType.Select(o => new StatisticsObservation
        {
            Period = o.On, Category = typeCategories.Single(c => c.Name == o.Category), Value = o.Value, Note = o.Note,
        }).ToList();

        var byOffice = Dataset(now, ByOfficeCode, "Untergebrachte Asylsuchende und Geflüchtete nach Ortsamt",
            "Personen in Gewährleistungswohnungen und Übergangswohnheimen an zwei Stichtagen, nach dem Ortsamt der Unterkunft. "
            + "Die Quellen nennen die fünf Ortsämter mit den meisten Untergebrachten; die übrigen sind nicht erfasst, "
            + "die Summe ist daher kleiner als die Zahl aller Untergebrachten.",
            "Sozialamt der Landeshauptstadt Dresden",
            StatisticsPeriodKind.Day, StatisticsFrequency.Irregular, StatisticsChartKind.GroupedBar, "Ortsamt",
            new(2016, 12, 30), new(2019, 3, 31), "Unterbringung, Ortsamt, Stadtteile, Asyl");
        var officeCategories = Offices.Select((name, i) => new StatisticsCategory { Name = name, Position = i + 1 }).ToList();
        byOffice.Categories = officeCategories;
        byOffice.Observations = ByOffice.Select(o => new StatisticsObservation
        {
            Period = o.On, Category = officeCategories.Single(c => c.Name == o.Office), Value = o.Value, Note = o.Note,
        }).ToList();

        db.StatisticsDatasets.AddRange(allocations, byType, byOffice);
        await db.SaveChangesAsync(ct);
    }

    private static StatisticsDataset Dataset(DateTimeOffset now, string code, string title, string description, string source,
        StatisticsPeriodKind kind, StatisticsFrequency frequency, StatisticsChartKind chart, string categoryLabel, DateOnly from, DateOnly to,
        string keywords) => new()
    {
        Code = code, Title = title, Description = description, Unit = "Personen", SourceName = source,
        // The sources are press reports and a parliamentary paper without a stable address; none is invented.
        SourceUrl = "",
        // A licence is what open-data catalogues ask for; the demo names the German open-data licence with attribution.
        Licence = "dl-by-de/2.0",
        Publisher = "Sozialamt", Keywords = keywords, CoversFrom = from, CoversTo = to, Frequency = frequency, PeriodKind = kind,
        CategoryLabel = categoryLabel, ChartKind = chart, IsPublic = true, CreatedAt = now, ModifiedAt = now,
    };
}
