using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Planwerk.Data;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Plans.Transfer;

/// <summary>An editor's download of any plan of the municipality, public or not: measures as CSV or
/// XLSX, the whole plan as JSON. Never stored by caches: it may hold what is not yet published.</summary>
[Authorize(Policy = Policies.PlanEditor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ExportModel(PlanwerkDbContext db, Pathways.PublishedPathways published) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int planId, string format, CancellationToken cancellationToken) =>
        await PlanExport.FileAsync(db, planId, format, publicOnly: false, published, cancellationToken) is { } file ? file : NotFound();
}
