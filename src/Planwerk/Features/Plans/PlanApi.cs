using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Implementation;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Tenancy;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Plans;

/// <summary>The public read API under /api/v1/. Everyone may use it (anonymous); it shows public plans only.</summary>
public static class PlanApi
{
    public sealed record MunicipalityDto(string Slug, string Name, string Url);
    public sealed record PlanSummaryDto(int Id, string Title, int? PeriodStart, int? PeriodEnd, string State, int? PredecessorId, bool IsExample, int MeasureCount, string Url);
    public sealed record PrincipleDto(int Id, int Position, string Title, string Description);
    public sealed record FieldDto(int Id, int Number, string Title, string Description, IReadOnlyList<MeasureDto> Measures);
    public sealed record MeasureDto(
        int Id, string Number, int FieldOfActionId, int Position, string Title, string Goal, string Description, string TargetGroups,
        [property: Description("The organisation that leads the measure (Federführung), from the municipality's registry of organisations; null when none is named.")] OrganisationDto? Lead,
        [property: Description("The partner organisations that carry out the measure with its lead, in the plan team's order.")] IReadOnlyList<OrganisationDto> Partners,
        IReadOnlyList<string> Districts, DateOnly? StartDate, DateOnly? EndDate,
        decimal? EstimatedCost, string Funding, string Priority, IReadOnlyList<int> PrincipleIds, string Status, int Progress, bool IsExample,
        [property: Description("How much the measure counts in the plan's progress when the plan adds up by weight: 0 to 1000, two decimals; 0 leaves it out.")] decimal Weight)
    {
        [Description("The measure's published reports, oldest reporting period first. Reports not yet published (drafts, submitted, returned or accepted ones) are never shown.")]
        public IReadOnlyList<ImplementationApi.ReportDto> Reports { get; init; } = [];

        [Description("The measure's milestones by due date, each with whether it is overdue today (Europe/Berlin).")]
        public IReadOnlyList<ImplementationApi.MilestoneDto> Milestones { get; init; } = [];

        [Description("The measure of the earlier plan this one continues; null when it continues none, or when that plan is not published.")]
        public LineageMeasureDto? CarriedFrom { get; init; }

        [Description("The measure of a later published plan that continues this one (the earliest when there are several); null when none does, or when no such plan is published.")]
        public LineageMeasureDto? ContinuedIn { get; init; }

        [Description("The closing assessment when the plan ends: Achieved, PartlyAchieved, NotAchieved, Continued or Dropped; null until assessed.")]
        public string? Outcome { get; init; }

        [Description("Plain text: what the measure achieved, why it was continued or dropped; empty when none is given.")]
        public string OutcomeText { get; init; } = "";
    }
    /// <summary>The other end of a measure's line: a measure of another published plan.</summary>
    public sealed record LineageMeasureDto(int Id, string Number, int PlanId, string PlanTitle);
    /// <summary>A published plan of the same line.</summary>
    public sealed record PlanRefDto(int Id, string Title);
    /// <summary>An organisation of the municipality's registry.</summary>
    public sealed record OrganisationDto(int Id, string Name);
    public sealed record PlanDto(
        int Id, string Title, int? PeriodStart, int? PeriodEnd, string State, string Summary, int? PredecessorId, bool IsExample,
        IReadOnlyList<PrincipleDto> Principles, IReadOnlyList<FieldDto> Fields)
    {
        [Description("The published plan this one continues; null when it continues none, or when that plan is not published.")]
        public PlanRefDto? Predecessor { get; init; }

        [Description("The published plans that continue this one, oldest period first; plans not published are left out.")]
        public IReadOnlyList<PlanRefDto> Successors { get; init; } = [];

        /// <summary>What this plan calls its guiding principles, fields of action and measures, in German and English.</summary>
        [Description("What this plan calls its levels: principles (e.g. Leitlinien, Leitziele), fields of action (e.g. Handlungsfelder, Themenfelder, Teilbereiche) and measures, each in German and English, singular and plural.")]
        public PlanLevels Levels { get; init; } = PlanLevels.Default;
    }

    public static IEndpointRouteBuilder MapPlanApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AllowAnonymous().WithTags("Plans").CacheOutput(PublicPageCache.VaryingBy(ApiQuery.Keys));

        api.MapGet("/municipalities", async (PlanwerkDbContext db, CancellationToken ct) =>
            await db.Municipalities.AsNoTracking().OrderBy(m => m.Name)
                .Select(m => new MunicipalityDto(m.Slug, m.Name, "/api/v1/municipalities/" + m.Slug))
                .ToListAsync(ct))
            .WithName("ListMunicipalities").WithSummary("All municipalities on this installation.");

        api.MapGet("/municipalities/{municipality}", (HttpContext context) =>
            {
                var m = context.RequiredMunicipality();
                return new MunicipalityDto(m.Slug, m.Name, "/api/v1/municipalities/" + m.Slug);
            })
            .WithName("GetMunicipality").WithSummary("One municipality.");

        api.MapGet("/municipalities/{municipality}/plans", async Task<Results<Ok<List<PlanSummaryDto>>, ValidationProblem>> (
                HttpContext context, PlanwerkDbContext db, CancellationToken ct,
                [Description("Only plans in these states, comma-separated: Draft, InConsultation, InDeliberation, Adopted, InImplementation, Closed, Superseded.")] string? status = null,
                [Description("The page to answer, from 1. Default 1.")] string? page = null,
                [Description("Plans per page, from 1 to 500. Default 100.")] string? pageSize = null) =>
            {
                var query = ApiQuery.Read<PlanState>(status, page, pageSize);
                if (query.Errors.Count > 0) return query.Problem();
                var slug = context.RequiredMunicipality().Slug;
                var plans = db.Plans.AsNoTracking().Where(p => p.IsPublic);
                if (query.Statuses is { } states) plans = plans.Where(p => states.Contains(p.State));
                var total = await plans.CountAsync(ct);
                var list = await plans.OrderByDescending(p => p.PeriodStart).ThenBy(p => p.Title).ThenBy(p => p.Id)
                    .Skip(query.Skip).Take(query.PageSize)
                    .Select(p => new PlanSummaryDto(p.Id, p.Title, p.PeriodStart, p.PeriodEnd, p.State.ToString(), p.Predecessor != null && p.Predecessor.IsPublic ? p.PredecessorId : null, p.IsExample,
                        p.Measures.Count, $"/api/v1/municipalities/{slug}/plans/{p.Id}"))
                    .ToListAsync(ct);
                query.WritePaging(context, total);
                return TypedResults.Ok(list);
            })
            .WithName("ListPlans").WithSummary("The municipality's published plans, newest period first.")
            .WithDescription(ApiQuery.PagingDescription)
            .ProducesValidationProblem();

        api.MapGet("/municipalities/{municipality}/plans/{planId:int}", async Task<Results<Ok<PlanDto>, NotFound>> (int planId, PlanwerkDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var plan = await LoadPlanAsync(db, planId, BerlinTime.Today(clock), ct);
                return plan is null ? TypedResults.NotFound() : TypedResults.Ok(plan);
            })
            .WithName("GetPlan").WithSummary("One published plan with its principles, fields of action and all their measures.")
            .WithDescription("Plans name their levels in their own words (Leitlinien or Leitziele, Handlungsfelder, Themenfelder or Teilbereiche, Maßnahmen); `levels` gives them in German and English, so a client can label principles, fields and measures as the plan does.");

        api.MapGet("/municipalities/{municipality}/plans/{planId:int}/fields", async Task<Results<Ok<IReadOnlyList<FieldDto>>, NotFound>> (int planId, PlanwerkDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var plan = await LoadPlanAsync(db, planId, BerlinTime.Today(clock), ct);
                return plan is null ? TypedResults.NotFound() : TypedResults.Ok(plan.Fields);
            })
            .WithName("ListFields").WithSummary("The fields of action of a published plan, each with its measures.");

        api.MapGet("/municipalities/{municipality}/plans/{planId:int}/fields/{fieldId:int}", async Task<Results<Ok<FieldDto>, NotFound>> (int planId, int fieldId, PlanwerkDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var field = await db.FieldsOfAction.AsNoTracking().Where(f => f.Id == fieldId && f.PlanId == planId && f.Plan!.IsPublic)
                    .Select(f => new { f.Id, f.Number, f.Title, f.Description }).FirstOrDefaultAsync(ct);
                if (field is null) return TypedResults.NotFound();
                var measures = await LoadMeasuresAsync(db, db.Measures.Where(m => m.FieldOfActionId == fieldId), BerlinTime.Today(clock), ct);
                return TypedResults.Ok(new FieldDto(field.Id, field.Number, field.Title, field.Description, measures.InPlanOrder(m => m.Position, m => m.Number).ToList()));
            })
            .WithName("GetField").WithSummary("One field of action of a published plan with its measures.");

        api.MapGet("/municipalities/{municipality}/plans/{planId:int}/measures", async Task<Results<Ok<List<MeasureDto>>, NotFound, ValidationProblem>> (
                int planId, HttpContext context, PlanwerkDbContext db, TimeProvider clock, CancellationToken ct,
                [Description("Only measures with these statuses, comma-separated: NotStarted, InProgress, Completed, Delayed, Discontinued.")] string? status = null,
                [Description("Only measures matching this search term, as the public search matches it: case, umlauts (ä = ae, ß = ss) and accents folded; a measure number such as 1.1 matches exactly that measure. At most 200 characters.")] string? q = null,
                [Description("The page to answer, from 1. Default 1.")] string? page = null,
                [Description("Measures per page, from 1 to 500. Default 100.")] string? pageSize = null) =>
            {
                var query = ApiQuery.Read<MeasureStatus>(status, page, pageSize);
                var term = q?.Trim() ?? "";
                if (term.Length > MeasureSearch.MaxTermLength) query.Errors["q"] = [$"q must be at most {MeasureSearch.MaxTermLength} characters long."];
                if (query.Errors.Count > 0) return query.Problem();
                if (!await db.Plans.AnyAsync(p => p.Id == planId && p.IsPublic, ct)) return TypedResults.NotFound();

                var measures = db.Measures.AsNoTracking().Where(m => m.PlanId == planId);
                if (query.Statuses is { } statuses) measures = measures.Where(m => statuses.Contains(m.Status));
                if (term.Length > 0) measures = measures.Matching(term);
                // Plan order (4.9 before 4.10) is kept in .NET, so the page is cut from the light keys first.
                var keys = await measures.Select(m => new { m.Id, FieldNumber = m.FieldOfAction!.Number, m.Position, m.Number }).ToListAsync(ct);
                var pageIds = keys.OrderBy(k => k.FieldNumber).ThenBy(k => k.Position).ThenBy(k => Measure.NumberSortKey(k.Number), NumberComparer.Instance)
                    .Skip(query.Skip).Take(query.PageSize).Select(k => k.Id).ToList();
                var rows = pageIds.Count == 0 ? [] : await LoadMeasuresAsync(db, db.Measures.Where(m => pageIds.Contains(m.Id)), BerlinTime.Today(clock), ct);
                var byId = rows.ToDictionary(r => r.Id);
                query.WritePaging(context, keys.Count);
                return TypedResults.Ok(pageIds.Select(id => byId[id]).ToList());
            })
            .WithName("ListMeasures").WithSummary("The measures of a published plan, in plan order, filtered and in pages.")
            .WithDescription(ApiQuery.PagingDescription)
            .ProducesValidationProblem();

        api.MapGet("/municipalities/{municipality}/plans/{planId:int}/measures/{measureId:int}", async Task<Results<Ok<MeasureDto>, NotFound>> (int planId, int measureId, PlanwerkDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var measure = await MeasureProjection(db, db.Measures.AsNoTracking().Where(m => m.PlanId == planId && m.Id == measureId && m.Plan!.IsPublic))
                    .AsSingleQuery().FirstOrDefaultAsync(ct);
                if (measure is null) return TypedResults.NotFound();
                var implementation = await ImplementationApi.LoadForMeasuresAsync(db, db.Measures.Where(m => m.Id == measureId), BerlinTime.Today(clock), ct);
                return TypedResults.Ok(measure with { Reports = implementation.Reports[measureId].ToList(), Milestones = implementation.Milestones[measureId].ToList() });
            })
            .WithName("GetMeasure").WithSummary("One measure of a published plan.");

        api.MapImplementationApi();
        return app;
    }

    /// <summary>Every error under <c>/api</c> (an unknown municipality, plan or address, a refused method, a
    /// failure) answers <c>application/problem+json</c> rather than the site's HTML error page. Placed inside
    /// the status-code pages, so the problem body is written before they would re-execute the HTML page.</summary>
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase), api => api.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlanApi)).LogError(e, "The read API failed on {Path}.", context.Request.Path);
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
            var code = context.Response.StatusCode;
            if (code >= 400 && !context.Response.HasStarted && string.IsNullOrEmpty(context.Response.ContentType))
            {
                await TypedResults.Problem(statusCode: code, title: Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(code)).ExecuteAsync(context);
            }
        }));

    /// <summary>The measures with their line: the ends in published plans only, read in the same command.</summary>
    private static IQueryable<MeasureDto> MeasureProjection(PlanwerkDbContext db, IQueryable<Measure> measures) => measures.Select(m => new MeasureDto(
        m.Id, m.Number, m.FieldOfActionId, m.Position, m.Title, m.Goal, m.Description, m.TargetGroups,
        m.Organisations.Where(o => o.Role == MeasureOrganisationRole.Lead).Select(o => new OrganisationDto(o.OrganisationId, o.Organisation!.Name)).FirstOrDefault(),
        m.Organisations.Where(o => o.Role == MeasureOrganisationRole.Partner).OrderBy(o => o.Position).Select(o => new OrganisationDto(o.OrganisationId, o.Organisation!.Name)).ToList(),
        m.Districts.OrderBy(d => d.Name).Select(d => d.Name).ToList(), m.StartDate, m.EndDate, m.EstimatedCost, m.Funding,
        m.Priority.ToString(), m.Principles.OrderBy(p => p.Position).Select(p => p.Id).ToList(), m.Status.ToString(), m.Progress, m.IsExample, m.Weight)
    {
        CarriedFrom = m.CarriedFrom != null && m.CarriedFrom.Plan!.IsPublic
            ? new LineageMeasureDto(m.CarriedFrom.Id, m.CarriedFrom.Number, m.CarriedFrom.PlanId, m.CarriedFrom.Plan.Title)
            : null,
        ContinuedIn = db.Measures.Where(x => x.CarriedFromMeasureId == m.Id && x.Plan!.IsPublic).OrderBy(x => x.PlanId)
            .Select(x => new LineageMeasureDto(x.Id, x.Number, x.PlanId, x.Plan!.Title))
            .FirstOrDefault(),
        Outcome = m.Outcome == null ? null : m.Outcome.Value.ToString(),
        OutcomeText = m.OutcomeText,
    });

    /// <summary>Loads the measures, then their published reports and milestones: two SQL commands more whatever their number.</summary>
    private static async Task<List<MeasureDto>> LoadMeasuresAsync(PlanwerkDbContext db, IQueryable<Measure> measures, DateOnly today, CancellationToken ct)
    {
        var rows = await MeasureProjection(db, measures.AsNoTracking()).AsSplitQuery().ToListAsync(ct);
        if (rows.Count == 0) return rows;
        var implementation = await ImplementationApi.LoadForMeasuresAsync(db, measures, today, ct);
        return rows.Select(m => m with { Reports = implementation.Reports[m.Id].ToList(), Milestones = implementation.Milestones[m.Id].ToList() }).ToList();
    }

    /// <summary>Eight SQL commands whatever the plan's size: the plan with its principles, its fields, its
    /// measures split in four (the measures with their lead, their partners, their districts, their principles), so that long texts are
    /// not repeated for every district-principle pair, and the measures' published reports and their milestones.</summary>
    private static async Task<PlanDto?> LoadPlanAsync(PlanwerkDbContext db, int planId, DateOnly today, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId && p.IsPublic)
            .Select(p => new
            {
                p.Id, p.Title, p.PeriodStart, p.PeriodEnd, p.State, p.Summary, p.IsExample,
                Predecessor = p.Predecessor != null && p.Predecessor.IsPublic
                    ? new PlanRefDto(p.Predecessor.Id, p.Predecessor.Title) : null,
                Successors = db.Plans.Where(x => x.PredecessorId == p.Id && x.IsPublic).OrderBy(x => x.PeriodStart).ThenBy(x => x.Id)
                    .Select(x => new PlanRefDto(x.Id, x.Title)).ToList(),
                Levels = new PlanLevels(new LevelWords(p.PrincipleSingular, p.PrinciplePlural, p.PrincipleSingularEn, p.PrinciplePluralEn),
                    new LevelWords(p.FieldSingular, p.FieldPlural, p.FieldSingularEn, p.FieldPluralEn),
                    new LevelWords(p.MeasureSingular, p.MeasurePlural, p.MeasureSingularEn, p.MeasurePluralEn)),
                Principles = p.Principles.OrderBy(x => x.Position).Select(x => new PrincipleDto(x.Id, x.Position, x.Title, x.Description)).ToList(),
            })
            .AsSingleQuery()
            .FirstOrDefaultAsync(ct);
        if (plan is null) return null;

        var fields = await db.FieldsOfAction.AsNoTracking().Where(f => f.PlanId == planId).OrderBy(f => f.Number)
            .Select(f => new { f.Id, f.Number, f.Title, f.Description }).ToListAsync(ct);
        var measures = await LoadMeasuresAsync(db, db.Measures.Where(m => m.PlanId == planId), today, ct);
        var byField = measures.ToLookup(m => m.FieldOfActionId);

        return new PlanDto(plan.Id, plan.Title, plan.PeriodStart, plan.PeriodEnd, plan.State.ToString(), plan.Summary, plan.Predecessor?.Id, plan.IsExample,
            plan.Principles,
            fields.Select(f => new FieldDto(f.Id, f.Number, f.Title, f.Description,
                byField[f.Id].InPlanOrder(m => m.Position, m => m.Number).ToList())).ToList())
        { Levels = plan.Levels, Predecessor = plan.Predecessor, Successors = plan.Successors };
    }
}

/// <summary>Compares measure numbers part by part, so 4.10 follows 4.9.</summary>
public sealed class NumberComparer : IComparer<int[]>
{
    public static readonly NumberComparer Instance = new();

    public int Compare(int[]? x, int[]? y)
    {
        if (x is null || y is null) return (x is null ? 0 : 1) - (y is null ? 0 : 1);
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            var c = x[i].CompareTo(y[i]);
            if (c != 0) return c;
        }
        return x.Length.CompareTo(y.Length);
    }
}
