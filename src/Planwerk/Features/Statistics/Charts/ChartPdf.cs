using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Planwerk.Features.Plans.Print;

namespace Planwerk.Features.Statistics.Charts;

/// <summary>Draws a <see cref="ChartLayout"/> as vector graphics with PDFsharp, scaled into a box of the page: the same
/// bars, lines, markers, patterns and texts as the SVG, the texts as real text the PDF's reader can select.</summary>
public static class ChartPdf
{
    public static void Draw(XGraphics gfx, ChartLayout layout, XRect box)
    {
        PrintFonts.EnsureRegistered();
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);
        var font = new XFont(PrintFonts.Family, StatisticsChart.FontSize, XFontStyleEx.Regular, options);
        var scale = Math.Min(box.Width / layout.Width, box.Height / layout.Height);
        var state = gfx.Save();
        gfx.TranslateTransform(box.X, box.Y);
        gfx.ScaleTransform(scale);
        var text = new XSolidBrush(Color(ChartSvg.TextColor));
        var plot = layout.Plot;

        void Text(string value, double x, double y, TextAnchor anchor = TextAnchor.Start)
        {
            var width = anchor == TextAnchor.Start ? 0 : gfx.MeasureString(value, font).Width;
            gfx.DrawString(value, font, text, anchor switch { TextAnchor.Middle => x - (width / 2), TextAnchor.End => x - width, _ => x }, y);
        }

        foreach (var tick in layout.ValueTicks)
        {
            gfx.DrawLine(new XPen(Color(tick.Value == 0 ? ChartSvg.AxisColor : ChartSvg.GridColor), 1), plot.Left, tick.Position, plot.Right, tick.Position);
            Text(tick.Label, plot.Left - 6, tick.Position + 4, TextAnchor.End);
        }
        if (layout.ValueAxisLabel.Length > 0) Text(layout.ValueAxisLabel, plot.Left - 6, plot.Top - 6, TextAnchor.End);
        var axis = new XPen(Color(ChartSvg.AxisColor), 1);
        foreach (var tick in layout.PeriodTicks)
        {
            gfx.DrawLine(axis, tick.Position, plot.Bottom, tick.Position, plot.Bottom + 4);
            Text(tick.Label, tick.Position, plot.Bottom + 17, TextAnchor.Middle);
        }
        foreach (var bar in layout.Bars)
            Fill(gfx, layout.Series[bar.Series], new XRect(bar.X, bar.Y, bar.Width, bar.Height));
        foreach (var line in layout.Lines)
        {
            var series = layout.Series[line.Series];
            var pen = LinePen(series, 2);
            foreach (var segment in line.Segments.Where(g => g.Count > 1))
                gfx.DrawLines(pen, segment.Select(p => new XPoint(p.X, p.Y)).ToArray());
        }
        foreach (var marker in layout.Markers) Marker(gfx, layout.Series[marker.Series], marker.X, marker.Y, 4);
        foreach (var label in layout.Labels) Text(label.Text, label.X, label.Y, label.Anchor);
        foreach (var gap in layout.Gaps.Where(g => g.Text.Length > 0))
        {
            if (gap.Vertical)
            {
                var turned = gfx.Save();
                gfx.RotateAtTransform(-90, new XPoint(gap.X, gap.Y));
                Text(gap.Text, gap.X, gap.Y + 4);
                gfx.Restore(turned);
            }
            else Text(gap.Text, gap.X, gap.Y, TextAnchor.Middle);
        }
        foreach (var entry in layout.Legend)
        {
            var series = layout.Series[entry.Series];
            if (layout.Kind == StatisticsChartKind.Line)
            {
                gfx.DrawLine(LinePen(series, 2), entry.X, entry.Y - 4, entry.X + 16, entry.Y - 4);
                Marker(gfx, series, entry.X + 8, entry.Y - 4, 3.5);
            }
            else Fill(gfx, series, new XRect(entry.X, entry.Y - 9, 16, 11));
            Text(entry.Text, entry.X + 22, entry.Y);
        }
        gfx.Restore(state);
    }

    private static XPen LinePen(ChartSeries series, double width)
    {
        var pen = new XPen(Color(series.Color), width);
        if (series.Dash.Length > 0)
        {
            pen.DashStyle = XDashStyle.Custom;
            // PDFsharp counts dashes in pen widths.
            pen.DashPattern = series.Dash.Split(' ').Select(d => double.Parse(d, CultureInfo.InvariantCulture) / width).ToArray();
        }
        return pen;
    }

    /// <summary>A bar (or a legend's swatch) in the series' pattern: the pattern's lines clipped to the bar, then its outline.</summary>
    private static void Fill(XGraphics gfx, ChartSeries series, XRect rect)
    {
        if (rect.Width <= 0 || rect.Height <= 0) return;
        var color = Color(series.Color);
        var outline = new XPen(color, 1);
        if (series.Pattern == FillPattern.Solid)
        {
            gfx.DrawRectangle(outline, new XSolidBrush(color), rect);
            return;
        }
        gfx.DrawRectangle(XBrushes.White, rect);
        var state = gfx.Save();
        gfx.IntersectClip(rect);
        var pen = new XPen(color, 1.2);
        const double step = 6;
        double x0 = Math.Floor(rect.Left / step) * step, y0 = Math.Floor(rect.Top / step) * step;
        var size = rect.Width + rect.Height;
        switch (series.Pattern)
        {
            case FillPattern.Diagonal or FillPattern.Crosshatch or FillPattern.ReverseDiagonal:
                for (var d = -size; d <= size; d += step)
                {
                    if (series.Pattern != FillPattern.ReverseDiagonal) gfx.DrawLine(pen, x0 + d, rect.Bottom + step, x0 + d + size + step, rect.Bottom - size);
                    if (series.Pattern != FillPattern.Diagonal) gfx.DrawLine(pen, x0 + d, rect.Top - step, x0 + d + size + step, rect.Top + size);
                }
                break;
            case FillPattern.Dots:
                var dot = new XSolidBrush(color);
                for (var y = y0 + 3; y < rect.Bottom; y += step)
                    for (var x = x0 + 3; x < rect.Right; x += step) gfx.DrawEllipse(dot, x - 1.4, y - 1.4, 2.8, 2.8);
                break;
            case FillPattern.Horizontal or FillPattern.Grid or FillPattern.Vertical:
                if (series.Pattern != FillPattern.Vertical)
                    for (var y = y0 + 3; y < rect.Bottom; y += step) gfx.DrawLine(pen, rect.Left, y, rect.Right, y);
                if (series.Pattern != FillPattern.Horizontal)
                    for (var x = x0 + 3; x < rect.Right; x += step) gfx.DrawLine(pen, x, rect.Top, x, rect.Bottom);
                break;
        }
        gfx.Restore(state);
        gfx.DrawRectangle(outline, rect);
    }

    private static void Marker(XGraphics gfx, ChartSeries series, double x, double y, double r)
    {
        var color = Color(series.Color);
        var pen = new XPen(color, 1.5);
        var brush = new XSolidBrush(color);
        switch (series.Marker)
        {
            case MarkerShape.Circle: gfx.DrawEllipse(pen, brush, x - r, y - r, 2 * r, 2 * r); break;
            case MarkerShape.Square: gfx.DrawRectangle(pen, brush, x - r, y - r, 2 * r, 2 * r); break;
            case MarkerShape.Bar: gfx.DrawRectangle(pen, brush, x - r, y - (r / 2), 2 * r, r); break;
            case MarkerShape.Cross:
                gfx.DrawLine(pen, x - r, y - r, x + r, y + r);
                gfx.DrawLine(pen, x - r, y + r, x + r, y - r);
                break;
            case MarkerShape.Plus:
                gfx.DrawLine(pen, x - r, y, x + r, y);
                gfx.DrawLine(pen, x, y - r, x, y + r);
                break;
            case MarkerShape.Triangle: gfx.DrawPolygon(pen, brush, [new(x, y - r), new(x + r, y + r), new(x - r, y + r)], XFillMode.Winding); break;
            case MarkerShape.TriangleDown: gfx.DrawPolygon(pen, brush, [new(x, y + r), new(x + r, y - r), new(x - r, y - r)], XFillMode.Winding); break;
            default: gfx.DrawPolygon(pen, brush, [new(x, y - r), new(x + r, y), new(x, y + r), new(x - r, y)], XFillMode.Winding); break;
        }
    }

    private static XColor Color(string hex) => XColor.FromArgb(
        int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
}
