using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Planwerk.Data;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Plans.Print;

/// <summary>The print view of one measure of a public plan.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName, VaryByQueryKeys = [AdoptedPlanReads.StandKey])]
public sealed class MeasureDocumentModel(PlanwerkDbContext db) : PageModel
{
    public PrintDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int planId, int measureId, CancellationToken ct)
    {
        var document = await PrintDocument.LoadAsync(db, HttpContext.RequiredMunicipality().Name, planId, DocumentScope.Measure, measureId, ct, AdoptedPlanReads.WantsWorkingState(Request));
        if (document is null) return NotFound();
        Document = document;
        return Page();
    }
}

/// <summary>A measure in a print view, with its document (for the principles' titles) and the level of
/// its heading (h1 when printed alone).</summary>
public sealed record MeasureSection(PrintDocument Document, MeasureDocument Measure, int HeadingLevel);
