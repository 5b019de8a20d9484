using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Microsoft.Extensions.Localization;
using Planwerk.Features.Plans.Sections;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Features.Plans.Versions;

namespace Planwerk.Features.Plans.Print;

/// <summary>What a printed document covers: the whole plan, one field of action or one measure.</summary>
public enum DocumentScope
{
    Plan,
    Field,
    Measure,
}

/// <summary>Everything a print view or PDF shows: the plan as the one plan document
/// (<see cref="PlanDocument"/>, the same reading that export and named versions use), the part of it
/// that is printed, and what only printing needs: the municipality's name, the plan's id and the
/// "Stand" date.</summary>
public sealed class PrintDocument
{
    private readonly ILookup<int, PrincipleDocument> principlesByPosition;
    private readonly Dictionary<int, ImageDocument> imagesByNumber;

    private PrintDocument(
        DocumentScope scope, string municipalityName, int planId, DateTimeOffset asOf, PlanDocument plan,
        IReadOnlyList<FieldDocument> fields, MeasureDocument? measure, DateOnly? adoptedOn)
    {
        AdoptedOn = adoptedOn;
        Scope = scope;
        MunicipalityName = municipalityName;
        PlanId = planId;
        AsOf = asOf;
        Plan = plan;
        Fields = fields;
        measureOrNull = measure;
        principlesByPosition = plan.Principles.ToLookup(p => p.Position);
        imagesByNumber = plan.Images.DistinctBy(i => i.Number).ToDictionary(i => i.Number);
    }

    private readonly MeasureDocument? measureOrNull;

    public DocumentScope Scope { get; }
    public string MunicipalityName { get; }
    public int PlanId { get; }
    /// <summary>The date of the latest change to the plan or one of its measures.</summary>
    public DateTimeOffset AsOf { get; }
    public PlanDocument Plan { get; }

    /// <summary>Set when the document shows the adopted version (texts as adopted, status and progress live).</summary>
    public DateOnly? AdoptedOn { get; }

    /// <summary>The printed fields: all of the plan's, or the one field (of the measure).</summary>
    public IReadOnlyList<FieldDocument> Fields { get; }

    public FieldDocument Field => Fields[0];

    public MeasureDocument Measure => measureOrNull ?? throw new InvalidOperationException("Only a measure's document has one measure.");

    public string Title => Plan.Title;

    public string Period => Plans.Plan.FormatPeriod(Plan.PeriodStart, Plan.PeriodEnd);

    /// <summary>The printed measures in plan order.</summary>
    public IEnumerable<MeasureDocument> Measures => measureOrNull is { } one ? [one] : Fields.SelectMany(f => f.Measures);

    public bool HasExamples => Plan.IsExample || Measures.Any(m => m.IsExample);

    public bool HasSummary => !string.IsNullOrWhiteSpace(Plan.Summary);

    /// <summary>The principles a measure serves, by position.</summary>
    public IReadOnlyList<PrincipleDocument> PrinciplesOf(MeasureDocument measure) =>
        measure.Principles.Distinct().Order().SelectMany(position => principlesByPosition[position]).ToList();

    /// <summary>The earlier plan this one continues, when it is public.</summary>
    public int? PublicPredecessorId { get; private init; }

    /// <summary>What Planwerk adds to the retrospective sections (<see cref="LoadRetrospectiveAsync"/>); null without one.</summary>
    public Retrospective? Retrospective { get; private set; }

    /// <summary>The additions to the section at <paramref name="index"/> when it is a retrospective.</summary>
    public RetrospectivePart? RetrospectiveOf(int index) =>
        RetrospectivePart.Of(Retrospective, SectionTextOf(index), SectionAnchor(index));

    private SectionText SectionTextOf(int index) => new(index + 1, Plan.Sections[index].Title, Plan.Sections[index].Body)
    {
        Kind = Plan.Sections[index].Kind ?? PlanSectionKind.Text,
        DatasetCodes = Plan.Sections[index].Datasets ?? [],
    };

    /// <summary>For the whole plan: reads the live assessments of the earlier plan and the chosen datasets' figures, also
    /// when the document shows the adopted version (the frozen document holds the sections' texts and the datasets' codes).
    /// At most three queries, none without a retrospective section.</summary>
    public async Task LoadRetrospectiveAsync(PlanwerkDbContext db, IStringLocalizer l, string municipality, CancellationToken ct)
    {
        if (Scope != DocumentScope.Plan) return;
        var sections = Enumerable.Range(0, Plan.Sections.Count).Select(SectionTextOf).ToList();
        Retrospective = await Retrospective.LoadAsync(db, l, municipality, PlanId, PublicPredecessorId, sections, ct);
    }

    /// <summary>The plan's image with this number, or null.</summary>
    public ImageDocument? Image(int number) => imagesByNumber.GetValueOrDefault(number);

    /// <summary>Loads a public plan of the context's municipality, or one field or one measure of it
    /// (by their database ids, as in the addresses). Null when the plan is not public or the part is
    /// not in it. Nine queries whatever the plan's size: one for the public check, the "Stand" date
    /// and the part's number, then the eight of <see cref="PlanDocument.LoadAsync"/>. A field or measure
    /// is found in the plan document by its number, which is unique in the plan.</summary>
    /// <remarks>An adopted plan is printed as adopted, like its public pages (<see cref="AdoptedPlanReads"/>):
    /// the adopted version's texts with each measure's live status and progress, found by its key; one query
    /// more. <paramref name="workingState"/> prints the current working state instead.</remarks>
    public static async Task<PrintDocument?> LoadAsync(
        PlanwerkDbContext db, string municipalityName, int planId, DocumentScope scope, int partId, CancellationToken ct, bool workingState = false)
    {
        var fieldId = scope == DocumentScope.Field ? partId : 0;
        var measureId = scope == DocumentScope.Measure ? partId : 0;
        var facts = await db.Plans.AsNoTracking().Where(p => p.Id == planId && p.IsPublic)
            .Select(p => new
            {
                p.UpdatedAt,
                // Max of DateTimeOffset cannot be computed in SQLite; the dates are few bytes a measure.
                MeasuresUpdatedAt = p.Measures.Select(m => m.UpdatedAt).ToList(),
                FieldNumber = p.Fields.Where(f => f.Id == fieldId).Select(f => (int?)f.Number).FirstOrDefault(),
                Measure = p.Measures.Where(m => m.Id == measureId).Select(m => new { m.Number, m.Key, FieldNumber = m.FieldOfAction!.Number }).FirstOrDefault(),
                p.AdoptedVersionId,
                p.AdoptedOn,
                PublicPredecessorId = p.Predecessor != null && p.Predecessor.IsPublic ? p.PredecessorId : null,
            })
            .FirstOrDefaultAsync(ct);
        if (facts is null) return null;
        if (scope == DocumentScope.Field && facts.FieldNumber is null) return null;
        if (scope == DocumentScope.Measure && facts.Measure is null) return null;

        var plan = await PlanDocument.LoadAsync(db, planId, ct);
        if (plan is null) return null;
        DateOnly? adoptedOn = null;
        if (!workingState && facts.AdoptedVersionId is int versionId && facts.AdoptedOn is DateOnly on)
        {
            var frozen = await db.PlanVersions.AsNoTracking().Where(v => v.Id == versionId).Select(v => v.Document).FirstAsync(ct);
            plan = AsAdopted(VersionDocument.Read(frozen).Plan, plan);
            adoptedOn = on;
        }

        IReadOnlyList<FieldDocument> fields = plan.Fields;
        MeasureDocument? measure = null;
        if (scope == DocumentScope.Field)
        {
            fields = plan.Fields.Where(f => f.Number == facts.FieldNumber).Take(1).ToList();
        }
        else if (scope == DocumentScope.Measure)
        {
            // By key: a measure keeps it through renumbering, so the adopted wording is found even if the number moved.
            var key = facts.Measure!.Key;
            fields = plan.Fields.Where(f => f.Measures.Any(m => m.Key == key)).Take(1).ToList();
            measure = fields.SelectMany(f => f.Measures).FirstOrDefault(m => m.Key == key);
            if (measure is null) return null;
        }
        if (scope != DocumentScope.Plan && fields.Count == 0) return null;

        var asOf = facts.MeasuresUpdatedAt.Append(facts.UpdatedAt).Max();
        return new PrintDocument(scope, municipalityName, planId, asOf, plan, fields, measure, adoptedOn) { PublicPredecessorId = facts.PublicPredecessorId };
    }

    /// <summary>The adopted document with each measure's live status and progress (by key); a measure that no
    /// longer exists keeps its adopted ones. The live state of the plan stays the live one.</summary>
    private static PlanDocument AsAdopted(PlanDocument adopted, PlanDocument live)
    {
        var byKey = live.Fields.SelectMany(f => f.Measures).Where(m => m.Key is not null).GroupBy(m => m.Key!.Value).ToDictionary(g => g.Key, g => g.First());
        return adopted with
        {
            State = live.State,
            Fields = adopted.Fields.Select(f => f with
            {
                Measures = f.Measures.Select(m => m.Key is int key && byKey.TryGetValue(key, out var now) ? m with { Status = now.Status, Progress = now.Progress } : m).ToList(),
            }).ToList(),
        };
    }

    /// <summary>The anchor of a field in the print view and the PDF: "field-4".</summary>
    public static string FieldAnchor(FieldDocument field) => "field-" + field.Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The anchor of a measure: "measure-4.3" (numbers are unique in a plan).</summary>
    public static string MeasureAnchor(MeasureDocument measure) =>
        "measure-" + string.Concat(measure.Number.Select(c => char.IsAsciiLetterOrDigit(c) || c == '.' ? c : '-'));

    /// <summary>The anchor of a narrative section: "section-1" for the first.</summary>
    public static string SectionAnchor(int index) => "section-" + (index + 1).ToString(CultureInfo.InvariantCulture);
}
