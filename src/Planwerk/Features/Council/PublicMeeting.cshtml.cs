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

    /// <summary>The recorded result of the consultation an item treats, shown where the item has no result in words.</summary>
    public sealed record Recorded(ConsultationResult? BuiltIn, string? CustomName);

    public IReadOnlyDictionary<int, Recorded> RecordedResults { get; private set; } = new Dictionary<int, Recorded>();

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
        var ids = Items.Select(i => i.Id).ToList();
        RecordedResults = (await db.PaperConsultations.AsNoTracking().Where(c => c.AgendaItemId != null && ids.Contains(c.AgendaItemId.Value) && (c.Result != null || c.CustomResultId != null))
                .Select(c => new { c.Id, Item = c.AgendaItemId!.Value, c.Result, Custom = c.CustomResult != null ? c.CustomResult.Name : null }).ToListAsync(ct))
            .GroupBy(c => c.Item).ToDictionary(g => g.Key, g => g.MinBy(c => c.Id) is var c ? new Recorded(c!.Result, c.Custom) : null!);
        return Page();
    }
}
