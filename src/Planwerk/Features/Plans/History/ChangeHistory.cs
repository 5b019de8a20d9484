using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Plans.History;

public sealed record FieldChange(string Field, string? OldValue, string? NewValue);

public sealed record ChangeEntry(long Id, string EntityType, int EntityId, string EntityLabel, ChangeAction Action,
    DateTimeOffset At, string? UserId, string UserName, string Reason)
{
    public IReadOnlyList<FieldChange> Fields { get; init; } = [];
}

public sealed record Person(string UserId, string Name);

/// <summary>What the history pages may be asked for: a person, a first and a last day (Europe/Berlin), a page.</summary>
public sealed record HistoryFilter(string? UserId, DateOnly? From, DateOnly? To, int Page);

public sealed record HistoryPage(IReadOnlyList<ChangeEntry> Entries, IReadOnlyList<Person> People, int Total, int Page, int PageCount);

/// <summary>Reads the recorded changes of a plan (or one part of it), newest first, a page at a time.
/// Four SQL commands whatever the page holds: the people, the count, the page, its field changes.</summary>
public static class ChangeHistory
{
    public const int PageSize = 50;

    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>The start of a Berlin calendar day as an instant.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Berlin.GetUtcOffset(local));
    }

    public static DateTimeOffset InBerlin(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Berlin);

    public static async Task<HistoryPage> ReadAsync(PlanwerkDbContext db, int planId, string? entityType, int? entityId, HistoryFilter filter, CancellationToken ct)
    {
        var all = db.ChangeRecords.AsNoTracking().Where(r => r.PlanId == planId);
        if (entityType is not null && entityId is int id) all = all.Where(r => r.EntityType == entityType && r.EntityId == id);
        var people = (await all.Where(r => r.UserId != null).Select(r => new { r.UserId, r.UserName }).Distinct().ToListAsync(ct))
            .GroupBy(p => p.UserId!)
            .Select(g => new Person(g.Key, g.Select(p => p.UserName).Order(StringComparer.Ordinal).Last()))
            .OrderBy(p => p.Name, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true))
            .ToList();

        var query = all;
        if (!string.IsNullOrEmpty(filter.UserId)) query = query.Where(r => r.UserId == filter.UserId);
        if (filter.From is DateOnly from)
        {
            var start = StartOfDay(from);
            query = query.Where(r => r.At >= start);
        }
        if (filter.To is DateOnly to)
        {
            var end = StartOfDay(to.AddDays(1));
            query = query.Where(r => r.At < end);
        }
        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var entries = await query.OrderByDescending(r => r.At).ThenByDescending(r => r.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new ChangeEntry(r.Id, r.EntityType, r.EntityId, r.EntityLabel, r.Action, r.At, r.UserId, r.UserName, r.Reason))
            .ToListAsync(ct);
        var ids = entries.Select(e => e.Id).ToList();
        var fields = ids.Count == 0
            ? []
            : await db.ChangeRecordFields.AsNoTracking().Where(f => ids.Contains(f.ChangeRecordId)).OrderBy(f => f.Id)
                .Select(f => new { f.ChangeRecordId, Change = new FieldChange(f.Field, f.OldValue, f.NewValue) }).ToListAsync(ct);
        var byRecord = fields.ToLookup(f => f.ChangeRecordId, f => f.Change);
        return new HistoryPage(entries.Select(e => e with { Fields = byRecord[e.Id].ToList() }).ToList(), people, total, page, pageCount);
    }

    /// <summary>The German label (a text key) of a recorded field.</summary>
    public static string FieldLabel(string field) => field switch
    {
        "Title" => "Titel",
        "Summary" => "Zusammenfassung",
        "PeriodStart" => "Erstes Jahr",
        "PeriodEnd" => "Letztes Jahr",
        "State" => "Stand des Plans",
        "PredecessorId" => "Vorgängerplan",
        "IsPublic" => "öffentlich sichtbar",
        "IsExample" => "Beispielinhalt",
        "Description" => "Beschreibung",
        "Position" => "Position",
        "Number" => "Nummer",
        "FieldOfActionId" => "Teilbereich",
        "Goal" => "Ziel",
        "TargetGroups" => "Zielgruppen",
        "ResponsibleOffice" => "Verantwortliche Stelle",
        "PartnerOrganisations" => "Partnerorganisationen",
        "StartDate" => "Beginn",
        "EndDate" => "Ende",
        "EstimatedCost" => "Geschätzte Kosten in Euro",
        "Funding" => "Finanzierung",
        "Priority" => "Priorität",
        "Status" => "Status",
        "Progress" => "Fortschritt in Prozent",
        ChangeRecorder.PrinciplesField => "Leitlinien",
        ChangeRecorder.DistrictsField => "Stadtbezirke und Ortschaften",
        "Body" => "Text",
        _ => field,
    };

    /// <summary>A stored value as shown: enums and yes/no as their German text keys, everything else as stored.</summary>
    public static string? ValueKey(string field, string? value) => (field, value) switch
    {
        (_, null) => null,
        ("Status", _) when Enum.TryParse<MeasureStatus>(value, out var s) => PlanText.Status(s),
        ("Priority", _) when Enum.TryParse<MeasurePriority>(value, out var p) => PlanText.Priority(p),
        ("State", _) when Enum.TryParse<PlanState>(value, out var st) => PlanText.State(st),
        (_, "true") => "ja",
        (_, "false") => "nein",
        _ => null,
    };

    public static string ActionText(ChangeAction action) => action switch
    {
        ChangeAction.Created => "angelegt",
        ChangeAction.Deleted => "gelöscht",
        _ => "geändert",
    };
}
