using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Plans.Print;

/// <summary>The print view of a whole public plan: title page, table of contents, summary, principles,
/// and every field of action with its numbered measures; a retrospective section with the earlier plan's measures by
/// their assessment and the charts of its datasets.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName, VaryByQueryKeys = [AdoptedPlanReads.StandKey])]
public sealed class DocumentModel(PlanwerkDbContext db, Microsoft.Extensions.Localization.IStringLocalizer<Planwerk.Infrastructure.Localization.SharedResource> l) : PageModel
{
    public PrintDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct)
    {
        var municipality = HttpContext.RequiredMunicipality();
        var document = await PrintDocument.LoadAsync(db, municipality.Name, planId, DocumentScope.Plan, 0, ct, AdoptedPlanReads.WantsWorkingState(Request));
        if (document is null) return NotFound();
        await document.LoadRetrospectiveAsync(db, l, municipality.Slug, ct);
        Document = document;
        return Page();
    }
}
