using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Plans.Transfer;

/// <summary>The plan an import goes into, tracked, with everything the rows may refer to: its fields,
/// principles and measures (with their lead and partners), and the municipality's districts. Six queries whatever the plan's size.</summary>
internal sealed class PlanInDatabase
{
    public required int PlanId { get; init; }
    public required List<Measure> Measures { get; init; }
    public required Dictionary<int, Measure> MeasuresByKey { get; init; }
    public required Dictionary<string, Measure> MeasuresByNumber { get; init; }
    public required Dictionary<int, FieldOfAction> FieldsByNumber { get; init; }
    public required Dictionary<int, FieldOfAction> FieldsById { get; init; }
    public required Dictionary<int, Principle> PrinciplesByPosition { get; init; }
    public required List<District> Districts { get; init; }
    public required TextLimits Limits { get; init; }

    public static async Task<PlanInDatabase> LoadAsync(PlanwerkDbContext db, int planId, CancellationToken cancellationToken)
    {
        var fields = await db.FieldsOfAction.Where(f => f.PlanId == planId).ToListAsync(cancellationToken);
        var principles = await db.Principles.Where(p => p.PlanId == planId).OrderBy(p => p.Position).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var districts = await db.Districts.OrderBy(d => d.Name).ToListAsync(cancellationToken);
        var measures = await db.Measures.Where(m => m.PlanId == planId)
            .Include(m => m.Principles).Include(m => m.Districts).Include(m => m.Organisations)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return new PlanInDatabase
        {
            PlanId = planId,
            Measures = measures,
            MeasuresByKey = measures.ToDictionary(m => m.Key),
            MeasuresByNumber = measures.GroupBy(m => m.Number, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal),
            FieldsByNumber = fields.GroupBy(f => f.Number).ToDictionary(g => g.Key, g => g.OrderBy(f => f.Id).First()),
            FieldsById = fields.ToDictionary(f => f.Id),
            PrinciplesByPosition = principles.GroupBy(p => p.Position).ToDictionary(g => g.Key, g => g.First()),
            Districts = districts,
            Limits = TextLimits.Of(db),
        };
    }

    /// <summary>By exact name, else by name ignoring case when that is unambiguous.</summary>
    public District? FindDistrict(string name)
    {
        var exact = Districts.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));
        if (exact is not null) return exact;
        var similar = Districts.Where(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return similar.Count == 1 ? similar[0] : null;
    }

    public string DistrictNames()
    {
        if (Districts.Count == 0) return ImportTexts.NoDistricts;
        const int shown = 30;
        var names = string.Join(", ", Districts.Take(shown).Select(d => d.Name));
        return Districts.Count > shown ? names + ", …" : names;
    }
}

/// <summary>The longest text each imported value may have: the column sizes of the model, so the
/// import refuses what the database would.</summary>
internal sealed record TextLimits(int? PlanTitle, int? PrincipleTitle, int? FieldTitle, int? DistrictName, IReadOnlyDictionary<MeasureColumn, int?> Measure)
{
    public int? For(MeasureColumn column) => Measure.GetValueOrDefault(column);

    public static TextLimits Of(PlanwerkDbContext db)
    {
        int? Max<T>(string property) => db.Model.FindEntityType(typeof(T))?.FindProperty(property)?.GetMaxLength();
        return new TextLimits(
            Max<Plan>(nameof(Plan.Title)),
            Max<Principle>(nameof(Principle.Title)),
            Max<FieldOfAction>(nameof(FieldOfAction.Title)),
            Max<District>(nameof(District.Name)),
            new Dictionary<MeasureColumn, int?>
            {
                [MeasureColumn.Number] = Max<Measure>(nameof(Plans.Measure.Number)),
                [MeasureColumn.Title] = Max<Measure>(nameof(Plans.Measure.Title)),
                [MeasureColumn.Goal] = Max<Measure>(nameof(Plans.Measure.Goal)),
                [MeasureColumn.Description] = Max<Measure>(nameof(Plans.Measure.Description)),
                [MeasureColumn.TargetGroups] = Max<Measure>(nameof(Plans.Measure.TargetGroups)),
                [MeasureColumn.Funding] = Max<Measure>(nameof(Plans.Measure.Funding)),
            });
    }
}
