using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Plans.Manage;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Plans.Lifecycle;

/// <summary>Moves a plan to another state, only along <see cref="PlanLifecycle"/>'s allowed moves and
/// with a reason; the change of <see cref="Plan.State"/> is recorded in the plan's history. Adoption is
/// not offered: it happens only through the council's resolution.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class PlanStatePageModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> localizer, TimeProvider clock) : ManagePageModel
{
    public sealed class StateInput
    {
        [Display(Name = "Neuer Stand")]
        public PlanState? NewState { get; set; }

        [Display(Name = "Grund der Änderung")]
        [Required(ErrorMessage = "Bitte geben Sie den Grund für den neuen Stand an.")]
        [StringLength(1000, ErrorMessage = "Der Grund der Änderung darf höchstens {1} Zeichen lang sein.")]
        public string? Reason { get; set; }

        public int Version { get; set; }
    }

    [BindProperty]
    public StateInput Input { get; set; } = new();

    public int PlanId { get; private set; }

    public string PlanTitle { get; private set; } = "";

    public PlanState Current { get; private set; }

    public IReadOnlyList<PlanState> Allowed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return NotFound();
        Show(plan);
        Input.Version = plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, CancellationToken ct)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return NotFound();
        Show(plan);
        NameTheChoice("Input.NewState", localizer["Bitte wählen Sie den neuen Stand aus der Liste."]);
        if (plan.Version != Input.Version)
        {
            // The allowed moves depend on the state the form was made for; a stale form is never applied.
            ModelState.AddModelError("", localizer["Der Stand dieses Fachplans wurde inzwischen geändert; er ist jetzt „{0}“. Nichts wurde gespeichert. Prüfen Sie, ob der Wechsel noch gewollt ist.", localizer[PlanText.State(plan.State)]]);
            ModelState.Remove("Input.Version");
            Input.Version = plan.Version;
            return Page();
        }
        if (ModelState.IsValid)
        {
            if (Input.NewState is not PlanState target)
                ModelState.AddModelError("Input.NewState", localizer["Bitte wählen Sie den neuen Stand aus der Liste."]);
            else if (target == PlanState.Adopted)
                ModelState.AddModelError("Input.NewState", localizer["Beschlossen wird ein Fachplan nur durch den Beschluss des Rates: Tragen Sie das Ergebnis der entscheidenden Beratung an der Vorlage ein."]);
            else if (!PlanLifecycle.IsAllowed(plan.State, target))
                ModelState.AddModelError("Input.NewState", localizer["Von „{0}“ kann der Fachplan nicht zu „{1}“ wechseln.", localizer[PlanText.State(plan.State)], localizer[PlanText.State(target)]]);
        }
        if (!ModelState.IsValid) return Page();

        var from = plan.State;
        ExpectVersion(db, plan, Input.Version);
        plan.State = Input.NewState!.Value;
        plan.UpdatedAt = clock.GetUtcNow();
        return await SaveEditAsync(db, cache, Input.Reason!.Trim(),
            save: () => db.SaveChangesAsync(ct),
            reload: () => db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct),
            showConflict: stored =>
            {
                Show(stored);
                ModelState.AddModelError("", localizer["Der Stand dieses Fachplans wurde inzwischen geändert; er ist jetzt „{0}“. Nichts wurde gespeichert. Prüfen Sie, ob der Wechsel noch gewollt ist.", localizer[PlanText.State(stored.State)]]);
                ModelState.Remove("Input.Version");
                Input.Version = stored.Version;
            },
            saved: () => (localizer["Der Stand des Fachplans wurde von „{0}“ zu „{1}“ geändert.", localizer[PlanText.State(from)], localizer[PlanText.State(plan.State)]],
                PlanUrl(planId)));
    }

    private void Show(Plan plan)
    {
        PlanId = plan.Id;
        PlanTitle = plan.Title;
        Current = plan.State;
        Allowed = PlanLifecycle.AllowedFrom(plan.State).Where(s => s != PlanState.Adopted).ToList();
    }
}
