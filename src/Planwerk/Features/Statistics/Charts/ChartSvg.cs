using System.Globalization;
using System.Net;
using System.Text;

namespace Planwerk.Features.Statistics.Charts;

/// <summary>Draws a <see cref="ChartLayout"/> as inline SVG: an image with a title and a description (the text summary),
/// every text as text, each bar and point with its figure as a tooltip, series told apart by pattern, dash and marker.
/// No script; the page gives the same numbers in a table.</summary>
public static class ChartSvg
{
    public const string TextColor = "#1a1a1a";
    public const string AxisColor = "#595959";
    public const string GridColor = "#d9d9d9";

    public static string Render(ChartLayout layout, string id = "chart")
    {
        var s = new StringBuilder(4096 + (layout.Bars.Count * 120) + (layout.Lines.Sum(l => l.Segments.Sum(g => g.Count)) * 14) + (layout.Markers.Count * 90));
        id = Attr(id);
        s.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"statistics-chart\" role=\"img\" focusable=\"false\" aria-labelledby=\"")
            .Append(id).Append("-title ").Append(id).Append("-desc\" viewBox=\"0 0 ").Append(N(layout.Width)).Append(' ').Append(N(layout.Height))
            .Append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" font-size=\"").Append(N(StatisticsChart.FontSize)).Append("\" fill=\"").Append(TextColor).Append("\">");
        s.Append("<title id=\"").Append(id).Append("-title\">").Append(Text(layout.Title)).Append("</title>");
        s.Append("<desc id=\"").Append(id).Append("-desc\">").Append(Text(layout.Description)).Append("</desc>");

        var patterned = layout.Kind != StatisticsChartKind.Line;
        if (patterned)
        {
            s.Append("<defs>");
            foreach (var series in layout.Series) Pattern(s, id, series);
            s.Append("</defs>");
        }

        var plot = layout.Plot;
        s.Append("<g class=\"value-axis\">");
        foreach (var tick in layout.ValueTicks)
        {
            s.Append("<line x1=\"").Append(N(plot.Left)).Append("\" x2=\"").Append(N(plot.Right)).Append("\" y1=\"").Append(N(tick.Position)).Append("\" y2=\"").Append(N(tick.Position))
                .Append("\" stroke=\"").Append(tick.Value == 0 ? AxisColor : GridColor).Append("\" stroke-width=\"1\"/>");
            s.Append("<text x=\"").Append(N(plot.Left - 6)).Append("\" y=\"").Append(N(tick.Position + 4)).Append("\" text-anchor=\"end\">").Append(Text(tick.Label)).Append("</text>");
        }
        if (layout.ValueAxisLabel.Length > 0)
            s.Append("<text x=\"").Append(N(plot.Left - 6)).Append("\" y=\"").Append(N(plot.Top - 6)).Append("\" text-anchor=\"end\" class=\"unit\">").Append(Text(layout.ValueAxisLabel)).Append("</text>");
        s.Append("</g><g class=\"period-axis\">");
        foreach (var tick in layout.PeriodTicks)
        {
            s.Append("<line x1=\"").Append(N(tick.Position)).Append("\" x2=\"").Append(N(tick.Position)).Append("\" y1=\"").Append(N(plot.Bottom)).Append("\" y2=\"").Append(N(plot.Bottom + 4))
                .Append("\" stroke=\"").Append(AxisColor).Append("\"/>");
            s.Append("<text x=\"").Append(N(tick.Position)).Append("\" y=\"").Append(N(plot.Bottom + 17)).Append("\" text-anchor=\"middle\">").Append(Text(tick.Label)).Append("</text>");
        }
        s.Append("</g>");

        if (layout.Bars.Count > 0)
        {
            s.Append("<g class=\"bars\">");
            foreach (var bar in layout.Bars)
            {
                var series = layout.Series[bar.Series];
                s.Append("<rect x=\"").Append(N(bar.X)).Append("\" y=\"").Append(N(bar.Y)).Append("\" width=\"").Append(N(bar.Width)).Append("\" height=\"").Append(N(bar.Height))
                    .Append("\" fill=\"url(#").Append(id).Append("-p").Append(series.Index.ToString(CultureInfo.InvariantCulture)).Append(")\" stroke=\"").Append(series.Color)
                    .Append("\" stroke-width=\"1\"><title>").Append(Text(bar.Label)).Append("</title></rect>");
            }
            s.Append("</g>");
        }
        foreach (var line in layout.Lines)
        {
            var series = layout.Series[line.Series];
            foreach (var segment in line.Segments.Where(g => g.Count > 1))
            {
                s.Append("<polyline class=\"line\" fill=\"none\" stroke=\"").Append(series.Color).Append("\" stroke-width=\"2\"");
                if (series.Dash.Length > 0) s.Append(" stroke-dasharray=\"").Append(series.Dash).Append('"');
                s.Append(" points=\"");
                foreach (var p in segment) s.Append(N(p.X)).Append(',').Append(N(p.Y)).Append(' ');
                s.Length--;
                s.Append("\"/>");
            }
        }
        foreach (var marker in layout.Markers)
        {
            var series = layout.Series[marker.Series];
            s.Append("<path class=\"marker\" d=\"").Append(MarkerPath(series.Marker, marker.X, marker.Y, 4)).Append("\" fill=\"")
                .Append(series.Marker is MarkerShape.Cross or MarkerShape.Plus ? "none" : series.Color).Append("\" stroke=\"").Append(series.Color).Append("\" stroke-width=\"1.5\">");
            if (marker.Label.Length > 0) s.Append("<title>").Append(Text(marker.Label)).Append("</title>");
            s.Append("</path>");
        }
        foreach (var label in layout.Labels)
        {
            var inside = layout.Kind == StatisticsChartKind.StackedBar && label.Series is not null;
            s.Append("<text class=\"direct-label\" x=\"").Append(N(label.X)).Append("\" y=\"").Append(N(label.Y)).Append("\" text-anchor=\"").Append(Anchor(label.Anchor)).Append('"');
            // Inside a stacked bar the figure stands on a white box, so it reads on any pattern.
            if (inside) s.Append(" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"");
            s.Append('>').Append(Text(label.Text)).Append("</text>");
        }
        foreach (var gap in layout.Gaps.Where(g => g.Text.Length > 0))
        {
            s.Append("<text class=\"gap\" x=\"").Append(N(gap.X)).Append("\" y=\"").Append(N(gap.Y)).Append('"');
            if (gap.Vertical) s.Append(" transform=\"rotate(-90 ").Append(N(gap.X)).Append(' ').Append(N(gap.Y)).Append(")\" dy=\"4\" text-anchor=\"start\"");
            else s.Append(" text-anchor=\"middle\"");
            s.Append(" font-style=\"italic\">").Append(Text(gap.Text));
            if (gap.Note.Length > 0) s.Append("<title>").Append(Text(gap.Note)).Append("</title>");
            s.Append("</text>");
        }
        if (layout.Legend.Count > 0)
        {
            s.Append("<g class=\"legend\">");
            foreach (var entry in layout.Legend)
            {
                var series = layout.Series[entry.Series];
                if (patterned)
                    s.Append("<rect x=\"").Append(N(entry.X)).Append("\" y=\"").Append(N(entry.Y - 9)).Append("\" width=\"16\" height=\"11\" fill=\"url(#").Append(id).Append("-p")
                        .Append(series.Index.ToString(CultureInfo.InvariantCulture)).Append(")\" stroke=\"").Append(series.Color).Append("\"/>");
                else
                {
                    s.Append("<line x1=\"").Append(N(entry.X)).Append("\" x2=\"").Append(N(entry.X + 16)).Append("\" y1=\"").Append(N(entry.Y - 4)).Append("\" y2=\"").Append(N(entry.Y - 4))
                        .Append("\" stroke=\"").Append(series.Color).Append("\" stroke-width=\"2\"");
                    if (series.Dash.Length > 0) s.Append(" stroke-dasharray=\"").Append(series.Dash).Append('"');
                    s.Append("/><path d=\"").Append(MarkerPath(series.Marker, entry.X + 8, entry.Y - 4, 3.5)).Append("\" fill=\"")
                        .Append(series.Marker is MarkerShape.Cross or MarkerShape.Plus ? "none" : series.Color).Append("\" stroke=\"").Append(series.Color).Append("\"/>");
                }
                s.Append("<text x=\"").Append(N(entry.X + 22)).Append("\" y=\"").Append(N(entry.Y)).Append("\">").Append(Text(entry.Text)).Append("</text>");
            }
            s.Append("</g>");
        }
        s.Append("</svg>");
        return s.ToString();
    }

    private static void Pattern(StringBuilder s, string id, ChartSeries series)
    {
        var c = series.Color;
        s.Append("<pattern id=\"").Append(id).Append("-p").Append(series.Index.ToString(CultureInfo.InvariantCulture))
            .Append("\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\"><rect width=\"6\" height=\"6\" fill=\"").Append(series.Pattern == FillPattern.Solid ? c : "#ffffff").Append("\"/>");
        var stroke = "\" stroke=\"" + c + "\" stroke-width=\"1.5\"/>";
        switch (series.Pattern)
        {
            case FillPattern.Diagonal: s.Append("<path d=\"M-1,7 L7,-1 M-1,1 L1,-1 M5,7 L7,5").Append(stroke); break;
            case FillPattern.ReverseDiagonal: s.Append("<path d=\"M-1,-1 L7,7 M5,-1 L7,1 M-1,5 L1,7").Append(stroke); break;
            case FillPattern.Dots: s.Append("<circle cx=\"3\" cy=\"3\" r=\"1.6\" fill=\"").Append(c).Append("\"/>"); break;
            case FillPattern.Crosshatch: s.Append("<path d=\"M-1,7 L7,-1 M-1,-1 L7,7").Append(stroke); break;
            case FillPattern.Horizontal: s.Append("<path d=\"M0,3 L6,3").Append(stroke); break;
            case FillPattern.Vertical: s.Append("<path d=\"M3,0 L3,6").Append(stroke); break;
            case FillPattern.Grid: s.Append("<path d=\"M0,3 L6,3 M3,0 L3,6").Append(stroke); break;
        }
        s.Append("</pattern>");
    }

    /// <summary>The marker's outline as SVG path data, centred on (x, y) with radius r.</summary>
    public static string MarkerPath(MarkerShape shape, double x, double y, double r) => shape switch
    {
        MarkerShape.Circle => $"M{N(x - r)},{N(y)} a{N(r)},{N(r)} 0 1,0 {N(2 * r)},0 a{N(r)},{N(r)} 0 1,0 {N(-2 * r)},0 Z",
        MarkerShape.Square => $"M{N(x - r)},{N(y - r)} h{N(2 * r)} v{N(2 * r)} h{N(-2 * r)} Z",
        MarkerShape.Triangle => $"M{N(x)},{N(y - r)} L{N(x + r)},{N(y + r)} L{N(x - r)},{N(y + r)} Z",
        MarkerShape.TriangleDown => $"M{N(x)},{N(y + r)} L{N(x + r)},{N(y - r)} L{N(x - r)},{N(y - r)} Z",
        MarkerShape.Diamond => $"M{N(x)},{N(y - r)} L{N(x + r)},{N(y)} L{N(x)},{N(y + r)} L{N(x - r)},{N(y)} Z",
        MarkerShape.Cross => $"M{N(x - r)},{N(y - r)} L{N(x + r)},{N(y + r)} M{N(x - r)},{N(y + r)} L{N(x + r)},{N(y - r)}",
        MarkerShape.Plus => $"M{N(x - r)},{N(y)} L{N(x + r)},{N(y)} M{N(x)},{N(y - r)} L{N(x)},{N(y + r)}",
        _ => $"M{N(x - r)},{N(y - (r / 2))} h{N(2 * r)} v{N(r)} h{N(-2 * r)} Z",
    };

    private static string Anchor(TextAnchor anchor) => anchor switch { TextAnchor.Start => "start", TextAnchor.End => "end", _ => "middle" };

    public static string N(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);

    private static string Text(string text) => WebUtility.HtmlEncode(text);

    private static string Attr(string text) => WebUtility.HtmlEncode(text);
}
