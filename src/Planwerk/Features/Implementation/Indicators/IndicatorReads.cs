using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Statistics;

namespace Planwerk.Features.Implementation.Indicators;

/// <summary>An indicator with its values (oldest first) and where it stands, as the lists, the dashboard, the yearly
/// report and the API show it. <see cref="Series"/> is set when the values are a dataset's figures.</summary>
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
    /// <summary>The dataset series the values come from; null when the plan team types them.</summary>
    public IndicatorSeries? Series { get; init; }

    /// <summary>Where the indicator stands by its values up to <paramref name="until"/> (all when null), by <see cref="IndicatorTrack"/>.</summary>
    public IndicatorTrackResult Track(DateOnly? until = null) => IndicatorTrack.Of(Direction, BaselineOn, BaselineValue, TargetOn, TargetValue,
        Values.Where(v => until is null || v.On <= until).Select(v => new IndicatorPoint(v.On, v.Value)));
}

/// <summary>A value of an indicator: typed by the plan team (<see cref="Id"/> is the value's), or a dataset's figure
/// (<see cref="FromDataset"/>; <see cref="Id"/> is the observation's).</summary>
public sealed record IndicatorValueRow(int Id, DateOnly On, decimal Value, string Note, string Source, bool FromDataset = false);

/// <summary>The dataset series an indicator reads: the dataset and one of its categories, or its figures without category
/// (<see cref="CategoryId"/> null).</summary>
public sealed record IndicatorSeries(int DatasetId, string DatasetCode, string DatasetTitle, bool DatasetIsPublic, int? CategoryId, string? CategoryName);

public static class IndicatorReads
{
    /// <summary>The plan's indicators in their order, each with its values by date: two queries whatever their number.
    /// <paramref name="indicatorId"/> narrows it to one. An indicator fed by a dataset has the dataset's figures of its
    /// series as values (<see cref="ValuesOfPlan"/>), its typed values are kept but not read.</summary>
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
                i.DatasetId, DatasetCode = i.Dataset == null ? null : i.Dataset.Code, DatasetTitle = i.Dataset == null ? null : i.Dataset.Title,
                DatasetIsPublic = i.Dataset != null && i.Dataset.IsPublic,
                i.DatasetCategoryId, CategoryName = i.DatasetCategory == null ? null : i.DatasetCategory.Name,
            })
            .ToListAsync(ct);
        if (indicators.Count == 0) return [];
        var values = (await ValuesOfPlan(db, planId, indicatorId).ToListAsync(ct)).ToLookup(v => v.IndicatorId, v => v.Row());
        return indicators.Select(i => new IndicatorSummary(i.Id, i.Name, i.Definition, i.Unit, i.Source, i.Direction, i.BaselineValue, i.BaselineOn,
                i.TargetValue, i.TargetOn, i.FieldOfActionId, i.FieldNumber, i.MeasureId, i.MeasureNumber, i.MeasureTitle,
                values[i.Id].OrderBy(v => v.On).ThenBy(v => v.Id).ToList())
            {
                Series = i.DatasetId is int dataset ? new IndicatorSeries(dataset, i.DatasetCode!, i.DatasetTitle!, i.DatasetIsPublic, i.DatasetCategoryId, i.CategoryName) : null,
            })
            .ToList();
    }

    /// <summary>The values of the plan's indicators (of one when <paramref name="indicatorId"/> is set) as one query: the
    /// typed values of indicators that have no dataset, and for those that have one the figures of their series
    /// (their category, or the figures without category) that have a value; a figure known to be missing is no value.</summary>
    public static IQueryable<IndicatorValueSource> ValuesOfPlan(PlanwerkDbContext db, int planId, int? indicatorId)
    {
        var typed = db.IndicatorValues.AsNoTracking()
            .Where(v => v.Indicator!.PlanId == planId && v.Indicator.DatasetId == null && (indicatorId == null || v.IndicatorId == indicatorId))
            .Select(v => new IndicatorValueSource
            {
                IndicatorId = v.IndicatorId, Id = v.Id, Period = v.On, Value = v.Value, Note = v.Note, Source = v.Source,
                // Always false; written as a column so that both halves of the union have the same shape.
                IsYear = v.Indicator!.DatasetId != null,
                FromDataset = v.Indicator!.DatasetId != null,
            });
        var observed =
            from i in db.Indicators.AsNoTracking()
            where i.PlanId == planId && i.DatasetId != null && (indicatorId == null || i.Id == indicatorId)
            from o in db.StatisticsObservations.AsNoTracking()
            where o.DatasetId == i.DatasetId && o.CategoryId == i.DatasetCategoryId && o.Value != null
            select new IndicatorValueSource
            {
                IndicatorId = i.Id, Id = o.Id, Period = o.Period, Value = o.Value!.Value, Note = o.Note, Source = i.Dataset!.SourceName,
                IsYear = i.Dataset.PeriodKind == StatisticsPeriodKind.Year,
                FromDataset = i.DatasetId != null,
            };
        return typed.Concat(observed);
    }

    /// <summary>The day an indicator's value from a dataset falls on: a day's figure on its day, a year's figure on
    /// 31 December of the year, the day the year's count is complete (so that the track compares it with what was expected
    /// by the end of that year, and the yearly report of that year shows it).</summary>
    public static DateOnly ValueDay(DateOnly period, bool isYear) => isYear ? new DateOnly(period.Year, 12, 31) : period;
}

/// <summary>One row of <see cref="IndicatorReads.ValuesOfPlan"/>: a typed value or a dataset's figure.</summary>
public sealed class IndicatorValueSource
{
    public int IndicatorId { get; init; }
    public int Id { get; init; }
    public DateOnly Period { get; init; }
    public decimal Value { get; init; }
    public string Note { get; init; } = "";
    public string Source { get; init; } = "";
    public bool IsYear { get; init; }
    public bool FromDataset { get; init; }

    public IndicatorValueRow Row() => new(Id, IndicatorReads.ValueDay(Period, IsYear), Value, Note, Source, FromDataset);
}

/// <summary>What the indicator partial shows: the indicator, what it belongs to (with a link when it is a field or a
/// measure), the values up to a day (all when null), and the id its elements are named by.</summary>
public sealed record IndicatorView(IndicatorSummary Indicator, string BelongsTo, string? BelongsToUrl, DateOnly? Until, string Id);
