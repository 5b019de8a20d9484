using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Implementation.Manage;

/// <summary>A measure's milestones for the plan team: the list, open ones before done ones by due date, and a form
/// to add one. Each change is recorded in the measure's history.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class MilestonesModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : MilestonePageModel(db, clock, l)
{
    [BindProperty]
    public MilestoneInput Input { get; set; } = new();

    public IReadOnlyList<Milestone> Milestones { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int planId, int measureId, CancellationToken ct)
    {
        if (!await LoadMeasureAsync(planId, measureId, ct)) return NotFound();
        await LoadListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, int measureId, CancellationToken ct)
    {
        if (!await LoadMeasureAsync(planId, measureId, ct)) return NotFound();
        Input.Validate(ModelState, "Input.", L, Today);
        if (!ModelState.IsValid)
        {
            await LoadListAsync(ct);
            return Page();
        }
        var milestone = new Milestone { Title = "", Measure = Measure, MeasureId = Measure.Id };
        Input.ApplyTo(milestone);
        Db.Milestones.Add(milestone);
        await Db.SaveChangesAsync(ct);
        return await SavedAsync(cache, L["Der Meilenstein „{0}“ wurde angelegt.", milestone.Title], ListUrl);
    }

    private async Task LoadListAsync(CancellationToken ct) =>
        Milestones = await Db.Milestones.AsNoTracking().Where(m => m.MeasureId == Measure.Id)
            .OrderBy(m => m.DoneOn != null).ThenBy(m => m.DueOn).ThenBy(m => m.Id).ToListAsync(ct);
}
