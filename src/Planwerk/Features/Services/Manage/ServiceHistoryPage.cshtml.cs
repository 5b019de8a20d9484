using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Plans.History;
using Planwerk.Features.Services.Content;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Services.Manage;

/// <summary>Every recorded change of a service, newest first: when, who, why, and each changed part before and after.
/// Open to whoever may edit the service.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ServiceHistoryPageModel(PlanwerkDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    public int ServiceId { get; private set; }

    public string ServiceName { get; private set; } = "";

    public IReadOnlyList<ChangeRecord> Records { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var service = await db.HelpServices.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Id, s.Name, s.OrganisationId }).FirstOrDefaultAsync(ct);
        if (service is null) return NotFound();
        if (!await ServiceEditors.MayEditAsync(db, authorization, User, service.OrganisationId, ct)) return Forbid();
        (ServiceId, ServiceName) = (service.Id, service.Name);
        Records = await db.ChangeRecords.AsNoTracking().Include(r => r.Fields)
            .Where(r => r.EntityType == ServiceHistory.EntityType && r.EntityId == id)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(500).ToListAsync(ct);
        return Page();
    }

    public string ActionText(ChangeAction action) => action switch
    {
        ChangeAction.Created => l["angelegt"],
        ChangeAction.Deleted => l["gelöscht"],
        _ => l["geändert"],
    };

    public Crumb[] Crumbs() =>
    [
        new(l["Verwaltung"], ManageUrl()), new(l["Hilfeangebote"], ServiceUrls.List(Municipality.Slug)),
        new(ServiceName, ServiceUrls.Edit(Municipality.Slug, ServiceId)), new(l["Verlauf"]),
    ];
}
