namespace Planwerk.Features.Implementation;

/// <summary>A horizontal bar chart drawn as SVG on the server (see docs/decisions/0010-charts.md): each bar carries its
/// label and its value in words, so it reads without colour; <see cref="Summary"/> says the same in a sentence for
/// screen readers, and the page shows the numbers again in a table.</summary>
public sealed record BarChart(string Id, string Title, string Summary, IReadOnlyList<Bar> Bars, double Max)
{
    public const int RowHeight = 30;
    public const int LabelWidth = 190;
    public const int BarWidth = 240;

    public int Height => Math.Max(1, Bars.Count) * RowHeight;

    public double Width(Bar bar) => Max <= 0 ? 0 : BarWidth * Math.Clamp(bar.Value, 0, Max) / Max;
}

/// <summary>One bar: its label, its length in the chart's unit, the value as the page writes it, and the class that
/// colours it (for example <c>bar-Completed</c>).</summary>
public sealed record Bar(string Label, double Value, string ValueText, string CssClass = "bar-InProgress");
