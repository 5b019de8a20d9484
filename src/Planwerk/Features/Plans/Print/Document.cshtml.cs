using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Plans.Print;

/// <summary>The print view of a whole public plan: title page, table of contents, summary, principles,
/// and every field of action with its numbered measures.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class DocumentModel(PlanwerkDbContext db) : PageModel
{
    public PrintDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct)
    {
        var document = await PrintDocument.LoadAsync(db, HttpContext.RequiredMunicipality().Name, planId, DocumentScope.Plan, 0, ct, AdoptedPlanReads.WantsWorkingState(Request));
        if (document is null) return NotFound();
        Document = document;
        return Page();
    }
}
