using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Participation.Moderation;

/// <summary>A public comment on a consultation round's page, written by a signed-in participant of a
/// round open to residents. Shown at once; a moderator can hide it.</summary>
public sealed class RoundComment : IMunicipalityOwned
{
    public const int MaxTextLength = 4_000;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int RoundId { get; set; }
    public ConsultationRound? Round { get; set; }
    public required string AuthorUserId { get; set; }
    public PlanwerkUser? Author { get; set; }
    public string AuthorName { get; set; } = "";
    /// <summary>Plain text, shown encoded.</summary>
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set while the comment is hidden by a moderator.</summary>
    public DateTimeOffset? HiddenAt { get; set; }
    public List<CommentReport> Reports { get; set; } = [];
}
