using System.IO.Compression;
using System.Text;

namespace Planwerk.Infrastructure.Files;

/// <summary>Recognises the attachment types a statement may carry by their content, never by name or the
/// type the browser declared: a PDF starts with "%PDF-"; a DOCX is a zip holding "[Content_Types].xml" and
/// "word/document.xml"; an ODT is a zip whose first entry "mimetype" holds the ODF text type.</summary>
public static class DocumentTypes
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Odt = "application/vnd.oasis.opendocument.text";

    /// <summary>The content type, or null when the bytes are none of the three.</summary>
    public static string? Recognise(byte[] content)
    {
        if (content.AsSpan().StartsWith("%PDF-"u8)) return Pdf;
        if (!content.AsSpan().StartsWith("PK\u0003\u0004"u8)) return null;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var first = zip.Entries.Count > 0 ? zip.Entries[0] : null;
            if (first is { FullName: "mimetype", Length: < 200 })
            {
                // Read at most a little more than the type, whatever the entry claims to hold.
                using var reader = new StreamReader(first.Open(), Encoding.ASCII);
                var buffer = new char[200];
                var read = reader.ReadBlock(buffer, 0, buffer.Length);
                if (new string(buffer, 0, read).Trim() == Odt) return Odt;
            }
            if (zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("word/document.xml") is not null) return Docx;
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The file name as it is shown and sent back: without any path, and never empty.</summary>
    public const int MaxFileNameLength = 255;

    public static string CleanName(string? name)
    {
        var clean = Path.GetFileName((name ?? "").Replace('\\', '/'));
        clean = new string(clean.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (clean.Length == 0) clean = "Anhang";
        return clean.Length <= MaxFileNameLength ? clean : clean[^MaxFileNameLength..];
    }
}
