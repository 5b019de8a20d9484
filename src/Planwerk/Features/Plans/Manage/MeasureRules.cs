using Planwerk.Infrastructure.Editing;

namespace Planwerk.Features.Plans.Manage;

/// <summary>Rules for a measure's values that need no database. Each returns null when the values
/// are fine, otherwise the message (a SharedResource key).</summary>
public static class MeasureRules
{
    public const string EndBeforeStart = "Das Ende der Maßnahme darf nicht vor ihrem Beginn liegen.";
    public const string ProgressOutOfRange = "Der Fortschritt muss zwischen 0 und 100 Prozent liegen.";
    public const string CompletedBelowFull = "Der Status ist „Abgeschlossen“, der Fortschritt aber unter 100 Prozent. Bitte setzen Sie den Fortschritt auf 100 oder wählen Sie einen anderen Status.";

    public static string? Schedule(DateOnly? start, DateOnly? end) =>
        start is { } s && end is { } e && e < s ? EndBeforeStart : null;

    public static string? Progress(MeasureStatus status, int progress)
    {
        if (progress is < 0 or > 100) return ProgressOutOfRange;
        if (status == MeasureStatus.Completed && progress < 100) return CompletedBelowFull;
        return null;
    }
}

/// <summary>Rules for a plan's values that need no database.</summary>
public static class PlanRules
{
    public const int FirstYear = 1900;
    public const int LastYear = 2100;
    public const string PeriodEndBeforeStart = "Das letzte Jahr des Zeitraums darf nicht vor dem ersten liegen.";
    public const string PredecessorIsItself = "Ein Fachplan kann nicht sein eigener Vorgänger sein.";
    public const string PredecessorCycle = "Dieser Vorgänger würde einen Kreis bilden: Der gewählte Plan folgt (mittelbar) auf diesen Plan.";

    public static string? Period(int? start, int? end) =>
        start is { } s && end is { } e && e < s ? PeriodEndBeforeStart : null;

    /// <summary>Whether <paramref name="candidateId"/> may become the predecessor of
    /// <paramref name="planId"/> (null for a plan not yet saved), given every plan's current predecessor.</summary>
    public static string? Predecessor(int? planId, int? candidateId, IReadOnlyDictionary<int, int?> predecessorOf)
    {
        if (candidateId is not int candidate || planId is not int plan) return null;
        if (candidate == plan) return PredecessorIsItself;
        var seen = new HashSet<int>();
        for (int? current = candidate; current is int c && seen.Add(c); current = predecessorOf.GetValueOrDefault(c))
        {
            if (c == plan) return PredecessorCycle;
        }
        return null;
    }
}
