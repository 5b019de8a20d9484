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

/// <summary>The published weighing table as XLSX or PDF: only statements whose submitters consented to
/// publication, organisations by name and everyone else as "Privatperson". 404 until the plan team publishes.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class PublicExportModel(PlanwerkDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int roundId, string format, CancellationToken ct)
    {
        if (format is not ("xlsx" or "pdf")) return NotFound();
        if (await WeighingReads.PublishedTableAsync(db, roundId, l, ct) is not { } table) return NotFound();
        return format == "xlsx"
            ? File(WeighingExports.Xlsx(table, withNames: false, l), WeighingExports.XlsxContentType, WeighingExports.FileName(table, "xlsx", withNames: false))
            : File(WeighingExports.Pdf(table, withNames: false, HttpContext.RequiredMunicipality().Name, l), WeighingExports.PdfContentType, WeighingExports.FileName(table, "pdf", withNames: false));
    }
}
