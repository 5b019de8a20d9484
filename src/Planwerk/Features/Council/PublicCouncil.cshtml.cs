using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Council;

/// <summary>The council's public index for a municipality: its bodies with the number of their meetings and of the papers
/// they consult (each leading to the filtered lists), the next meetings, the newest papers, and the OParl interface.
/// The same few commands whatever the council's size.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class PublicCouncilModel(PlanwerkDbContext db, TimeProvider clock) : PageModel
{
    public const int Shown = 5;

    public static string IndexUrl(string slug) => "/" + slug + "/council";

    public sealed record BodyRow(int Id, string Name, BodyClassification Classification, int Meetings, int Papers);

    public IReadOnlyList<BodyRow> Bodies { get; private set; } = [];

    public IReadOnlyList<PublicMeetingsModel.Row> Upcoming { get; private set; } = [];

    public IReadOnlyList<PublicPapersModel.Row> Newest { get; private set; } = [];

    public string Slug => HttpContext.RequiredMunicipality().Slug;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Bodies = await db.CouncilBodies.AsNoTracking().OrderBy(b => b.Name).ThenBy(b => b.Id)
            .Select(b => new BodyRow(b.Id, b.Name, b.Classification, b.Meetings.Count, db.Papers.Count(p => p.Consultations.Any(c => c.BodyId == b.Id))))
            .ToListAsync(ct);
        // The page is cached for minutes and refreshed on every council change, so "upcoming" may lag by that much.
        var now = clock.GetUtcNow();
        Upcoming = await db.Meetings.AsNoTracking().Where(m => m.Start >= now && m.State != MeetingState.Cancelled)
            .OrderBy(m => m.Start).ThenBy(m => m.Id).Take(Shown)
            .Select(m => new PublicMeetingsModel.Row(m.Id, m.Name, m.Body!.Name, m.Start, m.State, m.StartTimeUnknown)).ToListAsync(ct);
        Newest = await db.Papers.AsNoTracking().OrderByDescending(p => p.Date).ThenByDescending(p => p.Id).Take(Shown)
            .Select(p => new PublicPapersModel.Row(p.Id, p.Reference, p.Name, p.PaperType, p.Date, p.ReferenceIsExample)).ToListAsync(ct);
        return Page();
    }
}
