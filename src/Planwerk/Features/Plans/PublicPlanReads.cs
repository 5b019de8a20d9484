using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Implementation;

namespace Planwerk.Features.Plans;

public sealed record PrincipleRow(int Id, int Position, string Title, string Description);

public sealed record PlanHeader(
    int Id, string Title, int? PeriodStart, int? PeriodEnd, PlanState State, string Summary, bool IsExample,
    int? PublicPredecessorId, string? PublicPredecessorTitle, IReadOnlyList<PrincipleRow> Principles)
{
    /// <summary>The version the council adopted, when it did: the public pages show it by default.</summary>
    public int? AdoptedVersionId { get; init; }
    public DateOnly? AdoptedOn { get; init; }
    /// <summary>What the plan calls its levels.</summary>
    public PlanLevels Levels { get; init; } = PlanLevels.Default;
    /// <summary>How the plan adds up its measures' progress.</summary>
    public RollUpMethod RollUpMethod { get; init; }
}

public sealed record FieldRow(int Id, int Number, string Title, string Description);

/// <summary>A measure as listed in tables: enough to find it and see how far it is.
/// <see cref="Id"/> is 0 for a measure of the adopted version that no longer exists (it has no page).</summary>
public sealed record MeasureRow(int Id, int FieldOfActionId, int Position, string Number, string Title, MeasureStatus Status, int Progress, bool IsExample)
{
    /// <summary>The measure's lasting key (<see cref="Measure.Key"/>): how the adopted version's measures find their live status.</summary>
    public int Key { get; init; }
}

public sealed record FieldWithMeasures(FieldRow Field, IReadOnlyList<MeasureRow> Measures);

public sealed record PrincipleRef(int Id, int Position, string Title);

public sealed record DistrictRef(string Name, DistrictKind Kind);

/// <summary>Every fact of a measure, with the names of its plan, field, principles and districts.</summary>
public sealed record MeasureFacts(
    int Id, int PlanId, string PlanTitle, int FieldOfActionId, int FieldNumber, string FieldTitle, int Position, string Number, string Title,
    string Goal, string Description, string TargetGroups, string Lead, IReadOnlyList<string> Partners,
    DateOnly? StartDate, DateOnly? EndDate, decimal? EstimatedCost, string Funding, MeasurePriority Priority, MeasureStatus Status, int Progress,
    bool IsExample, DateTimeOffset UpdatedAt, IReadOnlyList<PrincipleRef> Principles, IReadOnlyList<DistrictRef> Districts)
{
    /// <summary>What the measure's plan calls its levels.</summary>
    public PlanLevels Levels { get; init; } = PlanLevels.Default;
}

/// <summary>The queries behind the public plan pages. Each is one SQL command whatever the plan's
/// size (collections are projected in the same statement, nothing is loaded lazily), so a page
/// costs the same few commands for 6 measures as for 6,000. Only public plans are ever read.</summary>
public static class PublicPlanReads
{
    public static Task<PlanHeader?> PublishedPlanAsync(this PlanwerkDbContext db, int planId, CancellationToken ct) =>
        db.Plans.AsNoTracking()
            .Where(p => p.Id == planId && p.IsPublic)
            .Select(p => new PlanHeader(
                p.Id, p.Title, p.PeriodStart, p.PeriodEnd, p.State, p.Summary, p.IsExample,
                p.Predecessor != null && p.Predecessor.IsPublic ? p.PredecessorId : null,
                p.Predecessor != null && p.Predecessor.IsPublic ? p.Predecessor.Title : null,
                p.Principles.OrderBy(x => x.Position).Select(x => new PrincipleRow(x.Id, x.Position, x.Title, x.Description)).ToList())
            {
                AdoptedVersionId = p.AdoptedVersionId, AdoptedOn = p.AdoptedOn, RollUpMethod = p.RollUpMethod,
                Levels = new PlanLevels(new LevelWords(p.PrincipleSingular, p.PrinciplePlural, p.PrincipleSingularEn, p.PrinciplePluralEn),
                    new LevelWords(p.FieldSingular, p.FieldPlural, p.FieldSingularEn, p.FieldPluralEn),
                    new LevelWords(p.MeasureSingular, p.MeasurePlural, p.MeasureSingularEn, p.MeasurePluralEn)),
            })
            .FirstOrDefaultAsync(ct);

    public static Task<List<FieldRow>> FieldsOfPlanAsync(this PlanwerkDbContext db, int planId, CancellationToken ct) =>
        db.FieldsOfAction.AsNoTracking()
            .Where(f => f.PlanId == planId)
            .OrderBy(f => f.Number).ThenBy(f => f.Id)
            .Select(f => new FieldRow(f.Id, f.Number, f.Title, f.Description))
            .ToListAsync(ct);

    public static Task<List<MeasureRow>> MeasureRows(this IQueryable<Measure> measures, CancellationToken ct) =>
        measures.AsNoTracking()
            .Select(m => new MeasureRow(m.Id, m.FieldOfActionId, m.Position, m.Number, m.Title, m.Status, m.Progress, m.IsExample) { Key = m.Key })
            .ToListAsync(ct);

    public static readonly Expression<Func<Measure, MeasureFacts>> Facts = m => new MeasureFacts(
        m.Id, m.PlanId, m.Plan!.Title, m.FieldOfActionId, m.FieldOfAction!.Number, m.FieldOfAction.Title, m.Position, m.Number, m.Title,
        m.Goal, m.Description, m.TargetGroups,
        m.Organisations.Where(o => o.Role == MeasureOrganisationRole.Lead).Select(o => o.Organisation!.Name).FirstOrDefault() ?? "",
        m.Organisations.Where(o => o.Role == MeasureOrganisationRole.Partner).OrderBy(o => o.Position).Select(o => o.Organisation!.Name).ToList(),
        m.StartDate, m.EndDate, m.EstimatedCost, m.Funding, m.Priority, m.Status, m.Progress, m.IsExample, m.UpdatedAt,
        m.Principles.OrderBy(p => p.Position).Select(p => new PrincipleRef(p.Id, p.Position, p.Title)).ToList(),
        m.Districts.OrderBy(d => d.Kind).ThenBy(d => d.Name).Select(d => new DistrictRef(d.Name, d.Kind)).ToList())
    {
        Levels = new PlanLevels(new LevelWords(m.Plan.PrincipleSingular, m.Plan.PrinciplePlural, m.Plan.PrincipleSingularEn, m.Plan.PrinciplePluralEn),
            new LevelWords(m.Plan.FieldSingular, m.Plan.FieldPlural, m.Plan.FieldSingularEn, m.Plan.FieldPluralEn),
            new LevelWords(m.Plan.MeasureSingular, m.Plan.MeasurePlural, m.Plan.MeasureSingularEn, m.Plan.MeasurePluralEn)),
    };

    /// <summary>The plan's fields in number order, each with its measures in their order.</summary>
    public static IReadOnlyList<FieldWithMeasures> GroupByField(IReadOnlyList<FieldRow> fields, IEnumerable<MeasureRow> measures)
    {
        var byField = measures.ToLookup(m => m.FieldOfActionId);
        return fields.Select(f => new FieldWithMeasures(f, byField[f.Id].InPlanOrder(m => m.Position, m => m.Number).ToList())).ToList();
    }

    /// <summary>Measures in the order the plan team gave them, then by number (4.9 before 4.10).</summary>
    public static IEnumerable<T> InPlanOrder<T>(this IEnumerable<T> measures, Func<T, int> position, Func<T, string> number) =>
        measures.OrderBy(position).ThenBy(m => Measure.NumberSortKey(number(m)), NumberComparer.Instance);
}

/// <summary>How many measures are in each status, and their average progress.</summary>
public sealed record StatusSummary(int Total, IReadOnlyList<StatusCount> ByStatus, double AverageProgress)
{
    public static StatusSummary Of(IReadOnlyCollection<MeasureRow> measures)
    {
        var counts = measures.GroupBy(m => m.Status).ToDictionary(g => g.Key, g => g.Count());
        var byStatus = Enum.GetValues<MeasureStatus>().Select(s => new StatusCount(s, counts.GetValueOrDefault(s))).ToList();
        var average = measures.Count == 0 ? 0 : measures.Average(m => (double)m.Progress);
        return new StatusSummary(measures.Count, byStatus, average);
    }
}

public sealed record StatusCount(MeasureStatus Status, int Count);

/// <summary>The addresses of the public plan pages, for links from anywhere.</summary>
public static class PublicPlanLinks
{
    public static string Plan(string municipality, int planId) => $"/{municipality}/plans/{planId}";
    public static string Field(string municipality, int planId, int fieldId) => $"/{municipality}/plans/{planId}/fields/{fieldId}";
    public static string Measure(string municipality, int planId, int measureId) => $"/{municipality}/plans/{planId}/measures/{measureId}";
    public static string Search(string municipality, int planId) => $"/{municipality}/plans/{planId}/search";
    public static string MunicipalitySearch(string municipality) => $"/{municipality}/search";
    public static string Print(string municipality, int planId) => $"/{municipality}/plans/{planId}/document";
}
