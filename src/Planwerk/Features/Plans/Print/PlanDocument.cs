using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Plans.Print;

/// <summary>What a printed document covers: the whole plan, one field of action or one measure.</summary>
public enum DocumentScope
{
    Plan,
    Field,
    Measure,
}

public sealed record DocumentPrinciple(int Id, int Position, string Title, string Description);

public sealed record DocumentMeasure(
    int Id, string Number, string Title, string Goal, string Description, string TargetGroups, string ResponsibleOffice,
    string PartnerOrganisations, IReadOnlyList<string> Districts, DateOnly? StartDate, DateOnly? EndDate, decimal? EstimatedCost,
    string Funding, MeasurePriority Priority, IReadOnlyList<DocumentPrinciple> Principles, MeasureStatus Status, int Progress,
    bool IsExample);

public sealed record DocumentField(int Id, int Number, string Title, string Description, IReadOnlyList<DocumentMeasure> Measures);

/// <summary>Everything a print view or PDF shows, read in a fixed number of queries (see <see cref="LoadAsync"/>).</summary>
public sealed record PlanDocument(
    DocumentScope Scope, string MunicipalityName, int PlanId, string Title, string Period, PlanState State, string Summary,
    bool IsExample, DateTimeOffset AsOf, IReadOnlyList<DocumentPrinciple> Principles, IReadOnlyList<DocumentField> Fields)
{
    public IEnumerable<DocumentMeasure> Measures => Fields.SelectMany(f => f.Measures);

    public DocumentField Field => Fields[0];

    public DocumentMeasure Measure => Fields[0].Measures[0];

    /// <summary>Loads a public plan of the context's municipality, or one field or one measure of it, in five
    /// queries whatever its size: the plan with its principles, the fields, the measures, and the measures'
    /// principles and districts as id pairs. Null when the plan is not public or the part is not in it.</summary>
    public static async Task<PlanDocument?> LoadAsync(
        PlanwerkDbContext db, string municipalityName, int planId, DocumentScope scope, int partId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId && p.IsPublic)
            .Select(p => new
            {
                p.Title, p.PeriodStart, p.PeriodEnd, p.State, p.Summary, p.IsExample, p.UpdatedAt,
                Principles = p.Principles.OrderBy(x => x.Position).Select(x => new DocumentPrinciple(x.Id, x.Position, x.Title, x.Description)).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (plan is null) return null;

        var measureQuery = db.Measures.AsNoTracking().Where(m => m.PlanId == planId);
        var fieldQuery = db.FieldsOfAction.AsNoTracking().Where(f => f.PlanId == planId);
        if (scope == DocumentScope.Field)
        {
            measureQuery = measureQuery.Where(m => m.FieldOfActionId == partId);
            fieldQuery = fieldQuery.Where(f => f.Id == partId);
        }
        else if (scope == DocumentScope.Measure)
        {
            measureQuery = measureQuery.Where(m => m.Id == partId);
            fieldQuery = fieldQuery.Where(f => f.Measures.Any(m => m.Id == partId));
        }

        var fields = await fieldQuery.OrderBy(f => f.Number).Select(f => new { f.Id, f.Number, f.Title, f.Description }).ToListAsync(ct);
        if (scope != DocumentScope.Plan && fields.Count == 0) return null;

        var measures = await measureQuery
            .Select(m => new
            {
                m.Id, m.FieldOfActionId, m.Position, m.Number, m.Title, m.Goal, m.Description, m.TargetGroups, m.ResponsibleOffice,
                m.PartnerOrganisations, m.StartDate, m.EndDate, m.EstimatedCost, m.Funding, m.Priority, m.Status, m.Progress,
                m.IsExample, m.UpdatedAt,
            })
            .ToListAsync(ct);
        var principlePairs = await measureQuery.SelectMany(m => m.Principles, (m, p) => new { MeasureId = m.Id, PrincipleId = p.Id }).ToListAsync(ct);
        var districtPairs = await measureQuery.SelectMany(m => m.Districts, (m, d) => new { MeasureId = m.Id, d.Name }).ToListAsync(ct);

        var principleById = plan.Principles.ToDictionary(p => p.Id);
        var principlesOf = principlePairs.Where(p => principleById.ContainsKey(p.PrincipleId))
            .ToLookup(p => p.MeasureId, p => principleById[p.PrincipleId]);
        var districtsOf = districtPairs.ToLookup(d => d.MeasureId, d => d.Name);
        var measuresOf = measures
            .Select(m => (m.FieldOfActionId, m.Position, Key: Plans.Measure.NumberSortKey(m.Number), Measure: new DocumentMeasure(
                m.Id, m.Number, m.Title, m.Goal, m.Description, m.TargetGroups, m.ResponsibleOffice, m.PartnerOrganisations,
                districtsOf[m.Id].Order(StringComparer.CurrentCulture).ToList(), m.StartDate, m.EndDate, m.EstimatedCost, m.Funding,
                m.Priority, principlesOf[m.Id].OrderBy(p => p.Position).ToList(), m.Status, m.Progress, m.IsExample)))
            .ToLookup(m => m.FieldOfActionId);

        var asOf = measures.Select(m => m.UpdatedAt).Append(plan.UpdatedAt).Max();
        return new PlanDocument(
            scope, municipalityName, planId, plan.Title, Plan.FormatPeriod(plan.PeriodStart, plan.PeriodEnd), plan.State, plan.Summary,
            plan.IsExample, asOf, plan.Principles,
            fields.Select(f => new DocumentField(f.Id, f.Number, f.Title, f.Description,
                    measuresOf[f.Id].OrderBy(m => m.Position).ThenBy(m => m.Key, NumberComparer.Instance).Select(m => m.Measure).ToList()))
                .ToList());
    }
}
