using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Legal;

/// <summary>A municipality's Impressum, privacy statement or accessibility statement, as its administrators
/// wrote it (Markdown, sanitized by the renderer), or the starting text until they have.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class ShowModel(PlanwerkDbContext db) : PageModel
{
    public LegalPageKind Kind { get; private set; }

    public string Body { get; private set; } = "";

    /// <summary>When the municipality last saved the text; null while the starting text is shown.</summary>
    public DateTimeOffset? ChangedAt { get; private set; }

    public CurrentMunicipality Municipality => HttpContext.RequiredMunicipality();

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken ct)
    {
        if (LegalPaths.KindOf(kind) is not { } k) return NotFound();
        Kind = k;
        var stored = await db.LegalPages.AsNoTracking().Where(p => p.Kind == k).Select(p => new { p.Body, p.ModifiedAt }).FirstOrDefaultAsync(ct);
        Body = stored?.Body ?? LegalTexts.Starting(k, Municipality.Name);
        ChangedAt = stored?.ModifiedAt;
        return Page();
    }
}
