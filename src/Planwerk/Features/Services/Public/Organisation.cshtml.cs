using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Services.Content;
using Planwerk.Features.Services.Directory;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Tenancy;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Services.PublicPages;

/// <summary>An organisation's public page in the directory: its listed help services (and, when the plan team lists the
/// organisation publicly, its description and contact details). An organisation with no listed service that is not
/// listed itself is not found, nor is another municipality's.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName, VaryByQueryKeys = ["lang"])]
public sealed class OrganisationServicesModel(PlanwerkDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "lang")] public string? Lang { get; set; }

    public sealed record Organisation(int Id, string Name, bool IsListed, string Description, string Address, string Website, string Email, string Phone);

    public sealed record Entry(int Id, ShownText Name, ServiceStatus Status, bool IsOverdue, DateOnly LastCheckedOn);

    public Organisation Shown { get; private set; } = null!;
    public IReadOnlyList<Entry> Services { get; private set; } = [];
    public ContentChoice Choice { get; private set; } = null!;
    public string Slug { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Slug = HttpContext.RequiredMunicipality().Slug;
        var organisation = await db.Stakeholders.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new Organisation(s.Id, s.Name, s.IsListed, s.Description, s.Address, s.Website, s.Email, s.Phone))
            .FirstOrDefaultAsync(ct);
        if (organisation is null) return NotFound();
        var services = await ServiceDirectoryQuery.Listed(db.HelpServices.AsNoTracking()).Where(s => s.OrganisationId == id)
            .OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Name, s.Status, s.LastCheckedOn })
            .ToListAsync(ct);
        if (services.Count == 0 && !organisation.IsListed) return NotFound();
        Shown = organisation;
        Choice = await ContentChoice.ResolveAsync(db, Lang, ct);
        var names = await ServiceTexts.LoadAsync(db, ContentKinds.Service, services.Select(s => s.Id).ToList(), Choice.Language, ct);
        var months = await PublicServiceReads.CheckMonthsAsync(db, HttpContext, ct);
        var today = BerlinTime.Today(clock);
        Services = services.Select(s => new Entry(s.Id, names.Of(s.Id, nameof(HelpService.Name), s.Name), s.Status,
            ServiceChecks.IsOverdue(s.LastCheckedOn, today, months), s.LastCheckedOn)).ToList();
        return Page();
    }

    public string Address(string? lang) => PublicServiceText.Organisation(Slug, Shown.Id, lang == ContentLanguages.Source ? null : lang);
}
