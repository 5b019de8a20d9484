using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Participation.Moderation;

/// <summary>One moderator decision, kept for good.</summary>
public sealed class ModerationLogEntry : IMunicipalityOwned
{
    public const int MaxReasonLength = 1_000;

    public long Id { get; set; }
    public int MunicipalityId { get; set; }
    public int CommentId { get; set; }
    public ModerationAction Action { get; set; }
    public required string ModeratorUserId { get; set; }
    public string ModeratorName { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
