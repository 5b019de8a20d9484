using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

using Planwerk.Infrastructure.Editing;

namespace Planwerk.Features.Plans.Manage;

/// <summary>A plan's details (create and edit) and, for a saved plan, its structure: principles,
/// fields of action and measures in order, with moving and renumbering.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class PlanEditModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> localizer, TimeProvider clock) : ManagePageModel
{
    public sealed class PlanInput
    {
        [Display(Name = "Titel")]
        [Required(ErrorMessage = "Bitte geben Sie einen Titel für den Fachplan an.")]
        [StringLength(300, ErrorMessage = "Der Titel des Fachplans darf höchstens {1} Zeichen lang sein.")]
        public string? Title { get; set; }

        [Display(Name = "Erstes Jahr")]
        [Range(PlanRules.FirstYear, PlanRules.LastYear, ErrorMessage = "Das erste Jahr des Zeitraums muss zwischen {1} und {2} liegen.")]
        public int? PeriodStart { get; set; }

        [Display(Name = "Letztes Jahr")]
        [Range(PlanRules.FirstYear, PlanRules.LastYear, ErrorMessage = "Das letzte Jahr des Zeitraums muss zwischen {1} und {2} liegen.")]
        public int? PeriodEnd { get; set; }

        [Display(Name = "Zusammenfassung")]
        public string? Summary { get; set; }

        [Display(Name = "Vorgängerplan")]
        public int? PredecessorId { get; set; }

        public bool IsPublic { get; set; }

        public bool IsExample { get; set; }

        [Display(Name = "Grund der Änderung")]
        [StringLength(1000, ErrorMessage = "Der Grund der Änderung darf höchstens {1} Zeichen lang sein.")]
        public string? Reason { get; set; }

        public int Version { get; set; }

        // The words for the plan's levels (PlanLevels); a chosen preset replaces the typed words of its level.
        public string? PrinciplePreset { get; set; }
        public string? PrincipleSingular { get; set; }
        public string? PrinciplePlural { get; set; }
        public string? PrincipleSingularEn { get; set; }
        public string? PrinciplePluralEn { get; set; }
        public string? FieldPreset { get; set; }
        public string? FieldSingular { get; set; }
        public string? FieldPlural { get; set; }
        public string? FieldSingularEn { get; set; }
        public string? FieldPluralEn { get; set; }
        public string? MeasurePreset { get; set; }
        public string? MeasureSingular { get; set; }
        public string? MeasurePlural { get; set; }
        public string? MeasureSingularEn { get; set; }
        public string? MeasurePluralEn { get; set; }

        public PlanLevels Levels => new(
            new(PrincipleSingular ?? "", PrinciplePlural ?? "", PrincipleSingularEn ?? "", PrinciplePluralEn ?? ""),
            new(FieldSingular ?? "", FieldPlural ?? "", FieldSingularEn ?? "", FieldPluralEn ?? ""),
            new(MeasureSingular ?? "", MeasurePlural ?? "", MeasureSingularEn ?? "", MeasurePluralEn ?? ""));

        public void SetLevels(PlanLevels levels)
        {
            (PrincipleSingular, PrinciplePlural, PrincipleSingularEn, PrinciplePluralEn) = levels.Principle;
            (FieldSingular, FieldPlural, FieldSingularEn, FieldPluralEn) = levels.Field;
            (MeasureSingular, MeasurePlural, MeasureSingularEn, MeasurePluralEn) = levels.Measure;
        }

        /// <summary>Applies the presets chosen, by their German singular; an unknown choice is ignored.</summary>
        public void ApplyPresets()
        {
            static LevelWords? Chosen(string? choice, IReadOnlyList<LevelWords> presets) =>
                string.IsNullOrEmpty(choice) ? null : presets.FirstOrDefault(p => p.Singular == choice);
            var levels = Levels;
            SetLevels(new PlanLevels(
                Chosen(PrinciplePreset, PlanLevels.PrinciplePresets) ?? levels.Principle,
                Chosen(FieldPreset, PlanLevels.FieldPresets) ?? levels.Field,
                Chosen(MeasurePreset, PlanLevels.MeasurePresets) ?? levels.Measure));
            PrinciplePreset = FieldPreset = MeasurePreset = null;
        }
    }

    /// <summary>The labels of the level words' inputs, by the name of the input's property.</summary>
    public static readonly IReadOnlyList<(string Level, string Legend)> LevelLegends =
        [("Principle", "Wörter für die Leitlinien"), ("Field", "Wörter für die Handlungsfelder"), ("Measure", "Wörter für die Maßnahmen")];

    public static readonly IReadOnlyList<(string Suffix, string Label)> WordLabels =
        [("Singular", "Einzahl"), ("Plural", "Mehrzahl"), ("SingularEn", "Einzahl, englisch"), ("PluralEn", "Mehrzahl, englisch")];

    public sealed record PrincipleRow(int Id, int Position, string Title, int MeasureCount);

    public sealed record MeasureRow(int Id, string Number, string Title, MeasureStatus Status, int Progress, bool IsExample);

    public sealed record FieldRow(int Id, int Number, string Title, IReadOnlyList<MeasureRow> Measures);

    [BindProperty]
    public PlanInput Input { get; set; } = new();

    public int? PlanId { get; private set; }

    public bool IsNew => PlanId is null;

    /// <summary>The stored title, for the heading (the form may hold an unsaved one).</summary>
    public string StoredTitle { get; private set; } = "";

    public bool StoredIsPublic { get; private set; }

    /// <summary>The plan's state; it changes only on its own page, along the allowed moves (a new plan is a draft).</summary>
    public PlanState StoredState { get; private set; }

    public IReadOnlyList<SelectListItem> Predecessors { get; private set; } = [];

    /// <summary>The plan's stored words for its levels, for the structure below the form (the form may hold unsaved ones).</summary>
    public PlanLevels StoredLevels { get; private set; } = PlanLevels.Default;

    public IReadOnlyList<PrincipleRow> Principles { get; private set; } = [];

    public IReadOnlyList<FieldRow> Fields { get; private set; } = [];

    /// <summary>True when the numbers do not follow the order, so "Neu nummerieren" would change something.</summary>
    public bool NeedsRenumbering { get; private set; }

    public async Task<IActionResult> OnGetAsync(string planId, CancellationToken ct)
    {
        if (!TryParseKey(planId, out var id)) return NotFound();
        PlanId = id;
        if (id is int existing)
        {
            var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == existing, ct);
            if (plan is null) return NotFound();
            Input = new PlanInput
            {
                Title = plan.Title, PeriodStart = plan.PeriodStart, PeriodEnd = plan.PeriodEnd, Summary = plan.Summary,
                PredecessorId = plan.PredecessorId, IsPublic = plan.IsPublic, IsExample = plan.IsExample, Version = plan.Version,
            };
            Input.SetLevels(plan.Levels);
            StoredLevels = plan.Levels;
        }
        else
        {
            Input.SetLevels(PlanLevels.Default);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string planId, CancellationToken ct)
    {
        if (!TryParseKey(planId, out var id)) return NotFound();
        PlanId = id;
        Plan? plan = null;
        if (id is int existing)
        {
            plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == existing, ct);
            if (plan is null) return NotFound();
            StoredLevels = plan.Levels;
        }

        var others = await db.Plans.AsNoTracking().Select(p => new { p.Id, p.PredecessorId }).ToListAsync(ct);
        Input.ApplyPresets();
        var levels = Input.Levels;
        foreach (var (level, legend) in LevelLegends)
        {
            var words = levels.All.Single(l => l.Level == level).Words;
            string[] values = [words.Singular, words.Plural, words.SingularEn, words.PluralEn];
            for (var i = 0; i < WordLabels.Count; i++)
            {
                var key = "Input." + level + WordLabels[i].Suffix;
                var label = $"{localizer[legend]}: {localizer[WordLabels[i].Label]}";
                if (string.IsNullOrWhiteSpace(values[i]))
                    ModelState.AddModelError(key, localizer["{0}: Bitte geben Sie ein Wort an.", label]);
                else if (values[i].Trim().Length > PlanLevels.MaxWordLength)
                    ModelState.AddModelError(key, localizer["{0}: höchstens {1} Zeichen.", label, PlanLevels.MaxWordLength]);
                else if (values[i].Any(char.IsControl))
                    ModelState.AddModelError(key, localizer["{0}: Bitte ohne Steuerzeichen.", label]);
            }
        }
        if (PlanRules.Period(Input.PeriodStart, Input.PeriodEnd) is { } periodProblem)
            ModelState.AddModelError("Input.PeriodEnd", localizer[periodProblem]);
        if (Input.PredecessorId is int predecessorId)
        {
            if (others.All(o => o.Id != predecessorId))
                ModelState.AddModelError("Input.PredecessorId", localizer["Bitte wählen Sie den Vorgängerplan aus der Liste."]);
            else if (PlanRules.Predecessor(id, predecessorId, others.ToDictionary(o => o.Id, o => o.PredecessorId)) is { } cycle)
                ModelState.AddModelError("Input.PredecessorId", localizer[cycle]);
        }
        if (plan is not null && plan.Version != Input.Version) await ShowConflictAsync(plan, ct);
        if (!ModelState.IsValid || Conflict is not null)
        {
            await LoadAsync(ct);
            return Page();
        }

        var isNew = plan is null;
        plan ??= db.Plans.Add(new Plan { Title = "" }).Entity;
        ExpectVersion(db, plan, Input.Version);
        plan.Title = Input.Title!.Trim();
        plan.PeriodStart = Input.PeriodStart;
        plan.PeriodEnd = Input.PeriodEnd;
        plan.Summary = Input.Summary ?? "";
        plan.PredecessorId = Input.PredecessorId;
        plan.IsPublic = Input.IsPublic;
        plan.IsExample = Input.IsExample;
        plan.Levels = new PlanLevels(
            levels.Principle with { Singular = levels.Principle.Singular.Trim(), Plural = levels.Principle.Plural.Trim(), SingularEn = levels.Principle.SingularEn.Trim(), PluralEn = levels.Principle.PluralEn.Trim() },
            levels.Field with { Singular = levels.Field.Singular.Trim(), Plural = levels.Field.Plural.Trim(), SingularEn = levels.Field.SingularEn.Trim(), PluralEn = levels.Field.PluralEn.Trim() },
            levels.Measure with { Singular = levels.Measure.Singular.Trim(), Plural = levels.Measure.Plural.Trim(), SingularEn = levels.Measure.SingularEn.Trim(), PluralEn = levels.Measure.PluralEn.Trim() });
        plan.UpdatedAt = clock.GetUtcNow();
        var saving = plan;
        return await SaveEditAsync(db, cache, Input.Reason,
            save: () => db.SaveChangesAsync(ct),
            reload: () => db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == saving.Id, ct),
            showConflict: async stored =>
            {
                await ShowConflictAsync(stored, ct);
                await LoadAsync(ct);
            },
            saved: () => (isNew
                ? localizer["Der Fachplan wurde angelegt. Fügen Sie nun {0}, {1} und {2} hinzu.", saving.Levels.Principle.ManyInSentence, saving.Levels.Field.ManyInSentence, saving.Levels.Measure.ManyInSentence]
                : localizer["Der Fachplan wurde gespeichert."], PlanUrl(saving.Id)));
    }

    public Task<IActionResult> OnPostMovePrincipleAsync(string planId, int id, MoveDirection direction, CancellationToken ct) =>
        MoveAsync(planId, "principle", id, plan => StructureChanges.MovePrincipleAsync(db, plan, id, direction, ct), ct);

    public Task<IActionResult> OnPostMoveFieldAsync(string planId, int id, MoveDirection direction, CancellationToken ct) =>
        MoveAsync(planId, "field", id, plan => StructureChanges.MoveFieldAsync(db, plan, id, direction, ct), ct);

    public Task<IActionResult> OnPostMoveMeasureAsync(string planId, int id, MoveDirection direction, CancellationToken ct) =>
        MoveAsync(planId, "measure", id, plan => StructureChanges.MoveMeasureAsync(db, plan, id, direction, ct), ct);

    public async Task<IActionResult> OnPostRenumberAsync(string planId, CancellationToken ct)
    {
        if (await ExistingPlanIdAsync(planId, ct) is not int plan) return NotFound();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await StructureChanges.RenumberAsync(db, plan, clock.GetUtcNow(), ct);
        await transaction.CommitAsync(ct);
        var levels = await db.Plans.AsNoTracking().Where(p => p.Id == plan).SelectLevels().FirstAsync(ct);
        var notice = result.ChangesAnything
            ? localizer["Neu nummeriert: {0} und {1} haben eine neue Nummer.", levels.Field.Counted(result.FieldNumbers.Count), levels.Measure.Counted(result.MeasureNumbers.Count)]
            : localizer["Die Nummern entsprachen schon der Reihenfolge; nichts wurde geändert."];
        return await SavedAsync(cache, notice, PlanUrl(plan) + "#fields");
    }

    private async Task<IActionResult> MoveAsync(string planId, string kind, int id, Func<int, Task<bool>> move, CancellationToken ct)
    {
        if (await ExistingPlanIdAsync(planId, ct) is not int plan) return NotFound();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var moved = await move(plan);
        await transaction.CommitAsync(ct);
        var notice = moved ? localizer["Die Reihenfolge wurde geändert."] : localizer["Dieser Eintrag steht schon an dieser Stelle; nichts wurde geändert."];
        return await SavedAsync(cache, notice, PlanUrl(plan) + "#" + kind + "-" + id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<int?> ExistingPlanIdAsync(string planId, CancellationToken ct)
    {
        if (!TryParseKey(planId, out var id) || id is not int existing) return null;
        return await db.Plans.AnyAsync(p => p.Id == existing, ct) ? existing : null;
    }

    private async Task ShowConflictAsync(Plan stored, CancellationToken ct)
    {
        ModelState.AddModelError("", localizer["Dieser Fachplan wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        var titles = await db.Plans.AsNoTracking().Select(p => new { p.Id, p.Title }).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        string Predecessor(int? id) => id is int i && titles.TryGetValue(i, out var t) ? t : "";
        string YesNo(bool value) => value ? localizer["ja"] : localizer["nein"];
        Conflict = new EditConflict()
            .Compare(localizer["Titel"], Input.Title, stored.Title)
            .Compare(localizer["Erstes Jahr"], Input.PeriodStart?.ToString(System.Globalization.CultureInfo.InvariantCulture), stored.PeriodStart?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Compare(localizer["Letztes Jahr"], Input.PeriodEnd?.ToString(System.Globalization.CultureInfo.InvariantCulture), stored.PeriodEnd?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Compare(localizer["Zusammenfassung"], Input.Summary, stored.Summary)
            .Compare(localizer["Vorgängerplan"], Predecessor(Input.PredecessorId), Predecessor(stored.PredecessorId))
            .Compare(localizer["öffentlich sichtbar"], YesNo(Input.IsPublic), YesNo(stored.IsPublic))
            .Compare(localizer["Beispielinhalt"], YesNo(Input.IsExample), YesNo(stored.IsExample));
        var (mine, theirs) = (Input.Levels, stored.Levels);
        foreach (var (level, legend) in LevelLegends)
        {
            var a = mine.All.Single(l => l.Level == level).Words;
            var b = theirs.All.Single(l => l.Level == level).Words;
            Conflict.Compare(localizer[legend], string.Join(" / ", a.Words), string.Join(" / ", b.Words));
        }
        // The next save is a deliberate choice to replace the stored values.
        ModelState.Remove("Input.Version");
        Input.Version = stored.Version;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking()
            .OrderByDescending(p => p.PeriodStart).ThenBy(p => p.Title)
            .Select(p => new { p.Id, p.Title, p.PeriodStart, p.PeriodEnd, p.IsPublic, p.State })
            .ToListAsync(ct);
        Predecessors = plans.Where(p => p.Id != PlanId)
            .Select(p => new SelectListItem(p.PeriodStart is null && p.PeriodEnd is null ? p.Title : $"{p.Title} ({Plan.FormatPeriod(p.PeriodStart, p.PeriodEnd)})",
                p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Prepend(new SelectListItem(localizer["(kein Vorgängerplan)"], ""))
            .ToList();
        if (PlanId is not int planId) return;

        var self = plans.First(p => p.Id == planId);
        StoredTitle = self.Title;
        StoredIsPublic = self.IsPublic;
        StoredState = self.State;
        var principles = await db.Principles.AsNoTracking().Where(p => p.PlanId == planId)
            .Select(p => new { p.Id, p.Position, p.Title, Count = p.Measures.Count }).ToListAsync(ct);
        Principles = principles.OrderBy(p => p.Position).ThenBy(p => p.Id).Select(p => new PrincipleRow(p.Id, p.Position, p.Title, p.Count)).ToList();
        var fields = await db.FieldsOfAction.AsNoTracking().Where(f => f.PlanId == planId).ToListAsync(ct);
        var measures = await db.Measures.AsNoTracking().Where(m => m.PlanId == planId)
            .Select(m => new { m.Id, m.FieldOfActionId, m.Position, m.Number, m.Title, m.Status, m.Progress, m.IsExample }).ToListAsync(ct);
        var byField = measures.ToLookup(m => m.FieldOfActionId);
        Fields = fields.InOrder().Select(f => new FieldRow(f.Id, f.Number, f.Title,
            byField[f.Id].InOrder(m => m.Position, m => m.Number, m => m.Id)
                .Select(m => new MeasureRow(m.Id, m.Number, m.Title, m.Status, m.Progress, m.IsExample)).ToList())).ToList();
        NeedsRenumbering = PlanStructure.Renumber(Fields.Select(f => new FieldInOrder(f.Id, f.Number,
            f.Measures.Select(m => new MeasureInOrder(m.Id, m.Number)).ToList())).ToList()).ChangesAnything;
    }
}
