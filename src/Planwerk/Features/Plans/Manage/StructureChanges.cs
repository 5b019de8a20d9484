using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Plans.Manage;

/// <summary>Reads a plan's order from the database and writes back what <see cref="PlanStructure"/>
/// decides. Callers wrap these in a transaction.</summary>
public static class StructureChanges
{
    /// <summary>The order the plan team sees: by position, then number, then id (rows that were
    /// never placed, with position 0, fall in by number).</summary>
    public static IEnumerable<FieldOfAction> InOrder(this IEnumerable<FieldOfAction> fields) =>
        fields.OrderBy(f => f.Position).ThenBy(f => f.Number).ThenBy(f => f.Id);

    public static IEnumerable<T> InOrder<T>(this IEnumerable<T> measures, Func<T, int> position, Func<T, string> number, Func<T, int> id) =>
        measures.OrderBy(position).ThenBy(m => Measure.NumberSortKey(number(m)), NumberComparer.Instance).ThenBy(id);

    public static IEnumerable<Principle> InOrder(this IEnumerable<Principle> principles) =>
        principles.OrderBy(p => p.Position).ThenBy(p => p.Id);

    // Moving only changes positions, written with set-based updates that leave the rows' versions
    // alone: an order change must not make someone's open edit form of the same measure stale.

    public static async Task<bool> MovePrincipleAsync(PlanwerkDbContext db, int planId, int id, MoveDirection direction, CancellationToken ct)
    {
        var rows = await db.Principles.AsNoTracking().Where(p => p.PlanId == planId)
            .Select(p => new { p.Id, p.Position }).ToListAsync(ct);
        var order = rows.OrderBy(p => p.Position).ThenBy(p => p.Id).Select(p => p.Id).ToList();
        var moved = PlanStructure.Move(order, id, direction);
        if (moved is null) return false;
        await SetPrinciplePositionsAsync(db, moved, rows.ToDictionary(r => r.Id, r => r.Position), ct);
        return true;
    }

    public static async Task SetPrinciplePositionsAsync(PlanwerkDbContext db, IReadOnlyList<int> order, IReadOnlyDictionary<int, int> stored, CancellationToken ct)
    {
        foreach (var (principleId, position) in PlanStructure.Positions(order, stored))
            await db.Principles.Where(p => p.Id == principleId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Position, position), ct);
    }

    public static async Task<bool> MoveFieldAsync(PlanwerkDbContext db, int planId, int id, MoveDirection direction, CancellationToken ct)
    {
        var rows = await db.FieldsOfAction.AsNoTracking().Where(f => f.PlanId == planId)
            .Select(f => new { f.Id, f.Position, f.Number }).ToListAsync(ct);
        var order = rows.OrderBy(f => f.Position).ThenBy(f => f.Number).ThenBy(f => f.Id).Select(f => f.Id).ToList();
        var moved = PlanStructure.Move(order, id, direction);
        if (moved is null) return false;
        foreach (var (fieldId, position) in PlanStructure.Positions(moved, rows.ToDictionary(r => r.Id, r => r.Position)))
            await db.FieldsOfAction.Where(f => f.Id == fieldId).ExecuteUpdateAsync(s => s.SetProperty(f => f.Position, position), ct);
        return true;
    }

    public static async Task<bool> MoveMeasureAsync(PlanwerkDbContext db, int planId, int id, MoveDirection direction, CancellationToken ct)
    {
        var fieldId = await db.Measures.Where(m => m.PlanId == planId && m.Id == id).Select(m => (int?)m.FieldOfActionId).FirstOrDefaultAsync(ct);
        if (fieldId is null) return false;
        var rows = await db.Measures.AsNoTracking().Where(m => m.FieldOfActionId == fieldId)
            .Select(m => new { m.Id, m.Position, m.Number }).ToListAsync(ct);
        var order = rows.InOrder(m => m.Position, m => m.Number, m => m.Id).Select(m => m.Id).ToList();
        var moved = PlanStructure.Move(order, id, direction);
        if (moved is null) return false;
        foreach (var (measureId, position) in PlanStructure.Positions(moved, rows.ToDictionary(r => r.Id, r => r.Position)))
            await db.Measures.Where(m => m.Id == measureId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Position, position), ct);
        return true;
    }

    /// <summary>Numbers the plan's fields 1..n in their order and its measures "{field}.{k}" in their
    /// order within each field. Numbered rows get a new version: a form still showing an old number is stale.</summary>
    public static async Task<Renumbering> RenumberAsync(PlanwerkDbContext db, int planId, DateTimeOffset now, CancellationToken ct)
    {
        var fields = (await db.FieldsOfAction.Where(f => f.PlanId == planId).ToListAsync(ct)).InOrder().ToList();
        var measures = await db.Measures.Where(m => m.PlanId == planId).ToListAsync(ct);
        var byField = measures.ToLookup(m => m.FieldOfActionId);
        var outline = fields.Select(f => new FieldInOrder(f.Id, f.Number,
            byField[f.Id].InOrder(m => m.Position, m => m.Number, m => m.Id).Select(m => new MeasureInOrder(m.Id, m.Number)).ToList())).ToList();
        var renumbering = PlanStructure.Renumber(outline);

        // Positions become 1..n as well, so the stored order reads the same as the numbers.
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Position != i + 1) fields[i].Position = i + 1;
            var inField = byField[fields[i].Id].InOrder(m => m.Position, m => m.Number, m => m.Id).ToList();
            for (var k = 0; k < inField.Count; k++)
            {
                if (inField[k].Position != k + 1) inField[k].Position = k + 1;
            }
        }
        var fieldsById = fields.ToDictionary(f => f.Id);
        var measuresById = measures.ToDictionary(m => m.Id);
        await ApplyNumbersAsync(db,
            renumbering.FieldNumbers.ToDictionary(kv => fieldsById[kv.Key], kv => kv.Value),
            renumbering.MeasureNumbers.ToDictionary(kv => measuresById[kv.Key], kv => kv.Value),
            now, ct);
        return renumbering;
    }

    /// <summary>Gives tracked fields and measures new numbers without tripping the unique indexes on
    /// the way (swapping 1.1 and 1.2 would collide row by row): first every changing row gets a
    /// placeholder that no real number can have, then its final number. Saves twice; run it inside
    /// a transaction so nobody sees the placeholders.</summary>
    public static async Task ApplyNumbersAsync(PlanwerkDbContext db, IReadOnlyDictionary<FieldOfAction, int> fieldNumbers,
        IReadOnlyDictionary<Measure, string> measureNumbers, DateTimeOffset now, CancellationToken ct)
    {
        if (fieldNumbers.Count == 0 && measureNumbers.Count == 0)
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        foreach (var field in fieldNumbers.Keys) field.Number = -field.Id;
        foreach (var measure in measureNumbers.Keys)
        {
            measure.Number = "~" + measure.Id.ToString(CultureInfo.InvariantCulture);
            measure.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        foreach (var (field, number) in fieldNumbers) field.Number = number;
        foreach (var (measure, number) in measureNumbers) measure.Number = number;
        await db.SaveChangesAsync(ct);
    }
}
