using System.Text.RegularExpressions;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Plans;

public enum MeasureStatus
{
    NotStarted,
    InProgress,
    Completed,
    Delayed,
    Discontinued,
}

public enum MeasurePriority
{
    High,
    Medium,
    Low,
}

/// <summary>A measure (Maßnahme) in a field of action, numbered like "4.3".</summary>
public sealed partial class Measure : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    /// <summary>The measure's key within its plan: 1, 2, 3, … in order of creation, never reused, never
    /// changed by renumbering or moves, carried over by export and import. Named versions match measures
    /// by it. Given by the context on the first save when left 0.</summary>
    public int Key { get; set; }
    public int FieldOfActionId { get; set; }
    public FieldOfAction? FieldOfAction { get; set; }
    /// <summary>Order within the field of action.</summary>
    public int Position { get; set; }
    public required string Number { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown.</summary>
    public string Goal { get; set; } = "";
    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";
    public string TargetGroups { get; set; } = "";
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public decimal? EstimatedCost { get; set; }
    public string Funding { get; set; } = "";
    public MeasurePriority Priority { get; set; } = MeasurePriority.Medium;
    public MeasureStatus Status { get; set; }
    /// <summary>0 to 100.</summary>
    public int Progress { get; set; }
    /// <summary>How much the measure counts when the plan adds up progress by weight (<see cref="Plan.RollUpMethod"/>):
    /// 0 to <see cref="MaxWeight"/>, two decimals; 0 leaves it out of the weighted progress.</summary>
    public decimal Weight { get; set; } = DefaultWeight;
    public bool IsExample { get; set; }
    /// <summary>The measure of the earlier plan this one continues (the plan's <see cref="Plan.PredecessorId"/>), if any.</summary>
    public int? CarriedFromMeasureId { get; set; }
    public Measure? CarriedFrom { get; set; }
    /// <summary>The closing assessment when the plan ends: achieved, partly, not, continued or dropped; empty until assessed.</summary>
    public Lineage.MeasureOutcome? Outcome { get; set; }
    /// <summary>Plain text: what the measure achieved, why it was continued or dropped.</summary>
    public string OutcomeText { get; set; } = "";
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The searched fields folded for search (see <see cref="MeasureSearch"/>); written on every save, never edited.</summary>
    public string SearchText { get; set; } = "";

    public List<Principle> Principles { get; set; } = [];
    public List<District> Districts { get; set; } = [];
    /// <summary>Who carries it out: its lead and its partners, from the registry of organisations.</summary>
    public List<Features.Implementation.MeasureOrganisation> Organisations { get; set; } = [];

    public const int MaxOutcomeTextLength = 2000;
    public const decimal MaxWeight = 1000m;

    /// <summary>The weight of a measure nobody has weighed.</summary>
    public const decimal DefaultWeight = 1m;

    /// <summary>A weight is 0 to <see cref="MaxWeight"/> with at most two decimals.</summary>
    public static bool IsValidWeight(decimal weight) => weight >= 0 && weight <= MaxWeight && decimal.Round(weight, 2) == weight;

    /// <summary>"4.3": the field's number, a dot, the measure's number in the field; deeper levels allowed.</summary>
    public static bool IsValidNumber(string? number) => number is not null && NumberPattern().IsMatch(number);

    /// <summary>Orders "4.10" after "4.9".</summary>
    public static int[] NumberSortKey(string number) =>
        number.Split('.').Select(p => int.TryParse(p, out var n) ? n : int.MaxValue).ToArray();

    [GeneratedRegex(@"^\d{1,3}(\.\d{1,3}){0,3}$")]
    private static partial Regex NumberPattern();
}
