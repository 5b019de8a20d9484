using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Plans.History;

using Planwerk.Infrastructure.Editing;

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
    /// placeholder that no real number can have, then its final number. The placeholders are written
    /// set-based, past the change tracker, so one save follows: it bumps each row's version once and the
    /// history gets one record per row, from its old number to its final one (the placeholder the save
    /// saw as the old number is replaced by the real one). Run it inside a transaction so nobody sees the
    /// placeholders; when the save fails, roll that transaction back before reading the rows again.</summary>
    public static async Task ApplyNumbersAsync(PlanwerkDbContext db, IReadOnlyDictionary<FieldOfAction, int> fieldNumbers,
        IReadOnlyDictionary<Measure, string> measureNumbers, DateTimeOffset now, CancellationToken ct)
    {
        // Per changed part: the placeholder it holds meanwhile, and its real old number for the history.
        var placeholders = new Dictionary<(string Type, int Id), (string Placeholder, string Old)>();
        var fields = fieldNumbers.Keys.Where(f => db.Entry(f).State != EntityState.Added).ToList();
        if (fields.Count > 0)
        {
            var ids = fields.Select(f => f.Id).ToList();
            await db.FieldsOfAction.Where(f => ids.Contains(f.Id)).ExecuteUpdateAsync(s => s.SetProperty(f => f.Number, f => -f.Id), ct);
            foreach (var field in fields)
            {
                // The tracker must know what the row holds now, or it sees the swap as a cycle and refuses.
                var number = db.Entry(field).Property(f => f.Number);
                placeholders[(ChangeEntityTypes.FieldOfAction, field.Id)] = (Render(-field.Id), Render(number.OriginalValue));
                number.OriginalValue = -field.Id;
            }
        }
        var measures = measureNumbers.Keys.Where(m => db.Entry(m).State != EntityState.Added).ToList();
        if (measures.Count > 0)
        {
            var ids = measures.Select(m => m.Id).ToList();
            await db.Measures.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.Number, m => "~" + m.Id), ct);
            foreach (var measure in measures)
            {
                var number = db.Entry(measure).Property(m => m.Number);
                var placeholder = "~" + Render(measure.Id);
                placeholders[(ChangeEntityTypes.Measure, measure.Id)] = (placeholder, number.OriginalValue);
                number.OriginalValue = placeholder;
            }
        }
        foreach (var (field, number) in fieldNumbers) field.Number = number;
        foreach (var (measure, number) in measureNumbers)
        {
            measure.Number = number;
            measure.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        if (placeholders.Count == 0) return;

        var corrected = false;
        foreach (var record in db.ChangeTracker.Entries<ChangeRecord>().Select(e => e.Entity))
        {
            if (!placeholders.TryGetValue((record.EntityType, record.EntityId), out var swap)) continue;
            foreach (var change in record.Fields.Where(f => f.Field == "Number" && f.OldValue == swap.Placeholder))
            {
                change.OldValue = swap.Old;
                corrected = true;
            }
        }
        if (corrected) await db.SaveChangesAsync(ct);
    }

    private static string Render(int number) => number.ToString(CultureInfo.InvariantCulture);
}
