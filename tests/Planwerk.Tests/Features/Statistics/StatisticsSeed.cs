using Planwerk.Features.Statistics;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Statistics;

/// <summary>Datasets written straight into the database for the public pages' tests.</summary>
public static class StatisticsSeed
{
    /// <summary>Allocated asylum seekers per year 2015–2023; 2019 has no observation (a gap), 2020 one known to be missing.</summary>
    public static Task<StatisticsDataset> AllocationsAsync(TestMunicipality m, string code = "zuweisungen", bool isPublic = true, string? title = null) =>
        m.WithDbAsync(async db =>
        {
            var d = Dataset(code, title ?? "Zugewiesene Asylsuchende " + HostileText.Script, isPublic);
            d.Description = "Personen, die der Stadt zugewiesen wurden. " + HostileText.Markup;
            d.Keywords = "Asyl, Zuweisung, " + HostileText.RightToLeft;
            decimal?[] values = [4178, 7411, 1836, 1459, null, null, 1200.5m, 3500, 2125];
            for (var i = 0; i < values.Length; i++)
            {
                if (i == 4) continue;
                d.Observations.Add(new StatisticsObservation { Period = new DateOnly(2015 + i, 1, 1), Value = values[i], Note = values[i] is null ? "Nicht veröffentlicht " + HostileText.Script : "" });
            }
            db.StatisticsDatasets.Add(d);
            await db.SaveChangesAsync();
            return d;
        });

    /// <summary>Accommodated people by type on two reference days; one figure known to be missing.</summary>
    public static Task<StatisticsDataset> AccommodationAsync(TestMunicipality m, string code = "unterbringung") =>
        m.WithDbAsync(async db =>
        {
            var d = Dataset(code, "Untergebrachte nach Art", true);
            d.PeriodKind = StatisticsPeriodKind.Day;
            d.CategoryLabel = "Art der Unterbringung";
            d.Licence = "cc-by/4.0";
            var flats = new StatisticsCategory { Name = "Wohnungen", Position = 1 };
            var homes = new StatisticsCategory { Name = "Heime; \"Gemeinschaft\"", Position = 0 };
            d.Categories.AddRange([flats, homes]);
            db.StatisticsDatasets.Add(d);
            await db.SaveChangesAsync();
            var d1 = new DateOnly(2016, 12, 31);
            var d2 = new DateOnly(2017, 12, 31);
            db.StatisticsObservations.AddRange(
                new StatisticsObservation { DatasetId = d.Id, CategoryId = homes.Id, Period = d1, Value = 2500 },
                new StatisticsObservation { DatasetId = d.Id, CategoryId = flats.Id, Period = d1, Value = 3000.25m },
                new StatisticsObservation { DatasetId = d.Id, CategoryId = homes.Id, Period = d2, Value = null, Note = "nicht erhoben" },
                new StatisticsObservation { DatasetId = d.Id, CategoryId = flats.Id, Period = d2, Value = 3200 });
            await db.SaveChangesAsync();
            return d;
        });

    /// <summary>A dataset of <paramref name="categories"/> × <paramref name="days"/> figures.</summary>
    public static Task<StatisticsDataset> LargeAsync(TestMunicipality m, int categories, int days, string code = "gross") =>
        m.WithDbAsync(async db =>
        {
            var d = Dataset(code, "Belegung je Tag", true);
            d.PeriodKind = StatisticsPeriodKind.Day;
            d.CategoryLabel = "Unterkunft";
            var rows = Enumerable.Range(0, categories).Select(i => new StatisticsCategory { Name = $"Unterkunft {i + 1}", Position = i }).ToList();
            d.Categories.AddRange(rows);
            db.StatisticsDatasets.Add(d);
            await db.SaveChangesAsync();
            var start = new DateOnly(2020, 1, 1);
            foreach (var c in rows)
                for (var day = 0; day < days; day++)
                    db.StatisticsObservations.Add(new StatisticsObservation { DatasetId = d.Id, CategoryId = c.Id, Period = start.AddDays(day), Value = 100 + ((day * 7 + c.Position * 13) % 50) });
            await db.SaveChangesAsync();
            return d;
        });

    private static StatisticsDataset Dataset(string code, string title, bool isPublic) => new()
    {
        Code = code,
        Title = title,
        Unit = "Personen",
        SourceName = "Landesdirektion Sachsen",
        SourceUrl = "https://www.lds.sachsen.de/asyl/",
        Licence = "dl-by-de/2.0",
        Publisher = "Sozialamt",
        Frequency = StatisticsFrequency.Annual,
        IsPublic = isPublic,
        CreatedAt = new DateTimeOffset(2024, 1, 2, 8, 0, 0, TimeSpan.Zero),
        ModifiedAt = new DateTimeOffset(2024, 3, 4, 9, 30, 0, TimeSpan.Zero),
    };
}
