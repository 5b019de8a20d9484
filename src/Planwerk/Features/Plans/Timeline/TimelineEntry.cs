using Planwerk.Features.Council;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Features.Participation.Workshops;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Plans.Timeline;

/// <summary>An entry of a plan's public timeline, kept by the plan team. Rounds, workshops and the
/// council paper's consultations appear on the timeline by themselves; an entry may also point to one.</summary>
public sealed class TimelineEntry : IMunicipalityOwned, IVersioned
{
    public const int MaxTitleLength = 300;
    public const int MaxActivitiesLength = 10_000;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public TimelineEntryKind Kind { get; set; }
    /// <summary>The first day of the period meant (for a quarter: its first day).</summary>
    public DateOnly StartDate { get; set; }
    public DatePrecision StartPrecision { get; set; }
    /// <summary>For a phase: the last period meant, with its own precision ("Q2–Q4 2018").</summary>
    public DateOnly? EndDate { get; set; }
    public DatePrecision? EndPrecision { get; set; }
    public required string Title { get; set; }
    /// <summary>The activities, one per line (shown as a list).</summary>
    public string Activities { get; set; } = "";
    public int? RoundId { get; set; }
    public ConsultationRound? Round { get; set; }
    public int? WorkshopId { get; set; }
    public Workshop? Workshop { get; set; }
    public int? PaperId { get; set; }
    public Paper? Paper { get; set; }
    public int? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int Version { get; set; }
}
