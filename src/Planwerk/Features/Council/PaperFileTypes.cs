using Planwerk.Infrastructure.Files;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Planwerk.Features.Council;

/// <summary>The file types a council paper may carry, recognised by their content (never by name or the type
/// the browser declared): the statement attachments' PDF, DOCX and ODT, and spreadsheets (XLSX: a zip with
/// "[Content_Types].xml" and "xl/workbook.xml").</summary>
public static class PaperFileTypes
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string? Recognise(byte[] content)
    {
        if (DocumentTypes.Recognise(content) is { } known) return known;
        if (!content.AsSpan().StartsWith("PK\u0003\u0004"u8)) return null;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("xl/workbook.xml") is not null ? Xlsx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The file name without any path or control characters, never empty, at most 255 characters.</summary>
    public static string CleanName(string? name) => DocumentTypes.CleanName(name, "Datei");
}
