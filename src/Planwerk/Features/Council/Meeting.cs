using Planwerk.Features.Council.OParl;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Council;

/// <summary>Where a meeting stands (OParl: Meeting.meetingState is free text; cancelled is a flag).</summary>
public enum MeetingState
{
    Scheduled,
    Invited,
    Held,
    Cancelled,
}

/// <summary>A meeting (Sitzung) of one body.</summary>
public sealed class Meeting : IMunicipalityOwned, IVersioned, ITimestamped, IOParlRow
{
    public const int MaxNameLength = 300;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int BodyId { get; set; }
    public CouncilBody? Body { get; set; }
    public required string Name { get; set; }
    /// <summary>Stored in UTC; entered and shown in Europe/Berlin. When only the day is known
    /// (<see cref="StartTimeUnknown"/>), the first moment of that day in Europe/Berlin.</summary>
    public DateTimeOffset Start { get; set; }
    /// <summary>Only the day of the meeting is known, not its time: shown as a date alone.</summary>
    public bool StartTimeUnknown { get; set; }
    /// <summary>A special session (Sondersitzung), called outside the body's regular schedule.</summary>
    public bool IsSpecialSession { get; set; }
    public DateTimeOffset? End { get; set; }
    public string Location { get; set; } = "";
    public MeetingState State { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
    public List<AgendaItem> AgendaItems { get; set; } = [];
}
