using Planwerk.Data;
using Planwerk.Features.Plans.History;
using Planwerk.Features.Services.Manage;

namespace Planwerk.Features.Statistics.Manage;

/// <summary>The history of statistics datasets, in the plans' <see cref="ChangeRecord"/>s: one record per change of a
/// dataset (created, its description edited, categories added, renamed, moved or removed, figures edited by hand or
/// imported, deleted) with <see cref="ChangeRecord.EntityType"/> <see cref="EntityType"/>, no plan
/// (<see cref="ChangeRecord.PlanId"/> 0) and one field row per changed part. Written by the page in the transaction of
/// the change.</summary>
public static class StatisticsHistory
{
    public const string EntityType = "StatisticsDataset";

    public const string FiguresField = "Figures";
    public const string CategoriesField = "Categories";
    public const string CategoriesAddedField = "CategoriesAdded";
    public const string ImportField = "Import";

    /// <summary>Adds the record of a change (metadata parts before and after, null for a dataset created or deleted, and
    /// further rows); nothing when nothing changed. The caller saves.</summary>
    public static async Task<ChangeRecord?> AddAsync(PlanwerkDbContext db, int datasetId, string label, ChangeAction action,
        IReadOnlyList<EntryPart>? before, IReadOnlyList<EntryPart>? after, DateTimeOffset now, CancellationToken ct,
        params IEnumerable<(string Field, string? Old, string? New)> extra)
    {
        var fields = new List<ChangeRecordField>();
        foreach (var field in (after ?? before ?? []).Select(p => p.Field))
        {
            var old = before?.First(p => p.Field == field).Value;
            var @new = after?.First(p => p.Field == field).Value;
            if (string.Equals(old ?? "", @new ?? "", StringComparison.Ordinal)) continue;
            fields.Add(new ChangeRecordField { Field = field, OldValue = NullIfEmpty(old), NewValue = NullIfEmpty(@new) });
        }
        fields.AddRange(extra.Select(x => new ChangeRecordField { Field = x.Field, OldValue = x.Old, NewValue = x.New }));
        if (fields.Count == 0 && action == ChangeAction.Updated) return null;
        return await ChangeRecords.AddAsync(db, EntityType, datasetId, label, action, now, fields, ct);
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    /// <summary>The German label (a text key) of a recorded field of a dataset.</summary>
    public static string FieldLabel(string field) => field switch
    {
        FiguresField => "Werte",
        CategoriesField => "Kategorien",
        CategoriesAddedField => "Neue Kategorien",
        ImportField => "Import",
        _ => DatasetEntry.Labels.TryGetValue(field, out var label) ? label : field,
    };
}
