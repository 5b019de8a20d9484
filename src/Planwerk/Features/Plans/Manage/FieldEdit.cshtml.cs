using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

using Planwerk.Infrastructure.Editing;

namespace Planwerk.Features.Plans.Manage;

/// <summary>Create or edit a field of action. A new number carries over to the field's measures
/// ("3.2" becomes "5.2"), so they keep starting with their field's number.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class FieldEditModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> localizer, TimeProvider clock) : ManagePageModel
{
    public sealed class FieldInput
    {
        [Display(Name = "Nummer")]
        // The messages name no level: attributes cannot know the plan's word, and the form's heading does.
        [Required(ErrorMessage = "Bitte geben Sie eine Nummer an.")]
        [Range(1, 999, ErrorMessage = "Die Nummer muss eine ganze Zahl zwischen {1} und {2} sein.")]
        public int? Number { get; set; }

        [Display(Name = "Titel")]
        [Required(ErrorMessage = "Bitte geben Sie einen Titel an.")]
        [StringLength(300, ErrorMessage = "Der Titel darf höchstens {1} Zeichen lang sein.")]
        public string? Title { get; set; }

        [Display(Name = "Beschreibung")]
        public string? Description { get; set; }

        [Display(Name = "Grund der Änderung")]
        [StringLength(1000, ErrorMessage = "Der Grund der Änderung darf höchstens {1} Zeichen lang sein.")]
        public string? Reason { get; set; }

        public int Version { get; set; }
    }

    [BindProperty]
    public FieldInput Input { get; set; } = new();

    public int PlanId { get; private set; }

    public string PlanTitle { get; private set; } = "";

    public PlanLevels Levels { get; private set; } = PlanLevels.Default;

    public int? FieldId { get; private set; }

    public bool IsNew => FieldId is null;

    public int MeasureCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(int planId, string id, CancellationToken ct)
    {
        if (!TryParseKey(id, out var key) || !await LoadAsync(planId, key, ct)) return NotFound();
        if (key is int existing)
        {
            var field = await db.FieldsOfAction.AsNoTracking().FirstAsync(f => f.Id == existing, ct);
            Input = new FieldInput { Number = field.Number, Title = field.Title, Description = field.Description, Version = field.Version };
        }
        else
        {
            var highest = await db.FieldsOfAction.Where(f => f.PlanId == planId).MaxAsync(f => (int?)f.Number, ct) ?? 0;
            Input = new FieldInput { Number = highest + 1 };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, string id, CancellationToken ct)
    {
        if (!TryParseKey(id, out var key) || !await LoadAsync(planId, key, ct)) return NotFound();
        var field = key is int existing ? await db.FieldsOfAction.FirstAsync(f => f.Id == existing, ct) : null;

        var renumbered = new Dictionary<Measure, string>();
        if (Input.Number is int number)
        {
            var holder = await db.FieldsOfAction.AsNoTracking()
                .Where(f => f.PlanId == planId && f.Number == number && f.Id != (key ?? 0)).Select(f => f.Title).FirstOrDefaultAsync(ct);
            if (holder is not null)
                ModelState.AddModelError("Input.Number", localizer["Die Nummer {0} ist in diesem Plan schon vergeben: {1} „{2}“.", number, Levels.Field.One, holder]);
            else if (field is not null && number != field.Number)
                renumbered = await CarryNumberToMeasuresAsync(field, number, ct);
        }
        if (field is not null && field.Version != Input.Version) ShowConflict(field);
        if (!ModelState.IsValid || Conflict is not null) return Page();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var isNew = field is null;
        if (field is null)
        {
            var last = await db.FieldsOfAction.Where(f => f.PlanId == planId).MaxAsync(f => (int?)f.Position, ct) ?? 0;
            field = db.FieldsOfAction.Add(new FieldOfAction { PlanId = planId, Title = "", Position = last + 1, Number = Input.Number!.Value }).Entity;
        }
        var saving = field;
        ExpectVersion(db, saving, Input.Version);
        saving.Title = Input.Title!.Trim();
        saving.Description = Input.Description ?? "";
        var fieldNumbers = new Dictionary<FieldOfAction, int>();
        if (!isNew && saving.Number != Input.Number) fieldNumbers[saving] = Input.Number!.Value;
        return await SaveEditAsync(db, cache, Input.Reason,
            save: async () =>
            {
                await StructureChanges.ApplyNumbersAsync(db, fieldNumbers, renumbered, clock.GetUtcNow(), ct);
                await transaction.CommitAsync(ct);
            },
            reload: () => db.FieldsOfAction.AsNoTracking().FirstOrDefaultAsync(f => f.Id == saving.Id, ct),
            showConflict: ShowConflict,
            saved: () =>
            {
                var notice = isNew
                    ? localizer["{0} {1} wurde angelegt.", Levels.Field.One, saving.Number]
                    : renumbered.Count > 0
                        ? localizer["{0} {1} wurde gespeichert; die neue Nummer übernommen haben: {2}.", Levels.Field.One, saving.Number, Levels.Measure.Counted(renumbered.Count)]
                        : localizer["{0} {1} wurde gespeichert.", Levels.Field.One, saving.Number];
                return (notice, PlanUrl(planId) + "#field-" + saving.Id.ToString(CultureInfo.InvariantCulture));
            });
    }

    /// <summary>The field's measures with the new field number in front, unless that collides with
    /// a number another measure of the plan already has (then the form says so).</summary>
    private async Task<Dictionary<Measure, string>> CarryNumberToMeasuresAsync(FieldOfAction field, int number, CancellationToken ct)
    {
        var measures = await db.Measures.Where(m => m.FieldOfActionId == field.Id).ToListAsync(ct);
        var changes = measures.Where(m => MeasureNumbers.FieldPart(m.Number) == field.Number)
            .ToDictionary(m => m, m => MeasureNumbers.WithFieldPart(m.Number, number));
        var moving = changes.Keys.Select(m => m.Id).ToList();
        var others = await db.Measures.AsNoTracking().Where(m => m.PlanId == field.PlanId && !moving.Contains(m.Id)).Select(m => m.Number).ToListAsync(ct);
        var taken = changes.Values.Intersect(others, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (taken.Count > 0)
            ModelState.AddModelError("Input.Number", localizer["Mit der Nummer {0} bekämen {1} Nummern, die im Plan schon vergeben sind: {2}.", number, Levels.Measure.ManyInSentence, string.Join(", ", taken)]);
        return changes;
    }

    private void ShowConflict(FieldOfAction stored)
    {
        ModelState.AddModelError("", localizer["{0} {1} wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand.", Levels.Field.One, stored.Number]);
        Conflict = new EditConflict()
            .Compare(localizer["Nummer"], Input.Number?.ToString(CultureInfo.InvariantCulture), stored.Number.ToString(CultureInfo.InvariantCulture))
            .Compare(localizer["Titel"], Input.Title, stored.Title)
            .Compare(localizer["Beschreibung"], Input.Description, stored.Description);
        ModelState.Remove("Input.Version");
        Input.Version = stored.Version;
    }

    private async Task<bool> LoadAsync(int planId, int? fieldId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).SelectHeading().FirstOrDefaultAsync(ct);
        if (plan is null) return false;
        if (fieldId is int id)
        {
            var count = await db.FieldsOfAction.Where(f => f.Id == id && f.PlanId == planId).Select(f => (int?)f.Measures.Count).FirstOrDefaultAsync(ct);
            if (count is null) return false;
            MeasureCount = count.Value;
        }
        PlanId = planId;
        PlanTitle = plan.Title;
        Levels = plan.Levels;
        FieldId = fieldId;
        return true;
    }
}
