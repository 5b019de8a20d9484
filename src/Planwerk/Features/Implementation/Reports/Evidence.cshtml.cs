using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Planwerk.Data;
using Planwerk.Infrastructure.Files;

namespace Planwerk.Features.Implementation.Reports;

/// <summary>A report's evidence file, as a download. Anyone may fetch it once the report is published on a public plan;
/// before that only the plan team and the reporters of the measure's organisations. Everyone else gets "not found", so
/// the address tells nothing. Never cached by the server; served as the type its content is, whatever its name says.</summary>
[AllowAnonymous]
public sealed class EvidenceModel(PlanwerkDbContext db, ReportAccess access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var row = await db.ReportEvidence.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new
            {
                e.FileName,
                e.MeasureReport!.MeasureId,
                Public = e.MeasureReport.State == ReportState.Published && e.MeasureReport.Measure!.Plan!.IsPublic,
            })
            .FirstOrDefaultAsync(ct);
        if (row is null) return NotFound();
        var allowed = row.Public || await access.IsPlanTeamAsync(User) || await access.ReportsOnAsync(User, row.MeasureId, ct);
        if (!allowed) return NotFound();

        var content = await db.ReportEvidence.AsNoTracking().Where(e => e.Id == id).Select(e => e.Content).SingleAsync(ct);
        var type = ReportFiles.Recognise(content) ?? "application/octet-stream";
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        return File(content, type, DocumentTypes.NameFor(row.FileName, type, "Nachweis"));
    }
}
