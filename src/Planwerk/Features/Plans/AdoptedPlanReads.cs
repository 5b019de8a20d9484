using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Implementation;
using Planwerk.Features.Plans.History;
using Planwerk.Features.Plans.Sections;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Features.Plans.Versions;

namespace Planwerk.Features.Plans;

/// <summary>What the public pages say about the adopted version: when it was adopted, whether the page
/// shows it or the current working state, and whether the plan has been changed since.</summary>
public sealed record AdoptedNote(DateOnly AdoptedOn, bool ShowsWorkingState, bool ChangedSince, string AdoptedUrl, string WorkingStateUrl);

/// <summary>The adopted version of a plan, as far as a page read it from the frozen version's parts (see
/// <see cref="VersionOutline"/>).</summary>
public sealed record AdoptedVersion(int VersionId, VersionOutline Outline, bool ChangedSince)
{
    public PlanDocument Document => Outline.Plan;
}

/// <summary>After the council's resolution the public site shows the adopted (frozen) version of a plan by
/// default: its texts from the version's document, with each measure's live status and progress (found by
/// its key), because monitoring goes on. <c>?stand=aktuell</c> shows the current working state. Each read
/// is one command, so the pages keep their fixed number of commands.</summary>
public static class AdoptedPlanReads
{
    public const string StandKey = "stand";
    public const string WorkingState = "aktuell";

    /// <summary>Changes that are monitoring or publishing, not a change of the plan's text: they do not make the
    /// working state differ (whether the plan is public, and its predecessor, are not part of the adopted text).</summary>
    private static readonly string[] Monitoring = ["Status", "Progress", "State", "AdoptedVersionId", "AdoptedOn", "IsPublic", "PredecessorId",
        // The closing assessment is written when the plan ends; carrying a measure over links it, neither changes the text.
        "Outcome", "OutcomeText", "CarriedFromMeasureId"];

    public static bool WantsWorkingState(HttpRequest request) =>
        string.Equals(request.Query[StandKey], WorkingState, StringComparison.Ordinal);

    public static string WorkingStateUrl(string path) => path + "?" + StandKey + "=" + WorkingState;

    /// <summary>The adopted version's head, its sections and every field's measure list (what the plan page shows), and
    /// whether the plan's texts were changed after the adoption. One command.</summary>
    public static Task<AdoptedVersion?> AdoptedPlanAsync(this PlanwerkDbContext db, int versionId, CancellationToken ct) =>
        db.AdoptedVersionAsync(versionId, VersionParts.IsOutline, ct);

    /// <summary>The adopted version's head and the measure list of its field(s) numbered <paramref name="number"/>. One command.</summary>
    public static Task<AdoptedVersion?> AdoptedFieldAsync(this PlanwerkDbContext db, int versionId, int number, CancellationToken ct) =>
        db.AdoptedVersionAsync(versionId, p => p.Kind == PlanVersionPartKind.Head || (p.Kind == PlanVersionPartKind.Field && p.Key == number), ct);

    /// <summary>The adopted version's head and its measure(s) with the key <paramref name="key"/>, whole. One command.</summary>
    public static Task<AdoptedVersion?> AdoptedMeasureAsync(this PlanwerkDbContext db, int versionId, int key, CancellationToken ct) =>
        db.AdoptedVersionAsync(versionId, p => p.Kind == PlanVersionPartKind.Head || (p.Kind == PlanVersionPartKind.Measure && p.Key == key), ct);

    /// <summary>The parts of the adopted version that <paramref name="which"/> picks (never its whole document), and
    /// whether the plan's texts were changed after the adoption (a change recorded in the history after the one that
    /// recorded the adoption, other than monitoring). One command.</summary>
    private static async Task<AdoptedVersion?> AdoptedVersionAsync(this PlanwerkDbContext db, int versionId,
        System.Linq.Expressions.Expression<Func<PlanVersionPart, bool>> which, CancellationToken ct)
    {
        var row = await db.PlanVersions.AsNoTracking().Where(v => v.Id == versionId)
            .Select(v => new
            {
                Parts = db.PlanVersionParts.Where(which).Where(p => p.VersionId == v.Id)
                    .Select(p => new VersionPartRow(p.Kind, p.Position, p.Key, p.Content)).ToList(),
                ChangedSince = db.ChangeRecords.Any(r => r.PlanId == v.PlanId
                    && r.Id > (db.ChangeRecords.Where(a => a.PlanId == v.PlanId && a.Fields.Any(f => f.Field == "AdoptedVersionId")).Max(a => (long?)a.Id) ?? 0)
                    && (r.Action != ChangeAction.Updated || r.Fields.Any(f => !Monitoring.Contains(f.Field)))),
            })
            .AsSingleQuery()
            .FirstOrDefaultAsync(ct);
        return row is not null && VersionParts.Assemble(row.Parts) is { } outline ? new AdoptedVersion(versionId, outline, row.ChangedSince) : null;
    }

    /// <summary>The adopted fields and measures in their adopted order and wording; each field with the id of the
    /// live field of the same number (0 when there is none), each measure with the live id, status and
    /// progress of the measure with the same key (its frozen status when it no longer exists).</summary>
    public static IReadOnlyList<FieldWithMeasures> Fields(PlanDocument document, IReadOnlyList<FieldRow> liveFields, IReadOnlyList<MeasureRow> liveMeasures)
    {
        var fieldByNumber = liveFields.GroupBy(f => f.Number).ToDictionary(g => g.Key, g => g.First());
        var byKey = liveMeasures.Where(m => m.Key > 0).GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.First());
        return document.Fields.Select(f =>
        {
            var fieldId = fieldByNumber.TryGetValue(f.Number, out var live) ? live.Id : 0;
            var measures = f.Measures.Select((m, i) => m.Key is int key && byKey.TryGetValue(key, out var l)
                    ? new MeasureRow(l.Id, fieldId, i, m.Number, m.Title, l.Status, l.Progress, m.IsExample) { Key = key }
                    : new MeasureRow(0, fieldId, i, m.Number, m.Title, m.Status, m.Progress, m.IsExample) { Key = m.Key ?? 0 })
                .ToList();
            return new FieldWithMeasures(new FieldRow(fieldId, f.Number, f.Title, f.Description), measures);
        }).ToList();
    }

    /// <summary>The plan's head as adopted: its texts from the document, everything else (state, predecessor) live.</summary>
    public static PlanHeader Header(PlanHeader live, PlanDocument document) => live with
    {
        Title = document.Title,
        PeriodStart = document.PeriodStart,
        PeriodEnd = document.PeriodEnd,
        Summary = document.Summary,
        IsExample = document.IsExample,
        Principles = document.Principles.OrderBy(p => p.Position).Select(p => new PrincipleRow(0, p.Position, p.Title, p.Description)).ToList(),
    };

    /// <summary>The adopted sections, their images served from the version itself.</summary>
    public static SectionsView Sections(PlanDocument document, string municipality, int planId, int versionId)
    {
        var numbers = document.Images.Select(i => i.Number).ToHashSet();
        // A retrospective keeps its kind and its datasets' codes as adopted; their figures are read live.
        return new SectionsView(document.Sections.Select((s, i) => new SectionText(i + 1, s.Title, s.Body)
            {
                Kind = s.Kind ?? PlanSectionKind.Text, DatasetCodes = s.Datasets ?? [],
            }).ToList(),
            n => numbers.Contains(n) ? VersionLinks.Image(municipality, planId, versionId, n, manage: false) : null);
    }

    /// <summary>A measure's facts as adopted, with its live status and progress (and live ids for the links).</summary>
    public static MeasureFacts Facts(MeasureFacts live, PlanDocument document, FieldDocument field, MeasureDocument measure)
    {
        var principles = document.Principles.Where(p => measure.Principles.Contains(p.Position))
            .OrderBy(p => p.Position).Select(p => new PrincipleRef(0, p.Position, p.Title)).ToList();
        var kinds = document.Districts.GroupBy(d => d.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Kind, StringComparer.Ordinal);
        var districts = measure.Districts.Select(n => new DistrictRef(n, kinds.GetValueOrDefault(n)))
            .OrderBy(d => d.Kind).ThenBy(d => d.Name, StringComparer.Ordinal).ToList();
        return live with
        {
            PlanTitle = document.Title,
            Levels = document.Levels ?? live.Levels,
            FieldNumber = field.Number,
            FieldTitle = field.Title,
            Number = measure.Number,
            Title = measure.Title,
            Goal = measure.Goal,
            Description = measure.Description,
            TargetGroups = measure.TargetGroups,
            Lead = measure.Lead,
            Partners = MeasureOrganisation.SplitPartners(measure.Partners),
            StartDate = measure.StartDate,
            EndDate = measure.EndDate,
            EstimatedCost = measure.EstimatedCost,
            Funding = measure.Funding,
            Priority = measure.Priority,
            IsExample = measure.IsExample,
            Principles = principles,
            Districts = districts,
        };
    }
}
