using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Participation.Moderation;

/// <summary>Someone reported a comment to the moderators.</summary>
public sealed class CommentReport : IMunicipalityOwned
{
    public const int MaxReasonLength = 1_000;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int CommentId { get; set; }
    public RoundComment? Comment { get; set; }
    /// <summary>Null when an anonymous visitor reported.</summary>
    public string? ReporterUserId { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set when a moderator dealt with the report (hid the comment or dismissed the report).</summary>
    public DateTimeOffset? ResolvedAt { get; set; }
}
