using System.Text.RegularExpressions;
using Planwerk.Features.Demo;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Transfer;

namespace Planwerk.Tests.Features.Demo;

/// <summary>The quality of the invented example content in the demo's plan document, checked without a database.</summary>
public sealed partial class DemoMeasuresTests
{
    /// <summary>The document as the import reads it.</summary>
    private static readonly PlanDocument Document = PlanImport.Read(DemoContent.PlanDocumentBytes()).Document
        ?? throw new InvalidOperationException("The demo plan document does not read.");

    /// <summary>Every measure with the number of its field.</summary>
    private static readonly List<Example> All = Document.AllMeasures().Select(x => new Example(x.Field.Number, x.Measure)).ToList();

    /// <summary>The date the invented implementation state refers to (the last quarterly report of the plan's period).</summary>
    private static readonly DateOnly AsOf = new(2022, 9, 30);

    private sealed record Example(int Field, MeasureDocument Measure)
    {
        public string Title => Measure.Title;
        public string Goal => Measure.Goal;
        public string Description => Measure.Description;
        public string TargetGroups => Measure.TargetGroups;
        public string Office => Measure.Lead;
        public string Partners => Measure.Partners;
        public string Funding => Measure.Funding;
        public DateOnly Start => Measure.StartDate!.Value;
        public DateOnly End => Measure.EndDate!.Value;
        public decimal? Cost => Measure.EstimatedCost;
        public MeasurePriority Priority => Measure.Priority;
        public MeasureStatus Status => Measure.Status;
        public int Progress => Measure.Progress;
        public IReadOnlyList<int> Principles => Measure.Principles;
        public IReadOnlyList<string> Districts => Measure.Districts;
    }

    [Fact]
    public void Every_measure_of_the_document_is_example_content_with_both_dates_given()
    {
        Assert.All(All, m => Assert.True(m.Measure.IsExample && m.Measure.StartDate is not null && m.Measure.EndDate is not null, m.Title));
        Assert.Equal(3, Document.Principles.Count);
    }

    [Fact]
    public void There_are_66_measures_in_12_fields_each_field_with_four_to_eight()
    {
        Assert.Equal(66, All.Count);
        Assert.Equal(12, Document.Fields.Count);
        Assert.All(Document.Fields, f => Assert.False(string.IsNullOrWhiteSpace(f.Title) || string.IsNullOrWhiteSpace(f.Description)));
        Assert.Equal(12, Document.Fields.Select(f => f.Title).Distinct().Count());
        var perField = All.GroupBy(m => m.Field).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Enumerable.Range(1, 12), perField.Keys.Order());
        Assert.All(perField, p => Assert.InRange(p.Value, 4, 8));
    }

    [Fact]
    public void Every_measure_has_title_goal_description_target_groups_and_office()
    {
        Assert.All(All, m =>
        {
            Assert.False(string.IsNullOrWhiteSpace(m.Title), "title");
            Assert.False(string.IsNullOrWhiteSpace(m.Goal), m.Title + ": goal");
            Assert.False(string.IsNullOrWhiteSpace(m.Description), m.Title + ": description");
            Assert.False(string.IsNullOrWhiteSpace(m.TargetGroups), m.Title + ": target groups");
            Assert.False(string.IsNullOrWhiteSpace(m.Office), m.Title + ": responsible office");
            Assert.True(m.Title.Length <= 500 && m.Office.Length <= 500 && m.Partners.Length <= 4000 && m.Funding.Length <= 2000 && m.TargetGroups.Length <= 2000,
                m.Title + ": a text is longer than its column");
        });
        Assert.Equal(All.Count, All.Select(m => m.Title).Distinct().Count());
    }

    [Fact]
    public void Descriptions_are_a_few_sentences_and_some_hold_a_list()
    {
        Assert.All(All, m => Assert.InRange(m.Description.Count(c => c == '.'), 1, 12));
        Assert.True(All.Count(m => m.Description.Contains("\n- ", StringComparison.Ordinal) || m.Description.Contains("\n1. ", StringComparison.Ordinal)) >= 8);
    }

    [Fact]
    public void Dates_lie_within_2019_to_2022_and_start_before_they_end()
    {
        Assert.All(All, m =>
        {
            Assert.InRange(m.Start, new DateOnly(2019, 1, 1), new DateOnly(2022, 12, 31));
            Assert.InRange(m.End, new DateOnly(2019, 1, 1), new DateOnly(2022, 12, 31));
            Assert.True(m.Start < m.End, m.Title + ": starts after it ends");
        });
    }

    [Fact]
    public void Progress_agrees_with_status_and_dates_as_of_the_reporting_date()
    {
        var asOf = AsOf;
        Assert.All(All, m =>
        {
            Assert.InRange(m.Progress, 0, 100);
            switch (m.Status)
            {
                case MeasureStatus.Completed:
                    Assert.Equal(100, m.Progress);
                    Assert.True(m.End <= asOf, m.Title + ": completed but ends after the reporting date");
                    break;
                case MeasureStatus.NotStarted:
                    Assert.Equal(0, m.Progress);
                    Assert.True(m.Start > asOf, m.Title + ": not started although its start has passed");
                    break;
                case MeasureStatus.InProgress:
                    Assert.InRange(m.Progress, 1, 99);
                    Assert.True(m.Start <= asOf && m.End > asOf, m.Title + ": in progress outside its time frame");
                    break;
                default:
                    Assert.InRange(m.Progress, 0, 99);
                    Assert.True(m.Start <= asOf, m.Title + ": delayed or discontinued before it started");
                    break;
            }
        });
    }

    [Fact]
    public void Statuses_are_a_realistic_mix()
    {
        var byStatus = All.GroupBy(m => m.Status).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Enum.GetValues<MeasureStatus>().Order(), byStatus.Keys.Order());
        Assert.InRange(byStatus[MeasureStatus.Completed], 10, 30);
        Assert.InRange(byStatus[MeasureStatus.InProgress], 15, 35);
        Assert.InRange(byStatus[MeasureStatus.Delayed], 4, 15);
        Assert.InRange(byStatus[MeasureStatus.Discontinued], 2, 6);
        Assert.InRange(byStatus[MeasureStatus.NotStarted], 2, 8);
        Assert.Equal(Enum.GetValues<MeasurePriority>().Order(), All.Select(m => m.Priority).Distinct().Order());
    }

    [Fact]
    public void Most_measures_have_cost_and_funding_and_none_has_a_negative_cost()
    {
        Assert.True(All.Count(m => m.Cost is not null) >= 50);
        Assert.True(All.Count(m => !string.IsNullOrWhiteSpace(m.Funding)) >= 60);
        Assert.All(All, m => Assert.True(m.Cost is null or > 0, m.Title));
    }

    [Fact]
    public void Every_measure_serves_one_to_three_distinct_principles()
    {
        Assert.All(All, m =>
        {
            Assert.InRange(m.Principles.Count, 1, 3);
            Assert.All(m.Principles, p => Assert.InRange(p, 1, Document.Principles.Count));
            Assert.Equal(m.Principles.Count, m.Principles.Distinct().Count());
        });
        Assert.All(Enumerable.Range(1, 3), p => Assert.Contains(All, m => m.Principles.Contains(p)));
    }

    [Fact]
    public void District_names_are_Dresdens_districts_and_localities()
    {
        var known = DemoContent.Districts.Concat(DemoContent.Localities).ToHashSet(StringComparer.Ordinal);
        Assert.All(All, m =>
        {
            Assert.All(m.Districts, d => Assert.Contains(d, known));
            Assert.Equal(m.Districts.Count, m.Districts.Distinct().Count());
        });
        Assert.Contains(All, m => m.Districts.Count is > 0 and < 19);
    }

    [Fact]
    public void The_four_regions_split_the_city_without_overlap()
    {
        var socialWork = Assert.Single(All, m => m.Title.Contains("Migrationssozialarbeit mit Fachleistungsstunden", StringComparison.Ordinal));
        var regions = RegionLine().Matches(socialWork.Description).Select(m => (Name: m.Groups["name"].Value, Districts: m.Groups["districts"].Value.Split(", "))).ToList();
        var inRegions = regions.SelectMany(r => r.Districts).ToList();
        Assert.Equal(inRegions.Count, inRegions.Distinct().Count());
        Assert.Equal(DemoContent.Districts.Concat(DemoContent.Localities).Order(StringComparer.Ordinal), inRegions.Order(StringComparer.Ordinal));
        Assert.Equal(["Nord", "West", "Mitte", "Süd"], regions.Select(r => r.Name));
    }

    [Fact]
    public void The_three_measures_from_public_sources_are_in_their_fields()
    {
        var socialWork = Assert.Single(All, m => m.Title.Contains("Migrationssozialarbeit mit Fachleistungsstunden", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2019, 7, 1), socialWork.Start);
        Assert.Equal(8, socialWork.Field);
        Assert.Contains("individuellen Integrationsplan", socialWork.Description, StringComparison.Ordinal);

        var mentors = Assert.Single(All, m => m.Title.Contains("Mentorinnen und Mentoren", StringComparison.Ordinal));
        Assert.Contains("Selbsthilfe", mentors.Goal, StringComparison.Ordinal);

        var counselling = Assert.Single(All, m => m.Title.StartsWith("Modellprojekte zur interkulturellen Öffnung", StringComparison.Ordinal));
        foreach (var kind in new[] { "Schuldnerberatung", "Familienberatung", "Suchtberatung" })
            Assert.Contains(kind, counselling.Description, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^- \*\*(?<name>\w+)\*\*: (?<districts>.+)$", RegexOptions.Multiline)]
    private static partial Regex RegionLine();
}
