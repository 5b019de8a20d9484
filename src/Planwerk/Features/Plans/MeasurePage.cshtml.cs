using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Plans;

/// <summary>Every fact of one measure of a published plan. Two SQL commands: the municipality, and the
/// measure with its plan, field, principles and districts.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class MeasurePageModel(PlanwerkDbContext db) : PageModel
{
    public MeasureFacts Measure { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int planId, int measureId, CancellationToken ct)
    {
        var measure = await db.Measures.AsNoTracking()
            .Where(x => x.Id == measureId && x.PlanId == planId && x.Plan!.IsPublic)
            .Select(PublicPlanReads.Facts)
            .AsSingleQuery()
            .FirstOrDefaultAsync(ct);
        if (measure is null) return NotFound();
        Measure = measure;
        return Page();
    }
}
