using Planwerk.Infrastructure;

namespace Planwerk.Features.Council;

/// <summary>What is left of a deleted council object that OParl publishes (a body, meeting, agenda item, paper,
/// consultation or file): OParl 1.1 keeps a deleted object as an object with <c>deleted: true</c>, so that a
/// client that syncs by <c>modified_since</c> learns of the deletion. <see cref="ModifiedAt"/> is the moment of
/// the deletion. Written by the context in the same save as the deletion (<see cref="CouncilChanges"/>).</summary>
public sealed class DeletedCouncilObject : IMunicipalityOwned, ITimestamped
{
    public long Id { get; set; }
    public int MunicipalityId { get; set; }
    /// <summary>The OParl list the object was in: "organizations", "meetings", "agendaitems", "papers", "consultations", "files".</summary>
    public required string Kind { get; set; }
    /// <summary>The deleted object's id; ids are never given twice, so it names no other object.</summary>
    public int ObjectId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
}
