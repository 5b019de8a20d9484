using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Plans.Print;

/// <summary>The print view of one field of action of a public plan, with its measures.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName, VaryByQueryKeys = [AdoptedPlanReads.StandKey])]
public sealed class FieldDocumentModel(PlanwerkDbContext db) : PageModel
{
    public PrintDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int planId, int fieldId, CancellationToken ct)
    {
        var document = await PrintDocument.LoadAsync(db, HttpContext.RequiredMunicipality().Name, planId, DocumentScope.Field, fieldId, ct, AdoptedPlanReads.WantsWorkingState(Request));
        if (document is null) return NotFound();
        Document = document;
        return Page();
    }
}
