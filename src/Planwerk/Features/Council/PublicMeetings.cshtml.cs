using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Council;

/// <summary>The municipality's council meetings, newest first, paged: two commands whatever their number.
/// Agenda items are not listed here, so nothing non-public can appear.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class PublicMeetingsModel(PlanwerkDbContext db) : PageModel
{
    public sealed record Row(int Id, string Name, string Body, DateTimeOffset Start, MeetingState State);

    public IReadOnlyList<Row> Meetings { get; private set; } = [];

    public PublicListPage Paging { get; private set; } = new(1, 1);

    public string Slug => HttpContext.RequiredMunicipality().Slug;

    public async Task<IActionResult> OnGetAsync([FromQuery] int? page, CancellationToken ct)
    {
        Paging = PublicListPage.Of(page, await db.Meetings.CountAsync(ct));
        // Then by id: meetings at the same moment keep their order from page to page.
        Meetings = await db.Meetings.AsNoTracking().OrderByDescending(m => m.Start).ThenByDescending(m => m.Id)
            .Skip(Paging.Skip).Take(PublicListPage.Size)
            .Select(m => new Row(m.Id, m.Name, m.Body!.Name, m.Start, m.State)).ToListAsync(ct);
        return Page();
    }
}
