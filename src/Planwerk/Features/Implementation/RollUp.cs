using Planwerk.Features.Plans;

namespace Planwerk.Features.Implementation;

/// <summary>How a plan adds up its measures' progress: every measure alike, or each by its weight.</summary>
public enum RollUpMethod
{
    Average,
    Weighted,
}

/// <summary>What the roll-up needs of one measure.</summary>
public sealed record RollUpMeasure(int FieldId, MeasureStatus Status, int Progress, decimal Weight);

/// <summary>A field's or the plan's measures added up: how many, how many in each of the five kinds of status, and the
/// progress (null when no measure counts for it). Discontinued measures are counted in the distribution but not in
/// the progress: a measure given up is not 0 % of the way.</summary>
public sealed record ProgressRollUp(int Count, IReadOnlyList<StatusCount> ByStatus, double? Progress, int CountedForProgress)
{
    public static ProgressRollUp Empty { get; } = new(0, Enum.GetValues<MeasureStatus>().Select(s => new StatusCount(s, 0)).ToList(), null, 0);

    public int CountOf(MeasureStatus status) => ByStatus.First(s => s.Status == status).Count;
}

/// <summary>The plan's roll-up and each field's, by one method. The dashboard, the yearly report and the API all take
/// their numbers from <see cref="RollUp.Compute"/>.</summary>
public sealed record PlanRollUp(RollUpMethod Method, ProgressRollUp Plan, IReadOnlyDictionary<int, ProgressRollUp> Fields)
{
    public ProgressRollUp Field(int fieldId) => Fields.GetValueOrDefault(fieldId) ?? ProgressRollUp.Empty;
}

public static class RollUp
{
    public static PlanRollUp Compute(IReadOnlyCollection<RollUpMeasure> measures, RollUpMethod method) => new(
        method,
        Of(measures, method),
        measures.GroupBy(m => m.FieldId).ToDictionary(g => g.Key, g => Of(g.ToList(), method)));

    private static ProgressRollUp Of(IReadOnlyCollection<RollUpMeasure> measures, RollUpMethod method)
    {
        var counts = measures.GroupBy(m => m.Status).ToDictionary(g => g.Key, g => g.Count());
        var byStatus = Enum.GetValues<MeasureStatus>().Select(s => new StatusCount(s, counts.GetValueOrDefault(s))).ToList();
        var counted = measures.Where(m => m.Status != MeasureStatus.Discontinued && (method == RollUpMethod.Average || m.Weight > 0)).ToList();
        double? progress = counted.Count == 0 ? null
            : method == RollUpMethod.Average ? counted.Average(m => (double)m.Progress)
            : (double)(counted.Sum(m => m.Progress * m.Weight) / counted.Sum(m => m.Weight));
        return new ProgressRollUp(measures.Count, byStatus, progress, counted.Count);
    }
}
