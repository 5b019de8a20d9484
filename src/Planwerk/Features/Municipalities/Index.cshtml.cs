using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Municipalities;

/// <summary>The installation's start page: every municipality. Public.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class IndexModel(PlanwerkDbContext db) : PageModel
{
    public sealed record Row(string Slug, string Name);

    public IReadOnlyList<Row> Municipalities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Municipalities = await db.Municipalities.AsNoTracking().OrderBy(m => m.Name).Select(m => new Row(m.Slug, m.Name)).ToListAsync(ct);
}
