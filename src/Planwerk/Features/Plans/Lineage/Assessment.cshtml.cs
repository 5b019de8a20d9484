using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Plans.Lineage;

/// <summary>The closing assessment of every measure of a plan, as one table form. Each row carries the version it was
/// loaded with: a row someone else changed meanwhile is shown with the stored assessment beside the typed one and
/// nothing is saved; the next save takes the typed one deliberately.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class AssessmentModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> localizer, TimeProvider clock) : ManagePageModel
{
    public sealed class Row
    {
        public int MeasureId { get; set; }
        public MeasureOutcome? Outcome { get; set; }
        public string? OutcomeText { get; set; }
        public int Version { get; set; }
    }

    public sealed record MeasureLine(int Id, string Number, string Title, Continuation? CarriedInto);

    /// <summary>What someone else stored for a row meanwhile.</summary>
    public sealed record StoredAssessment(MeasureOutcome? Outcome, string OutcomeText);

    [BindProperty]
    public List<Row> Rows { get; set; } = [];

    public int PlanId { get; private set; }
    public string PlanTitle { get; private set; } = "";
    public PlanLevels Levels { get; private set; } = PlanLevels.Default;
    /// <summary>True when a later plan continues this one (then "continued" needs a carried measure).</summary>
    public bool IsContinued { get; private set; }
    public IReadOnlyList<MeasureLine> Measures { get; private set; } = [];
    public Dictionary<int, StoredAssessment> Conflicts { get; } = [];

    public static string RowKey(int index, string field) => string.Create(CultureInfo.InvariantCulture, $"Rows[{index}].{field}");

    public static string RowId(int index, string field) => string.Create(CultureInfo.InvariantCulture, $"Rows_{index}__{field}");

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct)
    {
        var stored = await LoadAsync(planId, ct);
        if (stored is null) return NotFound();
        Rows = Measures.Select(m => stored[m.Id]).Select(s => new Row
        {
            MeasureId = s.Id,
            // A carried measure not yet assessed is offered as continued.
            Outcome = s.Outcome ?? (Measures.First(m => m.Id == s.Id).CarriedInto is not null ? MeasureOutcome.Continued : null),
            OutcomeText = s.OutcomeText,
            Version = s.Version,
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, CancellationToken ct)
    {
        var stored = await LoadAsync(planId, ct);
        if (stored is null) return NotFound();
        NameOutcomeChoices();
        var seen = new HashSet<int>();
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            if (!stored.ContainsKey(row.MeasureId) || !seen.Add(row.MeasureId))
            {
                ModelState.AddModelError("", localizer[LineageRules.NotOfThisPlan, Levels.Measure.ManyInSentence]);
                continue;
            }
            if ((row.OutcomeText ?? "").Trim().Length > Measure.MaxOutcomeTextLength)
                ModelState.AddModelError(RowKey(i, nameof(Row.OutcomeText)), localizer["{0} {1}: Der Text der Bewertung darf höchstens {2} Zeichen lang sein.", Levels.Measure.One, Number(row.MeasureId), Measure.MaxOutcomeTextLength]);
            var carried = Measures.First(m => m.Id == row.MeasureId).CarriedInto is not null;
            if (LineageRules.OutcomeProblem(row.Outcome, carried, IsContinued) is { } problem)
                ModelState.AddModelError(RowKey(i, nameof(Row.Outcome)), $"{Levels.Measure.One} {Number(row.MeasureId)}: {localizer[problem]}");
        }
        if (!ModelState.IsValid) return Page();

        var changed = Rows.Where(r => Differs(r, stored[r.MeasureId])).ToList();
        foreach (var row in changed.Where(r => stored[r.MeasureId].Version != r.Version)) MarkConflict(row, stored[row.MeasureId]);
        if (Conflicts.Count > 0) return Page();
        if (changed.Count == 0) return await SavedAsync(cache, localizer["Nichts wurde geändert."], PlanUrl(planId, "/assessment"));

        var ids = changed.Select(r => r.MeasureId).ToList();
        var measures = await db.Measures.Where(m => m.PlanId == planId && ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var now = clock.GetUtcNow();
        foreach (var row in changed)
        {
            var measure = measures[row.MeasureId];
            ExpectVersion(db, measure, row.Version);
            measure.Outcome = row.Outcome;
            measure.OutcomeText = (row.OutcomeText ?? "").Trim();
            measure.UpdatedAt = now;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var again = await LoadAsync(planId, ct);
            foreach (var row in changed.Where(r => again![r.MeasureId].Version != r.Version)) MarkConflict(row, again![row.MeasureId]);
            return Page();
        }
        return await SavedAsync(cache, localizer["Die Bewertung von {0} wurde gespeichert.", Levels.Measure.Counted(changed.Count)], PlanUrl(planId, "/assessment"));
    }

    private static bool Differs(Row row, Measure stored) =>
        row.Outcome != stored.Outcome || !string.Equals((row.OutcomeText ?? "").Trim(), stored.OutcomeText, StringComparison.Ordinal);

    private void MarkConflict(Row row, Measure stored)
    {
        var index = Rows.IndexOf(row);
        Conflicts[row.MeasureId] = new StoredAssessment(stored.Outcome, stored.OutcomeText);
        ModelState.AddModelError(RowKey(index, nameof(Row.Outcome)),
            localizer["{0} {1} wurde inzwischen von jemand anderem bewertet. Nichts wurde gespeichert; vergleichen Sie Ihre Eingabe mit dem gespeicherten Stand und speichern Sie erneut.", Levels.Measure.One, stored.Number]);
        // The next save is a deliberate choice to replace the stored assessment.
        ModelState.Remove(RowKey(index, nameof(Row.Version)));
        row.Version = stored.Version;
    }

    private void NameOutcomeChoices()
    {
        for (var i = 0; i < Rows.Count; i++) NameTheChoice(RowKey(i, nameof(Row.Outcome)), localizer["Bitte wählen Sie die Bewertung aus der Liste."]);
    }

    private string Number(int measureId) => Measures.FirstOrDefault(m => m.Id == measureId)?.Number ?? "";

    /// <summary>The plan's measures in plan order, and the stored ones by id; null when the plan does not exist here.</summary>
    private async Task<Dictionary<int, Measure>?> LoadAsync(int planId, CancellationToken ct)
    {
        var heading = await db.Plans.AsNoTracking().Where(p => p.Id == planId).SelectHeading().FirstOrDefaultAsync(ct);
        if (heading is null) return null;
        PlanId = planId;
        PlanTitle = heading.Title;
        Levels = heading.Levels;
        IsContinued = await db.Plans.AnyAsync(p => p.PredecessorId == planId, ct);
        var measures = await db.Measures.AsNoTracking().Where(m => m.PlanId == planId).Include(m => m.FieldOfAction).ToListAsync(ct);
        var carried = await LineageReads.CarriedIntoFromPlanAsync(db, planId, ct);
        Measures = measures.OrderBy(m => m.FieldOfAction!.Position).ThenBy(m => m.FieldOfAction!.Number)
            .ThenBy(m => m.Position).ThenBy(m => Measure.NumberSortKey(m.Number), NumberComparer.Instance).ThenBy(m => m.Id)
            .Select(m => new MeasureLine(m.Id, m.Number, m.Title, carried.GetValueOrDefault(m.Id))).ToList();
        return measures.ToDictionary(m => m.Id);
    }
}
