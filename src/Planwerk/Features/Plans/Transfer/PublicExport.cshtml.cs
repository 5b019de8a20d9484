using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Planwerk.Data;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Plans.Transfer;

/// <summary>Open data: a public plan's measures as CSV or XLSX and the whole plan as JSON, for
/// everyone. A plan that is not public answers 404, as its pages do.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class PublicExportModel(PlanwerkDbContext db, Pathways.PublishedPathways published) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int planId, string format, CancellationToken cancellationToken) =>
        await PlanExport.FileAsync(db, planId, format, publicOnly: true, published, cancellationToken) is { } file ? file : NotFound();
}
