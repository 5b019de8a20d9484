using System.Globalization;
using Planwerk.Features.Plans.Transfer;

namespace Planwerk.Features.Plans.Versions;

/// <summary>How a fact's values are shown: text is compared word by word, a choice is a German
/// text key the view translates, a value is already written for the reader.</summary>
public enum FactKind
{
    Text,
    Choice,
    Value,
}

/// <summary>One fact with different values on the two sides. <see cref="Label"/> is a German text key,
/// unless <see cref="Level"/> names it: then the label is that level's plural in the plan's own words.</summary>
public sealed record FactChange(string Label, string Old, string New, FactKind Kind)
{
    public LevelWords? Level { get; init; }

    public IReadOnlyList<DiffPart> Words => WordDiff.Compute(Old, New);
}

public enum PartChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>A principle, field of action or section that was added, removed or changed.
/// <see cref="Number"/> is how the reader finds it (position, field number); <see cref="Title"/> the
/// newer title (the old one for a removed part).</summary>
public sealed record PartChange(PartChangeKind Kind, string Number, string Title, IReadOnlyList<FactChange> Facts);

/// <summary>A measure on both sides, or on one only (added or removed).</summary>
public sealed record MeasureChange(
    MeasureDocument? Old, FieldDocument? OldField, MeasureDocument? New, FieldDocument? NewField, IReadOnlyList<FactChange> Facts)
{
    public MeasureDocument Current => New ?? Old!;

    public bool IsAdded => Old is null;

    public bool IsRemoved => New is null;

    /// <summary>In another field of action than before.</summary>
    public bool ChangedField => Old is not null && New is not null && OldField!.Number != NewField!.Number;

    public bool Renumbered => Old is not null && New is not null && !string.Equals(Old.Number, New.Number, StringComparison.Ordinal);

    public bool IsMoved => ChangedField || Renumbered;
}

/// <summary>The differences between two frozen plans (a version, or the current state made into a
/// document the same way).
/// <para>Matching rule. Measures are matched by their key (<see cref="Measure.Key"/>) first: the same
/// key is the same measure, wherever it is and whatever its number. Measures left over on both sides
/// (keys that differ, or documents without keys) are then matched by equal number. What is still left
/// is removed (only in the older) or added (only in the newer). Principles are matched by position,
/// fields of action by number, sections by title (a title that occurs once on each side), then the
/// rest by position (1, 2, 3, … in plan order).</para></summary>
public sealed class PlanComparison
{
    public required IReadOnlyList<FactChange> PlanFacts { get; init; }

    /// <summary>The words of the newer side's plan for its levels.</summary>
    public PlanLevels Levels { get; init; } = PlanLevels.Default;

    public required IReadOnlyList<PartChange> Principles { get; init; }

    public required IReadOnlyList<PartChange> Fields { get; init; }

    public required IReadOnlyList<PartChange> Sections { get; init; }

    public required IReadOnlyList<MeasureChange> AddedMeasures { get; init; }

    public required IReadOnlyList<MeasureChange> RemovedMeasures { get; init; }

    /// <summary>Measures on both sides that moved, changed or both, in the newer plan's order.</summary>
    public required IReadOnlyList<MeasureChange> ChangedMeasures { get; init; }

    public int MovedCount => ChangedMeasures.Count(m => m.IsMoved);

    public int ChangedCount => ChangedMeasures.Count(m => m.Facts.Count > 0);

    public bool HasChanges => PlanFacts.Count + Principles.Count + Fields.Count + Sections.Count
        + AddedMeasures.Count + RemovedMeasures.Count + ChangedMeasures.Count > 0;

    public static PlanComparison Compare(VersionDocument from, VersionDocument to)
    {
        var a = from.Plan;
        var b = to.Plan;
        var planFacts = new List<FactChange>();
        Text(planFacts, "Titel", a.Title, b.Title);
        Value(planFacts, "Zeitraum", PeriodText(a.PeriodStart, a.PeriodEnd), PeriodText(b.PeriodStart, b.PeriodEnd));
        Choice(planFacts, "Stand des Plans", PlanText.State(a.State), PlanText.State(b.State));
        Text(planFacts, "Zusammenfassung", a.Summary, b.Summary);
        Choice(planFacts, "Beispielinhalt", YesNo(a.IsExample), YesNo(b.IsExample));

        var principles = CompareParts(a.Principles, b.Principles, p => p.Position.ToString(CultureInfo.InvariantCulture), p => p.Title,
            (facts, x, y) =>
            {
                Text(facts, "Titel", x.Title, y.Title);
                Text(facts, "Beschreibung", x.Description, y.Description);
            });
        var fields = CompareParts(a.Fields, b.Fields, f => f.Number.ToString(CultureInfo.InvariantCulture), f => f.Title,
            (facts, x, y) =>
            {
                Text(facts, "Titel", x.Title, y.Title);
                Text(facts, "Beschreibung", x.Description, y.Description);
            });
        var sections = CompareSections(from.Sections, to.Sections);

        var (pairs, removed, added) = MatchMeasures(a.AllMeasures().ToList(), b.AllMeasures().ToList());
        var changed = pairs
            .Select(p => new MeasureChange(p.Old.Measure, p.Old.Field, p.New.Measure, p.New.Field, MeasureFacts(p.Old.Measure, p.New.Measure, b.LevelNames)))
            .Where(m => m.IsMoved || m.Facts.Count > 0)
            .ToList();

        return new PlanComparison
        {
            PlanFacts = planFacts,
            Levels = b.LevelNames,
            Principles = principles,
            Fields = fields,
            Sections = sections,
            AddedMeasures = added.Select(m => new MeasureChange(null, null, m.Measure, m.Field, [])).ToList(),
            RemovedMeasures = removed.Select(m => new MeasureChange(m.Measure, m.Field, null, null, [])).ToList(),
            ChangedMeasures = changed,
        };
    }

    private sealed record Placed(FieldDocument Field, MeasureDocument Measure, int Order);

    /// <summary>Pairs by key, then the rest by number; the pairs in the newer plan's order.</summary>
    private static (List<(Placed Old, Placed New)> Pairs, List<Placed> Removed, List<Placed> Added) MatchMeasures(
        List<(FieldDocument Field, MeasureDocument Measure)> older, List<(FieldDocument Field, MeasureDocument Measure)> newer)
    {
        var oldLeft = older.Select((m, i) => new Placed(m.Field, m.Measure, i)).ToList();
        var newLeft = newer.Select((m, i) => new Placed(m.Field, m.Measure, i)).ToList();
        var pairs = new List<(Placed Old, Placed New)>();

        Pair(m => m.Measure.Key?.ToString(CultureInfo.InvariantCulture));
        Pair(m => m.Measure.Number);

        return (pairs.OrderBy(p => p.New.Order).ToList(), oldLeft, newLeft);

        void Pair(Func<Placed, string?> key)
        {
            // A key that appears twice on a side identifies nothing; those measures stay for the next rule.
            var oldByKey = oldLeft.Where(m => key(m) is not null).GroupBy(m => key(m)!, StringComparer.Ordinal)
                .Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);
            var newUnique = newLeft.Where(m => key(m) is not null).GroupBy(m => key(m)!, StringComparer.Ordinal)
                .Where(g => g.Count() == 1).Select(g => g.Single()).ToList();
            foreach (var n in newUnique)
            {
                if (!oldByKey.TryGetValue(key(n)!, out var o)) continue;
                pairs.Add((o, n));
                oldLeft.Remove(o);
                newLeft.Remove(n);
            }
        }
    }

    private static List<FactChange> MeasureFacts(MeasureDocument x, MeasureDocument y, PlanLevels levels)
    {
        var facts = new List<FactChange>();
        Text(facts, "Titel", x.Title, y.Title);
        Text(facts, "Ziel", x.Goal, y.Goal);
        Text(facts, "Beschreibung", x.Description, y.Description);
        Text(facts, "Zielgruppen", x.TargetGroups, y.TargetGroups);
        Text(facts, "Federführung", x.Lead, y.Lead);
        Text(facts, "Partner", x.Partners, y.Partners);
        Text(facts, "Stadtbezirke und Ortschaften", string.Join(", ", x.Districts), string.Join(", ", y.Districts));
        Value(facts, "Beginn", DateText(x.StartDate), DateText(y.StartDate));
        Value(facts, "Ende", DateText(x.EndDate), DateText(y.EndDate));
        Value(facts, "Geschätzte Kosten", CostText(x.EstimatedCost), CostText(y.EstimatedCost));
        Text(facts, "Finanzierung", x.Funding, y.Funding);
        Choice(facts, "Priorität", PlanText.Priority(x.Priority), PlanText.Priority(y.Priority));
        Value(facts, "Leitlinien", PrinciplesText(x.Principles), PrinciplesText(y.Principles), levels.Principle);
        Choice(facts, "Status", PlanText.Status(x.Status), PlanText.Status(y.Status));
        Value(facts, "Fortschritt", PlanFormat.Percent(x.Progress), PlanFormat.Percent(y.Progress));
        // Documents frozen before weights were in the format do not know them: no change is claimed.
        if (x.Weight is decimal a && y.Weight is decimal b)
            Value(facts, "Gewicht", a.ToString("0.##", CultureInfo.CurrentCulture), b.ToString("0.##", CultureInfo.CurrentCulture));
        Choice(facts, "Beispielinhalt", YesNo(x.IsExample), YesNo(y.IsExample));
        return facts;
    }

    /// <summary>Sections paired by a title unique on both sides, then the rest by position; the changes in
    /// the newer plan's order, removed sections last. <see cref="PartChange.Number"/> is the position.</summary>
    private static List<PartChange> CompareSections(IReadOnlyList<SectionDocument> older, IReadOnlyList<SectionDocument> newer)
    {
        var oldLeft = Enumerable.Range(0, older.Count).ToList();
        var newLeft = Enumerable.Range(0, newer.Count).ToList();
        var pairs = new Dictionary<int, int>(); // newer index → older index

        var oldByTitle = oldLeft.GroupBy(i => older[i].Title, StringComparer.Ordinal).Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);
        foreach (var group in newLeft.GroupBy(i => newer[i].Title, StringComparer.Ordinal).Where(g => g.Count() == 1).ToList())
        {
            if (!oldByTitle.TryGetValue(group.Key, out var o)) continue;
            pairs[group.Single()] = o;
            oldLeft.Remove(o);
            newLeft.Remove(group.Single());
        }
        foreach (var n in newLeft.ToList())
        {
            if (!oldLeft.Contains(n)) continue;
            pairs[n] = n;
            oldLeft.Remove(n);
            newLeft.Remove(n);
        }

        var changes = new List<PartChange>();
        for (var n = 0; n < newer.Count; n++)
        {
            var position = (n + 1).ToString(CultureInfo.InvariantCulture);
            if (!pairs.TryGetValue(n, out var o))
            {
                changes.Add(new PartChange(PartChangeKind.Added, position, newer[n].Title, []));
                continue;
            }
            var facts = new List<FactChange>();
            Text(facts, "Titel", older[o].Title, newer[n].Title);
            Text(facts, "Text", older[o].Body, newer[n].Body);
            if (facts.Count > 0) changes.Add(new PartChange(PartChangeKind.Changed, position, newer[n].Title, facts));
        }
        foreach (var o in oldLeft)
            changes.Add(new PartChange(PartChangeKind.Removed, (o + 1).ToString(CultureInfo.InvariantCulture), older[o].Title, []));
        return changes;
    }

    private static List<PartChange> CompareParts<T>(
        IReadOnlyList<T> older, IReadOnlyList<T> newer, Func<T, string> key, Func<T, string> title, Action<List<FactChange>, T, T> facts)
    {
        var changes = new List<PartChange>();
        var oldByKey = older.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var newKeys = newer.Select(key).ToHashSet(StringComparer.Ordinal);
        foreach (var n in newer)
        {
            if (!oldByKey.TryGetValue(key(n), out var o))
            {
                changes.Add(new PartChange(PartChangeKind.Added, key(n), title(n), []));
                continue;
            }
            var list = new List<FactChange>();
            facts(list, o, n);
            if (list.Count > 0) changes.Add(new PartChange(PartChangeKind.Changed, key(n), title(n), list));
        }
        foreach (var o in older.Where(o => !newKeys.Contains(key(o))))
            changes.Add(new PartChange(PartChangeKind.Removed, key(o), title(o), []));
        return changes;
    }

    private static void Text(List<FactChange> facts, string label, string? x, string? y) => Add(facts, label, x ?? "", y ?? "", FactKind.Text);

    private static void Value(List<FactChange> facts, string label, string x, string y, LevelWords? level = null) => Add(facts, label, x, y, FactKind.Value, level);

    private static void Choice(List<FactChange> facts, string label, string x, string y) => Add(facts, label, x, y, FactKind.Choice);

    private static void Add(List<FactChange> facts, string label, string x, string y, FactKind kind, LevelWords? level = null)
    {
        if (!string.Equals(x, y, StringComparison.Ordinal)) facts.Add(new FactChange(label, x, y, kind) { Level = level });
    }

    private static string YesNo(bool value) => value ? "ja" : "nein";

    private static string PeriodText(int? start, int? end) => (start, end) switch
    {
        (null, null) => "",
        _ => string.Create(CultureInfo.InvariantCulture, $"{start}–{end}"),
    };

    private static string DateText(DateOnly? date) => date is DateOnly d ? PlanFormat.Date(d) : "";

    private static string CostText(decimal? cost) => cost is decimal c ? PlanFormat.Euro(c) : "";

    private static string PrinciplesText(IReadOnlyList<int> positions) =>
        string.Join(", ", positions.Select(p => p.ToString(CultureInfo.InvariantCulture)));
}
