using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Services.Manage;

/// <summary>The plan team chooses per organisation of the registry whether its members' changes to services are
/// published at once or wait for review (<see cref="Participation.Stakeholders.Stakeholder.ServiceChangesReviewed"/>).</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class ReviewSettingsModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    public sealed record Row(int Id, string Name, bool Reviewed, int Services);

    public IReadOnlyList<Row> Organisations { get; private set; } = [];

    /// <summary>The ids of the organisations whose changes are reviewed.</summary>
    [BindProperty]
    public List<int> Reviewed { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Organisations = await db.Stakeholders.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new Row(s.Id, s.Name, s.ServiceChangesReviewed, db.HelpServices.Count(h => h.OrganisationId == s.Id))).ToListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var organisations = await db.Stakeholders.ToListAsync(ct);
        foreach (var organisation in organisations) organisation.ServiceChangesReviewed = Reviewed.Contains(organisation.Id);
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["Die Einstellungen zur Prüfung wurden gespeichert."], ServiceUrls.ReviewSettings(Municipality.Slug));
    }

    public Crumb[] Crumbs() => [new(l["Verwaltung"], ManageUrl()), new(l["Hilfeangebote"], ServiceUrls.List(Municipality.Slug)), new(l["Prüfung je Organisation"])];
}
