using Planwerk.Infrastructure;

namespace Planwerk.Features.Council;

/// <summary>A result of a consultation that a municipality adds to the built-in ones (<see cref="ConsultationResult"/>),
/// e.g. "in die Fraktionen verwiesen". It says whether it concludes the body's deliberation of the paper
/// (<see cref="IsDeciding"/>) and whether it is reached by a vote (<see cref="ByVote"/>, so votes may be recorded
/// with it). A municipality's own result never adopts a plan: only the built-in approvals do.</summary>
public sealed class ConsultationResultKind : IMunicipalityOwned, IVersioned, ITimestamped
{
    public const int MaxNameLength = 100;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string Name { get; set; }
    public bool IsDeciding { get; set; }
    public bool ByVote { get; set; }
    /// <summary>Order in the clerk's list, after the built-in results.</summary>
    public int Position { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
}
