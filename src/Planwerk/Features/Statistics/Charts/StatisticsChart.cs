using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Planwerk.Features.Statistics.Charts;

/// <summary>Lays out a dataset's chart (<see cref="Layout"/>). The chart fits the dataset's shape unless the dataset names
/// one: without categories bars for a few periods and a line for many; with categories stacked bars for a few periods and
/// one line per category for many. Missing figures are gaps (a line breaks, a bar is marked "keine Angabe"), never zero.
/// Series differ by pattern, dash and marker as well as colour, and are labelled directly where room allows.</summary>
public static class StatisticsChart
{
    public const double Width = 640;
    public const double PlotTop = 16;
    public const double PlotHeight = 220;
    public const double LeftMargin = 72;
    public const double FontSize = 11;
    /// <summary>Up to this many periods the chart draws bars; beyond, a line.</summary>
    public const int MaxBarPeriods = 16;
    /// <summary>Up to this many periods each point of a line has its marker.</summary>
    public const int MaxMarkedPoints = 40;

    /// <summary>Dark colours with a contrast of at least 3:1 on white (WCAG 1.4.11), told apart by patterns as well.</summary>
    public static readonly IReadOnlyList<string> Palette =
        ["#1d4f91", "#b34700", "#2e7d32", "#6a1b9a", "#c2185b", "#00695c", "#5d4037", "#455a64", "#7a5c00", "#283593"];

    private static readonly string[] Dashes = ["", "6 3", "2 3", "8 3 2 3", "12 4", "4 2 1 2", "1 2", "10 2 2 2 2 2", "3 3", "16 3"];

    public static StatisticsChartKind Resolve(DatasetView view)
    {
        if (view.ChartKind != StatisticsChartKind.Automatic)
            return !view.HasCategories && view.ChartKind is StatisticsChartKind.StackedBar or StatisticsChartKind.GroupedBar ? StatisticsChartKind.Bar
                : view.HasCategories && view.ChartKind == StatisticsChartKind.Bar ? StatisticsChartKind.GroupedBar
                : view.ChartKind;
        if (view.Periods.Count > MaxBarPeriods) return StatisticsChartKind.Line;
        return view.HasCategories ? StatisticsChartKind.StackedBar : StatisticsChartKind.Bar;
    }

    public static ChartSeries SeriesStyle(int index, string name) => new(index, name, Palette[index % Palette.Count],
        (FillPattern)(index % Enum.GetValues<FillPattern>().Length), Dashes[index % Dashes.Length], (MarkerShape)(index % Enum.GetValues<MarkerShape>().Length));

    /// <summary>The layout of <paramref name="view"/>'s chart; texts through <paramref name="l"/> (German without),
    /// numbers in <paramref name="culture"/> (the current culture without).</summary>
    public static ChartLayout Layout(DatasetView view, IStringLocalizer? l = null, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        string T(string german) => l?[german].Value ?? german;
        var kind = Resolve(view);
        var n = view.Periods.Count;
        var seriesCount = view.SeriesCount;
        var series = Enumerable.Range(0, seriesCount).Select(i => SeriesStyle(i, view.SeriesName(i))).ToList();
        var description = StatisticsSummary.Write(view, l, culture);
        var isLine = kind == StatisticsChartKind.Line;
        var labelLines = isLine && view.HasCategories;
        var right = labelLines ? Math.Min(180, 16 + (8 + series.Max(s => TextWidth(s.Name)))) : 16;
        var plot = new ChartBox(LeftMargin, PlotTop, Width - right, PlotTop + PlotHeight);

        // The value axis: round ticks over the drawn values (sums for stacked bars), with 0 in view.
        decimal low = 0, high = 0;
        for (var p = 0; p < n; p++)
        {
            decimal up = 0, down = 0;
            for (var s = 0; s < seriesCount; s++)
            {
                if (view[p, s].Value is not decimal v) continue;
                if (kind == StatisticsChartKind.StackedBar) { if (v >= 0) up += v; else down += v; }
                else { up = Math.Max(up, v); down = Math.Min(down, v); }
            }
            (high, low) = (Math.Max(high, up), Math.Min(low, down));
        }
        var scale = NiceScale(low, high);
        double Y(decimal v) => plot.Bottom - (double)((v - scale.Low) / (scale.High - scale.Low)) * plot.Height;
        var valueTicks = scale.Ticks.Select(t => new AxisTick(Y(t), DatasetView.Number(t, culture), t)).ToList();

        // The period axis: bands for bars, points for lines (days spaced by time).
        var band = n == 0 ? plot.Width : plot.Width / n;
        double X(int p)
        {
            if (!isLine) return plot.Left + (band * (p + 0.5));
            if (n == 1) return plot.Left + (plot.Width / 2);
            const double pad = 12;
            var fraction = view.PeriodKind == StatisticsPeriodKind.Day
                ? (double)(view.Periods[p].DayNumber - view.Periods[0].DayNumber) / (view.Periods[^1].DayNumber - view.Periods[0].DayNumber)
                : (double)p / (n - 1);
            return plot.Left + pad + (fraction * (plot.Width - (2 * pad)));
        }
        var labelWidth = view.PeriodKind == StatisticsPeriodKind.Year ? 40 : TextWidth(view.PeriodLabel(new DateOnly(2000, 12, 31))) + 12;
        var step = Math.Max(1, (int)Math.Ceiling(n / Math.Max(1, Math.Floor(plot.Width / labelWidth))));
        var periodTicks = Enumerable.Range(0, n).Where(p => p % step == 0).Select(p => new AxisTick(X(p), view.PeriodLabel(p), p)).ToList();

        var bars = new List<ChartBar>();
        var lines = new List<ChartLine>();
        var markers = new List<ChartMarker>();
        var labels = new List<ChartText>();
        var gaps = new List<ChartGap>();
        var zero = Y(0);
        var none = T("keine Angabe");
        string BarLabel(int p, int s, decimal v) =>
            (view.HasCategories ? view.Categories[s] + ", " : "") + view.PeriodLabel(p) + ": " + view.Figure(v, culture);
        string GapNote(int p, int s) => view[p, s].Note;

        switch (kind)
        {
            case StatisticsChartKind.Bar:
            case StatisticsChartKind.GroupedBar:
            {
                var groupWidth = Math.Min(band * 0.8, 48.0 * seriesCount);
                var barWidth = groupWidth / seriesCount;
                var valueLabels = seriesCount == 1 && n <= MaxBarPeriods;
                for (var p = 0; p < n; p++)
                    for (var s = 0; s < seriesCount; s++)
                    {
                        var x = X(p) - (groupWidth / 2) + (s * barWidth);
                        if (view[p, s].Value is decimal v)
                        {
                            var top = Math.Min(Y(v), zero);
                            bars.Add(new ChartBar(s, p, x, top, barWidth, Math.Abs(Y(v) - zero), BarLabel(p, s, v)));
                            if (valueLabels && TextWidth(DatasetView.Number(v, culture)) <= band)
                                labels.Add(new ChartText(x + (barWidth / 2), v >= 0 ? Y(v) - 4 : Y(v) + FontSize + 2, DatasetView.Number(v, culture), TextAnchor.Middle, s));
                        }
                        else
                            gaps.Add(new ChartGap(p, view.HasCategories ? s : null, x + (barWidth / 2), zero - 4,
                                barWidth >= 70 ? none : barWidth >= FontSize ? none : "", GapNote(p, s), barWidth < 70));
                    }
                break;
            }
            case StatisticsChartKind.StackedBar:
            {
                var barWidth = Math.Min(band * 0.7, 72);
                for (var p = 0; p < n; p++)
                {
                    var x = X(p) - (barWidth / 2);
                    decimal up = 0, down = 0;
                    var missing = new List<int>();
                    for (var s = 0; s < seriesCount; s++)
                    {
                        if (view[p, s].Value is not decimal v) { missing.Add(s); continue; }
                        var from = v >= 0 ? up : down;
                        var to = from + v;
                        if (v >= 0) up = to; else down = to;
                        var top = Math.Min(Y(from), Y(to));
                        var partHeight = Math.Abs(Y(to) - Y(from));
                        bars.Add(new ChartBar(s, p, x, top, barWidth, partHeight, BarLabel(p, s, v)));
                        var text = DatasetView.Number(v, culture);
                        if (partHeight >= FontSize + 3 && TextWidth(text) + 4 <= barWidth)
                            labels.Add(new ChartText(x + (barWidth / 2), top + (partHeight / 2) + (FontSize / 2) - 1, text, TextAnchor.Middle, s));
                    }
                    if (missing.Count == seriesCount)
                        gaps.Add(new ChartGap(p, null, X(p), zero - 4, barWidth >= FontSize ? none : "", "", barWidth < 70));
                    else if (missing.Count > 0)
                        gaps.Add(new ChartGap(p, null, X(p), Y(up) - 4, barWidth >= TextWidth("*") ? "*" : "",
                            string.Format(culture, T("Ohne Angabe für {0}"), string.Join(", ", missing.Select(s => view.Categories[s]))), false));
                    else if (seriesCount > 1 && band >= TextWidth(DatasetView.Number(up + down, culture)))
                        labels.Add(new ChartText(X(p), Y(up) - 4, DatasetView.Number(up + down, culture), TextAnchor.Middle, null));
                }
                break;
            }
            default:
            {
                var marked = n <= MaxMarkedPoints;
                var ends = new List<(int Series, double Y)>();
                for (var s = 0; s < seriesCount; s++)
                {
                    var segments = new List<IReadOnlyList<ChartPoint>>();
                    List<ChartPoint>? current = null;
                    double? lastY = null;
                    for (var p = 0; p < n; p++)
                    {
                        if (view[p, s].Value is decimal v)
                        {
                            var point = new ChartPoint(X(p), Y(v));
                            (current ??= []).Add(point);
                            lastY = point.Y;
                            if (marked) markers.Add(new ChartMarker(s, point.X, point.Y, BarLabel(p, s, v)));
                        }
                        else
                        {
                            if (current is not null) segments.Add(current);
                            current = null;
                            var textual = seriesCount == 1 && n <= MaxMarkedPoints;
                            gaps.Add(new ChartGap(p, view.HasCategories ? s : null, X(p), zero - 4, textual ? none : "", GapNote(p, s), true));
                        }
                    }
                    if (current is not null) segments.Add(current);
                    // A point standing alone between gaps is a line of one point: its marker shows it.
                    if (!marked)
                        foreach (var single in segments.Where(g => g.Count == 1))
                            markers.Add(new ChartMarker(s, single[0].X, single[0].Y, ""));
                    lines.Add(new ChartLine(s, segments));
                    if (lastY is double y) ends.Add((s, y));
                }
                if (labelLines)
                {
                    // Names at the lines' ends, pushed apart so they do not overlap.
                    var placed = new List<(int Series, double Y)>();
                    foreach (var (s, y) in ends.OrderBy(e => e.Y))
                    {
                        var at = Math.Max(y + 4, placed.Count == 0 ? plot.Top : placed[^1].Y + FontSize + 2);
                        placed.Add((s, at));
                    }
                    var overflow = placed.Count == 0 ? 0 : placed[^1].Y - (plot.Bottom + 4);
                    foreach (var (s, y) in placed)
                        labels.Add(new ChartText(plot.Right + 6, overflow > 0 ? y - overflow : y, series[s].Name, TextAnchor.Start, s));
                }
                break;
            }
        }

        // The legend below the period axis, in rows; a chart of one series needs none.
        var legend = new List<LegendEntry>();
        var legendTop = plot.Bottom + 40;
        var height = plot.Bottom + 30;
        if (seriesCount > 1)
        {
            double lx = LeftMargin, ly = legendTop;
            foreach (var s in series)
            {
                var w = 22 + TextWidth(s.Name) + 14;
                if (lx + w > Width && lx > LeftMargin) (lx, ly) = (LeftMargin, ly + 18);
                legend.Add(new LegendEntry(s.Index, lx, ly, s.Name));
                lx += w;
            }
            height = ly + 12;
        }

        var unitLabel = view.Unit;
        return new ChartLayout(view.Title, description, Width, height, plot, kind, unitLabel, valueTicks, periodTicks, series, bars, lines, markers, labels, gaps, legend);
    }

    /// <summary>An estimate of a text's width at the chart's font size (no font is at hand when laying out).</summary>
    public static double TextWidth(string text) => text.Length * FontSize * 0.58;

    public sealed record Scale(decimal Low, decimal High, IReadOnlyList<decimal> Ticks);

    /// <summary>Round ticks (1, 2, 2.5 or 5 times a power of ten) over at least <paramref name="low"/> to
    /// <paramref name="high"/>, with zero always in view, about five of them.</summary>
    public static Scale NiceScale(decimal low, decimal high)
    {
        low = Math.Min(low, 0);
        high = Math.Max(high, 0);
        if (low == high) high = low + 1;
        var rough = (double)(high - low) / 5;
        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var normal = (decimal)rough / magnitude;
        var step = (normal <= 1 ? 1 : normal <= 2 ? 2 : normal <= 2.5m ? 2.5m : normal <= 5 ? 5 : 10) * magnitude;
        var first = Math.Floor(low / step) * step;
        var last = Math.Ceiling(high / step) * step;
        var ticks = new List<decimal>();
        for (var t = first; t <= last; t += step) ticks.Add(t / 1.0000000000000000000000000000m);
        return new Scale(first, last, ticks);
    }
}
