using System.Globalization;
using SkiaSharp;
using SkiaSharp.HarfBuzz;
using static Planwerk.Features.Services.Print.ShapedPdf;

namespace Planwerk.Features.Services.Print;

/// <summary>The directory as PDF, drawn with Skia's PDF backend. Every line is cut into bidi runs (<see cref="Bidi"/>) and
/// each run is shaped by HarfBuzz in its own direction, so Arabic and Persian letters join and read from right to left, with
/// Latin names and numbers inside them left to right. A small layout of our own: words wrapped by their shaped width,
/// a word longer than a line broken where the line is full, each group on a new page, a service kept together where it
/// fits on a page, a running header and "page n of m" in the content language. Two passes: lines are put on pages first,
/// then drawn, so the contents know each group's page and the footer the page count.</summary>
public static class DirectoryPdf
{
    public static byte[] Render(DirectoryDocument document)
    {
        using var regular = new SKShaper(ShapedPdf.Regular.Value);
        using var bold = new SKShaper(ShapedPdf.Bold.Value);
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

    /// <summary>A text as printed, isolated: a German fallback says so in brackets in the document's language.</summary>
    private static string Shown(ShownText text, DirectoryLabels labels) =>
        text.IsFallback ? Isolated(text.Text) + " (" + labels.NotTranslated + ")" : Isolated(text.Text);

}
