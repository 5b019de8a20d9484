namespace Planwerk.Features.Implementation;

/// <summary>Where a milestone stands on a given day: done (on a date), overdue (since its due date) or open.
/// Said in words, so it needs no colour to be understood.</summary>
public sealed record MilestoneState(DateOnly DueOn, DateOnly? DoneOn, DateOnly Today)
{
    public bool IsOverdue => Milestone.IsOverdue(DueOn, DoneOn, Today);
}
