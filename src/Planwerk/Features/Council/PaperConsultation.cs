using Planwerk.Features.Council.OParl;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Council;

/// <summary>The role of a body in a paper's consultation (Beratungsfolge).</summary>
public enum ConsultationRole
{
    PreliminaryConsultation,
    Decision,
    ForInformation,
}

/// <summary>The built-in results (stored by name). A municipality adds its own as <see cref="ConsultationResultKind"/>;
/// <see cref="ConsultationResults"/> says which of them decide and which are reached by a vote.</summary>
public enum ConsultationResult
{
    Approved,
    Rejected,
    ApprovedWithChanges,
    Postponed,
    Noted,
    ReferredBack,
    Withdrawn,
    FirstReadingHeld,
    /// <summary>An amendment the administration took over into its paper (übernommen): settled without a vote.</summary>
    TakenOver,
}

/// <summary>One step of a paper's path through the bodies: which body, in which meeting (agenda item),
/// in what role, with which result and votes.</summary>
public sealed class PaperConsultation : IMunicipalityOwned, IVersioned, ITimestamped, IOParlRow
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int PaperId { get; set; }
    public Paper? Paper { get; set; }
    /// <summary>Order on the paper's path, from 1.</summary>
    public int Position { get; set; }
    public int BodyId { get; set; }
    public CouncilBody? Body { get; set; }
    public int? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int? AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }
    public ConsultationRole Role { get; set; }
    /// <summary>A built-in result; null until the clerk records one, or when the result is the municipality's own
    /// (<see cref="CustomResultId"/>). At most one of the two is set.</summary>
    public ConsultationResult? Result { get; set; }
    public int? CustomResultId { get; set; }
    public ConsultationResultKind? CustomResult { get; set; }
    public int? VotesFor { get; set; }
    public int? VotesAgainst { get; set; }
    public int? VotesAbstaining { get; set; }
    /// <summary>The votes per group (Fraktion), when the clerk recorded them.</summary>
    public List<ConsultationGroupVote> GroupVotes { get; set; } = [];
    public DateTimeOffset? ResultRecordedAt { get; set; }
    public string? ResultRecordedByUserId { get; set; }
    public int Version { get; set; }

    public bool HasResult => Result is not null || CustomResultId is not null;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
}
