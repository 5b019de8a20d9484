using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Statistics.Manage;

/// <summary>One figure as the editing pages and the import see it: its period, the name of its category (null when it
/// has none), its value (null: known missing, then <see cref="Note"/> says why) and its note.</summary>
public sealed record Figure(DateOnly Period, string? Category, decimal? Value, string Note)
{
    public (DateOnly, string) Key => (Period, Category ?? "");

    public bool SameAs(Figure other) => Value == other.Value && string.Equals(Note, other.Note, StringComparison.Ordinal);
}

/// <summary>What saving a table of figures would do to a dataset: categories it creates, figures added, changed
/// (before and after) and removed, and how many stay as they are.</summary>
public sealed record FigureChanges(IReadOnlyList<string> NewCategories, IReadOnlyList<Figure> Added, IReadOnlyList<(Figure Old, Figure New)> Changed,
    IReadOnlyList<Figure> Removed, int Unchanged)
{
    public bool Any => NewCategories.Count > 0 || Added.Count > 0 || Changed.Count > 0 || Removed.Count > 0;
}

/// <summary>Comparing a dataset's stored figures with wanted ones, and saving the difference. Used by the editing table
/// (which holds every figure: what it lacks is removed) and by the import (which removes only when told to replace).</summary>
public static class Figures
{
    /// <summary>The history lists at most this many figures per change; the rest is counted.</summary>
    public const int HistoryLines = 200;

    public static async Task<List<Figure>> StoredAsync(PlanwerkDbContext db, int datasetId, CancellationToken ct) =>
        await db.StatisticsObservations.AsNoTracking().Where(o => o.DatasetId == datasetId)
            .OrderBy(o => o.Period).ThenBy(o => o.Category == null ? -1 : o.Category.Position)
            .Select(o => new Figure(o.Period, o.Category == null ? null : o.Category.Name, o.Value, o.Note)).ToListAsync(ct);

    public static FigureChanges Compare(IReadOnlyList<Figure> stored, IReadOnlyList<Figure> wanted, IReadOnlyCollection<string> categories, bool removeMissing)
    {
        var byKey = stored.ToDictionary(f => f.Key);
        var wantedKeys = new HashSet<(DateOnly, string)>();
        var added = new List<Figure>();
        var changed = new List<(Figure, Figure)>();
        var unchanged = 0;
        foreach (var figure in wanted)
        {
            wantedKeys.Add(figure.Key);
            if (!byKey.TryGetValue(figure.Key, out var old)) added.Add(figure);
            else if (old.SameAs(figure)) unchanged++;
            else changed.Add((old, figure));
        }
        var removed = removeMissing ? stored.Where(f => !wantedKeys.Contains(f.Key)).ToList() : [];
        var known = categories.ToHashSet(StringComparer.Ordinal);
        var newCategories = wanted.Where(f => f.Category is not null && !known.Contains(f.Category)).Select(f => f.Category!).Distinct(StringComparer.Ordinal).ToList();
        return new FigureChanges(newCategories, added, changed, removed, unchanged);
    }

    /// <summary>Adds the new categories (after the existing ones) and changes the figures; the caller saves in its transaction.</summary>
    public static async Task ApplyAsync(PlanwerkDbContext db, StatisticsDataset dataset, FigureChanges changes, CancellationToken ct)
    {
        var categories = await db.StatisticsCategories.Where(c => c.DatasetId == dataset.Id).ToListAsync(ct);
        var position = categories.Count == 0 ? 0 : categories.Max(c => c.Position) + 1;
        foreach (var name in changes.NewCategories)
        {
            var category = new StatisticsCategory { Name = name, DatasetId = dataset.Id, Position = position++ };
            db.StatisticsCategories.Add(category);
            categories.Add(category);
        }
        var byName = categories.ToDictionary(c => c.Name, StringComparer.Ordinal);
        StatisticsCategory? CategoryOf(Figure f) => f.Category is null ? null : byName[f.Category];

        var touched = changes.Changed.Select(c => c.Old).Concat(changes.Removed).Select(f => f.Period).Distinct().ToList();
        List<StatisticsObservation> rows = touched.Count == 0 ? [] : await db.StatisticsObservations.Include(o => o.Category)
            .Where(o => o.DatasetId == dataset.Id && touched.Contains(o.Period)).ToListAsync(ct);
        var rowByKey = rows.ToDictionary(o => (o.Period, o.Category?.Name ?? ""));
        foreach (var (_, figure) in changes.Changed)
        {
            var row = rowByKey[figure.Key];
            (row.Value, row.Note) = (figure.Value, figure.Note);
        }
        foreach (var figure in changes.Removed) db.StatisticsObservations.Remove(rowByKey[figure.Key]);
        foreach (var figure in changes.Added)
        {
            db.StatisticsObservations.Add(new StatisticsObservation
            {
                DatasetId = dataset.Id, Dataset = dataset, Category = CategoryOf(figure), Period = figure.Period, Value = figure.Value, Note = figure.Note,
            });
        }
    }

    /// <summary>A figure as one line of the history and the preview: "2016 · Cotta: 4.178 (Anmerkung)".</summary>
    public static string Line(Figure f, StatisticsPeriodKind kind)
    {
        var text = new StringBuilder(StatisticsValues.FormatPeriod(f.Period, kind));
        if (f.Category is not null) text.Append(" · ").Append(f.Category);
        text.Append(": ").Append(f.Value is null ? "–" : StatisticsValues.FormatValue(f.Value));
        if (f.Note.Length > 0) text.Append(" (").Append(f.Note).Append(')');
        return text.ToString();
    }

    /// <summary>The history's rows for a change of figures: what was before (changed and removed figures) and after
    /// (added and changed), one line each, cut at <see cref="HistoryLines"/>; and the categories created.</summary>
    public static IEnumerable<(string Field, string? Old, string? New)> HistoryFields(FigureChanges changes, StatisticsPeriodKind kind)
    {
        if (changes.NewCategories.Count > 0) yield return (StatisticsHistory.CategoriesAddedField, null, string.Join("\n", changes.NewCategories));
        var before = changes.Changed.Select(c => c.Old).Concat(changes.Removed).OrderBy(f => f.Period).ToList();
        var after = changes.Changed.Select(c => c.New).Concat(changes.Added).OrderBy(f => f.Period).ToList();
        if (before.Count > 0 || after.Count > 0) yield return (StatisticsHistory.FiguresField, Lines(before, kind), Lines(after, kind));
    }

    private static string? Lines(List<Figure> figures, StatisticsPeriodKind kind)
    {
        if (figures.Count == 0) return null;
        var lines = figures.Take(HistoryLines).Select(f => Line(f, kind)).ToList();
        if (figures.Count > HistoryLines) lines.Add(string.Format(CultureInfo.InvariantCulture, "… und {0} weitere", figures.Count - HistoryLines));
        return string.Join("\n", lines);
    }
}
