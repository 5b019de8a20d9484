using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Plans.Lineage;
using Planwerk.Features.Statistics;
using Planwerk.Features.Statistics.Charts;
using Planwerk.Features.Statistics.PublicPages;

namespace Planwerk.Features.Plans.Sections;

/// <summary>A measure of the earlier plan as a retrospective lists it: its assessment, and where it goes on in this plan
/// (null when it was not carried into this plan). <see cref="Url"/> is null when the earlier plan is not public.</summary>
public sealed record RetrospectiveMeasure(string Number, string Title, MeasureOutcome? Outcome, string OutcomeText, string? Url,
    string? ContinuedNumber, string? ContinuedTitle, string? ContinuedUrl);

/// <summary>The earlier plan's measures with one assessment (null: not yet assessed), in plan order.</summary>
public sealed record OutcomeGroup(MeasureOutcome? Outcome, IReadOnlyList<RetrospectiveMeasure> Measures);

/// <summary>The plan this one continues, with its measures grouped by their closing assessment.</summary>
public sealed record EarlierPlan(string Title, string? Url, LevelWords MeasureWords, IReadOnlyList<OutcomeGroup> Groups)
{
    public int MeasureCount => Groups.Sum(g => g.Measures.Count);
}

/// <summary>A chosen public dataset's chart: its layout (drawn as SVG on the page, as vector graphics in the PDF), its
/// text summary and the address of its page with the table and the downloads.</summary>
public sealed record RetrospectiveChart(string Code, string Title, string Unit, string Url, ChartLayout? Layout, bool HasMissing, bool HasCategories)
{
    /// <summary>"Zugewiesene Asylsuchende (Personen)": the caption's first words.</summary>
    public string Caption => Unit.Length > 0 ? Title + " (" + Unit + ")" : Title;
}

/// <summary>What Planwerk adds to a plan's retrospective sections after the team's text: the earlier plan's measures by
/// their assessment (when the plan continues a public plan) and the charts of the chosen datasets that are public, by code.</summary>
public sealed record Retrospective(EarlierPlan? Earlier, IReadOnlyDictionary<string, RetrospectiveChart> Charts)
{
    /// <summary>The charts of a section, in the team's order; drafts and datasets deleted since are left out.</summary>
    public IReadOnlyList<RetrospectiveChart> ChartsOf(SectionText section) =>
        section.DatasetCodes.Select(c => Charts.GetValueOrDefault(c)).OfType<RetrospectiveChart>().ToList();

    /// <summary>The order of the groups: what was achieved first, what was not yet assessed last.</summary>
    public static readonly IReadOnlyList<MeasureOutcome?> GroupOrder =
        [MeasureOutcome.Achieved, MeasureOutcome.PartlyAchieved, MeasureOutcome.NotAchieved, MeasureOutcome.Continued, MeasureOutcome.Dropped, null];

    /// <summary>The heading of a group in the interface language: the assessment's word (as the assessment page names it)
    /// with a capital, "Erreicht", "Teilweise erreicht", …, "Noch nicht bewertet".</summary>
    public static string GroupHeading(MeasureOutcome? outcome, IStringLocalizer l)
    {
        var text = l[outcome is MeasureOutcome o ? LineageRules.Text(o) : "Noch nicht bewertet"].Value;
        return text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.CurrentCulture) + text[1..];
    }

    /// <summary>Reads what the retrospective sections among <paramref name="sections"/> need, from the live data also for an
    /// adopted plan (the figures have their own history; the assessments are written when the plan ends): nothing when
    /// no section is a retrospective; else at most three commands whatever the number of measures and datasets — the
    /// earlier plan with its measures and where each continues in this plan, the chosen public datasets with their
    /// categories, and their observations.</summary>
    public static async Task<Retrospective?> LoadAsync(PlanwerkDbContext db, IStringLocalizer l, string municipality, int planId, int? publicPredecessorId,
        IReadOnlyList<SectionText> sections, CancellationToken ct)
    {
        var retrospectives = sections.Where(s => s.Kind == PlanSectionKind.Retrospective).ToList();
        if (retrospectives.Count == 0) return null;
        var earlier = publicPredecessorId is int predecessorId ? await EarlierPlanAsync(db, municipality, planId, predecessorId, ct) : null;
        var codes = retrospectives.SelectMany(s => s.DatasetCodes).Distinct(StringComparer.Ordinal).ToList();
        var charts = codes.Count == 0 ? new Dictionary<string, RetrospectiveChart>() : await ChartsAsync(db, l, municipality, codes, ct);
        return new Retrospective(earlier, charts);
    }

    private static async Task<EarlierPlan?> EarlierPlanAsync(PlanwerkDbContext db, string municipality, int planId, int predecessorId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == predecessorId && p.IsPublic)
            .Select(p => new
            {
                p.Title, p.MeasureSingular, p.MeasurePlural, p.MeasureSingularEn, p.MeasurePluralEn,
                Measures = p.Measures.Select(m => new
                {
                    m.Id, m.Number, m.Title, m.Outcome, m.OutcomeText, FieldNumber = m.FieldOfAction!.Number, m.Position,
                    // Where it goes on in this plan: a scalar subquery each, so the whole is one command.
                    ContinuedId = db.Measures.Where(c => c.PlanId == planId && c.CarriedFromMeasureId == m.Id).OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefault(),
                    ContinuedNumber = db.Measures.Where(c => c.PlanId == planId && c.CarriedFromMeasureId == m.Id).OrderBy(c => c.Id).Select(c => c.Number).FirstOrDefault(),
                    ContinuedTitle = db.Measures.Where(c => c.PlanId == planId && c.CarriedFromMeasureId == m.Id).OrderBy(c => c.Id).Select(c => c.Title).FirstOrDefault(),
                }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (plan is null) return null;
        var measures = plan.Measures.OrderBy(m => m.FieldNumber).ThenBy(m => m.Position)
            .ThenBy(m => Measure.NumberSortKey(m.Number), NumberComparer.Instance).ThenBy(m => m.Id)
            .Select(m => new RetrospectiveMeasure(m.Number, m.Title, m.Outcome, m.OutcomeText, PublicPlanLinks.Measure(municipality, predecessorId, m.Id),
                m.ContinuedId is null ? null : m.ContinuedNumber, m.ContinuedId is null ? null : m.ContinuedTitle,
                m.ContinuedId is int continued ? PublicPlanLinks.Measure(municipality, planId, continued) : null))
            .ToList();
        var groups = GroupOrder.Select(o => new OutcomeGroup(o, measures.Where(m => m.Outcome == o).ToList())).Where(g => g.Measures.Count > 0).ToList();
        return new EarlierPlan(plan.Title, PublicPlanLinks.Plan(municipality, predecessorId),
            new LevelWords(plan.MeasureSingular, plan.MeasurePlural, plan.MeasureSingularEn, plan.MeasurePluralEn), groups);
    }

    private static async Task<Dictionary<string, RetrospectiveChart>> ChartsAsync(PlanwerkDbContext db, IStringLocalizer l, string municipality,
        List<string> codes, CancellationToken ct)
    {
        var datasets = await db.StatisticsDatasets.AsNoTracking().Public().Where(d => codes.Contains(d.Code)).Include(d => d.Categories).ToListAsync(ct);
        if (datasets.Count == 0) return [];
        var ids = datasets.Select(d => d.Id).ToList();
        var observations = (await db.StatisticsObservations.AsNoTracking().Where(o => ids.Contains(o.DatasetId))
            .Select(o => new StatisticsObservation { DatasetId = o.DatasetId, CategoryId = o.CategoryId, Period = o.Period, Value = o.Value, Note = o.Note })
            .ToListAsync(ct)).ToLookup(o => o.DatasetId);
        var charts = new Dictionary<string, RetrospectiveChart>(StringComparer.Ordinal);
        foreach (var d in datasets)
        {
            var view = DatasetView.From(d, d.Categories, observations[d.Id]);
            var layout = view.Periods.Count == 0 ? null : StatisticsChart.Layout(view, l, CultureInfo.CurrentCulture);
            var missing = false;
            for (var p = 0; p < view.Periods.Count && !missing; p++)
                for (var s = 0; s < view.SeriesCount; s++)
                    if (view[p, s].Value is null) { missing = true; break; }
            charts[d.Code] = new RetrospectiveChart(d.Code, d.Title, d.Unit, PublicDatasets.Page(municipality, d.Code), layout, missing, view.HasCategories);
        }
        return charts;
    }
}

/// <summary>The model of <c>_Retrospective.cshtml</c>: one retrospective section's additions; <see cref="Id"/> prefixes
/// the ids of its headings and charts.</summary>
public sealed record RetrospectivePart(string Id, EarlierPlan? Earlier, IReadOnlyList<RetrospectiveChart> Charts)
{
    public bool Links { get; init; } = true;

    public static RetrospectivePart? Of(Retrospective? retrospective, SectionText section, string id) =>
        retrospective is null || section.Kind != PlanSectionKind.Retrospective ? null
            : new RetrospectivePart(id, retrospective.Earlier, retrospective.ChartsOf(section));
}
