using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Services.Content;

/// <summary>For the plan team: the services due for checking (last checked more than the municipality's months ago,
/// Europe/Berlin date of the application's clock), by organisation, with the day the organisation's contacts were
/// reminded. Defunct services are left out. Two queries whatever the number of services.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class OverdueModel(PlanwerkDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    public sealed record Row(int Id, string Name, ServiceStatus Status, int OrganisationId, string Organisation, DateOnly LastCheckedOn, DateOnly DueOn, DateTimeOffset? RemindedAt);

    public int Months { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<IGrouping<(int Id, string Name), Row>> Organisations { get; private set; } = [];

    public int Count => Organisations.Sum(o => o.Count());

    public async Task OnGetAsync(CancellationToken ct)
    {
        Months = await db.Municipalities.Where(m => m.Id == Municipality.Id).Select(m => m.ServiceCheckMonths).FirstAsync(ct);
        Today = BerlinTime.Today(clock);
        var before = ServiceChecks.CandidatesBefore(Today, Months);
        var candidates = await db.HelpServices.AsNoTracking()
            .Where(s => s.Status != ServiceStatus.Defunct && s.LastCheckedOn < before)
            .OrderBy(s => s.Organisation!.Name).ThenBy(s => s.OrganisationId).ThenBy(s => s.LastCheckedOn).ThenBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.Status, s.OrganisationId, Organisation = s.Organisation!.Name, s.LastCheckedOn, s.CheckReminderSentAt })
            .ToListAsync(ct);
        Organisations = candidates.Where(s => ServiceChecks.IsOverdue(s.LastCheckedOn, Today, Months))
            .Select(s => new Row(s.Id, s.Name, s.Status, s.OrganisationId, s.Organisation, s.LastCheckedOn, ServiceChecks.DueOn(s.LastCheckedOn, Months),
                ServiceChecks.WasReminded(s.CheckReminderSentAt, s.LastCheckedOn) ? s.CheckReminderSentAt : null))
            .GroupBy(r => (r.OrganisationId, r.Organisation)).ToList();
    }

    public Crumb[] Crumbs() => [new(l["Verwaltung"], ManageUrl()), new(l["Hilfeangebote"], ContentUrls.Services(Municipality.Slug)), new(l["Zu prüfende Einträge"])];
}
