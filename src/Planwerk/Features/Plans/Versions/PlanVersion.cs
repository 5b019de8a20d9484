using Planwerk.Infrastructure;

namespace Planwerk.Features.Plans.Versions;

/// <summary>A named, frozen version of a whole plan ("Beteiligungsfassung"). Immutable: the DbContext
/// refuses to update or delete one; the only way it goes is together with its plan (the database
/// cascade, or the plan deleted in the same save).</summary>
public sealed class PlanVersion : IMunicipalityOwned
{
    public const int MaxNameLength = 200;
    public const int MaxNoteLength = 2000;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    /// <summary>Unique within the plan.</summary>
    public required string Name { get; set; }
    public string Note { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public string CreatedByName { get; set; } = "";
    /// <summary>The whole plan as the JSON document of import/export, frozen at <see cref="CreatedAt"/>.</summary>
    public required string Document { get; set; }
    /// <summary>The document in pieces, written in the save that adds the version (see <see cref="VersionParts"/>).</summary>
    public List<PlanVersionPart> Parts { get; } = [];
}
