using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Mail;
using Planwerk.Infrastructure.RateLimiting;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Participation.Workshops;

/// <summary>The public page of a workshop: time, place, description, working groups, places left, and once
/// published the minutes and results. Signed-in people register here (a working group, optionally for one
/// of their organisations) and cancel. The online link is shown only to those with a confirmed place.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
[EnableRateLimiting(RateLimits.ParticipationWrites)]
public sealed class DetailsModel(
    PlanwerkDbContext db,
    IOutputCacheStore cache,
    MailSender mail,
    IOptions<MailOptions> mailOptions,
    TimeProvider clock,
    IStringLocalizer<SharedResource> L,
    ILogger<DetailsModel> logger) : PageModel
{
    public sealed record Group(int Id, string Title, string Description, string? FieldTitle, string Results);

    public sealed record Organisation(int Id, string Name);

    public Workshop Workshop { get; private set; } = null!;

    public string? PlanTitle { get; private set; }

    public IReadOnlyList<Group> Groups { get; private set; } = [];

    public int ConfirmedCount { get; private set; }

    public int WaitingCount { get; private set; }

    public int PlacesLeft => Math.Max(0, Workshop.Capacity - ConfirmedCount);

    /// <summary>The signed-in person's registration (not cancelled), if any.</summary>
    public WorkshopRegistration? Mine { get; private set; }

    /// <summary>Place on the waiting list (1 = next), when waiting.</summary>
    public int? WaitingPosition { get; private set; }

    public IReadOnlyList<Organisation> MyOrganisations { get; private set; } = [];

    public DateTimeOffset Now => clock.GetUtcNow();

    public bool RegistrationOpen => WorkshopRegistrations.IsOpen(Workshop, Now);

    public bool ShowOnlineLink => Mine?.State == RegistrationState.Confirmed && Workshop.OnlineUrl.Length > 0;

    public bool ResultsPublic => Workshop.ResultsPublishedAt is not null && Workshop.CancelledAt is null;

    public CurrentMunicipality Municipality => HttpContext.RequiredMunicipality();

    public string PageUrl => FormattableString.Invariant($"/{Municipality.Slug}/workshops/{Workshop.Id}");

    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRegisterAsync(int id, int? workingGroupId, int? stakeholderId, CancellationToken ct)
    {
        if (UserId is not { } userId) return Challenge();
        if (!await LoadAsync(id, ct)) return NotFound();
        if (workingGroupId is int g && Groups.All(x => x.Id != g))
            ModelState.AddModelError("workingGroupId", L["Bitte wählen Sie die Arbeitsgruppe aus der Liste."]);
        if (stakeholderId is int s && MyOrganisations.All(x => x.Id != s))
            ModelState.AddModelError("stakeholderId", L["Bitte wählen Sie eine Organisation, der Sie angehören, oder melden Sie sich persönlich an."]);
        if (!ModelState.IsValid) return Page();

        var (outcome, registration) = await WorkshopRegistrations.RegisterAsync(db, id, userId, stakeholderId, workingGroupId, Now, ct);
        switch (outcome)
        {
            case RegistrationOutcome.NotFound:
                return NotFound();
            case RegistrationOutcome.Closed:
                ModelState.AddModelError("", Workshop.CancelledAt is not null
                    ? L["Die Veranstaltung ist abgesagt; eine Anmeldung ist nicht möglich."]
                    : L["Die Veranstaltung hat schon begonnen; eine Anmeldung ist nicht mehr möglich."]);
                return Page();
            case RegistrationOutcome.AlreadyRegistered:
                ModelState.AddModelError("", L["Sie sind für diese Veranstaltung schon angemeldet."]);
                return Page();
        }
        var confirmed = outcome == RegistrationOutcome.Confirmed;
        await Notifier().SendAsync(Workshop, [registration!], confirmed ? WorkshopNotifier.Kind.Confirmed : WorkshopNotifier.Kind.Waiting, ct: ct);
        return await DoneAsync(confirmed
            ? L["Ihre Anmeldung ist bestätigt. Sie erhalten eine E-Mail mit dem Kalendereintrag."]
            : L["Die Veranstaltung ist ausgebucht. Sie stehen auf der Warteliste und erhalten eine E-Mail, wenn Sie nachrücken."], ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct)
    {
        if (UserId is not { } userId) return Challenge();
        if (!await LoadAsync(id, ct)) return NotFound();
        var (cancelled, movedUp) = await WorkshopRegistrations.CancelAsync(db, id, userId, Now, ct);
        if (cancelled is null)
        {
            ModelState.AddModelError("", RegistrationOpen
                ? L["Sie sind für diese Veranstaltung nicht angemeldet."]
                : L["Die Veranstaltung hat schon begonnen oder ist abgesagt; eine Abmeldung ist nicht mehr nötig."]);
            return Page();
        }
        var notifier = Notifier();
        await notifier.SendAsync(Workshop, [cancelled], WorkshopNotifier.Kind.RegistrationCancelled, ct: ct);
        await notifier.SendAsync(Workshop, movedUp, WorkshopNotifier.Kind.MovedUp, ct: ct);
        return await DoneAsync(L["Sie haben sich abgemeldet."], ct);
    }

    private async Task<IActionResult> DoneAsync(string notice, CancellationToken ct)
    {
        await PublicPageCache.EvictMunicipalityAsync(cache, Municipality.Slug, ct);
        TempData[ManagePageModel.NoticeKey] = notice;
        return Redirect(PageUrl);
    }

    private WorkshopNotifier Notifier() => new(db, mail, mailOptions, L, logger, Request, Municipality.Slug, Now);

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var workshop = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (workshop is null) return false;
        Workshop = workshop;
        PlanTitle = workshop.PlanId is int planId ? await db.Plans.Where(p => p.Id == planId && p.IsPublic).Select(p => p.Title).FirstOrDefaultAsync(ct) : null;
        Groups = await db.WorkingGroups.AsNoTracking().Where(g => g.WorkshopId == id).OrderBy(g => g.Position).ThenBy(g => g.Id)
            .Select(g => new Group(g.Id, g.Title, g.Description, g.FieldOfAction == null ? null : g.FieldOfAction.Title, g.Results))
            .ToListAsync(ct);
        var counts = await db.WorkshopRegistrations.Where(r => r.WorkshopId == id && r.State != RegistrationState.Cancelled)
            .GroupBy(r => r.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        ConfirmedCount = counts.FirstOrDefault(c => c.Key == RegistrationState.Confirmed)?.Count ?? 0;
        WaitingCount = counts.FirstOrDefault(c => c.Key == RegistrationState.Waiting)?.Count ?? 0;
        if (UserId is { } userId)
        {
            Mine = await db.WorkshopRegistrations.AsNoTracking().Include(r => r.WorkingGroup).Include(r => r.Stakeholder)
                .FirstOrDefaultAsync(r => r.WorkshopId == id && r.UserId == userId && r.State != RegistrationState.Cancelled, ct);
            if (Mine is { State: RegistrationState.Waiting })
                WaitingPosition = 1 + await db.WorkshopRegistrations.CountAsync(r => r.WorkshopId == id && r.State == RegistrationState.Waiting
                    && (r.RegisteredAt < Mine.RegisteredAt || (r.RegisteredAt == Mine.RegisteredAt && r.Id < Mine.Id)), ct);
            MyOrganisations = await db.StakeholderMembers.AsNoTracking().Where(m => m.UserId == userId)
                .OrderBy(m => m.Stakeholder!.Name).Select(m => new Organisation(m.StakeholderId, m.Stakeholder!.Name)).ToListAsync(ct);
        }
        return true;
    }
}
