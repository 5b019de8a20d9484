using Planwerk.Infrastructure;

namespace Planwerk.Features.Services;

/// <summary>Regular opening hours of a service on one weekday (HSDS <c>schedule</c>, weekly): at one of its
/// locations, or for the service as such (a phone line) when <see cref="LocationId"/> is null. A day may have
/// several rows (9–12 and 14–16). Valid between optional dates. Times are Europe/Berlin wall-clock times.</summary>
public sealed class ServiceSchedule : IMunicipalityOwned
{
    public const int MaxNoteLength = 300;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public Guid Uid { get; set; } = Guid.NewGuid();
    public int ServiceId { get; set; }
    public HelpService? Service { get; set; }
    public int? LocationId { get; set; }
    public ServiceLocation? Location { get; set; }
    public DayOfWeek Weekday { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public string Note { get; set; } = "";
}

/// <summary>A day or span of days on which the regular hours do not hold (a holiday, a closure, or other hours):
/// closed when <see cref="Opens"/> is null, otherwise open only from <see cref="Opens"/> to <see cref="Closes"/>.</summary>
public sealed class SpecialHours : IMunicipalityOwned
{
    public const int MaxNoteLength = 300;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int ServiceId { get; set; }
    public HelpService? Service { get; set; }
    public int? LocationId { get; set; }
    public ServiceLocation? Location { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public TimeOnly? Opens { get; set; }
    public TimeOnly? Closes { get; set; }
    /// <summary>Why ("Weihnachten", "Betriebsferien"); shown with the hours.</summary>
    public string Note { get; set; } = "";
}
