using System.Text;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Events;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Planwerk.Features.Plans.Print;

/// <summary>A piece of one line of text, drawn at X points from the content's left edge.</summary>
public sealed record PdfSpan(double X, string Text, XFont Font, XColor Color);

/// <summary>An image drawn on a line, X points from the content's left edge, at the line's top, with the
/// alternative text a screen reader reads instead.</summary>
public sealed record PdfImage(XImage Image, double X, double Width, double Height, string AltText);

/// <summary>A vector drawing (a dataset's chart) that fills the line, X points from the content's left edge, drawn by
/// <see cref="Draw"/> into its box; a figure with the alternative text a screen reader reads instead.</summary>
public sealed record PdfDrawing(Action<XGraphics, XRect> Draw, double X, double Width, double Height, string AltText);

/// <summary>A filled rectangle drawn on a line (a chart's bar), X points from the content's left edge and Y from the
/// line's top. It is drawn as an artifact: the line's text says the same in words.</summary>
public sealed record PdfBox(double X, double Y, double Width, double Height, XColor Color);

/// <summary>What a line is in the document's structure (the tags of a tagged PDF that screen readers follow).</summary>
public enum PdfRole
{
    Paragraph,
    Heading1,
    Heading2,
    Heading3,
    Figure,
}

/// <summary>One line of the document: its text, how much room it takes and how it relates to the page
/// flow. The layout turns every paragraph, heading, fact and table-of-contents entry into these.</summary>
public sealed class PdfLine
{
    public required double Height { get; init; }
    public double Baseline { get; init; }
    public IReadOnlyList<PdfSpan> Spans { get; init; } = [];
    /// <summary>An image that fills the line (the line is as high as the image).</summary>
    public PdfImage? Image { get; init; }
    /// <summary>A vector drawing that fills the line (the line is as high as the drawing).</summary>
    public PdfDrawing? Drawing { get; init; }
    /// <summary>Rectangles drawn behind the line's text (a chart's bars).</summary>
    public IReadOnlyList<PdfBox> Boxes { get; init; } = [];
    /// <summary>Room above the line, dropped at the top of a page.</summary>
    public double SpaceBefore { get; set; }
    /// <summary>Starts a new page unless the page is still empty.</summary>
    public bool BreakBefore { get; set; }
    /// <summary>Never the last line on a page (headings stay with what follows them).</summary>
    public bool KeepWithNext { get; set; }
    /// <summary>A place the table of contents and the bookmarks point to.</summary>
    public string? Anchor { get; set; }
    /// <summary>Makes the whole line a link to the page of this anchor.</summary>
    public string? LinkTo { get; set; }
    /// <summary>Prints the page number of this anchor at the right edge (table of contents).</summary>
    public string? PageNumberOf { get; set; }
    /// <summary>Adds a bookmark at this line: level 1 or 2.</summary>
    public int OutlineLevel { get; set; }
    public string? OutlineTitle { get; set; }
    /// <summary>A thin rule under the line.</summary>
    public bool RuleBelow { get; set; }
    /// <summary>The structure element the line starts; lines that continue one (a wrapped paragraph or heading)
    /// say <see cref="Continues"/> instead.</summary>
    public PdfRole Role { get; set; }
    /// <summary>Belongs to the element of the line before it.</summary>
    public bool Continues { get; set; }
}

/// <summary>A small page layout for PDFsharp, which by itself draws single strings only: word
/// wrapping with measured glyph widths (over-long words are broken by character), page breaks that
/// keep headings with their text, anchors with page numbers for a table of contents, and a running
/// header and "page n of m" footer. Text is drawn in logical order; right-to-left scripts are not
/// reordered or shaped.</summary>
public sealed class PdfLayout : IDisposable
{
    public const double PageWidth = 595.28; // A4 in points
    public const double PageHeight = 841.89;
    public const double Left = 64;
    public const double Right = 56;
    public const double Top = 64;
    public const double Bottom = 70;
    public static double ContentWidth => PageWidth - Left - Right;
    private const double ContentBottom = PageHeight - Bottom;
    private const double TocNumberWidth = 40;

    private readonly XGraphics measure;
    private readonly Dictionary<(XFont, int), double> widths = [];
    private readonly List<IDisposable> images = [];

    public PdfLayout()
    {
        PrintFonts.EnsureRegistered();
        measure = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards, new RenderEvents());
        var unicode = new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);
        Body = new XFont(PrintFonts.Family, 10, XFontStyleEx.Regular, unicode);
        BodyBold = new XFont(PrintFonts.Family, 10, XFontStyleEx.Bold, unicode);
        Small = new XFont(PrintFonts.Family, 8.5, XFontStyleEx.Regular, unicode);
        SmallBold = new XFont(PrintFonts.Family, 8.5, XFontStyleEx.Bold, unicode);
        Heading1 = new XFont(PrintFonts.Family, 18, XFontStyleEx.Bold, unicode);
        Heading2 = new XFont(PrintFonts.Family, 14, XFontStyleEx.Bold, unicode);
        Heading3 = new XFont(PrintFonts.Family, 11.5, XFontStyleEx.Bold, unicode);
        Title = new XFont(PrintFonts.Family, 26, XFontStyleEx.Bold, unicode);
        Subtitle = new XFont(PrintFonts.Family, 14, XFontStyleEx.Regular, unicode);
    }

    public XFont Body { get; }
    public XFont BodyBold { get; }
    public XFont Small { get; }
    public XFont SmallBold { get; }
    public XFont Heading1 { get; }
    public XFont Heading2 { get; }
    public XFont Heading3 { get; }
    public XFont Title { get; }
    public XFont Subtitle { get; }

    public static readonly XColor Ink = XColor.FromArgb(26, 26, 26);
    public static readonly XColor Muted = XColor.FromArgb(74, 74, 74);
    public static readonly XColor Accent = XColor.FromArgb(8, 58, 102);

    public void Dispose()
    {
        measure.Dispose();
        foreach (var image in images) image.Dispose();
    }

    /// <summary>The height of the area text and images are placed in on a page.</summary>
    public static double ContentHeight => ContentBottom - Top;

    /// <summary>An image PDFsharp can draw, from PNG or JPEG bytes (recognised by content), or null for
    /// any other format (GIF, WebP) or bytes it cannot read. The layout disposes it.</summary>
    public XImage? LoadImage(byte[] data)
    {
        var type = Sections.ImageFiles.DetectContentType(data);
        if (type is not ("image/png" or "image/jpeg")) return null;
        var stream = new MemoryStream(data, writable: false);
        images.Add(stream);
        try
        {
            var image = XImage.FromStream(stream);
            images.Add(image);
            return image;
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or NotImplementedException or ArgumentException or IOException or IndexOutOfRangeException)
        {
            // A PNG variant PDFsharp does not import (e.g. 16 bits per channel): print the text instead.
            return null;
        }
    }

    // ---------------------------------------------------------------- measuring and wrapping

    public double Width(string text, XFont font)
    {
        double width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!widths.TryGetValue((font, rune.Value), out var w))
            {
                w = measure.MeasureString(rune.ToString(), font).Width;
                widths[(font, rune.Value)] = w;
            }
            width += w;
        }
        return width;
    }

    private static double LineHeight(double size) => Math.Round(size * 1.42, 2);

    private static double BaselineOf(double size) => Math.Round(size * 1.07, 2);

    /// <summary>Text safe to draw: control characters become spaces, runs of white space one space.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c) || char.IsControl(c);
            if (isSpace)
            {
                if (!space && sb.Length > 0) sb.Append(' ');
                space = true;
            }
            else
            {
                sb.Append(c);
                space = false;
            }
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>Wraps runs of text into lines no wider than <paramref name="width"/>; each line is a list
    /// of spans with X relative to the wrapped block's left edge.</summary>
    public List<List<PdfSpan>> Wrap(IReadOnlyList<TextRun> runs, double width, XFont regular, XFont bold, XColor color)
    {
        var words = new List<(string Text, bool Bold, bool SpaceBefore)>();
        var pendingSpace = false;
        foreach (var run in runs)
        {
            var text = run.Text;
            var i = 0;
            while (i < text.Length)
            {
                if (char.IsWhiteSpace(text[i]) || char.IsControl(text[i]))
                {
                    pendingSpace = true;
                    i++;
                    continue;
                }
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && !char.IsControl(text[i])) i++;
                var word = text[start..i];
                // A word continuing in another weight ("**fett**er") joins without a space.
                words.Add((word, run.Bold, pendingSpace && words.Count > 0));
                pendingSpace = false;
            }
        }

        var lines = new List<List<(string Text, bool Bold, double X, double Width)>>();
        var line = new List<(string Text, bool Bold, double X, double Width)>();
        double x = 0;
        foreach (var (text, isBold, spaceBefore) in words)
        {
            var font = isBold ? bold : regular;
            var w = Width(text, font);
            var gap = line.Count > 0 && spaceBefore ? Width(" ", font) : 0;
            if (w > width)
            {
                // A word longer than a whole line starts where it stands and is broken wherever the line is full.
                var first = true;
                foreach (var piece in Break(text, font, width - x - gap, width))
                {
                    if (!first || (piece.Width > 0 && x + gap + piece.Width > width))
                    {
                        if (line.Count > 0) lines.Add(line);
                        line = [];
                        x = 0;
                        gap = 0;
                    }
                    if (piece.Text.Length > 0) line.Add(((gap > 0 ? " " : "") + piece.Text, isBold, x, gap + piece.Width));
                    x += gap + piece.Width;
                    first = false;
                }
                continue;
            }
            if (line.Count > 0 && x + gap + w > width)
            {
                lines.Add(line);
                line = [];
                x = 0;
                gap = 0;
            }
            line.Add((gap > 0 ? " " + text : text, isBold, x, gap + w));
            x += gap + w;
        }
        if (line.Count > 0) lines.Add(line);

        // Neighbouring words of one weight become one span, so a line is drawn (and read back) as a whole.
        return lines.Select(l =>
        {
            var spans = new List<PdfSpan>();
            var sb = new StringBuilder();
            double spanX = 0;
            bool? weight = null;
            foreach (var (text, isBold, wx, _) in l)
            {
                if (weight is not null && weight != isBold)
                {
                    spans.Add(new PdfSpan(spanX, sb.ToString(), weight.Value ? bold : regular, color));
                    sb.Clear();
                }
                if (sb.Length == 0) spanX = wx;
                weight = isBold;
                sb.Append(text);
            }
            if (sb.Length > 0) spans.Add(new PdfSpan(spanX, sb.ToString(), weight!.Value ? bold : regular, color));
            return spans;
        }).ToList();
    }

    /// <summary>Pieces of a word: the first fits into <paramref name="firstWidth"/> (it may be empty), the others into <paramref name="width"/>.</summary>
    private IEnumerable<(string Text, double Width)> Break(string word, XFont font, double firstWidth, double width)
    {
        var sb = new StringBuilder();
        double w = 0;
        var limit = firstWidth;
        foreach (var rune in word.EnumerateRunes())
        {
            var rw = Width(rune.ToString(), font);
            if (w + rw > limit && (sb.Length > 0 || limit < width))
            {
                yield return (sb.ToString(), w);
                sb.Clear();
                w = 0;
                limit = width;
            }
            sb.Append(rune.ToString());
            w += rw;
        }
        if (sb.Length > 0) yield return (sb.ToString(), w);
    }

    // ---------------------------------------------------------------- building lines

    private static PdfLine Line(IEnumerable<PdfSpan> spans, double size) =>
        new() { Height = LineHeight(size), Baseline = BaselineOf(size), Spans = spans.ToList() };

    private static IEnumerable<PdfSpan> Shift(IEnumerable<PdfSpan> spans, double dx) => spans.Select(s => s with { X = s.X + dx });

    /// <summary>A heading; it stays on one page with the line that follows it.</summary>
    public List<PdfLine> Heading(string text, XFont font, double spaceBefore, string? anchor = null, int outlineLevel = 0, bool breakBefore = false, XColor? color = null)
    {
        var clean = Clean(text);
        var lines = Wrap([new TextRun(clean)], ContentWidth, font, font, color ?? Accent).Select(s => Line(s, font.Size)).ToList();
        if (lines.Count == 0) lines.Add(Line([], font.Size));
        // The bookmark level is the heading level; headings without a bookmark take theirs from the type size.
        var role = outlineLevel switch
        {
            1 => PdfRole.Heading1,
            2 => PdfRole.Heading2,
            _ => font == Title || font == Heading1 ? PdfRole.Heading1 : font == Heading2 ? PdfRole.Heading2 : PdfRole.Heading3,
        };
        foreach (var l in lines)
        {
            l.KeepWithNext = true;
            l.Role = role;
            l.Continues = l != lines[0];
        }
        lines[0].SpaceBefore = spaceBefore;
        lines[0].BreakBefore = breakBefore;
        lines[0].Anchor = anchor;
        lines[0].OutlineLevel = outlineLevel;
        lines[0].OutlineTitle = outlineLevel > 0 ? clean : null;
        return lines;
    }

    /// <summary>Plain paragraphs (from Markdown) at an indent, each list item with its marker hanging in front.</summary>
    /// <summary>A plan image paragraph is drawn as an image when <paramref name="image"/> gives one for
    /// it, and printed as its text ("[alt text]") otherwise.</summary>
    public List<PdfLine> Paragraphs(
        IReadOnlyList<TextParagraph> paragraphs, double indent, double width, XFont regular, XFont bold, double spaceBefore = 4,
        Func<ImageReference, XImage?>? image = null)
    {
        var lines = new List<PdfLine>();
        foreach (var p in paragraphs)
        {
            const double step = 16;
            var textX = indent + p.Level * step;
            if (p.Image is { } reference && image?.Invoke(reference) is { } drawable)
            {
                var block = ImageBlock(drawable, reference.AltText, textX, Math.Max(width - p.Level * step, 60));
                if (lines.Count == 0) block[0].SpaceBefore = Math.Max(spaceBefore, block[0].SpaceBefore);
                lines.AddRange(block);
                continue;
            }
            var wrapped = Wrap(p.Runs, Math.Max(width - p.Level * step, 60), regular, bold, Ink);
            for (var i = 0; i < wrapped.Count; i++)
            {
                var spans = Shift(wrapped[i], textX).ToList();
                if (i == 0 && p.Marker is not null)
                    spans.Insert(0, new PdfSpan(textX - step + 2, p.Marker, regular, Ink));
                var line = Line(spans, regular.Size);
                if (i == 0) line.SpaceBefore = lines.Count == 0 ? spaceBefore : (p.Marker is not null ? 1.5 : 4);
                line.Continues = i > 0;
                lines.Add(line);
            }
        }
        return lines;
    }

    /// <summary>An image as wide as <paramref name="width"/>, made smaller where needed to fit on one
    /// page with its caption; the caption (the alternative text) below it, in small type, stays with it.</summary>
    public List<PdfLine> ImageBlock(XImage image, string caption, double indent, double width)
    {
        var captionLines = Wrap([new TextRun(Clean(caption))], width, Small, Small, Muted)
            .Select(s => Line(Shift(s, indent), Small.Size)).ToList();
        var captionHeight = captionLines.Sum(l => l.Height) + (captionLines.Count > 0 ? 3 : 0);
        var pixelWidth = Math.Max(image.PixelWidth, 1);
        var pixelHeight = Math.Max(image.PixelHeight, 1);
        var w = width;
        var h = w * pixelHeight / pixelWidth;
        var maxHeight = ContentHeight - captionHeight - 2;
        if (h > maxHeight)
        {
            h = maxHeight;
            w = h * pixelWidth / pixelHeight;
        }
        var lines = new List<PdfLine>
        {
            new() { Height = h, Image = new PdfImage(image, indent, w, h, caption), SpaceBefore = 8, KeepWithNext = captionLines.Count > 0, Role = PdfRole.Figure },
        };
        for (var i = 0; i < captionLines.Count; i++)
        {
            captionLines[i].SpaceBefore = i == 0 ? 3 : 0;
            captionLines[i].KeepWithNext = i < captionLines.Count - 1;
            captionLines[i].Continues = i > 0;
        }
        lines.AddRange(captionLines);
        return lines;
    }

    public List<PdfLine> Text(string text, XFont font, double spaceBefore = 4, XColor? color = null)
    {
        var lines = Wrap([new TextRun(Clean(text))], ContentWidth, font, font, color ?? Ink).Select(s => Line(s, font.Size)).ToList();
        if (lines.Count > 0) lines[0].SpaceBefore = spaceBefore;
        for (var i = 1; i < lines.Count; i++) lines[i].Continues = true;
        return lines;
    }

    /// <summary>A fact of a measure: the label in a narrow left column, the value beside it; the two
    /// columns are read line by line, so a long value may continue on the next page.</summary>
    public List<PdfLine> Fact(string label, IReadOnlyList<TextParagraph> value, double labelWidth = 132)
    {
        const double gap = 10;
        var labelLines = Wrap([new TextRun(Clean(label))], labelWidth, SmallBold, SmallBold, Muted);
        var valueLines = Paragraphs(value, labelWidth + gap, ContentWidth - labelWidth - gap, Body, BodyBold, 0);
        var lines = new List<PdfLine>();
        var count = Math.Max(labelLines.Count, valueLines.Count);
        for (var i = 0; i < count; i++)
        {
            var spans = new List<PdfSpan>();
            if (i < labelLines.Count) spans.AddRange(labelLines[i]);
            if (i < valueLines.Count) spans.AddRange(valueLines[i].Spans);
            var line = Line(spans, Body.Size);
            line.SpaceBefore = i == 0 ? 3 : (i < valueLines.Count ? valueLines[i].SpaceBefore : 0);
            line.KeepWithNext = i < labelLines.Count - 1;
            line.Continues = i > 0;
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>An entry of the table of contents: wrapped text, the target's page number at the right, the whole entry a link.</summary>
    public List<PdfLine> TocEntry(string text, string anchor, int level, XFont font)
    {
        var indent = level * 22.0;
        var wrapped = Wrap([new TextRun(Clean(text))], ContentWidth - indent - TocNumberWidth, font, font, Ink);
        if (wrapped.Count == 0) wrapped.Add([]);
        var lines = wrapped.Select(s => Line(Shift(s, indent), font.Size)).ToList();
        foreach (var l in lines)
        {
            l.LinkTo = anchor;
            l.KeepWithNext = true;
            l.Continues = l != lines[0];
        }
        lines[^1].KeepWithNext = false;
        lines[^1].PageNumberOf = anchor;
        lines[0].SpaceBefore = level == 0 ? 6 : 1;
        return lines;
    }

    /// <summary>A row of a horizontal bar chart drawn as vector graphics: the label in its column (cut with "…" when
    /// longer), a bar as long as <paramref name="share"/> (0 to 1) of the bar column, and the value in words after it,
    /// so the row reads without the bar and without colour.</summary>
    public PdfLine BarRow(string label, double share, string valueText, XColor color, double labelWidth = 170, double barWidth = 230)
    {
        const double gap = 8;
        var length = barWidth * Math.Clamp(double.IsFinite(share) ? share : 0, 0, 1);
        var height = LineHeight(Body.Size) + 4;
        return new PdfLine
        {
            Height = height,
            Baseline = BaselineOf(Body.Size) + 2,
            Spans = [new PdfSpan(0, Ellipsis(Clean(label), Body, labelWidth - gap), Body, Ink), new PdfSpan(labelWidth + length + 6, Clean(valueText), BodyBold, Ink)],
            Boxes = length > 0 ? [new PdfBox(labelWidth, 3, length, height - 6, color)] : [],
            SpaceBefore = 1,
        };
    }

    public static PdfLine Space(double height) => new() { Height = height };

    // ---------------------------------------------------------------- pages

    private sealed record Placed(PdfLine Line, double Y);

    /// <summary>Puts the lines on pages, then draws them: page header and footer, the table of contents'
    /// page numbers and links (known only once everything is placed), and bookmarks.</summary>
    /// <summary>A vector drawing of <paramref name="aspect"/> (height per width) as wide as the content, with its caption in
    /// small type below it, kept together on one page.</summary>
    public List<PdfLine> DrawingBlock(Action<XGraphics, XRect> draw, double aspect, string altText, string caption)
    {
        var w = ContentWidth;
        var h = Math.Min(w * aspect, ContentHeight / 2);
        var lines = new List<PdfLine> { new() { Height = h, Drawing = new PdfDrawing(draw, 0, w, h, altText), SpaceBefore = 8, KeepWithNext = true, Role = PdfRole.Figure } };
        var captionLines = Wrap([new TextRun(Clean(caption))], w, Small, Small, Muted).Select(s => Line(s, Small.Size)).ToList();
        for (var i = 0; i < captionLines.Count; i++)
        {
            captionLines[i].SpaceBefore = i == 0 ? 3 : 0;
            captionLines[i].KeepWithNext = i < captionLines.Count - 1;
            captionLines[i].Continues = i > 0;
        }
        if (captionLines.Count == 0) lines[0].KeepWithNext = false;
        lines.AddRange(captionLines);
        return lines;
    }

    public byte[] Render(IReadOnlyList<PdfLine> lines, PdfRenderOptions options)
    {
        var pages = Paginate(lines);
        var anchors = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var p = 0; p < pages.Count; p++)
            foreach (var placed in pages[p])
                if (placed.Line.Anchor is { } anchor) anchors.TryAdd(anchor, p + 1);

        using var document = new PdfDocument();
        document.Info.Title = options.Title;
        document.Info.Author = options.Author;
        document.Info.Subject = options.Subject;
        document.Info.Creator = "Planwerk";
        document.Language = options.Language;
        document.PageMode = PdfPageMode.UseOutlines;
        // A tagged PDF: headings, paragraphs and figures (with their alternative text) in reading order; the
        // running header, footer and rules are artifacts that screen readers skip (docs/print-and-pdf.md).
        var tags = UAManager.ForDocument(document);
        tags.SetDocumentLanguage(options.Language);
        var structure = tags.StructureBuilder;
        var open = false;

        var pdfPages = new List<PdfPage>();
        PdfOutline? parent = null;
        var textBrushes = new Dictionary<XColor, XBrush>();
        XBrush Brush(XColor c)
        {
            if (!textBrushes.TryGetValue(c, out var b)) textBrushes[c] = b = new XSolidBrush(c);
            return b;
        }
        var rule = new XPen(XColor.FromArgb(196, 202, 211), 0.6);

        for (var p = 0; p < pages.Count; p++)
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            pdfPages.Add(page);
            using var gfx = XGraphics.FromPdfPage(page);

            structure.BeginArtifact();
            if (p > 0 || !options.FirstPageIsTitle)
            {
                var header = Ellipsis(Clean(options.RunningHeader), Small, ContentWidth);
                gfx.DrawString(header, Small, Brush(Muted), Left, Top - 24);
                gfx.DrawLine(rule, Left, Top - 18, PageWidth - Right, Top - 18);
            }
            var footer = options.Footer(p + 1, pages.Count);
            gfx.DrawString(footer, Small, Brush(Muted), (PageWidth - Width(footer, Small)) / 2, PageHeight - Bottom + 36);
            structure.End();

            foreach (var (line, y) in pages[p])
            {
                var draws = line.Spans.Count > 0 || line.Image is not null || line.Drawing is not null || line.PageNumberOf is not null;
                if (draws && (!line.Continues || !open))
                {
                    if (open) structure.End();
                    BeginElement(structure, line, y);
                    open = true;
                }
                if (line.Boxes.Count > 0)
                {
                    // Bars are artifacts: the line's text says the same in words.
                    structure.BeginArtifact();
                    foreach (var box in line.Boxes)
                        gfx.DrawRectangle(Brush(box.Color), Left + box.X, y + box.Y, box.Width, box.Height);
                    structure.End();
                }
                if (line.Image is { } image)
                    gfx.DrawImage(image.Image, Left + image.X, y, image.Width, image.Height);
                if (line.Drawing is { } drawing)
                    drawing.Draw(gfx, new XRect(Left + drawing.X, y, drawing.Width, drawing.Height));
                foreach (var span in line.Spans)
                    gfx.DrawString(span.Text, span.Font, Brush(span.Color), Left + span.X, y + line.Baseline);
                if (line.PageNumberOf is { } of && anchors.TryGetValue(of, out var target))
                {
                    var number = target.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var font = line.Spans.Count > 0 ? line.Spans[0].Font : Body;
                    gfx.DrawString(number, font, Brush(Ink), PageWidth - Right - Width(number, font), y + line.Baseline);
                }
                if (line.LinkTo is { } to && anchors.TryGetValue(to, out var linked))
                {
                    var area = gfx.Transformer.WorldToDefaultPage(new XRect(Left, y, ContentWidth, line.Height));
                    page.AddDocumentLink(new PdfRectangle(area), linked);
                }
                if (line.RuleBelow)
                {
                    structure.BeginArtifact();
                    gfx.DrawLine(rule, Left, y + line.Height + 1, PageWidth - Right, y + line.Height + 1);
                    structure.End();
                }
                if (line.OutlineLevel == 1 && line.OutlineTitle is { } title1)
                    parent = document.Outlines.Add(title1, page, false);
                else if (line.OutlineLevel == 2 && line.OutlineTitle is { } title2)
                    (parent?.Outlines ?? document.Outlines).Add(title2, page, false);
            }

            // The page's marked content ends on its own page, while its graphics are still open; an element
            // that goes on over the page break continues on the next page.
            if (p < pages.Count - 1)
            {
                structure.EndMarkedContentsWithId();
            }
            else if (open)
            {
                structure.End();
                open = false;
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static void BeginElement(StructureBuilder structure, PdfLine line, double y)
    {
        switch (line.Role)
        {
            case PdfRole.Figure when line.Image is { } image:
                structure.BeginElement(PdfIllustrationElementTag.Figure, Clean(image.AltText),
                    new XRect(Left + image.X, y, image.Width, image.Height));
                break;
            case PdfRole.Figure when line.Drawing is { } drawing:
                structure.BeginElement(PdfIllustrationElementTag.Figure, Clean(drawing.AltText),
                    new XRect(Left + drawing.X, y, drawing.Width, drawing.Height));
                break;
            case PdfRole.Heading1:
                structure.BeginElement(PdfBlockLevelElementTag.Heading1);
                break;
            case PdfRole.Heading2:
                structure.BeginElement(PdfBlockLevelElementTag.Heading2);
                break;
            case PdfRole.Heading3:
                structure.BeginElement(PdfBlockLevelElementTag.Heading3);
                break;
            default:
                structure.BeginElement(PdfBlockLevelElementTag.Paragraph);
                break;
        }
    }

    private List<List<Placed>> Paginate(IReadOnlyList<PdfLine> lines)
    {
        var pages = new List<List<Placed>> { new() };
        var y = Top;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var page = pages[^1];
            if (line.BreakBefore && page.Count > 0)
            {
                pages.Add(page = []);
                y = Top;
            }
            var space = page.Count == 0 ? 0 : line.SpaceBefore;
            var needed = space + line.Height;
            if (line.KeepWithNext)
            {
                // The chain of lines that must stay together, and the first line after it.
                var j = i;
                while (j + 1 < lines.Count && lines[j].KeepWithNext && !lines[j + 1].BreakBefore)
                {
                    j++;
                    needed += lines[j].SpaceBefore + lines[j].Height;
                }
                if (needed > ContentBottom - Top) needed = space + line.Height;
            }
            if (y + needed > ContentBottom && page.Count > 0)
            {
                pages.Add(page = []);
                y = Top;
                space = 0;
            }
            y += space;
            page.Add(new Placed(line, y));
            y += line.Height;
        }
        if (pages.Count > 1 && pages[^1].Count == 0) pages.RemoveAt(pages.Count - 1);
        return pages;
    }

    public string Ellipsis(string text, XFont font, double width)
    {
        if (Width(text, font) <= width) return text;
        var sb = new StringBuilder();
        var limit = width - Width("…", font);
        double w = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var rw = Width(rune.ToString(), font);
            if (w + rw > limit) break;
            sb.Append(rune.ToString());
            w += rw;
        }
        return sb.ToString().TrimEnd() + "…";
    }
}

/// <summary>The document-wide texts of a rendered PDF.</summary>
public sealed record PdfRenderOptions(
    string Title, string Author, string Subject, string Language, string RunningHeader, bool FirstPageIsTitle, Func<int, int, string> Footer);
