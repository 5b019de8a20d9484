using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Tenancy;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Council;

/// <summary>The municipality's council meetings, newest first, paged, filtered by body, by day (German time) and by
/// a public plan whose papers they consult or treat: the same few commands whatever their number. Agenda items are
/// not listed here, and the plan filter looks only at public agenda items, so nothing non-public can appear.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName, VaryByQueryKeys = [PublicCouncilFilter.BodyField, PublicCouncilFilter.FromField, PublicCouncilFilter.ToField, PublicCouncilFilter.PlanField, PublicListPage.PageKey])]
public sealed class PublicMeetingsModel(PlanwerkDbContext db) : PageModel
{
    public sealed record Row(int Id, string Name, string Body, DateTimeOffset Start, MeetingState State, bool StartTimeUnknown = false);

    public IReadOnlyList<Row> Meetings { get; private set; } = [];

    public PublicListPage Paging { get; private set; } = new(1, 1);

    public int Total { get; private set; }

    public PublicCouncilFilter Filter { get; private set; } = null!;

    public IReadOnlyList<PublicCouncilFilter.Choice> Bodies { get; private set; } = [];

    public IReadOnlyList<PublicCouncilFilter.Choice> Plans { get; private set; } = [];

    public string Slug => HttpContext.RequiredMunicipality().Slug;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Bodies = await PublicCouncilChoices.BodiesAsync(db, ct);
        Plans = await PublicCouncilChoices.PlansAsync(db, ct);
        Filter = PublicCouncilFilter.Read(Request.Query, Bodies, Plans);
        var meetings = db.Meetings.AsNoTracking();
        if (Filter.BodyId is int body) meetings = meetings.Where(m => m.BodyId == body);
        // The days are German calendar days: from the first moment of "from" to before the first moment of the day after "to".
        if (Filter.From is DateOnly from)
        {
            var start = BerlinTime.StartOfDay(from);
            meetings = meetings.Where(m => m.Start >= start);
        }
        if (Filter.To is DateOnly to)
        {
            var end = BerlinTime.StartOfDay(to.AddDays(1));
            meetings = meetings.Where(m => m.Start < end);
        }
        if (Filter.PlanId is int plan)
        {
            meetings = meetings.Where(m => db.PaperConsultations.Any(c => c.MeetingId == m.Id && c.Paper!.PlanId == plan)
                || m.AgendaItems.Any(a => a.IsPublic && a.Paper != null && a.Paper.PlanId == plan));
        }
        Total = await meetings.CountAsync(ct);
        Paging = PublicListPage.Of(PublicListPage.Read(Request.Query), Total);
        // Then by id: meetings at the same moment keep their order from page to page.
        Meetings = await meetings.OrderByDescending(m => m.Start).ThenByDescending(m => m.Id)
            .Skip(Paging.Skip).Take(PublicListPage.Size)
            .Select(m => new Row(m.Id, m.Name, m.Body!.Name, m.Start, m.State, m.StartTimeUnknown)).ToListAsync(ct);
        return Page();
    }
}
