using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure.Security;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Pathways.Feedback.Manage;

/// <summary>The step feedback in the chosen pathway and period as CSV or XLSX, for the plan team.</summary>
[Authorize(Policy = Policies.PlanTeam)]
public sealed class ExportModel(PlanwerkDbContext db, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? format, string? pathway, string? from, string? to, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx")) return NotFound();
        var filter = FeedbackFilter.Read(pathway, from, to);
        var notes = await FeedbackReads.Notes(filter.Apply(db.StepFeedback.AsNoTracking().Where(f => f.State != FeedbackState.Rejected)).OrderBy(f => f.CreatedAt).ThenBy(f => f.Id), db)
            .ToListAsync(ct);
        var name = "Rueckmeldungen-Integrationswege-" + BerlinTime.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return format == "csv"
            ? File(FeedbackExports.Csv(notes), FeedbackExports.CsvContentType, name + ".csv")
            : File(FeedbackExports.Xlsx(notes), FeedbackExports.XlsxContentType, name + ".xlsx");
    }
}
