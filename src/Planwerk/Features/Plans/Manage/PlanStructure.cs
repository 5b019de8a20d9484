using Planwerk.Infrastructure.Editing;

namespace Planwerk.Features.Plans.Manage;

public enum MoveDirection
{
    Up,
    Down,
}

/// <summary>A field of action in its order, with the ids of its measures in their order.</summary>
public sealed record FieldInOrder(int Id, int Number, IReadOnlyList<MeasureInOrder> Measures);

public sealed record MeasureInOrder(int Id, string Number);

/// <summary>The numbers that renumbering gives: only the ones that change.</summary>
public sealed record Renumbering(IReadOnlyDictionary<int, int> FieldNumbers, IReadOnlyDictionary<int, string> MeasureNumbers)
{
    public bool ChangesAnything => FieldNumbers.Count > 0 || MeasureNumbers.Count > 0;
}

/// <summary>The order and numbering rules of a plan's structure, as plain functions over ids so
/// they can be tested on their own. Pages load the rows, ask these, and write back the result.</summary>
public static class PlanStructure
{
    /// <summary>The order after moving <paramref name="id"/> one step; null when it cannot move
    /// (already first or last, or not in the list).</summary>
    public static IReadOnlyList<int>? Move(IReadOnlyList<int> orderedIds, int id, MoveDirection direction)
    {
        var index = IndexOf(orderedIds, id);
        if (index < 0) return null;
        var target = direction == MoveDirection.Up ? index - 1 : index + 1;
        if (target < 0 || target >= orderedIds.Count) return null;
        var order = orderedIds.ToList();
        (order[index], order[target]) = (order[target], order[index]);
        return order;
    }

    /// <summary>The order after putting <paramref name="id"/> at the 1-based <paramref name="position"/>
    /// (clamped to the list); an id not yet in the list is inserted there.</summary>
    public static IReadOnlyList<int> PlaceAt(IReadOnlyList<int> orderedIds, int id, int position)
    {
        var order = orderedIds.Where(x => x != id).ToList();
        var index = Math.Clamp(position - 1, 0, order.Count);
        order.Insert(index, id);
        return order;
    }

    /// <summary>Positions 1..n for the ids in order, only for those whose stored position differs.</summary>
    public static IReadOnlyDictionary<int, int> Positions(IReadOnlyList<int> orderedIds, IReadOnlyDictionary<int, int> storedPositions)
    {
        var changes = new Dictionary<int, int>();
        for (var i = 0; i < orderedIds.Count; i++)
        {
            var id = orderedIds[i];
            if (!storedPositions.TryGetValue(id, out var stored) || stored != i + 1) changes[id] = i + 1;
        }
        return changes;
    }

    /// <summary>Fields 1..n in their order; measures "{field}.{k}" in their order within each field.</summary>
    public static Renumbering Renumber(IReadOnlyList<FieldInOrder> fields)
    {
        var fieldNumbers = new Dictionary<int, int>();
        var measureNumbers = new Dictionary<int, string>();
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var number = i + 1;
            if (field.Number != number) fieldNumbers[field.Id] = number;
            for (var k = 0; k < field.Measures.Count; k++)
            {
                var measure = field.Measures[k];
                var measureNumber = MeasureNumbers.Compose(number, k + 1);
                if (measure.Number != measureNumber) measureNumbers[measure.Id] = measureNumber;
            }
        }
        return new Renumbering(fieldNumbers, measureNumbers);
    }

    private static int IndexOf(IReadOnlyList<int> ids, int id)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] == id) return i;
        }
        return -1;
    }
}
