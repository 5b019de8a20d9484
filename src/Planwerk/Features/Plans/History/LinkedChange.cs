using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Infrastructure.Time;
using Planwerk.Data;
using Microsoft.Extensions.Localization;

namespace Planwerk.Features.Plans.History;

/// <summary>A plan change (history record) that a weighing or a council amendment links to.</summary>
public sealed record LinkedChange(long Id, DateTimeOffset At, string UserName, string EntityType, string EntityLabel, ChangeAction Action, string Reason)
{
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>"12.03.2019, 10:15 Uhr, Name: Maßnahme 3.2 … geändert (Titel, Beschreibung)".</summary>
    public string Line(IStringLocalizer l)
    {
        var fields = Fields.Count == 0 ? "" : " (" + string.Join(", ", Fields.Select(f => l[f].Value)) + ")";
        var who = string.IsNullOrEmpty(UserName) ? l["System"].Value : UserName;
        var at = BerlinTime.DateAndTime(At);
        return $"{at}, {who}: {ChangeHistory.Label(l, EntityType, EntityLabel)} {l[ChangeHistory.ActionText(Action)]}{fields}";
    }

    /// <summary>The names of the changed fields of each record (German text keys), one query.</summary>
    public static async Task<ILookup<long, string>> FieldsAsync(PlanwerkDbContext db, List<long> recordIds, CancellationToken ct)
    {
        if (recordIds.Count == 0) return Array.Empty<(long, string)>().ToLookup(x => x.Item1, x => x.Item2);
        var fields = await db.ChangeRecordFields.AsNoTracking().Where(f => recordIds.Contains(f.ChangeRecordId))
            .OrderBy(f => f.Id).Select(f => new { f.ChangeRecordId, f.Field }).ToListAsync(ct);
        return fields.ToLookup(f => f.ChangeRecordId, f => ChangeHistory.FieldLabel(f.Field));
    }
}
