using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Planwerk.Features.Plans.Print;

/// <summary>Gives PDFsharp the two faces the PDF uses, DejaVu Sans regular and bold, from resources
/// embedded in this assembly (see Fonts/LICENSE-DejaVu.txt). Every family name resolves to them, so a
/// document never depends on the fonts of the machine it is made on.</summary>
public sealed class PrintFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly PrintFonts Instance = new();
    private static readonly Lock Gate = new();
    private readonly ConcurrentDictionary<string, byte[]> faces = new(StringComparer.Ordinal);

    /// <summary>PDFsharp keeps its font resolver in a static setting that may be set once per process
    /// (or again with the same instance), so every caller goes through here.</summary>
    public static void EnsureRegistered()
    {
        if (ReferenceEquals(GlobalFontSettings.FontResolver, Instance)) return;
        lock (Gate)
        {
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
                GlobalFontSettings.FontResolver = Instance;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // No italic face is embedded; italic text is set upright rather than slanted by simulation.
        new(bold ? Bold : Regular);

    public byte[]? GetFont(string faceName) => faces.GetOrAdd(faceName, static name =>
    {
        using var stream = typeof(PrintFonts).Assembly.GetManifestResourceStream($"Planwerk.Print.Fonts.{name}.ttf")
            ?? throw new InvalidOperationException($"The font {name}.ttf is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });
}
