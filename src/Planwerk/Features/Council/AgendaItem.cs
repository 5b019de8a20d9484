using Planwerk.Features.Council.OParl;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Council;

/// <summary>Which reading of a paper an agenda item is, where the body deliberates in readings (Lesungen).</summary>
public enum Reading
{
    None,
    First,
    Second,
}

/// <summary>An item of a meeting's agenda (Tagesordnungspunkt), usually treating a paper.</summary>
public sealed class AgendaItem : IMunicipalityOwned, IVersioned, ITimestamped, IOParlRow
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    /// <summary>The number as printed on the agenda, e.g. "Ö 5.1".</summary>
    public string Number { get; set; } = "";
    public int Order { get; set; }
    public required string Name { get; set; }
    public bool IsPublic { get; set; } = true;
    /// <summary>First or second reading (1. / 2. Lesung) of the paper treated, or neither.</summary>
    public Reading Reading { get; set; }
    public int? PaperId { get; set; }
    public Paper? Paper { get; set; }
    /// <summary>The result as recorded, in words (OParl: AgendaItem.result).</summary>
    public string Result { get; set; } = "";
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
}
