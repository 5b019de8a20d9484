using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Demo;
using Planwerk.Features.Plans.Lineage;
using Planwerk.Features.Plans.Sections;
using Planwerk.Features.Plans.Versions;
using Planwerk.Features.Statistics;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Demo;

/// <summary>The demo's figures and the line of its plans: Dresden's real allocations and accommodation figures as the
/// reference sources give them (written out here once more, not read from the seeding code), the earlier plan with its
/// assessed measures, the measures the 2022 plan carries over, its retrospective with the datasets' charts, and the
/// plan's indicator that reads the allocations.</summary>
public abstract class DemoStatisticsTests(DemoApp app)
{
    private static readonly DateOnly EndOf2016 = new(2016, 12, 30);
    private static readonly DateOnly MidOf2017 = new(2017, 6, 30);
    private static readonly DateOnly EndOfSeptember2017 = new(2017, 9, 30);
    private static readonly DateOnly EndOfMarch2019 = new(2019, 3, 31);
    private static readonly DateOnly MidOf2019 = new(2019, 6, 30);

    private sealed record Figure(DateOnly Period, string? Category, decimal? Value, string Note);

    private async Task<(StatisticsDataset Dataset, List<Figure> Figures)> DatasetAsync(string code) => await InDemoAsync(async db =>
    {
        var dataset = await db.StatisticsDatasets.AsNoTracking().Include(d => d.Categories).SingleAsync(d => d.Code == code);
        var figures = await db.StatisticsObservations.AsNoTracking().Where(o => o.DatasetId == dataset.Id)
            .Select(o => new Figure(o.Period, o.Category == null ? null : o.Category.Name, o.Value, o.Note)).ToListAsync();
        return (dataset, figures.OrderBy(f => f.Period).ThenBy(f => f.Category, StringComparer.Ordinal).ToList());
    });

    [Fact]
    public async Task The_allocations_per_year_are_the_published_figures_and_2019_is_a_known_missing_value_not_a_zero()
    {
        var (dataset, figures) = await DatasetAsync(DemoStatistics.AllocationsCode);

        Assert.Equal(("Asylsuchende, die Dresden zugewiesen wurden, je Jahr", StatisticsPeriodKind.Year, StatisticsFrequency.Annual, "Personen", true),
            (dataset.Title, dataset.PeriodKind, dataset.Frequency, dataset.Unit, dataset.IsPublic));
        Assert.Equal((new DateOnly(2015, 1, 1), new DateOnly(2023, 12, 31)), (dataset.CoversFrom, dataset.CoversTo));
        Assert.Contains("Landesdirektion Sachsen", dataset.SourceName, StringComparison.Ordinal);
        Assert.Contains("pm_026", dataset.SourceName, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(dataset.Licence));
        Assert.Empty(dataset.Categories);

        Assert.Equal(
            [(2015, 4178m), (2016, 1839m), (2017, 788m), (2018, 821m), (2019, (decimal?)null), (2020, 592m), (2021, 929m), (2022, 1556m), (2023, 2125m)],
            figures.Select(f => (f.Period.Year, f.Value)));
        Assert.All(figures, f => Assert.Equal((1, 1, (string?)null), (f.Period.Month, f.Period.Day, f.Category)));
        var missing = figures.Single(f => f.Period.Year == 2019);
        Assert.Contains("Nicht veröffentlicht", missing.Note, StringComparison.Ordinal);
        Assert.Contains("208", missing.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_accommodation_by_type_holds_every_published_snapshot_and_marks_the_one_derived_figure()
    {
        var (dataset, figures) = await DatasetAsync(DemoStatistics.ByTypeCode);

        Assert.Equal((StatisticsPeriodKind.Day, "Art der Unterbringung", true, StatisticsChartKind.StackedBar), (dataset.PeriodKind, dataset.CategoryLabel, dataset.IsPublic, dataset.ChartKind));
        Assert.Contains("6/18268", dataset.SourceName, StringComparison.Ordinal);
        const string flats = "Gewährleistungswohnungen", homes = "Übergangswohnheime und Gemeinschaftsunterkünfte", total = "Wohnungen und Heime (ohne Aufteilung veröffentlicht)";
        var expected = new (DateOnly, string, decimal)[]
        {
            (EndOf2016, total, 4375), (MidOf2017, total, 3427),
            (EndOfSeptember2017, flats, 2244), (EndOfSeptember2017, homes, 1316),
            (EndOfMarch2019, flats, 1854), (EndOfMarch2019, homes, 864),
            (MidOf2019, flats, 2333), (MidOf2019, homes, 913),
        };
        Assert.Equal(expected.OrderBy(e => e.Item1).ThenBy(e => e.Item2, StringComparer.Ordinal), figures.Select(f => (f.Period, f.Category!, f.Value!.Value)));
        // Each stack adds up to the published total of its day.
        Assert.Equal(3560m, figures.Where(f => f.Period == EndOfSeptember2017).Sum(f => f.Value));
        Assert.Equal(2718m, figures.Where(f => f.Period == EndOfMarch2019).Sum(f => f.Value));
        // Only the figure computed from others says it is derived; the places of mid-2019 are in the notes.
        Assert.Equal([(EndOfMarch2019, homes)], figures.Where(f => f.Note.Contains("Abgeleitet", StringComparison.Ordinal)).Select(f => (f.Period, f.Category!)));
        Assert.Contains("2.985 Plätze", figures.Single(f => f.Period == MidOf2019 && f.Category == flats).Note, StringComparison.Ordinal);
        Assert.Contains("1.119 Plätze", figures.Single(f => f.Period == MidOf2019 && f.Category == homes).Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_accommodation_by_local_office_holds_the_five_named_offices_on_both_days()
    {
        var (dataset, figures) = await DatasetAsync(DemoStatistics.ByOfficeCode);

        Assert.Equal(("Ortsamt", StatisticsChartKind.GroupedBar), (dataset.CategoryLabel, dataset.ChartKind));
        Assert.Equal(["Cotta", "Prohlis", "Plauen", "Neustadt", "Altstadt"], dataset.Categories.OrderBy(c => c.Position).Select(c => c.Name));
        var byDay = figures.ToLookup(f => f.Period, f => (f.Category!, f.Value!.Value));
        Assert.Equal(new Dictionary<string, decimal> { ["Cotta"] = 1118, ["Prohlis"] = 1014, ["Plauen"] = 662, ["Neustadt"] = 477, ["Altstadt"] = 442 },
            byDay[EndOf2016].ToDictionary(x => x.Item1, x => x.Item2));
        Assert.Equal(new Dictionary<string, decimal> { ["Cotta"] = 752, ["Prohlis"] = 713, ["Plauen"] = 268, ["Altstadt"] = 262, ["Neustadt"] = 251 },
            byDay[EndOfMarch2019].ToDictionary(x => x.Item1, x => x.Item2));
        Assert.Equal(10, figures.Count);
        Assert.Contains("Gorbitz", figures.Single(f => f.Period == EndOfMarch2019 && f.Category == "Cotta").Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_earlier_plan_is_marked_example_content_and_every_measure_has_a_closing_assessment()
    {
        var (plan, measures) = await InDemoAsync(async db =>
        {
            var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Title == "Fachplan Asyl 2014–2016");
            var measures = await db.Measures.AsNoTracking().Where(m => m.PlanId == plan.Id).ToListAsync();
            return (plan, measures);
        });

        Assert.True(plan.IsExample);
        Assert.Contains("Beispielinhalt", plan.Summary, StringComparison.Ordinal);
        Assert.Contains("V0085/14", plan.Summary, StringComparison.Ordinal);
        Assert.InRange(measures.Count, 10, 15);
        Assert.All(measures, m =>
        {
            Assert.True(m.IsExample, m.Number);
            Assert.NotNull(m.Outcome);
            Assert.StartsWith("Beispielinhalt: ", m.OutcomeText, StringComparison.Ordinal);
        });
        Assert.Equal(Enum.GetValues<MeasureOutcome>().Order(), measures.Select(m => m.Outcome!.Value).Distinct().Order());
    }

    [Fact]
    public async Task The_continued_measures_are_carried_into_the_2022_plan_which_names_where_each_came_from()
    {
        var (carried, continued, predecessorId) = await InDemoAsync(async db =>
        {
            var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Title == DemoContentTests.PlanTitle);
            var carried = await db.Measures.AsNoTracking().Where(m => m.PlanId == plan.Id && m.CarriedFromMeasureId != null)
                .Select(m => new { m.Number, From = m.CarriedFrom!.Number, FromPlan = m.CarriedFrom.PlanId, FromOutcome = m.CarriedFrom.Outcome })
                .ToListAsync();
            var continued = await db.Measures.AsNoTracking().Where(m => m.PlanId == plan.PredecessorId && m.Outcome == MeasureOutcome.Continued).CountAsync();
            return (carried, continued, plan.PredecessorId!.Value);
        });

        Assert.InRange(carried.Count, 3, 10);
        Assert.Equal(continued, carried.Count);
        Assert.Equal(carried.Count, carried.Select(c => c.From).Distinct().Count());
        Assert.All(carried, c => Assert.Equal((predecessorId, MeasureOutcome.Continued), (c.FromPlan, c.FromOutcome!.Value)));
        // Refugee social work becomes Migrationssozialarbeit (8.1), as the city's plan says.
        Assert.Contains(carried, c => c.Number == "8.1");
    }

    [Fact]
    public async Task The_2022_plan_has_a_retrospective_with_the_three_datasets_in_order_and_its_adopted_version_holds_it()
    {
        var (section, datasets, adopted) = await InDemoAsync(async db =>
        {
            var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Title == DemoContentTests.PlanTitle);
            var section = await db.PlanSections.AsNoTracking().SingleAsync(s => s.PlanId == plan.Id && s.Kind == PlanSectionKind.Retrospective);
            var datasets = await db.PlanSectionDatasets.AsNoTracking().Where(d => d.SectionId == section.Id).OrderBy(d => d.Position)
                .Select(d => d.Dataset!.Code).ToListAsync();
            var adopted = await db.PlanVersions.AsNoTracking().Where(v => v.Id == plan.AdoptedVersionId).Select(v => v.Document).SingleAsync();
            return (section, datasets, adopted);
        });

        Assert.Equal(DemoLineage.RetrospectiveTitle, section.Title);
        Assert.Contains("4.178", section.Body, StringComparison.Ordinal);
        Assert.Contains("Beispielinhalt", section.Body, StringComparison.Ordinal);
        Assert.Equal([DemoStatistics.AllocationsCode, DemoStatistics.ByTypeCode, DemoStatistics.ByOfficeCode], datasets);
        Assert.Contains(VersionDocument.Read(adopted).Plan.Sections, s => s.Title == DemoLineage.RetrospectiveTitle);
    }

    [Fact]
    public async Task The_indicator_fed_by_the_allocations_reads_the_years_figures_at_year_end_without_the_missing_year()
    {
        var planId = await InDemoAsync(db => db.Plans.Where(p => p.Title == DemoContentTests.PlanTitle).Select(p => p.Id).SingleAsync());
        var indicators = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/municipalities/{DemoContent.Slug}/plans/{planId}/indicators");

        var indicator = indicators.EnumerateArray().Single(i => i.GetProperty("name").GetString() == DemoImplementation.DatasetIndicator);
        var values = indicator.GetProperty("values").EnumerateArray()
            .Select(v => (DateOnly.Parse(v.GetProperty("on").GetString()!, System.Globalization.CultureInfo.InvariantCulture), v.GetProperty("value").GetDecimal())).ToList();
        Assert.Equal(
            [(2015, 4178m), (2016, 1839m), (2017, 788m), (2018, 821m), (2020, 592m), (2021, 929m), (2022, 1556m), (2023, 2125m)],
            values.Select(v => (v.Item1.Year, v.Item2)));
        Assert.All(values, v => Assert.Equal((12, 31), (v.Item1.Month, v.Item1.Day)));
        Assert.Equal("Behind", indicator.GetProperty("track").GetProperty("state").GetString());
    }

    private async Task<T> InDemoAsync<T>(Func<PlanwerkDbContext, Task<T>> query)
    {
        int id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>().Municipalities
                .Where(m => m.Slug == DemoContent.Slug && m.IsDemo).Select(m => m.Id).SingleAsync();
        }
        return await app.InMunicipalityAsync(id, (db, _) => query(db));
    }
}

public sealed class DemoStatisticsSqliteTests(DemoSqliteApp app) : DemoStatisticsTests(app), IClassFixture<DemoSqliteApp>;

public sealed class DemoStatisticsPostgresTests(DemoPostgresApp app) : DemoStatisticsTests(app), IClassFixture<DemoPostgresApp>;
