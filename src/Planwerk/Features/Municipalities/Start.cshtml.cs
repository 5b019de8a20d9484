using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Plans;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Municipalities;

/// <summary>A municipality's start page: its published plans. Public.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class StartModel(PlanwerkDbContext db) : PageModel
{
    public sealed record Row(int Id, string Title, int? PeriodStart, int? PeriodEnd, PlanState State, bool IsExample, int MeasureCount);

    public IReadOnlyList<Row> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Plans = await db.Plans.AsNoTracking().Where(p => p.IsPublic)
            .OrderByDescending(p => p.PeriodStart).ThenBy(p => p.Title)
            .Select(p => new Row(p.Id, p.Title, p.PeriodStart, p.PeriodEnd, p.State, p.IsExample, p.Measures.Count))
            .ToListAsync(ct);
}
