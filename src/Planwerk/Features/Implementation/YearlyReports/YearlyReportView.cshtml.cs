using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Implementation.YearlyReports;

/// <summary>The print view of a plan's yearly report: public once published on a public plan (cached like the other
/// public pages and evicted with them on every save), for the plan team always, a draft marked "Entwurf" with how many
/// of the year's reports are not yet published. Eight SQL commands whatever the plan's size: the municipality, the report
/// and its plan, and the six of <see cref="YearlyReportContent.LoadAsync"/>; the plan team's draft costs two more (the
/// permission, the pending reports).</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class YearlyReportViewModel(PlanwerkDbContext db, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public YearlyReportContent Report { get; private set; } = null!;

    /// <summary>Set for the plan team's view of what the public does not see.</summary>
    public PendingReports? Pending { get; private set; }

    public bool PlanTeamOnly { get; private set; }

    public async Task<IActionResult> OnGetAsync(int planId, int year, CancellationToken ct)
    {
        if (await YearlyReportAccess.ReadableAsync(db, authorization, User, planId, year, ct) is not { } readable) return NotFound();
        PlanTeamOnly = readable.PlanTeamOnly;
        Report = await YearlyReportContent.LoadAsync(db, readable.Header, BerlinTime.Today(clock), ct);
        if (PlanTeamOnly && Report.IsDraft) Pending = await YearlyReportContent.PendingAsync(db, planId, year, ct);
        return Page();
    }
}
