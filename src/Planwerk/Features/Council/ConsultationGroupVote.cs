using Planwerk.Infrastructure;

namespace Planwerk.Features.Council;

/// <summary>How one group (Fraktion) voted in a consultation.</summary>
public sealed class ConsultationGroupVote : IMunicipalityOwned, ITimestamped
{
    public const int MaxNameLength = 200;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int ConsultationId { get; set; }
    public PaperConsultation? Consultation { get; set; }
    /// <summary>Order as the clerk entered the rows, from 1.</summary>
    public int Position { get; set; }
    public required string GroupName { get; set; }
    public int VotesFor { get; set; }
    public int VotesAgainst { get; set; }
    public int VotesAbstaining { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
}
