using Planwerk.Infrastructure.Files;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Versions;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Participation.Consultations;

/// <summary>A consultation round (Beteiligungsrunde): one named plan version is consulted between two
/// moments. Statements are accepted only while it is open; the server decides that to the second.</summary>
public sealed class ConsultationRound : IMunicipalityOwned, IVersioned
{
    public const int MaxTitleLength = 300;
    public const int MaxDescriptionLength = 20_000;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    /// <summary>The named (frozen) plan version that is consulted.</summary>
    public int PlanVersionId { get; set; }
    public PlanVersion? PlanVersion { get; set; }

    public required string Title { get; set; }
    /// <summary>Markdown: what is consulted and how to take part.</summary>
    public string Description { get; set; } = "";
    /// <summary>Stored in UTC; entered and shown in Europe/Berlin.</summary>
    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }
    public RoundAudience Audience { get; set; }

    /// <summary>When the reminder before the close was sent; null until then. Set once, so it goes out once.</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }
    /// <summary>When the plan team published the weighing; from then on submitters see their outcome and
    /// the weighing table is public.</summary>
    public DateTimeOffset? WeighingPublishedAt { get; set; }

    /// <summary>The highest receipt number given in this round. Counted up by one SQL update in the transaction
    /// that saves the statement (<see cref="ReceiptNumbers.NextAsync"/>), never through the entity, so an edit
    /// of the round neither moves it nor conflicts with a statement arriving.</summary>
    public int ReceiptsGiven { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    public List<RoundInvitedStakeholder> InvitedStakeholders { get; set; } = [];
    public List<Statement> Statements { get; set; } = [];

    /// <summary>Open from <see cref="OpensAt"/> (inclusive) until <see cref="ClosesAt"/> (exclusive).</summary>
    public RoundState StateAt(DateTimeOffset now) =>
        now < OpensAt ? RoundState.Planned : now < ClosesAt ? RoundState.Open : RoundState.Closed;
}
