using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Plans.History;

namespace Planwerk.Features.Services.Manage;

/// <summary>The history of services, in the plan's <see cref="ChangeRecord"/>s: one record per change of a service
/// (created, edited, a proposal accepted, checked, deleted) with <see cref="ChangeRecord.EntityType"/>
/// <see cref="EntityType"/>, no plan (<see cref="ChangeRecord.PlanId"/> 0) and one field row per changed part of the
/// entry (<see cref="ServiceEntry.Describe"/>), so a place or an hour changed shows as the part's text before and after.
/// Written by the page in the transaction of the change.</summary>
public static class ServiceHistory
{
    public const string EntityType = "Service";

    /// <summary>The field of a record that says the change was a proposal accepted (its value: who proposed it).</summary>
    public const string ProposalField = "Proposal";

    public const string CheckedField = "LastCheckedOn";

    /// <summary>Adds the record of a change from <paramref name="before"/> to <paramref name="after"/> (null for a service
    /// created or deleted); nothing when no part changed. The caller saves.</summary>
    public static async Task<ChangeRecord?> AddAsync(PlanwerkDbContext db, int serviceId, string label, ChangeAction action,
        IReadOnlyList<EntryPart>? before, IReadOnlyList<EntryPart>? after, DateTimeOffset now, CancellationToken ct, params (string Field, string? Old, string? New)[] extra)
    {
        var fields = new List<ChangeRecordField>();
        var fieldNames = (after ?? before ?? []).Select(p => p.Field).ToList();
        foreach (var field in fieldNames)
        {
            var old = before?.First(p => p.Field == field).Value;
            var @new = after?.First(p => p.Field == field).Value;
            if (string.Equals(old ?? "", @new ?? "", StringComparison.Ordinal)) continue;
            fields.Add(new ChangeRecordField { Field = field, OldValue = NullIfEmpty(old), NewValue = NullIfEmpty(@new) });
        }
        fields.AddRange(extra.Select(x => new ChangeRecordField { Field = x.Field, OldValue = x.Old, NewValue = x.New }));
        if (fields.Count == 0 && action == ChangeAction.Updated) return null;
        return await ChangeRecords.AddAsync(db, EntityType, serviceId, label, action, now, fields, ct);
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    /// <summary>The German label (a text key) of a recorded field of a service.</summary>
    public static string FieldLabel(string field) => field switch
    {
        ProposalField => "Übernommener Änderungsvorschlag von",
        CheckedField => "Zuletzt geprüft am",
        "Organisation" => "Organisation",
        "Name" => "Name",
        "Description" => "Beschreibung",
        "Status" => "Status",
        "Url" => "Internetadresse",
        "Email" => "E-Mail",
        "Audience" => "Wer es nutzen kann",
        "Ages" => "Alter",
        "Eligibility" => "Weitere Voraussetzungen",
        "IsFree" => "kostenlos",
        "Costs" => "Kosten",
        "HowToApply" => "Zugang und Anmeldung",
        "DocumentsToBring" => "Mitzubringende Unterlagen",
        "Accessibility" => "Barrierefreiheit",
        "IsRemoteOnly" => "nur telefonisch oder online",
        "Topics" => "Themen",
        "Languages" => "Angebotene Sprachen",
        "Locations" => "Orte",
        "ServiceHours" => "Zeiten ohne Ort",
        "Contacts" => "Kontakte",
        _ => field,
    };
}
