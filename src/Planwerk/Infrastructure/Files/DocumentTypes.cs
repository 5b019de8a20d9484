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

    public const int MaxFileNameLength = 255;

    /// <summary>The file name extension of a recognised type (documents, the council's spreadsheets and the
    /// plans' images), or null for any other type.</summary>
    public static string? Extension(string? contentType) => contentType switch
    {
        Pdf => ".pdf",
        Docx => ".docx",
        Odt => ".odt",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => ".xlsx",
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "image/gif" => ".gif",
        "image/webp" => ".webp",
        _ => null,
    };

    /// <summary>The name a file is stored and served under: the uploader's name cleaned (<see cref="CleanName"/>)
    /// with its extension replaced by the one of the type recognised from the content, so that a PDF named
    /// "Stellungnahme.html" becomes "Stellungnahme.pdf" and no browser or mail program treats it as what its
    /// name claims. A type without a known extension keeps the cleaned name.</summary>
    public static string NameFor(string? name, string contentType, string fallback = "Anhang")
    {
        var extension = Extension(contentType);
        var clean = CleanName(name, fallback);
        if (extension is null) return clean;
        var stem = Path.GetFileNameWithoutExtension(clean).Trim().TrimEnd('.').Trim();
        if (stem.Length == 0) stem = fallback;
        if (stem.Length > MaxFileNameLength - extension.Length) stem = stem[..(MaxFileNameLength - extension.Length)];
        return stem + extension;
    }

    /// <summary>The file name as it is shown: without any path or control characters, never empty, at most
    /// <see cref="MaxFileNameLength"/> characters.</summary>

    public static string CleanName(string? name, string fallback = "Anhang")
    {
        var clean = Path.GetFileName((name ?? "").Replace('\\', '/'));
        clean = new string(clean.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (clean.Length == 0) clean = fallback;
        return clean.Length <= MaxFileNameLength ? clean : clean[^MaxFileNameLength..];
    }
}
