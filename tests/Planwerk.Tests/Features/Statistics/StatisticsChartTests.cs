using System.Globalization;
using System.Xml.Linq;
using PdfSharp.Drawing;

using Planwerk.Features.Statistics;
using Planwerk.Features.Statistics.Charts;
using Planwerk.Tests.Infrastructure;


namespace Planwerk.Tests.Features.Statistics;

/// <summary>The chart's layout: round ticks in German number format, gaps never drawn as zero, stacked sums, the
/// categories' order, the shape chosen by the data, and the SVG and PDF drawn from it.</summary>
public sealed class StatisticsChartTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Allocated asylum seekers per year, 2015–2023 without a figure for 2019 (Dresden's published series).</summary>
    public static DatasetView Allocations(decimal?[]? values = null, StatisticsChartKind kind = StatisticsChartKind.Automatic)
    {
        var dataset = new StatisticsDataset { Id = 1, Code = "zuweisungen", Title = "Zugewiesene Asylsuchende", Unit = "Personen", ChartKind = kind };
        values ??= [4178, 7411, 1836, 1459, null, 900, 1200, 3500, 2125];
        var observations = values.Select((v, i) => (v, i)).Where(x => !(x.i == 4 && x.v is null))
            .Select(x => new StatisticsObservation { Period = new DateOnly(2015 + x.i, 1, 1), Value = x.v }).ToList();
        return DatasetView.From(dataset, [], observations);
    }

    public static DatasetView Accommodation(StatisticsChartKind kind = StatisticsChartKind.Automatic)
    {
        var dataset = new StatisticsDataset { Id = 2, Code = "unterbringung", Title = "Untergebrachte nach Art", Unit = "Personen", PeriodKind = StatisticsPeriodKind.Day, CategoryLabel = "Art", ChartKind = kind };
        var categories = new List<StatisticsCategory>
        {
            new() { Id = 12, Name = "Wohnungen", Position = 1 },
            new() { Id = 11, Name = "Heime", Position = 0 },
            new() { Id = 13, Name = "Notunterkünfte " + HostileText.Script, Position = 2 },
        };
        var d1 = new DateOnly(2016, 12, 31);
        var d2 = new DateOnly(2017, 12, 31);
        var observations = new List<StatisticsObservation>
        {
            new() { Period = d1, CategoryId = 11, Value = 2500 },
            new() { Period = d1, CategoryId = 12, Value = 3000.5m },
            new() { Period = d1, CategoryId = 13, Value = 700 },
            new() { Period = d2, CategoryId = 11, Value = 1500 },
            new() { Period = d2, CategoryId = 12, Value = 3200 },
            new() { Period = d2, CategoryId = 13, Value = null, Note = "nicht erhoben" },
        };
        return DatasetView.From(dataset, categories, observations);
    }

    [Fact]
    public void Ticks_are_round_numbers_from_zero_in_German_format()
    {
        var layout = StatisticsChart.Layout(Allocations(), culture: German);
        Assert.Equal(["0", "2.000", "4.000", "6.000", "8.000"], layout.ValueTicks.Select(t => t.Label));
        Assert.Equal(0m, layout.ValueTicks[0].Value);
        Assert.Equal(layout.Plot.Bottom, layout.ValueTicks[0].Position, 3);
        Assert.Equal(layout.Plot.Top, layout.ValueTicks[^1].Position, 3);
        var scale = StatisticsChart.NiceScale(0, 0.37m);
        Assert.Equal([0m, 0.1m, 0.2m, 0.3m, 0.4m], scale.Ticks);
        Assert.Equal([-50m, 0m, 50m, 100m, 150m], StatisticsChart.NiceScale(-30, 120).Ticks);
        Assert.Equal("12.345,5", DatasetView.Number(12345.5m, German));
        Assert.Equal("12,345.5", DatasetView.Number(12345.5m, CultureInfo.GetCultureInfo("en-GB")));
    }

    [Fact]
    public void A_year_without_a_figure_is_a_gap_marked_no_figure_and_never_a_bar_of_zero()
    {
        var view = Allocations();
        Assert.Equal(9, view.Periods.Count);
        Assert.Equal(CellState.Gap, view[4, 0].State);
        var layout = StatisticsChart.Layout(view, culture: German);
        Assert.Equal(StatisticsChartKind.Bar, layout.Kind);
        Assert.Equal(8, layout.Bars.Count);
        Assert.DoesNotContain(layout.Bars, b => b.Period == 4);
        var gap = Assert.Single(layout.Gaps);
        Assert.Equal((4, "keine Angabe"), (gap.Period, gap.Text));
        Assert.Contains(layout.Labels, l => l.Text == "7.411");
        Assert.Equal("2015: 4.178 Personen; 2023: 2.125 Personen. Der höchste Wert: 7.411 Personen (2016), der niedrigste: 900 Personen (2020). Für 2019 liegt keine Zahl vor.",
            layout.Description);
    }

    [Fact]
    public void A_line_breaks_at_a_missing_period_and_a_known_missing_figure_keeps_its_note()
    {
        var view = Allocations(kind: StatisticsChartKind.Line);
        var layout = StatisticsChart.Layout(view, culture: German);
        var line = Assert.Single(layout.Lines);
        Assert.Equal([4, 4], line.Segments.Select(s => s.Count));
        Assert.True(line.Segments[1][0].X > line.Segments[0][^1].X);
        Assert.Equal(8, layout.Markers.Count);

        var noted = Accommodation();
        Assert.Equal((CellState.KnownMissing, "nicht erhoben"), (noted[1, 2].State, noted[1, 2].Note));
        var stacked = StatisticsChart.Layout(noted, culture: German);
        var partial = Assert.Single(stacked.Gaps);
        Assert.Contains("Notunterkünfte", partial.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Stacked_bars_sum_their_parts_in_the_categories_order()
    {
        var view = Accommodation();
        Assert.Equal(["Heime", "Wohnungen", "Notunterkünfte " + HostileText.Script], view.Categories);
        var layout = StatisticsChart.Layout(view, culture: German);
        Assert.Equal(StatisticsChartKind.StackedBar, layout.Kind);
        var first = layout.Bars.Where(b => b.Period == 0).ToList();
        Assert.Equal([0, 1, 2], first.Select(b => b.Series));
        // Each part starts where the one below ends; the stack reaches the sum.
        Assert.Equal(first[0].Y, first[1].Y + first[1].Height, 3);
        Assert.Equal(first[1].Y, first[2].Y + first[2].Height, 3);
        var perUnit = (layout.Plot.Bottom - layout.ValueTicks[^1].Position) / (double)layout.ValueTicks[^1].Value;
        Assert.Equal(6200.5 * perUnit, layout.Plot.Bottom - first[2].Y, 3);
        Assert.Contains(layout.Labels, l => l.Text == "6.200,5" && l.Series is null);
        Assert.Equal(3, layout.Legend.Count);
        Assert.Equal("Heime, 31.12.2016: 2.500 Personen", first[0].Label);
    }

    [Fact]
    public void The_chart_fits_the_shape_and_the_dataset_kind_overrides_it()
    {
        Assert.Equal(StatisticsChartKind.Line, StatisticsChart.Resolve(Allocations(Enumerable.Range(0, 30).Select(i => (decimal?)i).ToArray())));
        Assert.Equal(StatisticsChartKind.GroupedBar, StatisticsChart.Resolve(Accommodation(StatisticsChartKind.GroupedBar)));
        Assert.Equal(StatisticsChartKind.Line, StatisticsChart.Layout(Accommodation(StatisticsChartKind.Line)).Kind);
        var grouped = StatisticsChart.Layout(Accommodation(StatisticsChartKind.Bar));
        Assert.Equal(StatisticsChartKind.GroupedBar, grouped.Kind);
        Assert.Equal(5, grouped.Bars.Count);
        Assert.Contains(grouped.Gaps, g => g.Period == 1 && g.Series == 2 && g.Note == "nicht erhoben");
        var lines = StatisticsChart.Layout(Accommodation(StatisticsChartKind.Line));
        Assert.Equal(3, lines.Labels.Count(l => l.Anchor == TextAnchor.Start));
    }

    [Fact]
    public void Every_series_colour_has_a_contrast_of_three_to_one_on_white_and_its_own_pattern_dash_and_marker()
    {
        static double Luminance(string hex)
        {
            double Channel(int i)
            {
                var c = int.Parse(hex.AsSpan(1 + (2 * i), 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
                return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
            }
            return (0.2126 * Channel(0)) + (0.7152 * Channel(1)) + (0.0722 * Channel(2));
        }
        Assert.All(StatisticsChart.Palette, c => Assert.True(1.05 / (Luminance(c) + 0.05) >= 3, c));
        var styles = Enumerable.Range(0, 8).Select(i => StatisticsChart.SeriesStyle(i, "")).ToList();
        Assert.Equal(8, styles.Select(s => s.Pattern).Distinct().Count());
        Assert.Equal(8, styles.Select(s => s.Dash).Distinct().Count());
        Assert.Equal(8, styles.Select(s => s.Marker).Distinct().Count());
    }

    [Fact]
    public void The_svg_is_well_formed_an_image_with_title_and_description_and_escapes_every_text()
    {
        foreach (var kind in Enum.GetValues<StatisticsChartKind>())
        {
            var layout = StatisticsChart.Layout(Accommodation(kind), culture: German);
            var svg = ChartSvg.Render(layout, "c1");
            var root = XElement.Parse(svg);
            XNamespace s = "http://www.w3.org/2000/svg";
            Assert.Equal("img", root.Attribute("role")!.Value);
            Assert.Equal("c1-title c1-desc", root.Attribute("aria-labelledby")!.Value);
            Assert.Equal("Untergebrachte nach Art", root.Element(s + "title")!.Value);
            Assert.Equal(layout.Description, root.Element(s + "desc")!.Value);
            Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
            Assert.Contains(root.Descendants(s + "text"), t => t.Value == "Notunterkünfte " + HostileText.Script);
        }
    }

    [Fact]
    public void The_pdf_drawing_puts_the_same_texts_into_the_page()
    {
        var layout = StatisticsChart.Layout(Allocations(), culture: German);
        using var document = new PdfSharp.Pdf.PdfDocument();
        var page = document.AddPage();
        using (var gfx = XGraphics.FromPdfPage(page)) ChartPdf.Draw(gfx, layout, new XRect(40, 40, 500, 300));
        using var stream = new MemoryStream();
        document.Save(stream);
        using var read = PdfDocument(stream.ToArray());
        var words = string.Join(" ", read.GetPage(1).GetWords().Select(w => w.Text));
        Assert.Contains("7.411", words, StringComparison.Ordinal);
        Assert.Contains("8.000", words, StringComparison.Ordinal);
        Assert.Contains("2023", words, StringComparison.Ordinal);
        Assert.Contains("keineAngabe", string.Concat(read.GetPage(1).Letters.Select(l => l.Value)).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        using var more = new PdfSharp.Pdf.PdfDocument();
        foreach (var kind in new[] { StatisticsChartKind.StackedBar, StatisticsChartKind.GroupedBar, StatisticsChartKind.Line })
        {
            var other = more.AddPage();
            using var gfx = XGraphics.FromPdfPage(other);
            ChartPdf.Draw(gfx, StatisticsChart.Layout(Accommodation(kind), culture: German), new XRect(40, 40, 500, 300));
        }
        using var saved = new MemoryStream();
        more.Save(saved);
        using var reread = PdfDocument(saved.ToArray());
        Assert.All(reread.GetPages(), p => Assert.Contains("Wohnungen", string.Join(" ", p.GetWords().Select(w => w.Text)), StringComparison.Ordinal));
    }

    private static UglyToad.PdfPig.PdfDocument PdfDocument(byte[] bytes) => UglyToad.PdfPig.PdfDocument.Open(bytes);
}
