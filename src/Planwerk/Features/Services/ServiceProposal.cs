using Planwerk.Infrastructure;

namespace Planwerk.Features.Services;

/// <summary>A provider's change of a service that waits for the plan team (the organisation's changes are
/// reviewed): the whole edited entry as JSON, applied as it stands when the plan team accepts it, or returned
/// with a comment. <see cref="ServiceId"/> is null for a new service.</summary>
public sealed class ServiceProposal : IMunicipalityOwned, IVersioned
{
    public const int MaxCommentLength = 2000;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int OrganisationId { get; set; }
    public int? ServiceId { get; set; }
    public HelpService? Service { get; set; }
    /// <summary>The service's <see cref="HelpService.Version"/> the change was made on, to show a conflict.</summary>
    public int? BaseVersion { get; set; }
    public required string Content { get; set; }
    public ServiceProposalState State { get; set; }
    public string? SubmittedById { get; set; }
    public string SubmittedByName { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    public string Comment { get; set; } = "";
    public DateTimeOffset? DecidedAt { get; set; }
    public string DecidedByName { get; set; } = "";
    public int Version { get; set; }
}

public enum ServiceProposalState
{
    Pending,
    Accepted,
    Returned,
}
