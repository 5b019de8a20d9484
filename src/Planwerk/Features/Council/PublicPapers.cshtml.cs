using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Council;

/// <summary>The municipality's council papers, newest first, paged, filtered by a body that consults them, their date
/// and the plan they are about: the same few commands whatever their number. The plan a paper is about is not named
/// in the list (it may not be public); only public plans are offered as a filter.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName, VaryByQueryKeys = [PublicCouncilFilter.BodyField, PublicCouncilFilter.FromField, PublicCouncilFilter.ToField, PublicCouncilFilter.PlanField, PublicListPage.PageKey])]
public sealed class PublicPapersModel(PlanwerkDbContext db) : PageModel
{
    public sealed record Row(int Id, string Reference, string Name, string PaperType, DateOnly Date, bool ReferenceIsExample);

    public IReadOnlyList<Row> Papers { get; private set; } = [];

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
        var papers = db.Papers.AsNoTracking();
        if (Filter.BodyId is int body) papers = papers.Where(p => p.Consultations.Any(c => c.BodyId == body));
        if (Filter.From is DateOnly from) papers = papers.Where(p => p.Date >= from);
        if (Filter.To is DateOnly to) papers = papers.Where(p => p.Date <= to);
        if (Filter.PlanId is int plan) papers = papers.Where(p => p.PlanId == plan);
        Total = await papers.CountAsync(ct);
        Paging = PublicListPage.Of(PublicListPage.Read(Request.Query), Total);
        Papers = await papers.OrderByDescending(p => p.Date).ThenByDescending(p => p.Id)
            .Skip(Paging.Skip).Take(PublicListPage.Size)
            .Select(p => new Row(p.Id, p.Reference, p.Name, p.PaperType, p.Date, p.ReferenceIsExample)).ToListAsync(ct);
        return Page();
    }
}
