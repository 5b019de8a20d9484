using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Participation.Weighing;

/// <summary>The published weighing table of a round: the consented statements grouped by plan part, each
/// with its outcome, reasons and the plan changes it caused. 404 until the plan team publishes.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class PublicTableModel(PlanwerkDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public WeighingTable Table { get; private set; } = null!;

    public CurrentMunicipality Municipality => HttpContext.RequiredMunicipality();

    public async Task<IActionResult> OnGetAsync(int roundId, CancellationToken ct)
    {
        if (await WeighingReads.PublishedTableAsync(db, roundId, l, ct) is not { } table) return NotFound();
        Table = table;
        return Page();
    }
}
