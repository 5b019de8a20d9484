using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Participation.Stakeholders;

/// <summary>The public list of organisations that take part, grouped by kind: only those the plan team
/// marked as listed, with the contact details the organisation gave for the public. One query.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class DirectoryModel(PlanwerkDbContext db) : PageModel
{
    public sealed record Entry(int Id, string Name, StakeholderKind Kind, string Description, string Address, string Website, string Email, string Phone, string ContactPerson);

    public IReadOnlyList<IGrouping<StakeholderKind, Entry>> Groups { get; private set; } = [];

    public CurrentMunicipality Municipality => HttpContext.RequiredMunicipality();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var entries = await db.Stakeholders.AsNoTracking().Where(s => s.IsListed)
            .OrderBy(s => s.Name)
            .Select(s => new Entry(s.Id, s.Name, s.Kind, s.Description, s.Address, s.Website, s.Email, s.Phone, s.ContactPerson))
            .ToListAsync(ct);
        Groups = entries.GroupBy(e => e.Kind).OrderBy(g => g.Key).ToList();
    }

    /// <summary>Only web addresses become links; anything else stays text.</summary>
    public static bool IsWebAddress(string website) =>
        Uri.TryCreate(website, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
