using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Participation.Weighing;

/// <summary>The plan team's weighing table as XLSX or PDF: every statement, with the submitters' names,
/// their consent and who weighed. Available at any time, also before publication.</summary>
[Authorize(Policy = Policies.PlanTeam)]
public sealed class ManageExportModel(PlanwerkDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int roundId, string format, CancellationToken ct)
    {
        if (format is not ("xlsx" or "pdf")) return NotFound();
        if (await WeighingReads.TableAsync(db, roundId, publicOnly: false, l, ct) is not { } table) return NotFound();
        return format == "xlsx"
            ? File(WeighingExports.Xlsx(table, withNames: true, l), WeighingExports.XlsxContentType, WeighingExports.FileName(table, "xlsx", withNames: true))
            : File(WeighingExports.Pdf(table, withNames: true, HttpContext.RequiredMunicipality().Name, l), WeighingExports.PdfContentType, WeighingExports.FileName(table, "pdf", withNames: true));
    }
}
