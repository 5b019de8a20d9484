namespace Planwerk.Features.Statistics.Charts;

/// <summary>The geometry of a dataset's chart, independent of the output: the SVG of the public page
/// (<see cref="ChartSvg"/>) and the vector drawing in the plan's PDF (<see cref="ChartPdf"/>) draw the same layout.
/// Coordinates are in a box of <see cref="Width"/> × <see cref="Height"/> units, y downwards.</summary>
public sealed record ChartLayout(
    string Title,
    string Description,
    double Width,
    double Height,
    ChartBox Plot,
    StatisticsChartKind Kind,
    string ValueAxisLabel,
    IReadOnlyList<AxisTick> ValueTicks,
    IReadOnlyList<AxisTick> PeriodTicks,
    IReadOnlyList<ChartSeries> Series,
    IReadOnlyList<ChartBar> Bars,
    IReadOnlyList<ChartLine> Lines,
    IReadOnlyList<ChartMarker> Markers,
    IReadOnlyList<ChartText> Labels,
    IReadOnlyList<ChartGap> Gaps,
    IReadOnlyList<LegendEntry> Legend)
{
    /// <summary>The y of the value 0 (or of the axis' lowest value when 0 is not in view).</summary>
    public double Baseline => ValueTicks.Count == 0 ? Plot.Bottom : ValueTicks.FirstOrDefault(t => t.Value == 0)?.Position ?? Plot.Bottom;
}

public sealed record ChartBox(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;
    public double Height => Bottom - Top;
}

/// <summary>A labelled tick: on the value axis <see cref="Position"/> is a y, on the period axis an x.</summary>
public sealed record AxisTick(double Position, string Label, decimal Value);

/// <summary>How a series is told apart without colour: bars by a fill pattern, lines by a dash and a marker shape.</summary>
public enum FillPattern { Solid, Diagonal, Dots, Crosshatch, Horizontal, Vertical, ReverseDiagonal, Grid }

public enum MarkerShape { Circle, Square, Triangle, Diamond, Cross, Plus, TriangleDown, Bar }

/// <summary>One series (the dataset itself, or one category) with its colour (contrast of at least 3:1 on white),
/// pattern, dash (SVG dash array, empty for solid) and marker.</summary>
public sealed record ChartSeries(int Index, string Name, string Color, FillPattern Pattern, string Dash, MarkerShape Marker);

/// <summary>A bar or a part of a stacked bar, with the text a reader gets for it ("2016: 7.411 Personen").</summary>
public sealed record ChartBar(int Series, int Period, double X, double Y, double Width, double Height, string Label);

public sealed record ChartPoint(double X, double Y);

/// <summary>A series' line, broken into segments where a period has no figure.</summary>
public sealed record ChartLine(int Series, IReadOnlyList<IReadOnlyList<ChartPoint>> Segments);

public sealed record ChartMarker(int Series, double X, double Y, string Label);

public enum TextAnchor { Start, Middle, End }

/// <summary>A direct label: a bar's value, a line's name at its end.</summary>
public sealed record ChartText(double X, double Y, string Text, TextAnchor Anchor, int? Series);

/// <summary>A period (of one series, or of all) without a figure: marked "keine Angabe" and never drawn as zero.
/// <see cref="Note"/> says why, where the figure is known to be missing. <see cref="Vertical"/> texts read upwards.</summary>
public sealed record ChartGap(int Period, int? Series, double X, double Y, string Text, string Note, bool Vertical);

public sealed record LegendEntry(int Series, double X, double Y, string Text);
