using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Plans.History;
using Planwerk.Features.Services.Manage;

namespace Planwerk.Features.Pathways.Manage;

/// <summary>The history of pathways and steps, in the plan's <see cref="ChangeRecord"/>s: one record per change with
/// <see cref="ChangeRecord.EntityType"/> <see cref="PathwayType"/> or <see cref="StepType"/>, no plan
/// (<see cref="ChangeRecord.PlanId"/> 0) and one field row per changed part (its text before and after). A change of the
/// stages and steps of a pathway is one row <see cref="StructureField"/> with the outline before and after; publishing
/// and withdrawing are rows <see cref="StatusField"/> and <see cref="PublicationField"/>. Written by the page in the
/// transaction of the change.</summary>
public static class PathwayHistory
{
    public const string PathwayType = "Pathway";
    public const string StepType = "PathwayStep";

    public const string StructureField = "Structure";
    public const string StatusField = "Status";
    public const string PublicationField = "Publication";
    public const string ServicesField = "Services";
    public const string MeasuresField = "Measures";

    /// <summary>Adds the record of a change from <paramref name="before"/> to <paramref name="after"/> (null for a row
    /// created or deleted) with the <paramref name="extra"/> rows; nothing when nothing changed. The caller saves.</summary>
    public static async Task<ChangeRecord?> AddAsync(PlanwerkDbContext db, string entityType, int entityId, string label, ChangeAction action,
        IReadOnlyList<EntryPart>? before, IReadOnlyList<EntryPart>? after, DateTimeOffset now, CancellationToken ct, params (string Field, string? Old, string? New)[] extra)
    {
        var fields = new List<ChangeRecordField>();
        foreach (var field in (after ?? before ?? []).Select(p => p.Field))
        {
            var old = before?.First(p => p.Field == field).Value;
            var @new = after?.First(p => p.Field == field).Value;
            if (string.Equals(old ?? "", @new ?? "", StringComparison.Ordinal)) continue;
            fields.Add(new ChangeRecordField { Field = field, OldValue = NullIfEmpty(old), NewValue = NullIfEmpty(@new) });
        }
        foreach (var (field, old, @new) in extra)
        {
            if (string.Equals(old ?? "", @new ?? "", StringComparison.Ordinal)) continue;
            fields.Add(new ChangeRecordField { Field = field, OldValue = NullIfEmpty(old), NewValue = NullIfEmpty(@new) });
        }
        if (fields.Count == 0 && action == ChangeAction.Updated) return null;
        return await ChangeRecords.AddAsync(db, entityType, entityId, label, action, now, fields, ct);
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    /// <summary>The German label (a text key) of a recorded field.</summary>
    public static string FieldLabel(string field) => field switch
    {
        StructureField => "Abschnitte und Schritte",
        StatusField => "Status",
        PublicationField => "Veröffentlichung",
        ServicesField => "Hilfeangebote",
        MeasuresField => "Maßnahmen",
        "Title" => "Titel",
        "Code" => "Adresskürzel",
        "Summary" => "Kurzbeschreibung",
        "Audience" => "Aufenthaltssituation",
        "Ages" => "Alter",
        "Children" => "Kinder",
        "Position" => "Position",
        "StageSummary" => "Kurzbeschreibung des Abschnitts",
        _ => PathwayEntry.StepFieldLabel(field),
    };
}
