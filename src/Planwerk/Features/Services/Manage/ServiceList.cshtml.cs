using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Services.Content;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Services.Manage;

/// <summary>The services the signed-in person may edit: the plan team every service of the municipality, a member of an
/// organisation that organisation's services; with the pending changes waiting for review and the person's own proposals.
/// Anyone else is refused.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ServiceListModel(PlanwerkDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    public sealed record Row(int Id, string Name, ServiceStatus Status, string Organisation, DateOnly LastCheckedOn, bool Reviewed, int Pending);

    public sealed record ProposalRow(int Id, int? ServiceId, string Name, string Organisation, ServiceProposalState State, DateTimeOffset SubmittedAt, string SubmittedBy, string Comment);

    public bool IsPlanTeam { get; private set; }

    public IReadOnlyList<Row> Services { get; private set; } = [];

    /// <summary>For the plan team: every pending proposal; for a member: their organisations' proposals of any state.</summary>
    public IReadOnlyList<ProposalRow> Proposals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        IsPlanTeam = await ServiceEditors.IsPlanTeamAsync(authorization, User);
        var organisations = await ServiceSaving.OrganisationsAsync(db, User, IsPlanTeam, ct);
        if (!IsPlanTeam && organisations.Count == 0) return Forbid();
        var ids = organisations.Keys.ToList();
        var services = db.HelpServices.AsNoTracking().Where(s => IsPlanTeam || ids.Contains(s.OrganisationId));
        Services = await services.OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new Row(s.Id, s.Name, s.Status, s.Organisation!.Name, s.LastCheckedOn, s.Organisation.ServiceChangesReviewed,
                db.ServiceProposals.Count(p => p.ServiceId == s.Id && p.State == ServiceProposalState.Pending)))
            .ToListAsync(ct);
        var proposals = db.ServiceProposals.AsNoTracking()
            .Where(p => IsPlanTeam ? p.State == ServiceProposalState.Pending : ids.Contains(p.OrganisationId));
        var rows = await proposals.OrderByDescending(p => p.Id).Take(100)
            .Select(p => new { p.Id, p.ServiceId, Service = p.Service!.Name, p.Content, Organisation = db.Stakeholders.Where(s => s.Id == p.OrganisationId).Select(s => s.Name).FirstOrDefault(),
                p.State, p.SubmittedAt, p.SubmittedByName, p.Comment })
            .ToListAsync(ct);
        Proposals = rows.Select(p => new ProposalRow(p.Id, p.ServiceId, p.ServiceId is null ? ServiceSaving.Deserialize(p.Content).Name ?? "" : p.Service,
            p.Organisation ?? "", p.State, p.SubmittedAt, p.SubmittedByName, p.Comment)).ToList();
        return Page();
    }

    public string StateText(ServiceProposalState state) => state switch
    {
        ServiceProposalState.Pending => l["wartet auf Prüfung"],
        ServiceProposalState.Accepted => l["übernommen"],
        _ => l["zurückgegeben"],
    };

    public Crumb[] Crumbs() => [new(l["Verwaltung"], ManageUrl()), new(l["Hilfeangebote"])];
}
