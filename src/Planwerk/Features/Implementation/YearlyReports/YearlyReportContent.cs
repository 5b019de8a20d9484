using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Plans;

namespace Planwerk.Features.Implementation.YearlyReports;

/// <summary>A reporting period that ends in the report's year.</summary>
public sealed record YearlyPeriod(int Id, string Name, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>A published report of a measure for one of the year's periods.</summary>
public sealed record YearlyMeasureReport(
    int PeriodId, string PeriodName, string StatusName, MeasureStatus? StatusKind, int? Progress, string Done, string NextSteps, string Obstacles,
    decimal? Spent, string Links, DateOnly? PublishedOn);

/// <summary>A measure as the yearly report shows it: its status and progress at the year's end (<see cref="BasisPeriod"/>
/// names the period of the published report they come from; null when they are the measure's live values, as no report
/// up to the year's end is published), its weight, and its published report for each of the year's periods (null where
/// there is none).</summary>
public sealed record YearlyMeasure(
    int Id, int FieldId, string Number, string Title, string Lead, MeasureStatus Status, int Progress, decimal Weight, string? BasisPeriod,
    IReadOnlyList<YearlyMeasureReport?> Reports);

public sealed record YearlyField(int Id, int Number, string Title, IReadOnlyList<YearlyMeasure> Measures);

/// <summary>A milestone with its measure; <see cref="DoneOn"/> only when it was done before the report's cut-off day.</summary>
public sealed record YearlyMilestone(int MeasureId, string MeasureNumber, string MeasureTitle, string Title, DateOnly DueOn, DateOnly? DoneOn);

/// <summary>An indicator with what it belongs to (the plan, a field's number or a measure's number) and where it stood
/// at the year's end: <see cref="Track"/> from <see cref="IndicatorTrack.Of"/> given only the values up to the year's end.</summary>
public sealed record YearlyIndicator(
    int Id, string Name, string Unit, IndicatorDirection Direction, int? FieldNumber, string? MeasureNumber,
    decimal Baseline, DateOnly BaselineOn, decimal Target, DateOnly TargetOn, IndicatorTrackResult Track);

/// <summary>A yearly report with what the pages need of its plan. <see cref="IsPublic"/>: published, of a public plan.</summary>
public sealed record YearlyReportHeader(
    int Id, int PlanId, int Year, string Foreword, DateOnly? PublishedOn, int Version,
    string PlanTitle, int? PeriodStart, int? PeriodEnd, bool PlanIsPublic, RollUpMethod RollUpMethod, PlanLevels Levels)
{
    public bool IsPublic => PublishedOn is not null && PlanIsPublic;
}

/// <summary>How many reports of the year's periods are not (yet) published, by state; for the plan team's preview.</summary>
public sealed record PendingReports(int Draft, int Submitted, int Returned, int Accepted)
{
    public int Total => Draft + Submitted + Returned + Accepted;
}

/// <summary>What a plan's yearly report says, computed once and shown alike by the print view, the PDF and the XLSX.
/// <list type="bullet">
/// <item>The roll-up is <see cref="RollUp.Compute"/> over every measure of the plan, each with the status and progress of
/// its latest published report of a period that ends in or before the year (a status's kind, the report's progress or
/// else its status's proposed one), or with its live values where no such report is published.</item>
/// <item>The measures' reports are the published reports of the periods that end in the year; unpublished ones are not
/// part of the report, in the draft either (the plan team's preview counts them).</item>
/// <item>Milestones are those due in the year and those overdue at the cut-off day (<see cref="StateDay"/>: the day after
/// the year, or today while the year runs).</item>
/// <item>Indicators are judged by <see cref="IndicatorTrack.Of"/> on their values up to the year's end.</item>
/// </list>
/// Seven SQL commands whatever the plan's size: <see cref="FindAsync"/> and <see cref="LoadAsync"/>.</summary>
public sealed class YearlyReportContent
{
    public required int PlanId { get; init; }
    public required string PlanTitle { get; init; }
    public required string PlanPeriod { get; init; }
    public required PlanLevels Levels { get; init; }
    public required int Year { get; init; }
    public required string Foreword { get; init; }
    public required DateOnly? PublishedOn { get; init; }
    /// <summary>The day the milestones' states are taken on: the day after the year, or today while the year runs.</summary>
    public required DateOnly StateDay { get; init; }
    public required PlanRollUp RollUp { get; init; }
    public required IReadOnlyList<YearlyField> Fields { get; init; }
    public required IReadOnlyList<YearlyPeriod> Periods { get; init; }
    public required IReadOnlyList<YearlyMilestone> MilestonesDue { get; init; }
    public required IReadOnlyList<YearlyMilestone> MilestonesOverdue { get; init; }
    public required IReadOnlyList<YearlyIndicator> Indicators { get; init; }

    public DateOnly YearStart => new(Year, 1, 1);
    public DateOnly YearEnd => new(Year, 12, 31);
    public bool IsDraft => PublishedOn is null;
    /// <summary>Whether the year is still running: then the milestones' states are today's.</summary>
    public bool YearRuns => StateDay <= YearEnd;

    public IEnumerable<YearlyMeasure> Measures => Fields.SelectMany(f => f.Measures);

    /// <summary>How many measures' status at the year's end comes from a published report, and how many from live values.</summary>
    public int FromReports => Measures.Count(m => m.BasisPeriod is not null);
    public int FromLiveValues => Measures.Count(m => m.BasisPeriod is null);

    /// <summary>The published reports of the year's periods.</summary>
    public int PublishedReports => Measures.Sum(m => m.Reports.Count(r => r is not null));

    /// <summary>The years a plan may have a yearly report for: those in which one of its reporting periods ends.</summary>
    public static IReadOnlyList<int> YearsOf(IEnumerable<DateOnly> periodEnds) => periodEnds.Select(d => d.Year).Distinct().Order().ToList();

    /// <summary>The yearly report of a plan and year with what the pages need of its plan, in one command; null when
    /// there is none (or the plan is another municipality's).</summary>
    public static Task<YearlyReportHeader?> FindAsync(PlanwerkDbContext db, int planId, int year, CancellationToken ct) =>
        db.YearlyReports.AsNoTracking().Where(r => r.PlanId == planId && r.Year == year)
            .Select(r => new YearlyReportHeader(r.Id, r.PlanId, r.Year, r.Foreword, r.PublishedOn, r.Version,
                r.Plan!.Title, r.Plan.PeriodStart, r.Plan.PeriodEnd, r.Plan.IsPublic, r.Plan.RollUpMethod,
                new PlanLevels(new LevelWords(r.Plan.PrincipleSingular, r.Plan.PrinciplePlural, r.Plan.PrincipleSingularEn, r.Plan.PrinciplePluralEn),
                    new LevelWords(r.Plan.FieldSingular, r.Plan.FieldPlural, r.Plan.FieldSingularEn, r.Plan.FieldPluralEn),
                    new LevelWords(r.Plan.MeasureSingular, r.Plan.MeasurePlural, r.Plan.MeasureSingularEn, r.Plan.MeasurePluralEn))))
            .FirstOrDefaultAsync(ct);

    /// <summary>The content of the report <paramref name="header"/> names: six commands (fields, the plan's periods, the
    /// measures, the published reports up to the year's end, the milestones, the indicators with their values).</summary>
    public static async Task<YearlyReportContent> LoadAsync(PlanwerkDbContext db, YearlyReportHeader header, DateOnly today, CancellationToken ct)
    {
        var (planId, year) = (header.PlanId, header.Year);
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);
        var stateDay = today <= yearEnd ? today : yearEnd.AddDays(1);

        var fields = await db.FieldsOfPlanAsync(planId, ct);
        // All of the plan's periods (a few dozen at most): those up to the year's end are the basis of the roll-up, those
        // that end in the year the report's own.
        var allPeriods = await db.ReportingPeriods.AsNoTracking().Where(p => p.PlanId == planId)
            .OrderBy(p => p.StartsOn)
            .Select(p => new YearlyPeriod(p.Id, p.Name, p.StartsOn, p.EndsOn))
            .ToListAsync(ct);
        var periods = allPeriods.Where(p => p.EndsOn >= yearStart && p.EndsOn <= yearEnd).ToList();
        var periodOf = allPeriods.ToDictionary(p => p.Id);

        var measures = await db.Measures.AsNoTracking().Where(m => m.PlanId == planId)
            .Select(m => new
            {
                m.Id, m.FieldOfActionId, m.Position, m.Number, m.Title, m.Status, m.Progress, m.Weight,
                Lead = m.Organisations.Where(o => o.Role == MeasureOrganisationRole.Lead).Select(o => o.Organisation!.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);

        // Every published report of a period that ends by the year's end, in one command; only those of the year's own
        // periods carry their texts. The latest per measure is picked here rather than in SQL: as a window over each
        // measure's reports inside the measures' query it took PostgreSQL 50 seconds for 6,600 measures with eight
        // periods, against 2 seconds for the whole page this way.
        var reports = await db.MeasureReports.AsNoTracking()
            .Where(r => r.State == ReportState.Published && r.ReportingPeriod!.PlanId == planId && r.ReportingPeriod.EndsOn <= yearEnd)
            .Select(r => new
            {
                r.MeasureId, r.ReportingPeriodId, InYear = r.ReportingPeriod!.EndsOn >= yearStart,
                StatusName = r.Status != null ? r.Status.Name : "", StatusNameEn = r.Status != null ? r.Status.NameEn : "",
                Kind = (MeasureStatus?)r.Status!.Kind, r.Progress, DefaultProgress = r.Status!.DefaultProgress,
                Done = r.ReportingPeriod.EndsOn >= yearStart ? r.Done : "",
                NextSteps = r.ReportingPeriod.EndsOn >= yearStart ? r.NextSteps : "",
                Obstacles = r.ReportingPeriod.EndsOn >= yearStart ? r.Obstacles : "",
                Links = r.ReportingPeriod.EndsOn >= yearStart ? r.Links : "",
                r.Spent, r.PublishedAt,
            })
            .ToListAsync(ct);
        var reportOf = reports.Where(r => r.InYear).ToDictionary(r => (r.MeasureId, r.ReportingPeriodId));
        var basisOf = reports.GroupBy(r => r.MeasureId).ToDictionary(g => g.Key, g => g.MaxBy(r => periodOf[r.ReportingPeriodId].EndsOn)!);

        var milestones = await db.Milestones.AsNoTracking()
            .Where(x => x.Measure!.PlanId == planId && x.DueOn <= yearEnd
                && (x.DueOn >= yearStart || (x.DueOn < stateDay && (x.DoneOn == null || x.DoneOn >= stateDay))))
            .OrderBy(x => x.DueOn).ThenBy(x => x.Id)
            .Select(x => new YearlyMilestone(x.MeasureId, x.Measure!.Number, x.Measure.Title, x.Title, x.DueOn, x.DoneOn))
            .ToListAsync(ct);
        // A milestone done after the cut-off day was still open on it.
        milestones = milestones.Select(x => x.DoneOn is { } done && done >= stateDay ? x with { DoneOn = null } : x).ToList();

        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == planId)
            .OrderBy(i => i.Position).ThenBy(i => i.Id)
            .Select(i => new
            {
                i.Id, i.Name, i.Unit, i.Direction, i.BaselineValue, i.BaselineOn, i.TargetValue, i.TargetOn,
                FieldNumber = i.FieldOfAction != null ? (int?)i.FieldOfAction.Number : null,
                MeasureNumber = i.Measure != null ? i.Measure.Number : null,
                i.DatasetId,
                Values = i.Values.Where(v => v.On <= yearEnd).OrderBy(v => v.On).ThenBy(v => v.Id).Select(v => new IndicatorPoint(v.On, v.Value)).ToList(),
                // An indicator fed by a dataset reads the figures of its series instead (a year's figure counts on 31 December,
                // so the figures of years up to this one, whose 1 January is before the year's end).
                IsYear = i.Dataset != null && i.Dataset.PeriodKind == Statistics.StatisticsPeriodKind.Year,
                Observed = db.StatisticsObservations
                    .Where(o => o.DatasetId == i.DatasetId && o.CategoryId == i.DatasetCategoryId && o.Value != null && o.Period <= yearEnd)
                    .OrderBy(o => o.Period).Select(o => new { o.Period, Value = o.Value!.Value }).ToList(),
            })
            .ToListAsync(ct);
        indicators = indicators.Select(i => i.DatasetId is null ? i : i with
        {
            Values = i.Observed.Select(o => new IndicatorPoint(Implementation.Indicators.IndicatorReads.ValueDay(o.Period, i.IsYear), o.Value)).ToList(),
        }).ToList();

        var rows = measures.InPlanOrder(m => m.Position, m => m.Number).Select(m =>
        {
            var (status, progress) = (m.Status, m.Progress);
            var basis = basisOf.GetValueOrDefault(m.Id);
            if (basis is not null)
            {
                status = basis.Kind ?? status;
                progress = MeasureReport.EffectiveProgress(basis.Progress, basis.DefaultProgress) ?? progress;
            }
            var own = periods.Select(p => reportOf.TryGetValue((m.Id, p.Id), out var r)
                ? new YearlyMeasureReport(p.Id, p.Name, ImplementationStatus.Shown(r.StatusName, r.StatusNameEn), r.Kind,
                    MeasureReport.EffectiveProgress(r.Progress, r.DefaultProgress), r.Done, r.NextSteps, r.Obstacles, r.Spent, r.Links,
                    r.PublishedAt is { } at ? Infrastructure.Time.BerlinTime.Day(at) : null)
                : null).ToList();
            return new YearlyMeasure(m.Id, m.FieldOfActionId, m.Number, m.Title, m.Lead ?? "", status, progress, m.Weight,
                basis is null ? null : periodOf[basis.ReportingPeriodId].Name, own);
        }).ToList();
        var byField = rows.ToLookup(m => m.FieldId);

        return new YearlyReportContent
        {
            PlanId = planId,
            PlanTitle = header.PlanTitle,
            PlanPeriod = Plan.FormatPeriod(header.PeriodStart, header.PeriodEnd),
            Levels = header.Levels,
            Year = year,
            Foreword = header.Foreword,
            PublishedOn = header.PublishedOn,
            StateDay = stateDay,
            RollUp = Implementation.RollUp.Compute(rows.Select(m => new RollUpMeasure(m.FieldId, m.Status, m.Progress, m.Weight)).ToList(), header.RollUpMethod),
            Fields = fields.Select(f => new YearlyField(f.Id, f.Number, f.Title, byField[f.Id].ToList())).ToList(),
            Periods = periods,
            MilestonesDue = milestones.Where(x => x.DueOn >= yearStart).ToList(),
            MilestonesOverdue = milestones.Where(x => x.DueOn < stateDay && x.DoneOn is null).ToList(),
            Indicators = indicators.Select(i => new YearlyIndicator(i.Id, i.Name, i.Unit, i.Direction, i.FieldNumber, i.MeasureNumber,
                i.BaselineValue, i.BaselineOn, i.TargetValue, i.TargetOn,
                IndicatorTrack.Of(i.Direction, i.BaselineOn, i.BaselineValue, i.TargetOn, i.TargetValue, i.Values))).ToList(),
        };
    }

    /// <summary>How many reports of the periods that end in the year are not published, by state (one command).</summary>
    public static async Task<PendingReports> PendingAsync(PlanwerkDbContext db, int planId, int year, CancellationToken ct)
    {
        var (yearStart, yearEnd) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var counts = await db.MeasureReports.AsNoTracking()
            .Where(r => r.State != ReportState.Published && r.ReportingPeriod!.PlanId == planId && r.ReportingPeriod.EndsOn >= yearStart && r.ReportingPeriod.EndsOn <= yearEnd)
            .GroupBy(r => r.State).Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.State, g => g.Count, ct);
        return new PendingReports(counts.GetValueOrDefault(ReportState.Draft), counts.GetValueOrDefault(ReportState.Submitted),
            counts.GetValueOrDefault(ReportState.Returned), counts.GetValueOrDefault(ReportState.Accepted));
    }

    /// <summary>A value of an indicator as the indicator pages write it, with its unit: "42,5 %".</summary>
    public static string Value(decimal value, string unit) => Planwerk.Features.Implementation.Indicators.IndicatorNumber.WithUnit(value, unit);
}
