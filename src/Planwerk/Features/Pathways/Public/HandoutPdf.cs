using System.Globalization;
using QRCoder;
using SkiaSharp;
using SkiaSharp.HarfBuzz;
using Planwerk.Features.Services;
using Planwerk.Features.Services.Print;
using static Planwerk.Features.Services.Print.ShapedPdf;

namespace Planwerk.Features.Pathways.PublicPages;

/// <summary>The finder's handout as PDF with the shared shaped-text pieces of the directory's PDF (<see cref="ShapedPdf"/>):
/// lines cut into bidi runs and shaped by HarfBuzz, so Arabic and Persian join and read from right to left. A QR code of
/// the page's absolute address stands at the top of the first page on the side where lines begin, the first lines beside it, drawn as an image (one
/// pixel a module, scaled without smoothing), so a phone camera leads back to the same answers.</summary>
public static class HandoutPdf
{
    private const float QrSize = 96f;

    public static byte[] Render(Handout h)
    {
        using var regular = new SKShaper(ShapedPdf.Regular.Value);
        using var bold = new SKShaper(ShapedPdf.Bold.Value);
        var pen = new Pen(regular, bold);
        var (lines, _, pages) = Layout(Blocks(h), pen);
        using var output = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = h.Labels.Title + " – " + h.Municipality,
            Author = h.Municipality,
            Subject = h.Labels.Title,
            Creator = "Planwerk",
            Producer = "Planwerk (Skia, HarfBuzz)",
            Creation = h.Today.ToDateTime(TimeOnly.MinValue),
            Modified = h.Today.ToDateTime(TimeOnly.MinValue),
            RasterDpi = SKDocumentPdfMetadata.DefaultRasterDpi,
            EncodingQuality = SKDocumentPdfMetadata.DefaultEncodingQuality,
        };
        using (var pdf = SKDocument.CreatePdf(output, metadata))
        {
            using var black = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var grey = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), IsAntialias = true };
            using var qr = Qr(h.Address);
            for (var page = 1; page <= pages; page++)
            {
                var canvas = pdf.BeginPage(PageWidth, PageHeight);
                if (page == 1)
                {
                    var x = h.IsRightToLeft ? PageWidth - Margin - QrSize : Margin;
                    canvas.DrawImage(qr, SKRect.Create(x, Top - 30, QrSize, QrSize), new SKSamplingOptions(SKFilterMode.Nearest));
                }
                pen.Draw(canvas, h.Words.PageOf(page, pages), h.IsRightToLeft, 8, false, 0, PageHeight - Bottom + 30, grey, centred: true);
                foreach (var line in lines.Where(l => l.Page == page))
                    pen.Draw(canvas, line.Text, line.RightToLeft, line.Size, line.IsBold, line.Indent, line.Baseline, line.Grey ? grey : black);
                pdf.EndPage();
            }
            pdf.Close();
        }
        return WithLanguage(output.ToArray(), h.Language);
    }

    /// <summary>The QR code as a black-on-white image with a quiet zone of four modules.</summary>
    private static SKImage Qr(string address)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(address, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var size = modules.Count;
        using var bitmap = new SKBitmap(size, size, SKColorType.Gray8, SKAlphaType.Opaque);
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
                bitmap.SetPixel(x, y, modules[y][x] ? SKColors.Black : SKColors.White);
        return SKImage.FromBitmap(bitmap);
    }

    /// <summary>The handout's paragraphs. The first lines leave room for the QR code beside them.</summary>
    private static List<Block> Blocks(Handout h)
    {
        var rtl = h.IsRightToLeft;
        var l = h.Labels;
        var comma = rtl ? "، " : ", ";
        const float beside = QrSize + 12;
        var blocks = new List<Block>
        {
            new(l.Title, rtl, 20, true, Indent: beside),
            new(Isolated(h.Municipality), rtl, 13, false, 4, beside),
            new(l.Answers + ": " + (h.Answers.Count == 0 ? "–" : string.Join(" · ", h.Answers.Select(a => a.Label + ": " + Isolated(a.Value)))), rtl, 10, false, 8, beside),
            new(l.NotStored, rtl, 9, false, 4, beside, Grey: true),
            new(l.Online + ": " + Numbers(h.Address), rtl, 8, false, 4, beside, Grey: true),
        };
        if (h.Run.Found.Count == 0) blocks.Add(new(l.NoResult, rtl, 11, false, 40));
        var first = true;
        foreach (var found in h.Run.Found)
        {
            blocks.Add(new(Shown(found.Pathway.Title.In(h.Language), h), rtl, 15, true, first ? 40 : 18, KeepWithNext: true));
            first = false;
            foreach (var stage in found.Stages)
            {
                blocks.Add(new(Shown(stage.Stage.Title.In(h.Language), h), rtl, 12.5f, true, 10, KeepWithNext: true));
                foreach (var step in stage.Steps)
                {
                    blocks.Add(new(Shown(step.Step.Title.In(h.Language), h), rtl, 11, true, 8, KeepWithNext: true));
                    foreach (var (label, text, lines) in h.Facts(step.Step))
                    {
                        var value = lines
                            ? string.Join(comma, Planwerk.Features.Services.PublicPages.PublicServiceText.Lines(text.Text).Select(Isolated)) + (text.IsFallback ? " (" + h.Words.NotTranslated + ")" : "")
                            : Shown(text, h);
                        blocks.Add(new(label + " " + value, rtl, 9.5f, false, 2, 8));
                    }
                    if (step.Services.Count > 0) blocks.Add(new(l.Where, rtl, 9.5f, true, 3, 8, KeepWithNext: true));
                    if (step.NoneInLanguage) blocks.Add(new(l.NoneInLanguage, rtl, 9, false, 1, 16, Grey: true));
                    foreach (var service in step.Services)
                    {
                        blocks.Add(new(Shown(service.Name, h) + " – " + Isolated(service.Organisation), rtl, 9.5f, false, 2, 16, KeepWithNext: service.Places.Count > 0));
                        if (service.IsTemporarilyClosed) blocks.Add(new(h.Words.TemporarilyClosed, rtl, 9, true, 1, 24));
                        foreach (var place in service.Places)
                        {
                            var where = Shown(place.Name, h) + (place.Address.Length > 0 ? comma + Isolated(place.Address) : "")
                                + (place.District is { } district ? " (" + Isolated(district) + ")" : "");
                            blocks.Add(new(where, rtl, 9, false, 1, 24));
                            foreach (var hours in h.Hours(place.Hours)) blocks.Add(new(hours.Day + " " + Numbers(hours.Times), rtl, 8.5f, false, 0, 32, Grey: true));
                        }
                        foreach (var hours in h.Hours(service.ReachableHours)) blocks.Add(new(hours.Day + " " + Numbers(hours.Times), rtl, 8.5f, false, 0, 24, Grey: true));
                    }
                }
            }
        }
        return blocks;
    }

    private static string Shown(ShownText text, Handout h) =>
        text.IsFallback ? Isolated(text.Text) + " (" + h.Words.NotTranslated + ")" : Isolated(text.Text);
}
