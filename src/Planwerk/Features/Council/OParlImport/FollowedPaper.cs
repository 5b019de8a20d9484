using Planwerk.Features.Plans;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Council.OParlImport;

/// <summary>A paper the council office follows in the city's council information system (OParl): where it is, the
/// local copy, and how the last sync went. The local paper and what belongs to it are kept in step with the source.</summary>
public sealed class FollowedPaper : IMunicipalityOwned, IVersioned, ITimestamped
{
    public const int MaxUrlLength = 2000;
    public const int MaxMessageLength = 2000;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    /// <summary>The OParl id (URL) of the paper at the source.</summary>
    public required string PaperUrl { get; set; }
    /// <summary>What the clerk gave as the endpoint (system or body URL), kept to show where the paper came from.</summary>
    public string EndpointUrl { get; set; } = "";
    public int PaperId { get; set; }
    public Paper? Paper { get; set; }
    public DateTimeOffset? LastSyncedAt { get; set; }
    /// <summary>Why the last sync failed (URL and reason); empty after a successful one.</summary>
    public string LastError { get; set; } = "";
    /// <summary>The source says the paper is deleted (or it is gone): the local copy stays, marked, and is no longer synced.</summary>
    public bool DeletedAtSource { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
}

/// <summary>The kinds of council objects an import creates.</summary>
public enum ImportedKind
{
    Organization,
    Meeting,
    AgendaItem,
    Paper,
    Consultation,
    File,
}

/// <summary>A local council object that came from an OParl source: which one (its OParl id) and the source's
/// <c>modified</c> when it was last taken over. Imported objects are not editable on the clerk's pages.</summary>
public sealed class ImportedCouncilObject : IMunicipalityOwned
{
    public long Id { get; set; }
    public int MunicipalityId { get; set; }
    public ImportedKind Kind { get; set; }
    public int LocalId { get; set; }
    public required string OParlId { get; set; }
    /// <summary>The source's <c>modified</c>, as it was given (null when the source gives none).</summary>
    public DateTimeOffset? SourceModified { get; set; }
}
