using System.Globalization;
using System.Text;
using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Planwerk.Features.Services.Print;

/// <summary>The directory as PDF, drawn with Skia's PDF backend. Every line is cut into bidi runs (<see cref="Bidi"/>) and
/// each run is shaped by HarfBuzz in its own direction, so Arabic and Persian letters join and read from right to left, with
/// Latin names and numbers inside them left to right. A small layout of our own: words wrapped by their shaped width,
/// a word longer than a line broken where the line is full, each group on a new page, a service kept together where it
/// fits on a page, a running header and "page n of m" in the content language. Two passes: lines are put on pages first,
/// then drawn, so the contents know each group's page and the footer the page count.</summary>
public static class DirectoryPdf
{
    private const float PageWidth = 595.28f, PageHeight = 841.89f, Margin = 56f, Top = 64f, Bottom = 60f;
    private const float TextWidth = PageWidth - 2 * Margin;

    private static readonly Lazy<SKTypeface> Regular = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> Bold = new(() => Load("DejaVuSans-Bold.ttf"));

    private static SKTypeface Load(string file)
    {
        using var stream = typeof(DirectoryPdf).Assembly.GetManifestResourceStream("Planwerk.Print.Fonts." + file)
            ?? throw new InvalidOperationException("Font resource missing: " + file);
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException("Font not readable: " + file);
    }

    /// <summary>A paragraph before layout: its text, its direction and its look.</summary>
    private sealed record Block(string Text, bool RightToLeft, float Size, bool IsBold, float SpaceBefore = 0, float Indent = 0,
        bool NewPage = false, bool KeepWithNext = false, string? Anchor = null, string? PageOf = null, bool Grey = false);

    /// <summary>A line on a page.</summary>
    private sealed record Line(int Page, float Baseline, string Text, bool RightToLeft, float Size, bool IsBold, float Indent, string? PageOf, bool Grey);

    public static byte[] Render(DirectoryDocument document)
    {
        using var regular = new SKShaper(Regular.Value);
        using var bold = new SKShaper(Bold.Value);
        var pen = new Pen(regular, bold);
        var blocks = Blocks(document);
        var (lines, anchors, pages) = Layout(blocks, pen);

        using var output = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = document.Labels.Title + " – " + document.Municipality,
            Author = document.Municipality,
            Subject = document.Labels.Title,
            Creator = "Planwerk",
            Producer = "Planwerk (Skia, HarfBuzz)",
            Creation = document.Today.ToDateTime(TimeOnly.MinValue),
            Modified = document.Today.ToDateTime(TimeOnly.MinValue),
            RasterDpi = SKDocumentPdfMetadata.DefaultRasterDpi,
            EncodingQuality = SKDocumentPdfMetadata.DefaultEncodingQuality,
        };
        using (var pdf = SKDocument.CreatePdf(output, metadata))
        {
            using var black = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var grey = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), IsAntialias = true };
            var rtl = document.IsRightToLeft;
            for (var page = 1; page <= pages; page++)
            {
                var canvas = pdf.BeginPage(PageWidth, PageHeight);
                if (page > 1)
                {
                    pen.Draw(canvas, Isolated(document.Municipality) + " · " + document.Labels.Title, rtl, 8, false, 0, Top - 24, grey);
                    using var rule = new SKPaint { Color = new SKColor(0xAA, 0xAA, 0xAA), StrokeWidth = 0.5f };
                    canvas.DrawLine(Margin, Top - 18, PageWidth - Margin, Top - 18, rule);
                }
                pen.Draw(canvas, document.Labels.PageOf(page, pages), rtl, 8, false, 0, PageHeight - Bottom + 30, grey, centred: true);
                foreach (var line in lines.Where(l => l.Page == page))
                {
                    var text = line.PageOf is { } anchor && anchors.TryGetValue(anchor, out var target)
                        ? line.Text + " · " + target.ToString(CultureInfo.InvariantCulture)
                        : line.Text;
                    pen.Draw(canvas, text, line.RightToLeft, line.Size, line.IsBold, line.Indent, line.Baseline, line.Grey ? grey : black);
                }
                pdf.EndPage();
            }
            pdf.Close();
        }
        return WithLanguage(output.ToArray(), document.Language);
    }

    /// <summary>Skia writes no document language; PDFsharp adds <c>/Lang</c> to the catalog and asks viewers to show the
    /// title instead of the file name, leaving the pages as Skia drew them.</summary>
    private static byte[] WithLanguage(byte[] pdf, string language)
    {
        using var input = new MemoryStream(pdf);
        using var document = PdfSharp.Pdf.IO.PdfReader.Open(input, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Modify);
        document.Language = language;
        // PDFsharp's own ViewerPreferences accessor fails on a catalog it did not write, so the dictionary is set directly.
        var preferences = new PdfSharp.Pdf.PdfDictionary(document);
        preferences.Elements["/DisplayDocTitle"] = new PdfSharp.Pdf.PdfBoolean(true);
        document.Internals.Catalog.Elements["/ViewerPreferences"] = preferences;
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    /// <summary>The directory's paragraphs in reading order, all in the document's direction. What the directory did not
    /// write itself (names, addresses, notes, a German text where a translation is missing) stands in an isolate of its
    /// own direction, and phone numbers, times and dates in a left-to-right one, as <c>dir</c> does in the print view.</summary>
    private static List<Block> Blocks(DirectoryDocument d)
    {
        var rtl = d.IsRightToLeft;
        var l = d.Labels;
        var comma = rtl ? "، " : ", ";
        var blocks = new List<Block>
        {
            new(l.Title, rtl, 20, true),
            new(Isolated(d.Municipality), rtl, 14, false, 6),
            new((d.By == DirectoryGrouping.District ? l.ByDistrict : l.ByTopic) + " · " + l.AsOf + " " + Numbers(DirectoryDocument.Date(d.Today)), rtl, 10, false, 6, Grey: true),
            new(l.Contents, rtl, 13, true, 24, KeepWithNext: true),
        };
        if (d.Groups.Count == 0) blocks.Add(new(l.Empty, rtl, 10, false, 6));
        foreach (var group in d.Groups)
            blocks.Add(new(Shown(group.Title, l) + " (" + group.Services.Count.ToString(CultureInfo.InvariantCulture) + ")", rtl, 10, false, 3, 8, PageOf: group.Anchor));

        foreach (var group in d.Groups)
        {
            blocks.Add(new(Shown(group.Title, l), rtl, 16, true, 0, NewPage: true, KeepWithNext: true, Anchor: group.Anchor));
            foreach (var service in group.Services)
            {
                blocks.Add(new(Shown(service.Name, l), rtl, 12, true, 14, KeepWithNext: true));
                blocks.Add(new(Isolated(service.Organisation), rtl, 9.5f, false, 1, KeepWithNext: true, Grey: true));
                if (service.IsTemporarilyClosed) blocks.Add(new(l.TemporarilyClosed, rtl, 9.5f, true, 2));
                foreach (var place in service.Places)
                {
                    var address = place.Address;
                    blocks.Add(new(l.Address + ": " + Shown(place.Name, l) + (address.Length > 0 ? comma + Isolated(address) : "") + (place.District is { } district ? " (" + Isolated(district) + ")" : ""),
                        rtl, 9.5f, false, 3));
                    if (place.Hours.Count > 0) blocks.Add(new(l.OpeningHours + ":", rtl, 9.5f, false, 1, 8, KeepWithNext: true));
                    foreach (var hours in place.Hours) blocks.Add(Hours(d, hours, rtl));
                }
                if (service.ReachableHours.Count > 0) blocks.Add(new(l.PhoneHours + ":", rtl, 9.5f, false, 3, 8, KeepWithNext: true));
                foreach (var hours in service.ReachableHours) blocks.Add(Hours(d, hours, rtl));
                if (service.DifferentHours.Count > 0) blocks.Add(new(l.DifferentHours + ":", rtl, 9.5f, false, 3, 8, KeepWithNext: true));
                foreach (var different in service.DifferentHours)
                    blocks.Add(new(Numbers(different.Days) + ": " + (different.Times is { } times ? Numbers(times) : l.Closed) + Note(different.Note), rtl, 9.5f, false, 1, 16));
                foreach (var phone in service.Phones)
                {
                    var languages = phone.Languages.Count > 0 ? " (" + l.PhoneLanguages + ": " + string.Join(comma, phone.Languages.Select(LanguageName)) + ")" : "";
                    blocks.Add(new(l.Phone + ": " + Numbers(phone.Number) + (phone.Name.Length > 0 ? comma + Isolated(phone.Name) : "") + languages, rtl, 9.5f, false, 3));
                }
                if (service.LanguagesOffered.Count > 0)
                    blocks.Add(new(l.LanguagesOffered + ": " + string.Join(comma, service.LanguagesOffered.Select(LanguageName)), rtl, 9.5f, false, 3));
                var who = string.Join(comma, service.Audience.Append(service.AgeRange ?? "").Where(w => w.Length > 0));
                blocks.Add(new(l.WhoMayUse + ": " + who, rtl, 9.5f, false, 3));
                if (service.Eligibility.Text.Length > 0) blocks.Add(new(Shown(service.Eligibility, l), rtl, 9.5f, false, 1, 8));
                blocks.Add(service.IsFree || service.Costs.Text.Length == 0
                    ? new(service.IsFree ? l.Free : l.Costs + ": –", rtl, 9.5f, false, 3)
                    : new(l.Costs + ": " + Shown(service.Costs, l), rtl, 9.5f, false, 3));
            }
        }
        return blocks;
    }

    private static Block Hours(DirectoryDocument d, HoursLine hours, bool rtl) =>
        new(d.DayName(hours.Weekday) + ": " + Numbers(hours.Times) + Note(hours.Note), rtl, 9.5f, false, 1, 16);

    private static string Note(string note) => note.Length > 0 ? " (" + Isolated(note) + ")" : "";

    private static string LanguageName(string code) => Isolated(DirectoryDocument.LanguageName(code));

    /// <summary>Text from outside in an isolate of its own direction, stripped of any direction controls of its own.</summary>
    private static string Isolated(string text) => Bidi.Isolate(Bidi.WithoutFormatting(text));

    /// <summary>A phone number, a time or a date: left to right in every line.</summary>
    private static string Numbers(string text) => Bidi.LeftToRight(Bidi.WithoutFormatting(text));

    /// <summary>A text as printed, isolated: a German fallback says so in brackets in the document's language.</summary>
    private static string Shown(ShownText text, DirectoryLabels labels) =>
        text.IsFallback ? Isolated(text.Text) + " (" + labels.NotTranslated + ")" : Isolated(text.Text);

    private static (List<Line> Lines, Dictionary<string, int> Anchors, int Pages) Layout(List<Block> blocks, Pen pen)
    {
        var lines = new List<Line>();
        var anchors = new Dictionary<string, int>();
        var page = 1;
        var y = Top;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var leading = block.Size * 1.35f;
            if (block.NewPage && (page > 1 || lines.Count > 0))
            {
                page++;
                y = Top;
            }
            else if (y > Top) y += block.SpaceBefore;
            var wrapped = pen.Wrap(Clean(block.Text), block.Size, block.IsBold, TextWidth - block.Indent);
            // A heading keeps its first line with the next block's first line.
            var needed = leading * (block.KeepWithNext ? 1 : Math.Min(wrapped.Count, 2));
            if (block.KeepWithNext && i + 1 < blocks.Count) needed += blocks[i + 1].SpaceBefore + blocks[i + 1].Size * 1.35f;
            if (y + needed > PageHeight - Bottom && y > Top)
            {
                page++;
                y = Top;
            }
            if (block.Anchor is not null) anchors[block.Anchor] = page;
            foreach (var text in wrapped)
            {
                if (y + leading > PageHeight - Bottom)
                {
                    page++;
                    y = Top;
                }
                y += leading;
                lines.Add(new Line(page, y - block.Size * 0.3f, text, block.RightToLeft, block.Size, block.IsBold, block.Indent, block.PageOf, block.Grey));
            }
        }
        return (lines, anchors, page);
    }

    /// <summary>Control characters (and the unpaired halves of surrogate pairs) are not drawn; a line end or tab becomes a space.</summary>
    internal static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }
            if (char.IsSurrogate(c)) continue;
            builder.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c);
        }
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Measures, wraps and draws shaped text with the two faces.</summary>
    private sealed class Pen(SKShaper regular, SKShaper bold)
    {
        private readonly Dictionary<(string, float, bool), float> widths = [];

        public float Width(string text, float size, bool isBold)
        {
            if (widths.TryGetValue((text, size, isBold), out var width)) return width;
            using var font = Font(size, isBold);
            var drawn = text.Any(Bidi.IsFormatting) ? string.Concat(text.Where(c => !Bidi.IsFormatting(c))) : text;
            width = (isBold ? bold : regular).Shape(drawn, font).Width;
            widths[(text, size, isBold)] = width;
            return width;
        }

        private static SKFont Font(float size, bool isBold) => new(isBold ? Bold.Value : Regular.Value, size) { Subpixel = true };

        /// <summary>Lines of at most <paramref name="width"/>, broken at spaces; a word wider than a line is broken between
        /// characters (whole grapheme clusters) where the line is full.</summary>
        public List<string> Wrap(string text, float size, bool isBold, float width)
        {
            var lines = new List<string>();
            var space = Width(" ", size, isBold);
            var current = new StringBuilder();
            var currentWidth = 0f;
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var w = Width(word, size, isBold);
                if (current.Length > 0 && currentWidth + space + w <= width)
                {
                    current.Append(' ').Append(word);
                    currentWidth += space + w;
                    continue;
                }
                if (current.Length > 0) lines.Add(current.ToString());
                current.Clear();
                currentWidth = 0;
                var rest = word;
                while (Width(rest, size, isBold) > width)
                {
                    var cut = Fitting(rest, size, isBold, width);
                    lines.Add(rest[..cut]);
                    rest = rest[cut..];
                }
                current.Append(rest);
                currentWidth = Width(rest, size, isBold);
            }
            if (current.Length > 0 || lines.Count == 0) lines.Add(current.ToString());
            return Bidi.Balance(lines);
        }

        /// <summary>The length of the longest start of <paramref name="word"/>, in whole grapheme clusters (at least one),
        /// that fits in <paramref name="width"/>: a binary search, so a word of thousands of letters costs a few shapings a line.</summary>
        private int Fitting(string word, float size, bool isBold, float width)
        {
            var bounds = StringInfo.ParseCombiningCharacters(word);
            int low = 1, high = bounds.Length - 1;
            while (low < high)
            {
                var middle = (low + high + 1) / 2;
                if (Width(word[..bounds[middle]], size, isBold) <= width) low = middle;
                else high = middle - 1;
            }
            return bounds.Length > 1 ? bounds[Math.Max(low, 1)] : word.Length;
        }

        /// <summary>Draws one line: its bidi runs placed from left to right, each shaped in its own direction. Right-to-left
        /// lines are set flush right (minus the indent), others flush left. The glyphs are written in reading order (a
        /// right-to-left run from its last glyph to its first, at the same places), each with the characters it stands for,
        /// so Skia writes an <c>/ActualText</c> for every joined form and ligature: copying or extracting the text gives the
        /// words as written, not the letters as they appear on paper.</summary>
        public void Draw(SKCanvas canvas, string line, bool rightToLeft, float size, bool isBold, float indent, float baseline, SKPaint paint, bool centred = false)
        {
            if (line.Length == 0) return;
            using var font = Font(size, isBold);
            var shaper = isBold ? bold : regular;
            var shaped = new List<(BidiRun Run, SKShaper.Result Result, float Offset)>();
            var total = 0f;
            foreach (var run in Bidi.VisualRuns(line, rightToLeft))
            {
                using var buffer = new HarfBuzzSharp.Buffer();
                buffer.AddUtf16(line.AsSpan(run.Start, run.Length));
                buffer.Direction = run.IsRightToLeft ? Direction.RightToLeft : Direction.LeftToRight;
                buffer.GuessSegmentProperties();
                var result = shaper.Shape(buffer, font);
                shaped.Add((run, result, total));
                total += result.Width;
            }
            var x = centred ? (PageWidth - total) / 2 : rightToLeft ? PageWidth - Margin - indent - total : Margin + indent;
            foreach (var (run, result, offset) in shaped.OrderBy(s => s.Run.Start))
            {
                var count = result.Codepoints.Length;
                if (count == 0) continue;
                var text = line.Substring(run.Start, run.Length);
                var utf8 = Encoding.UTF8.GetBytes(text);
                using var builder = new SKTextBlobBuilder();
                var buffer = builder.AllocatePositionedTextRun(font, count, utf8.Length);
                utf8.CopyTo(buffer.Text);
                var glyphs = buffer.Glyphs;
                var positions = buffer.Positions;
                var clusters = buffer.Clusters;
                for (var k = 0; k < count; k++)
                {
                    var i = run.IsRightToLeft ? count - 1 - k : k;
                    glyphs[k] = (ushort)result.Codepoints[i];
                    positions[k] = new SKPoint(result.Points[i].X + x + offset, result.Points[i].Y + baseline);
                    // HarfBuzz counts clusters in UTF-16 code units of the run, Skia in UTF-8 bytes of its text.
                    clusters[k] = (uint)Encoding.UTF8.GetByteCount(text.AsSpan(0, (int)result.Clusters[i]));
                }
                using var blob = builder.Build();
                if (blob is not null) canvas.DrawText(blob, 0, 0, paint);
            }
        }
    }
}
