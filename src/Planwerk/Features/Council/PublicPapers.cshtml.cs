using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Council;

/// <summary>The municipality's council papers, newest first, paged: two commands whatever their number.
/// The plan a paper is about is not named here (it may not be public); the paper's page decides that.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class PublicPapersModel(PlanwerkDbContext db) : PageModel
{
    public sealed record Row(int Id, string Reference, string Name, string PaperType, DateOnly Date, bool ReferenceIsExample);

    public IReadOnlyList<Row> Papers { get; private set; } = [];

    public PublicListPage Paging { get; private set; } = new(1, 1);

    public string Slug => HttpContext.RequiredMunicipality().Slug;

    public async Task<IActionResult> OnGetAsync([FromQuery] int? page, CancellationToken ct)
    {
        Paging = PublicListPage.Of(page, await db.Papers.CountAsync(ct));
        Papers = await db.Papers.AsNoTracking().OrderByDescending(p => p.Date).ThenByDescending(p => p.Id)
            .Skip(Paging.Skip).Take(PublicListPage.Size)
            .Select(p => new Row(p.Id, p.Reference, p.Name, p.PaperType, p.Date, p.ReferenceIsExample)).ToListAsync(ct);
        return Page();
    }
}
