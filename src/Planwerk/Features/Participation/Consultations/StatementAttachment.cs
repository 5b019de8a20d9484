using Planwerk.Infrastructure.Files;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Versions;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Participation.Consultations;

/// <summary>A file attached to a statement: PDF, DOCX or ODT, recognised by content.</summary>
public sealed class StatementAttachment : IMunicipalityOwned
{
    public const int MaxFileNameLength = DocumentTypes.MaxFileNameLength;
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerStatement = 5;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int StatementId { get; set; }
    public Statement? Statement { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
}
