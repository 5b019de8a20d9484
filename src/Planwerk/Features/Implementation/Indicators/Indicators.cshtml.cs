using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Implementation.Indicators;

/// <summary>A plan's indicators for the plan team: each with what it belongs to, baseline, target, the latest value and
/// whether it is on track; and a form to add one. Five queries whatever the number of indicators and values.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class IndicatorsModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : IndicatorPageModel(db, clock, l)
{
    [BindProperty]
    public IndicatorInput Input { get; set; } = new();

    public IReadOnlyList<IndicatorSummary> Indicators { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct)
    {
        if (!await LoadPlanAsync(planId, ct)) return NotFound();
        Input.BaselineOn = Today.AddYears(-1);
        await LoadListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, CancellationToken ct)
    {
        if (!await LoadPlanAsync(planId, ct)) return NotFound();
        var measure = await ValidateAsync(Input, 0, ct);
        if (!ModelState.IsValid)
        {
            await LoadListAsync(ct);
            return Page();
        }
        var position = await Db.Indicators.Where(i => i.PlanId == planId).Select(i => (int?)i.Position).MaxAsync(ct) ?? 0;
        var indicator = new Indicator { Name = "", PlanId = planId, Position = position + 1 };
        Input.ApplyTo(indicator, measure);
        Db.Indicators.Add(indicator);
        await Db.SaveChangesAsync(ct);
        return await SavedAsync(cache, L["Der Indikator „{0}“ wurde angelegt.", indicator.Name], EditUrl(indicator.Id));
    }

    private async Task LoadListAsync(CancellationToken ct) => Indicators = await IndicatorReads.OfPlanAsync(Db, PlanId, null, ct);
}
