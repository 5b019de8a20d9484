using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Plans;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Implementation;

/// <summary>How a published plan is carried out, in the read API under /api/v1/: its roll-up, its reporting periods and
/// its indicators as endpoints of their own, and each measure's published reports and milestones inside the measure
/// objects (<see cref="LoadForMeasuresAsync"/>). Only published plans, and of their reports only the published ones.</summary>
public static class ImplementationApi
{
    [Description("One of the five public kinds of status with the number of measures in it.")]
    public sealed record StatusCountDto(
        [property: Description("NotStarted, InProgress, Completed, Delayed or Discontinued.")] string Status,
        int Count);

    [Description("Measures added up: how many, how many of them count for the progress, the progress and the distribution over the five kinds of status.")]
    public sealed record RollUpDto(
        [property: Description("All measures, discontinued ones included.")] int Count,
        [property: Description("The average progress in per cent (0 to 100), unrounded, by the plan's method; null when no measure counts for it.")] double? Progress,
        [property: Description("How many measures count for the progress: discontinued ones never, and by the weighted method not those of weight 0.")] int CountedForProgress,
        [property: Description("Every kind of status, in this order: NotStarted, InProgress, Completed, Delayed, Discontinued.")] IReadOnlyList<StatusCountDto> ByStatus);

    [Description("A field of action's measures added up.")]
    public sealed record FieldRollUpDto(int FieldOfActionId, int Number, string Title, RollUpDto RollUp);

    [Description("A span of the plan's years on which the offices report.")]
    public sealed record ReportingPeriodDto(int Id, string Name, DateOnly StartsOn, DateOnly EndsOn,
        [property: Description("The day by which the period's reports are due.")] DateOnly DueOn);

    [Description("How far a published plan has come, as its public dashboard shows it.")]
    public sealed record ImplementationDto(
        int PlanId,
        [property: Description("How progress is added up: Average (every measure alike) or Weighted (each by its weight).")] string Method,
        [property: Description("The whole plan.")] RollUpDto Plan,
        [property: Description("Each field of action, in the plan's order.")] IReadOnlyList<FieldRollUpDto> Fields,
        [property: Description("The plan's reporting periods, oldest first.")] IReadOnlyList<ReportingPeriodDto> ReportingPeriods,
        [property: Description("Open milestones whose due date has passed, counted by today's date in Europe/Berlin.")] int OverdueMilestones);

    [Description("A status of the municipality's catalogue.")]
    public sealed record ReportStatusDto(string Name,
        [property: Description("The English name; empty when the municipality gave none.")] string NameEn,
        [property: Description("The public kind it belongs to: NotStarted, InProgress, Completed, Delayed or Discontinued.")] string Kind);

    [Description("A published report of a measure for one reporting period, with its texts as published.")]
    public sealed record ReportDto(
        int Id,
        ReportingPeriodDto Period,
        [property: Description("The status the report gives; null when it gives none.")] ReportStatusDto? Status,
        [property: Description("Progress in per cent (0 to 100): the report's own, else its status's proposed one; null when neither says.")] int? Progress,
        [property: Description("What was done (Markdown).")] string Done,
        [property: Description("The next steps (Markdown).")] string NextSteps,
        [property: Description("Obstacles (Markdown).")] string Obstacles,
        [property: Description("Euros spent on the measure so far; null when not said.")] decimal? Spent,
        [property: Description("http and https addresses the report names.")] IReadOnlyList<string> Links,
        DateTimeOffset? PublishedAt);

    [Description("A dated step of carrying out a measure.")]
    public sealed record MilestoneDto(
        int Id, string Title, DateOnly DueOn,
        [property: Description("When it was reached; null while it is open.")] DateOnly? DoneOn,
        [property: Description("Plain text.")] string Note,
        [property: Description("Open and due before today (Europe/Berlin).")] bool Overdue);

    [Description("A measured value of an indicator on a day.")]
    public sealed record IndicatorValueDto(DateOnly On, decimal Value, string Note,
        [property: Description("Where this value comes from; empty when the indicator's source holds.")] string Source);

    [Description("Where an indicator stands against its target.")]
    public sealed record IndicatorTrackDto(
        [property: Description("NoValues, TargetReached, OnTrack or Behind.")] string State,
        [property: Description("The latest value by date; null when there are none.")] IndicatorValueDto? Latest,
        [property: Description("The value expected on the latest value's day on the straight path from baseline to target; null when there are no values.")] decimal? Expected);

    [Description("A measurable sign of whether the plan works, with its baseline, target and dated values.")]
    public sealed record IndicatorDto(
        int Id, string Name,
        [property: Description("What is counted, how, and what it means (plain text).")] string Definition,
        [property: Description("The unit, e.g. % or Personen; empty for a plain number.")] string Unit,
        [property: Description("Where the values come from.")] string Source,
        [property: Description("HigherIsBetter or LowerIsBetter.")] string Direction,
        decimal BaselineValue, DateOnly BaselineOn, decimal TargetValue, DateOnly TargetOn,
        [property: Description("Plan, FieldOfAction or Measure: what the indicator belongs to.")] string BelongsTo,
        [property: Description("Set when it belongs to a field of action.")] int? FieldOfActionId,
        [property: Description("Set when it belongs to a measure.")] int? MeasureId,
        [property: Description("Its values, oldest first.")] IReadOnlyList<IndicatorValueDto> Values,
        IndicatorTrackDto Track);

    /// <summary>A measure's published reports and milestones, for the measure objects of the read API.</summary>
    public sealed record MeasureImplementation(ILookup<int, ReportDto> Reports, ILookup<int, MilestoneDto> Milestones);

    public static RouteGroupBuilder MapImplementationApi(this RouteGroupBuilder api)
    {
        api.MapGet("/municipalities/{municipality}/plans/{planId:int}/implementation", async Task<Results<Ok<ImplementationDto>, NotFound>> (
                int planId, PlanwerkDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var implementation = await LoadImplementationAsync(db, planId, BerlinTime.Today(clock), ct);
                return implementation is null ? TypedResults.NotFound() : TypedResults.Ok(implementation);
            })
            .WithName("GetImplementation").WithSummary("How far a published plan has come: its roll-up for the plan and each field, its reporting periods and its overdue milestones.")
            .WithDescription("The same numbers as the plan's public dashboard, added up by the plan's method (`method`). Each measure's reports and milestones are part of the measure objects.");

        api.MapGet("/municipalities/{municipality}/plans/{planId:int}/indicators", async Task<Results<Ok<List<IndicatorDto>>, NotFound>> (
                int planId, PlanwerkDbContext db, CancellationToken ct) =>
            {
                if (!await db.Plans.AnyAsync(p => p.Id == planId && p.IsPublic, ct)) return TypedResults.NotFound();
                return TypedResults.Ok(await LoadIndicatorsAsync(db, planId, ct));
            })
            .WithName("ListIndicators").WithSummary("The indicators of a published plan, its fields and its measures, with their values and whether each is on track.")
            .WithDescription("In the plan's order. `track` says where the latest value stands against the straight path from baseline to target.");

        return api;
    }

    /// <summary>Five SQL commands whatever the plan's size: the plan, its fields, one roll-up row per measure
    /// (<see cref="PlanRollUps"/>, as the dashboard reads them), its reporting periods and the count of overdue milestones.</summary>
    private static async Task<ImplementationDto?> LoadImplementationAsync(PlanwerkDbContext db, int planId, DateOnly today, CancellationToken ct)
    {
        var plan = await db.PublishedPlanAsync(planId, ct);
        if (plan is null) return null;
        var fields = await db.FieldsOfPlanAsync(planId, ct);
        var rollUp = await PlanRollUps.LoadAsync(db, plan, ct);
        var periods = await db.ReportingPeriods.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.StartsOn).ThenBy(p => p.Id)
            .Select(p => new ReportingPeriodDto(p.Id, p.Name, p.StartsOn, p.EndsOn, p.DueOn)).ToListAsync(ct);
        var overdue = await db.Milestones.CountAsync(x => x.Measure!.PlanId == planId && x.DoneOn == null && x.DueOn < today, ct);
        return new ImplementationDto(plan.Id, rollUp.Method.ToString(), Dto(rollUp.Plan),
            fields.Select(f => new FieldRollUpDto(f.Id, f.Number, f.Title, Dto(rollUp.Field(f.Id)))).ToList(), periods, overdue);
    }

    private static RollUpDto Dto(ProgressRollUp r) =>
        new(r.Count, r.Progress, r.CountedForProgress, r.ByStatus.Select(s => new StatusCountDto(s.Status.ToString(), s.Count)).ToList());

    /// <summary>The plan's indicators as the indicator pages and the dashboard read them (<see cref="Indicators.IndicatorReads"/>):
    /// two SQL commands, the indicators and their values; where each stands by <see cref="IndicatorTrack"/>.</summary>
    private static async Task<List<IndicatorDto>> LoadIndicatorsAsync(PlanwerkDbContext db, int planId, CancellationToken ct) =>
        (await Indicators.IndicatorReads.OfPlanAsync(db, planId, null, ct)).Select(i =>
        {
            var values = i.Values.Select(v => new IndicatorValueDto(v.On, v.Value, v.Note, v.Source)).ToList();
            var track = i.Track();
            // The latest is the last of the latest day's values, as the values come in the order they were entered.
            var latest = track.Latest is null ? null : values.Last(v => v.On == track.Latest.On);
            return new IndicatorDto(i.Id, i.Name, i.Definition, i.Unit, i.Source, i.Direction.ToString(),
                i.BaselineValue, i.BaselineOn, i.TargetValue, i.TargetOn,
                i.MeasureId is not null ? "Measure" : i.FieldId is not null ? "FieldOfAction" : "Plan", i.FieldId, i.MeasureId,
                values, new IndicatorTrackDto(track.State.ToString(), latest, track.Expected));
        }).ToList();

    /// <summary>The published reports and the milestones of <paramref name="measures"/>, by measure id: two SQL commands
    /// whatever their number. Reports oldest period first; milestones by due date.</summary>
    public static async Task<MeasureImplementation> LoadForMeasuresAsync(PlanwerkDbContext db, IQueryable<Measure> measures, DateOnly today, CancellationToken ct)
    {
        var reports = await (
                from m in measures
                join r in db.MeasureReports on m.Id equals r.MeasureId
                where r.State == ReportState.Published
                orderby r.ReportingPeriod!.StartsOn, r.Id
                select new
                {
                    r.MeasureId, r.Id,
                    Period = new ReportingPeriodDto(r.ReportingPeriodId, r.ReportingPeriod!.Name, r.ReportingPeriod.StartsOn, r.ReportingPeriod.EndsOn, r.ReportingPeriod.DueOn),
                    Status = r.Status == null ? null : new ReportStatusDto(r.Status.Name, r.Status.NameEn, r.Status.Kind.ToString()),
                    r.Progress, StatusProgress = r.Status == null ? null : r.Status.DefaultProgress,
                    r.Done, r.NextSteps, r.Obstacles, r.Spent, r.Links, r.PublishedAt,
                })
            .AsNoTracking().ToListAsync(ct);
        var milestones = await (
                from m in measures
                join x in db.Milestones on m.Id equals x.MeasureId
                orderby x.DueOn, x.Id
                select new { x.MeasureId, x.Id, x.Title, x.DueOn, x.DoneOn, x.Note })
            .AsNoTracking().ToListAsync(ct);
        return new MeasureImplementation(
            reports.ToLookup(r => r.MeasureId, r => new ReportDto(r.Id, r.Period, r.Status, MeasureReport.EffectiveProgress(r.Progress, r.StatusProgress),
                r.Done, r.NextSteps, r.Obstacles, r.Spent, MeasureReport.SplitLinks(r.Links), r.PublishedAt)),
            milestones.ToLookup(x => x.MeasureId, x => new MilestoneDto(x.Id, x.Title, x.DueOn, x.DoneOn, x.Note, Milestone.IsOverdue(x.DueOn, x.DoneOn, today))));
    }
}
