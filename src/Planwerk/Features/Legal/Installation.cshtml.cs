using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Legal;

/// <summary>The legal pages of the installation's own pages (the start page, the account pages): they are
/// the pages of the municipality that runs the installation, named by the setting <c>Legal:Municipality</c>
/// (its slug), or else the first municipality that is not the demo. The visitor is sent there.</summary>
[AllowAnonymous]
public sealed class InstallationModel(PlanwerkDbContext db, IConfiguration configuration) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken ct)
    {
        if (LegalPaths.KindOf(kind) is not { } k) return NotFound();
        var configured = configuration["Legal:Municipality"];
        var slug = !string.IsNullOrWhiteSpace(configured)
            ? await db.Municipalities.AsNoTracking().Where(m => m.Slug == configured).Select(m => m.Slug).FirstOrDefaultAsync(ct)
            : await db.Municipalities.AsNoTracking().OrderBy(m => m.IsDemo).ThenBy(m => m.Id).Select(m => m.Slug).FirstOrDefaultAsync(ct);
        return slug is null ? NotFound() : Redirect(LegalPaths.Public(slug, k));
    }
}
