using System.Globalization;
using System.Text;
using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Planwerk.Features.Services.Print;

/// <summary>The pieces every PDF drawn with Skia and shaped by HarfBuzz shares (the directory, the finder's handout): the
/// A4 page, the two embedded faces, paragraphs (<see cref="Block"/>) laid out into lines on pages, a <see cref="Pen"/> that
/// wraps and draws a line as bidi runs each shaped in its own direction, and the document language written afterwards.</summary>
public static class ShapedPdf
{
    public const float PageWidth = 595.28f, PageHeight = 841.89f, Margin = 56f, Top = 64f, Bottom = 60f;
    public const float TextWidth = PageWidth - 2 * Margin;

    public static readonly Lazy<SKTypeface> Regular = new(() => Load("DejaVuSans.ttf"));
    public static readonly Lazy<SKTypeface> Bold = new(() => Load("DejaVuSans-Bold.ttf"));

    private static SKTypeface Load(string file)
    {
        using var stream = typeof(ShapedPdf).Assembly.GetManifestResourceStream("Planwerk.Print.Fonts." + file)
            ?? throw new InvalidOperationException("Font resource missing: " + file);
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException("Font not readable: " + file);
    }

    /// <summary>A paragraph before layout: its text, its direction and its look.</summary>
    public sealed record Block(string Text, bool RightToLeft, float Size, bool IsBold, float SpaceBefore = 0, float Indent = 0,
        bool NewPage = false, bool KeepWithNext = false, string? Anchor = null, string? PageOf = null, bool Grey = false);

    /// <summary>A line on a page.</summary>
    public sealed record Line(int Page, float Baseline, string Text, bool RightToLeft, float Size, bool IsBold, float Indent, string? PageOf, bool Grey);

    /// <summary>Skia writes no document language; PDFsharp adds <c>/Lang</c> to the catalog and asks viewers to show the
    /// title instead of the file name, leaving the pages as Skia drew them.</summary>
    public static byte[] WithLanguage(byte[] pdf, string language)
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

    /// <summary>Text from outside in an isolate of its own direction, stripped of any direction controls of its own.</summary>
    public static string Isolated(string text) => Bidi.Isolate(Bidi.WithoutFormatting(text));

    /// <summary>A phone number, a time or a date: left to right in every line.</summary>
    public static string Numbers(string text) => Bidi.LeftToRight(Bidi.WithoutFormatting(text));

    public static (List<Line> Lines, Dictionary<string, int> Anchors, int Pages) Layout(List<Block> blocks, Pen pen)
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
    public static string Clean(string text)
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
    public sealed class Pen(SKShaper regular, SKShaper bold)
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
