using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Services.Content;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Services.Manage;

/// <summary>A whole service entry in one form (new at <c>…/services/new</c>): texts in German, status, topics, languages
/// offered, who may use it, places with their hours, the service's own hours and contacts. The plan team may edit every
/// service of the municipality, a member of an organisation that organisation's services. Checked as a whole
/// (<see cref="ServiceEntry.Check"/>, each problem at its field) and saved against the version the form was loaded with
/// (a stale form shows what changed and saves nothing). A saved edit marks the service checked today and is recorded in
/// its history; when the organisation's changes are reviewed, a member's save becomes a <see cref="ServiceProposal"/>
/// and the service stays as it is until the plan team accepts it.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ServiceEditModel(PlanwerkDbContext db, IAuthorizationService authorization, IOutputCacheStore cache, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : ManagePageModel
{
    [BindProperty]
    public ServiceInput Input { get; set; } = new();

    /// <summary>The service's version the form was loaded with.</summary>
    [BindProperty]
    public int Version { get; set; }

    public int? ServiceId { get; private set; }

    public string StoredName { get; private set; } = "";

    public DateOnly? LastCheckedOn { get; private set; }

    public bool IsPlanTeam { get; private set; }

    /// <summary>A save by this person waits for the plan team's review.</summary>
    public bool Reviewed { get; private set; }

    public int PendingProposals { get; private set; }

    public ServiceChoices Choices { get; private set; } = null!;

    private HelpService? stored;

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (await LoadAsync(key, ct) is { } refusal) return refusal;
        if (stored is not null)
        {
            Input = ServiceEntry.ToInput(stored);
            Version = stored.Version;
        }
        else
        {
            Input = new ServiceInput { OrganisationId = Choices.Organisations.Count == 1 ? Choices.Organisations.Keys.First() : null };
        }
        ServiceSaving.AddSpareRows(Input);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken ct)
    {
        if (await LoadAsync(key, ct) is { } refusal) return refusal;
        if (!ModelState.IsValid)
        {
            // Something could not be read (a time or a number): shown as typed, nothing checked further.
            return Page();
        }
        ServiceSaving.DropBlankRows(Input);
        var problems = ServiceEntry.Check(Input, Choices, nameof(Input));
        if (problems.Count > 0)
        {
            // The rows were renumbered without the blank ones: the form is shown from the entry, not from what was posted.
            ModelState.Clear();
            foreach (var problem in problems) ModelState.AddModelError(problem.Key, l[problem.Text, problem.Args]);
            ServiceSaving.AddSpareRows(Input);
            return Page();
        }
        if (stored is not null && stored.Version != Version) return ShowConflict();
        var now = clock.GetUtcNow();
        int[] concerned = stored is null ? [Input.OrganisationId!.Value] : [Input.OrganisationId!.Value, stored.OrganisationId];
        if (!IsPlanTeam && await ServiceSaving.IsReviewedAsync(db, concerned, ct))
        {
            db.ServiceProposals.Add(new ServiceProposal
            {
                OrganisationId = stored?.OrganisationId ?? Input.OrganisationId!.Value, ServiceId = stored?.Id, BaseVersion = stored?.Version,
                Content = ServiceSaving.Serialize(Input), State = ServiceProposalState.Pending,
                SubmittedById = User.FindFirstValue(ClaimTypes.NameIdentifier),
                SubmittedByName = await db.Users.Where(u => u.Id == User.FindFirstValue(ClaimTypes.NameIdentifier)).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "",
                SubmittedAt = now,
            });
            await db.SaveChangesAsync(ct);
            TempData[NoticeKey] = l["Ihre Änderung wurde gespeichert und wartet auf die Prüfung durch das Planungsteam. Bis dahin bleibt das Hilfeangebot, wie es ist."].Value;
            return Redirect(ServiceUrls.List(Municipality.Slug));
        }
        var tracked = stored is null ? null : await ServiceEntry.WithParts(db.HelpServices.Where(s => s.Id == stored.Id)).FirstOrDefaultAsync(ct);
        if (stored is not null && tracked is null) return NotFound();
        HelpService? saved = null;
        return await SaveEditAsync(db, cache, null,
            async () => saved = await ServiceSaving.SaveAsync(db, tracked, stored is null ? null : Version, Input, Choices, BerlinTime.Today(clock), now, ct),
            async () => stored is null ? null : await ServiceEntry.WithParts(db.HelpServices.AsNoTracking().Where(s => s.Id == stored.Id)).FirstOrDefaultAsync(ct),
            s =>
            {
                stored = s;
                ShowConflict();
            },
            () => (l["Das Hilfeangebot „{0}“ wurde gespeichert.", saved!.Name], ServiceUrls.Edit(Municipality.Slug, saved.Id)));
    }

    /// <summary>Someone saved the service since the form was loaded: the stored entry beside the editor's, part by part;
    /// the next save replaces it.</summary>
    private PageResult ShowConflict()
    {
        ModelState.Clear();
        ModelState.AddModelError("", l["Dieses Hilfeangebot wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        var yours = ServiceEntry.Describe(Input, Choices);
        var theirs = ServiceEntry.Describe(ServiceEntry.ToInput(stored!), Choices);
        Conflict = new EditConflict();
        foreach (var part in yours) Conflict.Compare(l[part.Label], part.Value, theirs.First(p => p.Field == part.Field).Value);
        Version = stored!.Version;
        ServiceSaving.AddSpareRows(Input);
        return Page();
    }

    /// <summary>Reads the service (null for <c>new</c>) and what this person may choose; a refusal when they may not.</summary>
    private async Task<IActionResult?> LoadAsync(string key, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id)) return NotFound();
        IsPlanTeam = await ServiceEditors.IsPlanTeamAsync(authorization, User);
        var organisations = await ServiceSaving.OrganisationsAsync(db, User, IsPlanTeam, ct);
        if (id is int serviceId)
        {
            stored = await ServiceEntry.WithParts(db.HelpServices.AsNoTracking().Where(s => s.Id == serviceId)).FirstOrDefaultAsync(ct);
            if (stored is null) return NotFound();
            if (!IsPlanTeam && !organisations.ContainsKey(stored.OrganisationId)) return Forbid();
            (ServiceId, StoredName, LastCheckedOn) = (stored.Id, stored.Name, stored.LastCheckedOn);
            PendingProposals = await db.ServiceProposals.CountAsync(p => p.ServiceId == serviceId && p.State == ServiceProposalState.Pending, ct);
        }
        else if (organisations.Count == 0)
        {
            return Forbid();
        }
        Choices = await ServiceEntry.ChoicesAsync(db, organisations, id, ct);
        Reviewed = !IsPlanTeam && await ServiceSaving.IsReviewedAsync(db, stored is null ? organisations.Keys : [stored.OrganisationId], ct);
        return null;
    }

    public Crumb[] Crumbs() =>
    [
        new(l["Verwaltung"], ManageUrl()), new(l["Hilfeangebote"], ServiceUrls.List(Municipality.Slug)),
        new(ServiceId is null ? l["Neues Hilfeangebot"] : StoredName),
    ];
}
