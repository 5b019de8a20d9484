using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Time;
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

    public static Task<HistoryPage> ReadAsync(PlanwerkDbContext db, int planId, string? entityType, int? entityId, HistoryFilter filter, CancellationToken ct)
    {
        var all = db.ChangeRecords.AsNoTracking().Where(r => r.PlanId == planId);
        if (entityType is not null && entityId is int id) all = all.Where(r => r.EntityType == entityType && r.EntityId == id);
        return ReadAsync(db, all, filter, ct);
    }

    /// <summary>The records of the municipality's deleted plans: one per plan (see <see cref="PlanDeletion"/>).</summary>
    public static Task<HistoryPage> ReadDeletedPlansAsync(PlanwerkDbContext db, HistoryFilter filter, CancellationToken ct) =>
        ReadAsync(db, db.ChangeRecords.AsNoTracking().Where(r => r.EntityType == ChangeEntityTypes.Plan && r.Action == ChangeAction.Deleted), filter, ct);

    /// <summary>The plan's title now; for a deleted plan the title recorded when it was deleted (with
    /// <c>IsDeleted</c>); null when the plan is unknown here.</summary>
    public static async Task<(string Title, bool IsDeleted)?> PlanTitleAsync(PlanwerkDbContext db, int planId, CancellationToken ct) =>
        await PlanHeadingAsync(db, planId, ct) is { } plan ? (plan.Title, plan.IsDeleted) : null;

    /// <summary>As <see cref="PlanTitleAsync"/>, with the plan's words for its levels (the defaults for a
    /// deleted plan), read in the same command.</summary>
    public static async Task<(string Title, bool IsDeleted, PlanLevels Levels)?> PlanHeadingAsync(PlanwerkDbContext db, int planId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).SelectHeading().FirstOrDefaultAsync(ct);
        if (plan is not null) return (plan.Title, false, plan.Levels);
        var recorded = await db.ChangeRecordFields.AsNoTracking()
            .Where(f => f.Field == nameof(Plan.Title) && f.ChangeRecord!.PlanId == planId
                && f.ChangeRecord.EntityType == ChangeEntityTypes.Plan && f.ChangeRecord.Action == ChangeAction.Deleted)
            .OrderByDescending(f => f.Id).Select(f => f.OldValue).FirstOrDefaultAsync(ct);
        return recorded is null ? null : (recorded, true, PlanLevels.Default);
    }

    private static async Task<HistoryPage> ReadAsync(PlanwerkDbContext db, IQueryable<ChangeRecord> all, HistoryFilter filter, CancellationToken ct)
    {
        var people = (await all.Where(r => r.UserId != null).Select(r => new { r.UserId, r.UserName }).Distinct().ToListAsync(ct))
            .GroupBy(p => p.UserId!)
            .Select(g => new Person(g.Key, g.Select(p => p.UserName).Order(StringComparer.Ordinal).Last()))
            .OrderBy(p => p.Name, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true))
            .ToList();

        var query = all;
        if (!string.IsNullOrEmpty(filter.UserId)) query = query.Where(r => r.UserId == filter.UserId);
        if (filter.From is DateOnly from)
        {
            var start = BerlinTime.StartOfDay(from);
            query = query.Where(r => r.At >= start);
        }
        if (filter.To is DateOnly to)
        {
            var end = BerlinTime.StartOfDay(to.AddDays(1));
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

    /// <summary>The label of a recorded field in the reader's language; where it names a level, in the
    /// plan's own words (<paramref name="levels"/>; the defaults when they are not at hand).</summary>
    public static string FieldText(IStringLocalizer l, string field, PlanLevels? levels) => (field, levels) switch
    {
        ("FieldOfActionId", { } named) => named.Field.One,
        (ChangeRecorder.PrinciplesField, { } named) => named.Principle.Many,
        (PlanDeletion.PrincipleCount, { } named) => l["Anzahl: {0}", named.Principle.ManyInSentence],
        (PlanDeletion.FieldCount, { } named) => l["Anzahl: {0}", named.Field.ManyInSentence],
        (PlanDeletion.MeasureCount, { } named) => l["Anzahl: {0}", named.Measure.ManyInSentence],
        _ => l[FieldLabel(field)],
    };

    /// <summary>The German label (a text key) of a recorded field, with the default words for the levels.</summary>
    public static string FieldLabel(string field) => field switch
    {
        "Title" => "Titel",
        "Summary" => "Zusammenfassung",
        "PeriodStart" => "Erstes Jahr",
        "PeriodEnd" => "Letztes Jahr",
        "State" => "Stand des Plans",
        "AdoptedVersionId" => "Beschlossene Fassung (Nummer)",
        "AdoptedOn" => "Beschlossen am",
        "PredecessorId" => "Vorgängerplan",
        "IsPublic" => "öffentlich sichtbar",
        "IsExample" => "Beispielinhalt",
        "Description" => "Beschreibung",
        "Position" => "Position",
        "Number" => "Nummer",
        "FieldOfActionId" => "Handlungsfeld",
        "Goal" => "Ziel",
        "TargetGroups" => "Zielgruppen",
        "ResponsibleOffice" => "Verantwortliche Stelle",
        "PartnerOrganisations" => "Partnerorganisationen",
        ChangeRecorder.LeadField => "Federführung",
        ChangeRecorder.PartnersField => "Partner",
        "StartDate" => "Beginn",
        "EndDate" => "Ende",
        "EstimatedCost" => "Geschätzte Kosten in Euro",
        "Funding" => "Finanzierung",
        "Priority" => "Priorität",
        "Status" => "Status",
        "Progress" => "Fortschritt in Prozent",
        "Weight" => "Gewicht",
        "Outcome" => "Abschließende Bewertung",
        "OutcomeText" => "Text der Bewertung",
        "CarriedFromMeasureId" => "Fortgeführt aus Maßnahme (Nummer)",
        "Kind" => "Art des Abschnitts",
        Sections.SectionEditModel.DatasetsField => "Datenreihen",
        "RollUpMethod" => "Fortschritt zusammenfassen",
        ChangeRecorder.MilestoneField => "Meilenstein",
        ChangeRecorder.IndicatorField => "Indikator",
        ChangeRecorder.IndicatorValueField => "Wert eines Indikators",
        ChangeRecorder.ReportField => "Bericht",
        ChangeRecorder.ReportEvidenceField => "Nachweis zu einem Bericht",
        ChangeRecorder.PrinciplesField => "Leitlinien",
        "PrincipleSingular" => "Wort für eine Leitlinie",
        "PrinciplePlural" => "Wort für mehrere Leitlinien",
        "PrincipleSingularEn" => "Englisches Wort für eine Leitlinie",
        "PrinciplePluralEn" => "Englisches Wort für mehrere Leitlinien",
        "FieldSingular" => "Wort für ein Handlungsfeld",
        "FieldPlural" => "Wort für mehrere Handlungsfelder",
        "FieldSingularEn" => "Englisches Wort für ein Handlungsfeld",
        "FieldPluralEn" => "Englisches Wort für mehrere Handlungsfelder",
        "MeasureSingular" => "Wort für eine Maßnahme",
        "MeasurePlural" => "Wort für mehrere Maßnahmen",
        "MeasureSingularEn" => "Englisches Wort für eine Maßnahme",
        "MeasurePluralEn" => "Englisches Wort für mehrere Maßnahmen",
        ChangeRecorder.DistrictsField => "Stadtbezirke und Ortschaften",
        "Body" => "Text",
        "FileName" => "Dateiname",
        "AltText" => "Alternativtext",
        "ContentType" => "Dateityp",
        "CreatedAt" => "Hochgeladen am",
        PlanDeletion.PrincipleCount => "Anzahl der Leitlinien",
        PlanDeletion.FieldCount => "Anzahl der Handlungsfelder",
        PlanDeletion.MeasureCount => "Anzahl der Maßnahmen",
        PlanDeletion.SectionCount => "Anzahl der Abschnitte",
        PlanDeletion.VersionCount => "Anzahl der festgehaltenen Fassungen",
        _ => field,
    };

    /// <summary>A stored value as shown: enums and yes/no as their German text keys, everything else as stored.</summary>
    public static string? ValueKey(string field, string? value) => (field, value) switch
    {
        (_, null) => null,
        ("Status", _) when Enum.TryParse<MeasureStatus>(value, out var s) => PlanText.Status(s),
        ("Priority", _) when Enum.TryParse<MeasurePriority>(value, out var p) => PlanText.Priority(p),
        ("State", _) when Enum.TryParse<PlanState>(value, out var st) => PlanText.State(st),
        ("RollUpMethod", _) when Enum.TryParse<Implementation.RollUpMethod>(value, out var method) => Implementation.Manage.RollUpSettingsModel.MethodText(method),
        ("Kind", _) when Enum.TryParse<Sections.PlanSectionKind>(value, out var kind) => Sections.SectionEditModel.KindText(kind),
        (_, "true") => "ja",
        (_, "false") => "nein",
        _ => null,
    };

    /// <summary>The German word (a resource key) for the kind of part a record is about.</summary>
    public static string KindText(string entityType) => entityType switch
    {
        ChangeEntityTypes.Plan => "Plan",
        ChangeEntityTypes.Principle => "Leitlinie",
        ChangeEntityTypes.FieldOfAction => "Handlungsfeld",
        ChangeEntityTypes.Measure => "Maßnahme",
        ChangeEntityTypes.Section => "Abschnitt",
        ChangeRecorder.ImageEntityType => "Bild",
        _ => entityType,
    };

    /// <summary>"Maßnahme 4.3 Titel" or "Measure 4.3 Titel": the kind in the interface language, then the
    /// part's name as recorded.</summary>
    public static string Label(IStringLocalizer l, string entityType, string label) => l[KindText(entityType)] + " " + label;

    /// <summary>As <see cref="Label(IStringLocalizer, string, string)"/>, the kind in the plan's own words
    /// ("Themenfeld 4 Bildung") when <paramref name="levels"/> are at hand.</summary>
    public static string Label(IStringLocalizer l, string entityType, string label, PlanLevels? levels) => (entityType, levels) switch
    {
        (ChangeEntityTypes.Principle, { } named) => named.Principle.One + " " + label,
        (ChangeEntityTypes.FieldOfAction, { } named) => named.Field.One + " " + label,
        (ChangeEntityTypes.Measure, { } named) => named.Measure.One + " " + label,
        _ => Label(l, entityType, label),
    };

    public static string ActionText(ChangeAction action) => action switch
    {
        ChangeAction.Created => "angelegt",
        ChangeAction.Deleted => "gelöscht",
        _ => "geändert",
    };
}
