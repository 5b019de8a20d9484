using Planwerk.Features.Council.OParl;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Council;

/// <summary>A file of a paper (OParl: File), kept in the database.</summary>
public sealed class PaperFile : IMunicipalityOwned, ITimestamped, IOParlRow
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int PaperId { get; set; }
    public Paper? Paper { get; set; }
    /// <summary>The title shown, e.g. "Anlage 1: Fachplan".</summary>
    public required string Name { get; set; }
    public required string FileName { get; set; }
    public required string MimeType { get; set; }
    public long Size { get; set; }
    /// <summary>The file's place among the paper's files; the first is the paper's main file (OParl: mainFile).</summary>
    public int Position { get; set; }
    /// <summary>The date the document bears (OParl: File.date), entered by the clerk; not the day of the upload.</summary>
    public DateOnly DocumentDate { get; set; }
    public required byte[] Content { get; set; }
    /// <summary>SHA-256 of the content, hex (OParl: File.sha512Checksum is optional; we give our own in ETag).</summary>
    public string Sha256 { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
}
