namespace Planwerk.Features.Implementation;

/// <summary>An indicator's values over time beside the straight path from baseline to target, drawn as SVG on the
/// server (see docs/decisions/0010-charts.md). The path is a dashed line, the values a solid line with a square at each
/// value, and the baseline and target are labelled with their numbers, so the chart reads without colour; the page
/// gives the same numbers in a table.</summary>
public sealed class IndicatorChart
{
    public const int Width = 520;
    public const int Height = 220;
    public const int Left = 70;
    public const int Right = 20;
    public const int Top = 16;
    public const int Bottom = 34;

    public IndicatorChart(string id, string title, string summary, DateOnly baselineOn, decimal baseline, DateOnly targetOn, decimal target,
        IReadOnlyList<IndicatorPoint> values, Func<decimal, string> format)
    {
        (Id, Title, Summary) = (id, title, summary);
        var days = values.Select(v => v.On).Append(baselineOn).Append(targetOn).ToList();
        var numbers = values.Select(v => v.Value).Append(baseline).Append(target).ToList();
        (First, Last) = (days.Min(), days.Max());
        (Low, High) = (numbers.Min(), numbers.Max());
        if (Low == High) (Low, High) = (Low - 1, High + 1);
        // A little room above and below, and zero in view when it is near.
        var room = (High - Low) / 10;
        (Low, High) = (Low - room, High + room);
        if (Low > 0 && Low < (High - Low)) Low = 0;
        Path = (X(baselineOn), Y(baseline), X(targetOn), Y(target));
        Points = values.Select(v => new ChartPoint(X(v.On), Y(v.Value), format(v.Value) + " (" + Infrastructure.Time.BerlinTime.Date(v.On) + ")")).ToList();
        BaselineLabel = format(baseline);
        TargetLabel = format(target);
        LowLabel = format(decimal.Round(Low, 2));
        HighLabel = format(decimal.Round(High, 2));
    }

    public string Id { get; }
    public string Title { get; }
    public string Summary { get; }
    public DateOnly First { get; }
    public DateOnly Last { get; }
    public decimal Low { get; }
    public decimal High { get; }
    public (double X1, double Y1, double X2, double Y2) Path { get; }
    public IReadOnlyList<ChartPoint> Points { get; }
    public string BaselineLabel { get; }
    public string TargetLabel { get; }
    public string LowLabel { get; }
    public string HighLabel { get; }

    public double PlotBottom => Height - Bottom;
    public double PlotRight => Width - Right;

    /// <summary>The values' line as SVG points ("x,y x,y …").</summary>
    public string Polyline => string.Join(" ", Points.Select(p => Plans.PlanFormat.Attribute(p.X) + "," + Plans.PlanFormat.Attribute(p.Y)));

    public double X(DateOnly day)
    {
        var span = Math.Max(1, Last.DayNumber - First.DayNumber);
        return Left + ((double)(day.DayNumber - First.DayNumber) / span * (Width - Left - Right));
    }

    public double Y(decimal value) => Top + ((double)((High - value) / (High - Low)) * (Height - Top - Bottom));
}

public sealed record ChartPoint(double X, double Y, string Label);
