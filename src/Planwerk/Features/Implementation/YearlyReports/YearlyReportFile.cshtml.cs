using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Tenancy;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Implementation.YearlyReports;

/// <summary>The yearly report as PDF or XLSX, with the same content as the print view and for the same readers: anyone
/// once it is published on a public plan (cached like the public pages), the plan team always; 404 otherwise.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class YearlyReportFileModel(PlanwerkDbContext db, IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string PdfContentType = "application/pdf";

    public async Task<IActionResult> OnGetAsync(int planId, int year, string format, CancellationToken ct)
    {
        if (format is not ("pdf" or "xlsx")) return NotFound();
        if (await YearlyReportAccess.ReadableAsync(db, authorization, User, planId, year, ct) is not { } readable) return NotFound();
        var content = await YearlyReportContent.LoadAsync(db, readable.Header, BerlinTime.Today(clock), ct);
        return format == "pdf"
            ? File(YearlyReportPdf.Render(content, HttpContext.RequiredMunicipality().Name, l), PdfContentType, YearlyReportText.FileName(content, "pdf"))
            : File(YearlyReportXlsx.Write(content, l), YearlyReportXlsx.ContentType, YearlyReportText.FileName(content, "xlsx"));
    }
}
