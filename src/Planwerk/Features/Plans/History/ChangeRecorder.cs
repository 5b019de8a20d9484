using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Planwerk.Features.Implementation;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans.Sections;

namespace Planwerk.Features.Plans.History;

/// <summary>Turns the tracked changes of plans, principles, fields of action, measures (with their
/// principles and districts) and sections into <see cref="ChangeRecord"/>s. <see cref="Collect"/> runs
/// before the save (while old values are known); <see cref="Complete"/> after it (when new ids are).</summary>
public static class ChangeRecorder
{
    /// <summary>Never recorded: keys, tenancy, and the bookkeeping every save touches.</summary>
    private static readonly HashSet<string> Skipped = ["Id", "Key", "MunicipalityId", "PlanId", "Version", "UpdatedAt", "LastMeasureKey", "LastImageNumber", "SearchText"];

    public const string PrinciplesField = "Principles";
    public const string DistrictsField = "Districts";

    /// <summary>The <see cref="ChangeRecord.EntityType"/> of a plan's image (<see cref="PlanImage"/>).</summary>
    public const string ImageEntityType = "Image";

    public sealed class Pending(EntityEntry entry, ChangeRecord record)
    {
        public EntityEntry Entry { get; } = entry;
        public ChangeRecord Record { get; } = record;
    }

    /// <summary>Before <see cref="Collect"/> (and before the measures' search text is kept): reads what a record must
    /// name and the page may not have loaded: the measure of a changed milestone; for changed leads and partners, every
    /// link of their measures (so the record lists the whole set before and after), the measures, and the
    /// organisations' names. At most three queries for any number of changed links.</summary>
    public static async Task LoadNamesAsync(IReadOnlyCollection<EntityEntry> changed, CancellationToken ct)
    {
        foreach (var entry in changed)
        {
            if (entry.Entity is Milestone { Measure: null }) await entry.Reference(nameof(Milestone.Measure)).LoadAsync(ct);
            if (entry.Entity is IndicatorValue { Indicator: null }) await entry.Reference(nameof(IndicatorValue.Indicator)).LoadAsync(ct);
            var indicator = entry.Entity switch { Indicator i => i, IndicatorValue v => v.Indicator, _ => null };
            // Tracked, not set on the indicator: a deleted indicator gets no navigation fixed up.
            if (indicator is { Plan: null } && entry.Context.Set<Plan>().Local.FindEntry(indicator.PlanId) is null)
                await entry.Context.Set<Plan>().Where(p => p.Id == indicator.PlanId).LoadAsync(ct);
            if (entry.Entity is ReportEvidence { MeasureReport: null }) await entry.Reference(nameof(ReportEvidence.MeasureReport)).LoadAsync(ct);
            var report = entry.Entity switch { MeasureReport r => r, ReportEvidence e => e.MeasureReport, _ => null };
            if (report is null) continue;
            var reportEntry = entry.Context.Entry(report);
            if (report.Measure is null) await reportEntry.Reference(nameof(MeasureReport.Measure)).LoadAsync(ct);
            if (report.ReportingPeriod is null) await reportEntry.Reference(nameof(MeasureReport.ReportingPeriod)).LoadAsync(ct);
            if (entry.Entity is MeasureReport)
            {
                var statusIds = new[] { reportEntry.Property(r => r.StatusId).OriginalValue, report.StatusId }.OfType<int>()
                    .Where(id => entry.Context.ChangeTracker.Entries<ImplementationStatus>().All(s => s.Entity.Id != id)).Distinct().ToList();
                if (statusIds.Count > 0) await entry.Context.Set<ImplementationStatus>().Where(s => statusIds.Contains(s.Id)).LoadAsync(ct);
            }
        }
        var links = changed.Where(e => e.Entity is MeasureOrganisation).Select(e => (MeasureOrganisation)e.Entity).ToList();
        if (links.Count == 0) return;
        var context = changed.First().Context;
        var measureIds = links.Where(l => l.Measure is null || context.Entry(l.Measure).State != EntityState.Added)
            .Select(l => l.MeasureId).Where(id => id > 0).Distinct().ToList();
        if (measureIds.Count > 0)
        {
            await context.Set<MeasureOrganisation>().Where(o => measureIds.Contains(o.MeasureId)).LoadAsync(ct);
            var measureOf = links.GroupBy(l => l.MeasureId).ToDictionary(g => g.Key, g => g.First().Measure);
            var untracked = measureIds.Where(id => measureOf[id] is null).ToList();
            if (untracked.Count > 0) await context.Set<Measure>().Where(m => untracked.Contains(m.Id)).LoadAsync(ct);
        }
        var organisationIds = context.ChangeTracker.Entries<MeasureOrganisation>().Where(e => e.Entity.Organisation is null)
            .Select(e => e.Entity.OrganisationId).Where(id => id > 0).Distinct().ToList();
        if (organisationIds.Count > 0) await context.Set<Stakeholder>().Where(s => organisationIds.Contains(s.Id)).LoadAsync(ct);
    }

    public static List<Pending> Collect(ChangeTracker tracker, ChangeAuthor author, DateTimeOffset now)
    {
        var pending = new List<Pending>();
        var byEntity = new Dictionary<object, Pending>(ReferenceEqualityComparer.Instance);
        foreach (var entry in tracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity is Milestone)
            {
                CollectMilestone(entry, author, now, pending, byEntity);
                continue;
            }
            if (entry.Entity is Indicator or IndicatorValue)
            {
                CollectIndicator(entry, author, now, pending, byEntity);
                continue;
            }
            if (entry.Entity is MeasureReport)
            {
                CollectReport(entry, author, now, pending, byEntity);
                continue;
            }
            if (entry.Entity is ReportEvidence evidence)
            {
                var period = evidence.MeasureReport?.ReportingPeriod?.Name ?? "";
                var name = period + ": " + evidence.FileName;
                var evidenceRecord = NewRecord(ChangeEntityTypes.Measure, ChangeAction.Updated, author, now);
                evidenceRecord.Fields.Add(new ChangeRecordField
                {
                    Field = ReportEvidenceField,
                    OldValue = entry.State == EntityState.Deleted ? name : null,
                    NewValue = entry.State == EntityState.Added ? name : null,
                });
                var evidenceItem = new Pending(entry, evidenceRecord);
                byEntity[entry.Entity] = evidenceItem;
                pending.Add(evidenceItem);
                continue;
            }
            if (TypeOf(entry.Entity) is not { } type) continue;
            var action = entry.State switch
            {
                EntityState.Added => ChangeAction.Created,
                EntityState.Deleted => ChangeAction.Deleted,
                _ => ChangeAction.Updated,
            };
            var record = NewRecord(type, action, author, now);
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                if (Skipped.Contains(name) || property.Metadata.IsShadowProperty()) continue;
                // File contents (an image's bytes) are never copied into the history; name and text are.
                if (property.Metadata.ClrType == typeof(byte[])) continue;
                string? old = action == ChangeAction.Created ? null : Render(property.OriginalValue);
                string? @new = action == ChangeAction.Deleted ? null : Render(property.CurrentValue);
                if (action == ChangeAction.Updated && !property.IsModified) continue;
                if (string.Equals(old ?? "", @new ?? "", StringComparison.Ordinal)) continue;
                record.Fields.Add(new ChangeRecordField { Field = name, OldValue = old, NewValue = @new });
            }
            var item = new Pending(entry, record);
            byEntity[entry.Entity] = item;
            pending.Add(item);
        }

        CollectLinks(tracker, author, now, pending, byEntity, "MeasurePrinciples", "PrinciplesId", PrinciplesField,
            m => m.Principles.Select(p => (Key(tracker, p), p.Title)), id => tracker.Entries<Principle>().FirstOrDefault(p => p.Entity.Id == id)?.Entity.Title);
        CollectLinks(tracker, author, now, pending, byEntity, "MeasureDistricts", "DistrictsId", DistrictsField,
            m => m.Districts.Select(d => (Key(tracker, d), d.Name)), id => tracker.Entries<District>().FirstOrDefault(d => d.Entity.Id == id)?.Entity.Name);

        CollectOrganisations(tracker, author, now, pending, byEntity);

        // An update that changed only what is not recorded (e.g. the time stamp) is no change.
        return pending.Where(p => p.Record.Action != ChangeAction.Updated || p.Record.Fields.Count > 0).ToList();
    }

    /// <summary>A measure's milestone is part of the measure: its change is recorded as a change of the measure's
    /// field <see cref="MilestoneField"/>, from the milestone as it was to as it is (<see cref="MilestoneText"/>).</summary>
    private static void CollectMilestone(EntityEntry entry, ChangeAuthor author, DateTimeOffset now, List<Pending> pending, Dictionary<object, Pending> byEntity)
    {
        string Text(Func<string, object?> value) => MilestoneText((string)value(nameof(Milestone.Title))!, (DateOnly)value(nameof(Milestone.DueOn))!,
            (DateOnly?)value(nameof(Milestone.DoneOn)), (string)value(nameof(Milestone.Note))!);
        var old = entry.State == EntityState.Added ? null : Text(p => entry.Property(p).OriginalValue);
        var @new = entry.State == EntityState.Deleted ? null : Text(p => entry.Property(p).CurrentValue);
        if (string.Equals(old ?? "", @new ?? "", StringComparison.Ordinal)) return;
        var record = NewRecord(ChangeEntityTypes.Measure, ChangeAction.Updated, author, now);
        record.Fields.Add(new ChangeRecordField { Field = MilestoneField, OldValue = old, NewValue = @new });
        var item = new Pending(entry, record);
        byEntity[entry.Entity] = item;
        pending.Add(item);
    }

    /// <summary>A plan's indicator and its values are part of the plan: a change is recorded as a change of the plan's field
    /// <see cref="IndicatorField"/> or <see cref="IndicatorValueField"/>, from the text as it was to as it is
    /// (<see cref="IndicatorText"/>, <see cref="IndicatorValueText"/>).</summary>
    private static void CollectIndicator(EntityEntry entry, ChangeAuthor author, DateTimeOffset now, List<Pending> pending, Dictionary<object, Pending> byEntity)
    {
        string Text(Func<string, object?> value) => entry.Entity is IndicatorValue v
            ? IndicatorValueText(v.Indicator?.Name ?? "", (DateOnly)value(nameof(IndicatorValue.On))!, (decimal)value(nameof(IndicatorValue.Value))!,
                (string)value(nameof(IndicatorValue.Source))!, (string)value(nameof(IndicatorValue.Note))!)
            : IndicatorText((string)value(nameof(Indicator.Name))!, (string)value(nameof(Indicator.Unit))!, (IndicatorDirection)value(nameof(Indicator.Direction))!,
                (decimal)value(nameof(Indicator.BaselineValue))!, (DateOnly)value(nameof(Indicator.BaselineOn))!,
                (decimal)value(nameof(Indicator.TargetValue))!, (DateOnly)value(nameof(Indicator.TargetOn))!,
                (int?)value(nameof(Indicator.FieldOfActionId)), (int?)value(nameof(Indicator.MeasureId)),
                (string)value(nameof(Indicator.Definition))!, (string)value(nameof(Indicator.Source))!,
                (int?)value(nameof(Indicator.DatasetId)), (int?)value(nameof(Indicator.DatasetCategoryId)));
        var old = entry.State == EntityState.Added ? null : Text(p => entry.Property(p).OriginalValue);
        var @new = entry.State == EntityState.Deleted ? null : Text(p => entry.Property(p).CurrentValue);
        if (string.Equals(old ?? "", @new ?? "", StringComparison.Ordinal)) return;
        var record = NewRecord(ChangeEntityTypes.Plan, ChangeAction.Updated, author, now);
        record.Fields.Add(new ChangeRecordField { Field = entry.Entity is IndicatorValue ? IndicatorValueField : IndicatorField, OldValue = old, NewValue = @new });
        // The plan is named now: once a deleted indicator is saved, its references may be gone.
        var indicator = entry.Entity as Indicator ?? ((IndicatorValue)entry.Entity).Indicator!; // loaded by LoadNamesAsync
        // A new plan saved with its indicators is reached by the navigation; otherwise the plan is tracked (LoadNamesAsync).
        var plan = indicator.Plan ?? (Plan)entry.Context.Set<Plan>().Local.FindEntry(indicator.PlanId)!.Entity;
        (record.PlanId, record.EntityId, record.EntityLabel) = (indicator.PlanId, indicator.PlanId, plan.Title);
        var item = new Pending(entry, record);
        byEntity[entry.Entity] = item;
        pending.Add(item);
    }

    /// <summary>An indicator in a few lines, the same in every language: "name · unit · HigherIsBetter · 12.5 (2019-01-01) →
    /// 40 (2022-12-31) · field #3", then the definition and the source.</summary>
    public static string IndicatorText(string name, string unit, IndicatorDirection direction, decimal baseline, DateOnly baselineOn, decimal target,
        DateOnly targetOn, int? fieldId, int? measureId, string definition, string source, int? datasetId = null, int? categoryId = null)
    {
        var belongs = measureId is int m ? "measure #" + Render(m) : fieldId is int f ? "field #" + Render(f) : "";
        var head = string.Join(" · ", new[] { name, unit, direction.ToString(),
            Number(baseline) + " (" + Render(baselineOn) + ") → " + Number(target) + " (" + Render(targetOn) + ")", belongs }.Where(x => x.Length > 0));
        var lines = new List<string> { head };
        if (definition.Length > 0) lines.Add("Definition: " + definition);
        if (source.Length > 0) lines.Add("Quelle: " + source);
        // Where the values come from, when not typed: the dataset series (its figures are the values).
        if (datasetId is int dataset) lines.Add("Werte: dataset #" + Render(dataset) + (categoryId is int category ? " · category #" + Render(category) : ""));
        return string.Join("\n", lines);
    }

    /// <summary>A value in one line: "indicator: 2020-12-31 · 42.5 · source · note".</summary>
    public static string IndicatorValueText(string indicator, DateOnly on, decimal value, string source, string note) =>
        indicator + ": " + string.Join(" · ", new[] { Render(on)!, Number(value), source, note }.Where(x => x.Length > 0));

    private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public const string IndicatorField = "Indicator";
    public const string IndicatorValueField = "IndicatorValue";

    /// <summary>A report is part of its measure: each save or move is recorded as a change of the measure's field
    /// <see cref="ReportField"/>, from the report as it was to as it is (<see cref="ReportText"/>).</summary>
    private static void CollectReport(EntityEntry entry, ChangeAuthor author, DateTimeOffset now, List<Pending> pending, Dictionary<object, Pending> byEntity)
    {
        var report = (MeasureReport)entry.Entity;
        var statuses = entry.Context.ChangeTracker.Entries<ImplementationStatus>().ToDictionary(s => s.Entity.Id, s => s.Entity.Name);
        string Text(Func<string, object?> value) => ReportText(report.ReportingPeriod?.Name ?? "", (ReportState)value(nameof(MeasureReport.State))!,
            value(nameof(MeasureReport.StatusId)) is int id && statuses.TryGetValue(id, out var status) ? status : "",
            (int?)value(nameof(MeasureReport.Progress)), (decimal?)value(nameof(MeasureReport.Spent)),
            (string)value(nameof(MeasureReport.Done))!, (string)value(nameof(MeasureReport.NextSteps))!, (string)value(nameof(MeasureReport.Obstacles))!,
            (string)value(nameof(MeasureReport.Links))!, (string)value(nameof(MeasureReport.ReturnComment))!);
        var old = entry.State == EntityState.Added ? null : Text(p => entry.Property(p).OriginalValue);
        var @new = entry.State == EntityState.Deleted ? null : Text(p => entry.Property(p).CurrentValue);
        if (string.Equals(old ?? "", @new ?? "", StringComparison.Ordinal)) return;
        var record = NewRecord(ChangeEntityTypes.Measure, ChangeAction.Updated, author, now);
        record.Fields.Add(new ChangeRecordField { Field = ReportField, OldValue = old, NewValue = @new });
        var item = new Pending(entry, record);
        byEntity[entry.Entity] = item;
        pending.Add(item);
    }

    /// <summary>A report in a few lines, German labels, amounts and numbers invariant: "2019, 2. Halbjahr · Submitted ·
    /// In Umsetzung · 40 %", then one line for each text that is there.</summary>
    public static string ReportText(string period, ReportState state, string status, int? progress, decimal? spent, string done, string nextSteps,
        string obstacles, string links, string returnComment)
    {
        var head = string.Join(" · ", new[] { period, state.ToString(), status, progress is int p ? Render(p) + " %" : "" }.Where(x => x.Length > 0));
        var lines = new List<string> { head };
        if (done.Length > 0) lines.Add("Getan: " + done);
        if (nextSteps.Length > 0) lines.Add("Nächste Schritte: " + nextSteps);
        if (obstacles.Length > 0) lines.Add("Hindernisse: " + obstacles);
        if (spent is decimal s) lines.Add("Ausgegeben: " + Render(s) + " €");
        if (links.Length > 0) lines.Add("Links: " + links.Replace('\n', ' '));
        if (returnComment.Length > 0) lines.Add("Rückmeldung: " + returnComment);
        return string.Join("\n", lines);
    }

    public const string ReportField = "Report";
    public const string ReportEvidenceField = "ReportEvidence";
    public const string MilestoneField = "Milestone";
    public const string LeadField = "Lead";
    public const string PartnersField = "Partners";

    /// <summary>A measure's lead and partners are rows of their own (<see cref="MeasureOrganisation"/>); they are recorded
    /// as changes of the measure's fields <see cref="LeadField"/> and <see cref="PartnersField"/>, by name, partners in
    /// their order separated by "; ".</summary>
    private static void CollectOrganisations(ChangeTracker tracker, ChangeAuthor author, DateTimeOffset now, List<Pending> pending, Dictionary<object, Pending> byEntity)
    {
        var links = tracker.Entries<MeasureOrganisation>().ToList();
        var changedMeasures = links.Where(e => e.State is EntityState.Added or EntityState.Deleted or EntityState.Modified)
            .Select(e => e.Property(x => x.MeasureId).CurrentValue).ToHashSet();
        if (changedMeasures.Count == 0) return;
        var measures = tracker.Entries<Measure>().ToDictionary(m => m.Property(x => x.Id).CurrentValue);
        // Grouped once: an import of thousands of measures must not search all links for each measure.
        var linksByMeasure = links.ToLookup(e => e.Property(x => x.MeasureId).CurrentValue);
        foreach (var measureId in changedMeasures)
        {
            if (!measures.TryGetValue(measureId, out var measureEntry) || measureEntry.State == EntityState.Deleted) continue;
            var ofMeasure = linksByMeasure[measureId].ToList();
            string Name(EntityEntry<MeasureOrganisation> e) =>
                e.Entity.Organisation?.Name ?? "#" + e.Entity.OrganisationId.ToString(CultureInfo.InvariantCulture);
            (string? Lead, string? Partners) Texts(IEnumerable<EntityEntry<MeasureOrganisation>> set, bool original)
            {
                var rows = set.Select(e => (Role: original ? e.Property(x => x.Role).OriginalValue : e.Entity.Role,
                    Position: original ? e.Property(x => x.Position).OriginalValue : e.Entity.Position, Name: Name(e))).ToList();
                var lead = rows.Where(r => r.Role == MeasureOrganisationRole.Lead).Select(r => r.Name).FirstOrDefault();
                var partners = rows.Where(r => r.Role == MeasureOrganisationRole.Partner).OrderBy(r => r.Position).Select(r => r.Name).ToList();
                return (lead, partners.Count == 0 ? null : MeasureOrganisation.JoinPartners(partners));
            }
            var old = measureEntry.State == EntityState.Added ? (null, null) : Texts(ofMeasure.Where(e => e.State != EntityState.Added), original: true);
            var @new = Texts(ofMeasure.Where(e => e.State != EntityState.Deleted), original: false);
            var fields = new[] { (LeadField, old.Lead, @new.Lead), (PartnersField, old.Partners, @new.Partners) }
                .Where(f => !string.Equals(f.Item2 ?? "", f.Item3 ?? "", StringComparison.Ordinal)).ToList();
            if (fields.Count == 0) continue;
            if (!byEntity.TryGetValue(measureEntry.Entity, out var item))
            {
                item = new Pending(measureEntry, NewRecord(ChangeEntityTypes.Measure, ChangeAction.Updated, author, now));
                byEntity[measureEntry.Entity] = item;
                pending.Add(item);
            }
            foreach (var (field, oldValue, newValue) in fields)
                item.Record.Fields.Add(new ChangeRecordField { Field = field, OldValue = oldValue, NewValue = newValue });
        }
    }

    /// <summary>A milestone in one line, the same in every language: "title · due · ✓ done · note" (dates ISO 8601).</summary>
    public static string MilestoneText(string title, DateOnly dueOn, DateOnly? doneOn, string note) =>
        string.Join(" · ", new[] { title, Render(dueOn)!, doneOn is { } done ? "✓ " + Render(done) : "", note }.Where(x => x.Length > 0));

    /// <summary>The key as the tracker knows it: a new row's temporary key before the save, as the join rows use it.</summary>
    private static int Key(ChangeTracker tracker, object entity) => (int)tracker.Context.Entry(entity).Property("Id").CurrentValue!;

    /// <summary>Links between measures and principles or districts are rows of a join table; they are
    /// recorded as a change of the measure's list, old and new, by name.</summary>
    private static void CollectLinks(ChangeTracker tracker, ChangeAuthor author, DateTimeOffset now, List<Pending> pending,
        Dictionary<object, Pending> byEntity, string joinName, string otherKey, string field,
        Func<Measure, IEnumerable<(int Id, string Name)>> current, Func<int, string?> nameOf)
    {
        var changes = tracker.Entries()
            .Where(e => e.Metadata.Name == joinName && e.State is EntityState.Added or EntityState.Deleted)
            .Select(e => (Measure: (int)e.Property("MeasuresId").CurrentValue!, Other: (int)e.Property(otherKey).CurrentValue!, Added: e.State == EntityState.Added))
            .GroupBy(c => c.Measure).ToList();
        if (changes.Count == 0) return;
        // One look at the tracked measures (each Entries() call detects changes over everything tracked).
        var measures = tracker.Entries<Measure>().ToDictionary(m => m.Property(x => x.Id).CurrentValue);
        foreach (var group in changes)
        {
            if (!measures.TryGetValue(group.Key, out var measureEntry)) continue;
            var now_ = current(measureEntry.Entity).ToList();
            var names = now_.DistinctBy(x => x.Id).ToDictionary(x => x.Id, x => x.Name);
            var newIds = now_.Select(x => x.Id).ToHashSet();
            var oldIds = newIds.ToHashSet();
            foreach (var c in group)
            {
                if (c.Added) oldIds.Remove(c.Other);
                else
                {
                    oldIds.Add(c.Other);
                    newIds.Remove(c.Other);
                    if (!names.ContainsKey(c.Other)) names[c.Other] = nameOf(c.Other) ?? "#" + c.Other.ToString(CultureInfo.InvariantCulture);
                }
            }
            string? List(HashSet<int> ids) => ids.Count == 0 ? null : string.Join("; ", ids.Select(i => names[i]).Order(StringComparer.Ordinal));
            var old = measureEntry.State == EntityState.Added ? null : List(oldIds);
            var @new = measureEntry.State == EntityState.Deleted ? null : List(newIds);
            if (string.Equals(old ?? "", @new ?? "", StringComparison.Ordinal)) continue;
            if (!byEntity.TryGetValue(measureEntry.Entity, out var item))
            {
                item = new Pending(measureEntry, NewRecord(ChangeEntityTypes.Measure, ChangeAction.Updated, author, now));
                byEntity[measureEntry.Entity] = item;
                pending.Add(item);
            }
            item.Record.Fields.Add(new ChangeRecordField { Field = field, OldValue = old, NewValue = @new });
        }
    }

    /// <summary>After the save: the ids, plan and label of each changed part are known now.</summary>
    public static IEnumerable<ChangeRecord> Complete(IEnumerable<Pending> pending, string userName)
    {
        foreach (var p in pending)
        {
            var r = p.Record;
            r.UserName = userName;
            switch (p.Entry.Entity)
            {
                case Plan plan:
                    (r.MunicipalityId, r.PlanId, r.EntityId, r.EntityLabel) = (plan.MunicipalityId, plan.Id, plan.Id, plan.Title);
                    break;
                case Principle principle:
                    (r.MunicipalityId, r.PlanId, r.EntityId, r.EntityLabel) = (principle.MunicipalityId, principle.PlanId, principle.Id, principle.Title);
                    break;
                case FieldOfAction field:
                    (r.MunicipalityId, r.PlanId, r.EntityId, r.EntityLabel) = (field.MunicipalityId, field.PlanId, field.Id,
                        field.Number.ToString(CultureInfo.InvariantCulture) + " " + field.Title);
                    break;
                case Measure measure:
                    (r.MunicipalityId, r.PlanId, r.EntityId, r.EntityLabel) = (measure.MunicipalityId, measure.PlanId, measure.Id, measure.Number + " " + measure.Title);
                    break;
                case PlanSection section:
                    (r.MunicipalityId, r.PlanId, r.EntityId, r.EntityLabel) = (section.MunicipalityId, section.PlanId, section.Id, section.Title);
                    break;
                case Milestone milestone:
                    var measureOfMilestone = milestone.Measure!; // loaded by LoadNamesAsync
                    (r.MunicipalityId, r.PlanId, r.EntityId, r.EntityLabel) = (milestone.MunicipalityId, measureOfMilestone.PlanId, milestone.MeasureId,
                        measureOfMilestone.Number + " " + measureOfMilestone.Title);
                    break;
                case Indicator indicator: // the label set when collected; the plan's id again, as a new plan has one only now
                    r.MunicipalityId = indicator.MunicipalityId;
                    if (indicator.PlanId > 0) (r.PlanId, r.EntityId) = (indicator.PlanId, indicator.PlanId);
                    break;
                case IndicatorValue indicatorValue:
                    r.MunicipalityId = indicatorValue.MunicipalityId;
                    if (indicatorValue.Indicator is { PlanId: > 0 } ofValue) (r.PlanId, r.EntityId) = (ofValue.PlanId, ofValue.PlanId);
                    break;
                case MeasureReport report:
                    var measureOfReport = report.Measure!; // loaded by LoadNamesAsync
                    (r.MunicipalityId, r.PlanId, r.EntityId, r.EntityLabel) = (report.MunicipalityId, measureOfReport.PlanId, report.MeasureId,
                        measureOfReport.Number + " " + measureOfReport.Title);
                    break;
                case ReportEvidence evidence:
                    var measureOfEvidence = evidence.MeasureReport!.Measure!; // loaded by LoadNamesAsync
                    (r.MunicipalityId, r.PlanId, r.EntityId, r.EntityLabel) = (evidence.MunicipalityId, measureOfEvidence.PlanId, measureOfEvidence.Id,
                        measureOfEvidence.Number + " " + measureOfEvidence.Title);
                    break;
                case PlanImage image:
                    (r.MunicipalityId, r.PlanId, r.EntityId, r.EntityLabel) = (image.MunicipalityId, image.PlanId, image.Id,
                        image.Number.ToString(CultureInfo.InvariantCulture) + " " + image.FileName);
                    break;
            }
            if (r.EntityLabel.Length > 1000) r.EntityLabel = r.EntityLabel[..1000];
            yield return r;
        }
    }

    private static ChangeRecord NewRecord(string type, ChangeAction action, ChangeAuthor author, DateTimeOffset now) => new()
    {
        EntityType = type,
        EntityLabel = "",
        Action = action,
        At = now,
        UserId = author.UserId,
        Reason = author.Reason.Length > ChangeRecord.MaxReasonLength ? author.Reason[..ChangeRecord.MaxReasonLength] : author.Reason,
    };

    private static string? TypeOf(object entity) => entity switch
    {
        Plan => ChangeEntityTypes.Plan,
        Principle => ChangeEntityTypes.Principle,
        FieldOfAction => ChangeEntityTypes.FieldOfAction,
        Measure => ChangeEntityTypes.Measure,
        PlanSection => ChangeEntityTypes.Section,
        PlanImage => ImageEntityType,
        _ => null,
    };

    /// <summary>Invariant text: enums by name, dates ISO 8601, numbers with a dot, booleans true/false.</summary>
    public static string? Render(object? value) => value switch
    {
        null => null,
        string s => s,
        Enum e => e.ToString(),
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
