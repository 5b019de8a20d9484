using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Council;

/// <summary>A meeting as the public sees it: body, time, place, state and its public agenda items with their papers.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class PublicMeetingModel(PlanwerkDbContext db) : PageModel
{
    public sealed record ItemRow(string Number, string Name, string Result, int? PaperId, string? PaperReference, string? PaperName, int Id = 0, Reading Reading = Reading.None);

    /// <summary>The consultation each item treats, whose recorded result is shown where the item has no result in words.</summary>
    public IReadOnlyDictionary<int, AgendaItemResults.Treated> Treated { get; private set; } = new Dictionary<int, AgendaItemResults.Treated>();

    public Meeting Meeting { get; private set; } = null!;

    public string Body { get; private set; } = "";

    public IReadOnlyList<ItemRow> Items { get; private set; } = [];

    public string Slug => HttpContext.RequiredMunicipality().Slug;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Body).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return NotFound();
        Meeting = meeting;
        Body = meeting.Body!.Name;
        // Only public agenda items: a non-public item is not even named.
        Items = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == id && i.IsPublic).OrderBy(i => i.Order).ThenBy(i => i.Id)
            .Select(i => new ItemRow(i.Number, i.Name, i.Result, i.PaperId, i.Paper != null ? i.Paper.Reference : null, i.Paper != null ? i.Paper.Name : null, i.Id, i.Reading))
            .ToListAsync(ct);
        Treated = await AgendaItemResults.TreatedAsync(db, Items.Select(i => i.Id).ToList(), ct);
        return Page();
    }
}
