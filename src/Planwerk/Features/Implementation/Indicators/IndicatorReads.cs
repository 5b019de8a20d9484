using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Implementation.Indicators;

/// <summary>An indicator with its values (oldest first) and where it stands, as the lists, the dashboard, the yearly
/// report and the API show it.</summary>
public sealed record IndicatorSummary(
    int Id,
    string Name,
    string Definition,
    string Unit,
    string Source,
    IndicatorDirection Direction,
    decimal BaselineValue,
    DateOnly BaselineOn,
    decimal TargetValue,
    DateOnly TargetOn,
    int? FieldId,
    int? FieldNumber,
    int? MeasureId,
    string? MeasureNumber,
    string? MeasureTitle,
    IReadOnlyList<IndicatorValueRow> Values)
{
    /// <summary>Where the indicator stands by its values up to <paramref name="until"/> (all when null), by <see cref="IndicatorTrack"/>.</summary>
    public IndicatorTrackResult Track(DateOnly? until = null) => IndicatorTrack.Of(Direction, BaselineOn, BaselineValue, TargetOn, TargetValue,
        Values.Where(v => until is null || v.On <= until).Select(v => new IndicatorPoint(v.On, v.Value)));
}

public sealed record IndicatorValueRow(int Id, DateOnly On, decimal Value, string Note, string Source);

public static class IndicatorReads
{
    /// <summary>The plan's indicators in their order, each with its values by date: two queries whatever their number.
    /// <paramref name="indicatorId"/> narrows it to one.</summary>
    public static async Task<List<IndicatorSummary>> OfPlanAsync(PlanwerkDbContext db, int planId, int? indicatorId, CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking()
            .Where(i => i.PlanId == planId && (indicatorId == null || i.Id == indicatorId))
            .OrderBy(i => i.Position).ThenBy(i => i.Id)
            .Select(i => new
            {
                i.Id, i.Name, i.Definition, i.Unit, i.Source, i.Direction, i.BaselineValue, i.BaselineOn, i.TargetValue, i.TargetOn,
                i.FieldOfActionId, FieldNumber = (int?)i.FieldOfAction!.Number, i.MeasureId,
                MeasureNumber = i.Measure == null ? null : i.Measure.Number, MeasureTitle = i.Measure == null ? null : i.Measure.Title,
            })
            .ToListAsync(ct);
        if (indicators.Count == 0) return [];
        var values = (await db.IndicatorValues.AsNoTracking()
            .Where(v => v.Indicator!.PlanId == planId && (indicatorId == null || v.IndicatorId == indicatorId))
            .Select(v => new { v.IndicatorId, Row = new IndicatorValueRow(v.Id, v.On, v.Value, v.Note, v.Source) })
            .ToListAsync(ct))
            .ToLookup(v => v.IndicatorId, v => v.Row);
        return indicators.Select(i => new IndicatorSummary(i.Id, i.Name, i.Definition, i.Unit, i.Source, i.Direction, i.BaselineValue, i.BaselineOn,
                i.TargetValue, i.TargetOn, i.FieldOfActionId, i.FieldNumber, i.MeasureId, i.MeasureNumber, i.MeasureTitle,
                values[i.Id].OrderBy(v => v.On).ThenBy(v => v.Id).ToList()))
            .ToList();
    }
}

/// <summary>What the indicator partial shows: the indicator, what it belongs to (with a link when it is a field or a
/// measure), the values up to a day (all when null), and the id its elements are named by.</summary>
public sealed record IndicatorView(IndicatorSummary Indicator, string BelongsTo, string? BelongsToUrl, DateOnly? Until, string Id);
