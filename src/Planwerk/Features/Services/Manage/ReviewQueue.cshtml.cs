using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Services.Manage;

/// <summary>The plan team's queue of providers' changes waiting for review: each proposal's changes described part by part
/// against the service as it is now. Accepting applies the proposal as a save of the form would (history, "last checked"
/// today); when the service was changed since the proposal was made, accepting is refused as a conflict. Returning keeps
/// the service as it is and tells the provider why.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class ReviewQueueModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    public sealed record Item(ServiceProposal Proposal, string ServiceName, string Organisation, bool Stale, IReadOnlyList<(string Label, string Current, string Proposed)> Changes);

    public IReadOnlyList<Item> Items { get; private set; } = [];

    [BindProperty]
    public int ProposalId { get; set; }

    [BindProperty]
    public int ProposalVersion { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken ct)
    {
        var proposal = await db.ServiceProposals.FirstOrDefaultAsync(p => p.Id == ProposalId && p.State == ServiceProposalState.Pending, ct);
        if (proposal is null) return await RefuseAsync(l["Dieser Vorschlag wartet nicht mehr auf Prüfung."], ct);
        var service = proposal.ServiceId is int id ? await ServiceEntry.WithParts(db.HelpServices.Where(s => s.Id == id)).FirstOrDefaultAsync(ct) : null;
        if (proposal.ServiceId is not null && service is null) return await RefuseAsync(l["Das Hilfeangebot dieses Vorschlags gibt es nicht mehr."], ct);
        if (service is not null && service.Version != proposal.BaseVersion)
            return await RefuseAsync(l["Das Hilfeangebot wurde geändert, nachdem der Vorschlag eingereicht wurde. Übernehmen würde diese Änderungen überschreiben; bitte geben Sie den Vorschlag zurück, damit er auf dem neuen Stand wiederholt wird."], ct);
        var input = ServiceSaving.Deserialize(proposal.Content);
        var choices = await ChoicesAsync(proposal.ServiceId, ct);
        if (ServiceEntry.Check(input, choices, "Input") is { Count: > 0 } problems)
            return await RefuseAsync(l["Der Vorschlag kann so nicht übernommen werden: {0}", string.Join(" ", problems.Select(p => l[p.Text, p.Args].Value))], ct);
        db.Entry(proposal).Property(nameof(ServiceProposal.Version)).OriginalValue = ProposalVersion;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var saved = await ServiceSaving.SaveAsync(db, service, proposal.BaseVersion, input, choices, BerlinTime.Today(clock), now, ct,
                (ServiceHistory.ProposalField, null, proposal.SubmittedByName));
            proposal.ServiceId = saved.Id;
            proposal.State = ServiceProposalState.Accepted;
            proposal.DecidedAt = now;
            proposal.DecidedByName = await DeciderAsync(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return await SavedAsync(cache, l["Der Vorschlag für „{0}“ wurde übernommen und ist veröffentlicht.", saved.Name], ServiceUrls.Reviews(Municipality.Slug));
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await RefuseAsync(l["Der Vorschlag oder das Hilfeangebot wurde gerade von jemand anderem geändert. Bitte prüfen Sie erneut."], ct);
        }
    }

    public async Task<IActionResult> OnPostReturnAsync(CancellationToken ct)
    {
        var proposal = await db.ServiceProposals.FirstOrDefaultAsync(p => p.Id == ProposalId && p.State == ServiceProposalState.Pending, ct);
        if (proposal is null) return await RefuseAsync(l["Dieser Vorschlag wartet nicht mehr auf Prüfung."], ct);
        var comment = Comment?.Trim() ?? "";
        if (comment.Length == 0) return await RefuseAsync(l["Bitte schreiben Sie dazu, warum Sie den Vorschlag zurückgeben."], ct, "Comment");
        if (comment.Length > ServiceProposal.MaxCommentLength)
            return await RefuseAsync(l["Bitte kürzen Sie die Rückmeldung auf höchstens {0} Zeichen.", ServiceProposal.MaxCommentLength], ct, "Comment");
        db.Entry(proposal).Property(nameof(ServiceProposal.Version)).OriginalValue = ProposalVersion;
        proposal.State = ServiceProposalState.Returned;
        proposal.Comment = comment;
        proposal.DecidedAt = clock.GetUtcNow();
        proposal.DecidedByName = await DeciderAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await RefuseAsync(l["Der Vorschlag oder das Hilfeangebot wurde gerade von jemand anderem geändert. Bitte prüfen Sie erneut."], ct);
        }
        return await SavedAsync(cache, l["Der Vorschlag wurde mit Ihrer Rückmeldung zurückgegeben."], ServiceUrls.Reviews(Municipality.Slug));
    }

    private async Task<IActionResult> RefuseAsync(string message, CancellationToken ct, string key = "")
    {
        ModelState.AddModelError(key, message);
        await LoadAsync(ct);
        return Page();
    }

    private async Task<string> DeciderAsync(CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
    }

    private async Task<ServiceChoices> ChoicesAsync(int? serviceId, CancellationToken ct)
    {
        var organisations = await db.Stakeholders.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return await ServiceEntry.ChoicesAsync(db, organisations, serviceId, ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var proposals = await db.ServiceProposals.AsNoTracking().Where(p => p.State == ServiceProposalState.Pending)
            .OrderBy(p => p.SubmittedAt).ThenBy(p => p.Id).Take(50).ToListAsync(ct);
        var serviceIds = proposals.Where(p => p.ServiceId is not null).Select(p => p.ServiceId!.Value).Distinct().ToList();
        var services = await ServiceEntry.WithParts(db.HelpServices.AsNoTracking().Where(s => serviceIds.Contains(s.Id))).ToDictionaryAsync(s => s.Id, ct);
        var organisations = await db.Stakeholders.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var topics = await db.ServiceTopics.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var empty = new ServiceInput();
        Items = proposals.Select(p =>
        {
            var current = p.ServiceId is int id && services.TryGetValue(id, out var s) ? s : null;
            var choices = new ServiceChoices(organisations, topics, districts, current?.Locations.Select(a => a.LocationId).ToHashSet() ?? []);
            var before = ServiceEntry.Describe(current is null ? empty : ServiceEntry.ToInput(current), choices);
            var after = ServiceEntry.Describe(ServiceSaving.Deserialize(p.Content), choices);
            var changes = after.Select(a => (Label: (string)l[a.Label], Current: before.First(b => b.Field == a.Field).Value, Proposed: a.Value))
                .Where(c => !string.Equals(c.Current, c.Proposed, StringComparison.Ordinal)).ToList();
            return new Item(p, current?.Name ?? after.First(x => x.Field == "Name").Value, organisations.GetValueOrDefault(p.OrganisationId) ?? "",
                current is not null && current.Version != p.BaseVersion, changes);
        }).ToList();
    }

    public Crumb[] Crumbs() => [new(l["Verwaltung"], ManageUrl()), new(l["Hilfeangebote"], ServiceUrls.List(Municipality.Slug)), new(l["Änderungen zur Prüfung"])];
}
