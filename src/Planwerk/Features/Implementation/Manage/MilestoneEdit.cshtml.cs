using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Implementation.Manage;

/// <summary>Edit one milestone of a measure (against the version the form was loaded with) or delete it.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class MilestoneEditModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : MilestonePageModel(db, clock, l)
{
    [BindProperty]
    public MilestoneInput Input { get; set; } = new();

    public string StoredTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int planId, int measureId, int id, CancellationToken ct)
    {
        if (await FindAsync(planId, measureId, id, ct) is not { } milestone) return NotFound();
        Input = MilestoneInput.From(milestone);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, int measureId, int id, CancellationToken ct)
    {
        if (await FindAsync(planId, measureId, id, ct) is not { } milestone) return NotFound();
        Input.Validate(ModelState, "Input.", L, Today);
        if (milestone.Version != Input.Version) ShowConflict(milestone);
        if (!ModelState.IsValid || Conflict is not null) return Page();

        ExpectVersion(Db, milestone, Input.Version);
        Input.ApplyTo(milestone);
        return await SaveEditAsync(Db, cache, reason: null,
            save: () => Db.SaveChangesAsync(ct),
            reload: async () => await Db.Milestones.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.MeasureId == measureId, ct),
            showConflict: ShowConflict,
            saved: () => (L["Der Meilenstein „{0}“ wurde gespeichert.", milestone.Title], ListUrl));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int planId, int measureId, int id, CancellationToken ct)
    {
        if (await FindAsync(planId, measureId, id, ct) is not { } milestone) return NotFound();
        Db.Milestones.Remove(milestone);
        await Db.SaveChangesAsync(ct);
        return await SavedAsync(cache, L["Der Meilenstein „{0}“ wurde gelöscht.", milestone.Title], ListUrl);
    }

    private void ShowConflict(Milestone stored)
    {
        ModelState.AddModelError("", L["Dieser Eintrag wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        Conflict = Input.Compare(stored, L);
        ModelState.Remove("Input.Version");
        Input.Version = stored.Version;
    }

    private async Task<Milestone?> FindAsync(int planId, int measureId, int id, CancellationToken ct)
    {
        if (!await LoadMeasureAsync(planId, measureId, ct)) return null;
        var milestone = await Db.Milestones.FirstOrDefaultAsync(m => m.Id == id && m.MeasureId == measureId, ct);
        if (milestone is null) return null;
        milestone.Measure = Measure;
        StoredTitle = milestone.Title;
        return milestone;
    }
}
