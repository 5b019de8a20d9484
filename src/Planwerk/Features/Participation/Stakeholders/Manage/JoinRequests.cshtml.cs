using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Mail;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Participation.Stakeholders.Manage;

/// <summary>Join requests for the plan team: the whole team reads them, plan editors and administrators
/// approve or decline with a note. Approving adds the person to the organisation (for a proposal the
/// organisation is created first, unlisted, with the person as its contact). The person is told by mail.</summary>
[Authorize(Policy = Policies.PlanTeam)]
public sealed class JoinRequestsModel(
    PlanwerkDbContext db,
    IAuthorizationService authorization,
    IOutputCacheStore cache,
    MailSender mail,
    TimeProvider clock,
    IStringLocalizer<SharedResource> L,
    ILogger<JoinRequestsModel> logger) : ManagePageModel
{
    public sealed record Row(int Id, string RequesterName, string RequesterEmail, int? StakeholderId, string Organisation, bool Proposed,
        StakeholderKind? Kind, string Description, string Message, JoinRequestState State, DateTimeOffset CreatedAt,
        DateTimeOffset? DecidedAt, string DecisionNote);

    public sealed class DecisionInput
    {
        [StringLength(StakeholderJoinRequest.MaxMessageLength, ErrorMessage = "Die Anmerkung darf höchstens {1} Zeichen lang sein.")]
        [Display(Name = "Anmerkung an die Person")]
        public string? Note { get; set; }
    }

    public IReadOnlyList<Row> Pending { get; private set; } = [];

    public IReadOnlyList<Row> Decided { get; private set; } = [];

    public bool CanDecide { get; private set; }

    /// <summary>The request whose decision was refused, with the note kept in its form.</summary>
    public int? FailedRequestId { get; private set; }

    public string? FailedNote { get; private set; }

    private string PageUrl => ManageUrl("/join-requests");

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <param name="decision">"approve" or "decline": the button pressed.</param>
    public async Task<IActionResult> OnPostDecideAsync(int requestId, string? decision, [Bind(Prefix = "Decision")] DecisionInput input, CancellationToken ct)
    {
        // Reading is for the whole team; deciding only for those who change the registry.
        if (!(await authorization.AuthorizeAsync(User, Policies.PlanEditor)).Succeeded) return Forbid();
        if (decision is not ("approve" or "decline")) return BadRequest();
        var approve = decision == "approve";
        var request = await db.StakeholderJoinRequests.Include(r => r.User).Include(r => r.Stakeholder)
            .FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return NotFound();
        var note = input.Note?.Trim() ?? "";
        if (request.State != JoinRequestState.Pending) return await RefusedAsync(requestId, note, AlreadyDecided(request), ct);
        if (!ModelState.IsValid) return await RefusedAsync(requestId, note, null, ct);

        var proposed = request.StakeholderId is null;
        var organisation = proposed ? request.ProposedName : request.Stakeholder!.Name;
        if (approve && proposed && await db.Stakeholders.AnyAsync(s => s.Name == request.ProposedName, ct))
            return await RefusedAsync(requestId, note, L["Den Akteur „{0}“ gibt es in dieser Kommune schon. Lehnen Sie den Vorschlag mit einem Hinweis ab, damit die Person dort beitritt, oder legen Sie den Akteur unter anderem Namen selbst an.", request.ProposedName], ct);

        var now = clock.GetUtcNow();
        var decidedState = approve ? JoinRequestState.Approved : JoinRequestState.Declined;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Claims the request: when another editor decided it meanwhile, no row is pending any more and
            // nothing of this decision is saved (the transaction holds the claim and the new member together).
            var claimed = await db.StakeholderJoinRequests
                .Where(r => r.Id == requestId && r.State == JoinRequestState.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, decidedState), ct);
            if (claimed == 0)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                var stored = await db.StakeholderJoinRequests.AsNoTracking().FirstAsync(r => r.Id == requestId, ct);
                return await RefusedAsync(requestId, note, AlreadyDecided(stored), ct);
            }

            request.State = decidedState;
            request.DecidedAt = now;
            request.DecidedByUserId = User.FindFirstValue(ClaimTypes.NameIdentifier);
            request.DecisionNote = note;
            if (approve)
            {
                var stakeholder = request.Stakeholder;
                if (stakeholder is null)
                {
                    stakeholder = new Stakeholder
                    {
                        Name = request.ProposedName,
                        Kind = request.ProposedKind ?? StakeholderKind.CivilSocietyInitiative,
                        Description = request.ProposedDescription,
                        IsListed = false,
                    };
                    db.Stakeholders.Add(stakeholder);
                    request.Stakeholder = stakeholder;
                }
                var alreadyMember = stakeholder.Id != 0
                    && await db.StakeholderMembers.AnyAsync(m => m.StakeholderId == stakeholder.Id && m.UserId == request.UserId, ct);
                if (!alreadyMember)
                    db.StakeholderMembers.Add(new StakeholderMember { Stakeholder = stakeholder, UserId = request.UserId, IsContact = proposed, JoinedAt = now });
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        var person = request.User!;
        var told = await TellAsync(person, organisation, approve, note, ct);
        var notice = approve
            ? L["{0} gehört jetzt zu „{1}“.", person.DisplayName, organisation].Value
            : L["Die Anfrage von {0} für „{1}“ ist abgelehnt.", person.DisplayName, organisation].Value;
        if (!told) notice += " " + L["Die E-Mail an {0} konnte nicht gesendet werden.", person.Email ?? ""].Value;
        return await SavedAsync(cache, notice, PageUrl);
    }

    private async Task<bool> TellAsync(PlanwerkUser person, string organisation, bool approved, string note, CancellationToken ct)
    {
        if (person.Email is null) return false;
        var path = approved ? $"/{Municipality.Slug}/my-organisations" : $"/{Municipality.Slug}/stakeholders/join";
        try
        {
            await mail.SendAsync(JoinRequestMails.Decided(L, person.Email, person.DisplayName, organisation, Municipality.Name,
                approved, note, AccountMails.AbsoluteLink(Request, path)), ct);
            return true;
        }
        catch (Exception e)
        {
            // The decision stands; the editor is told, the log keeps the cause.
            logger.LogError(e, "Join request decision mail to user {UserId} could not be sent", person.Id);
            return false;
        }
    }

    private string AlreadyDecided(StakeholderJoinRequest stored) =>
        L["Diese Anfrage wurde inzwischen schon entschieden ({0}). Ihre Entscheidung wurde nicht gespeichert.", L[Moderation.ModerationText.JoinState(stored.State)]];

    private async Task<IActionResult> RefusedAsync(int requestId, string note, string? message, CancellationToken ct)
    {
        if (message is not null) ModelState.AddModelError(string.Empty, message);
        FailedRequestId = requestId;
        FailedNote = note;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanDecide = (await authorization.AuthorizeAsync(User, Policies.PlanEditor)).Succeeded;
        var rows = await db.StakeholderJoinRequests.AsNoTracking()
            .Select(r => new Row(r.Id, r.User!.DisplayName, r.User.Email ?? "", r.StakeholderId,
                r.Stakeholder != null ? r.Stakeholder.Name : r.ProposedName, r.ProposedName != "",
                r.ProposedKind, r.ProposedDescription, r.Message, r.State, r.CreatedAt, r.DecidedAt, r.DecisionNote))
            .ToListAsync(ct);
        Pending = rows.Where(r => r.State == JoinRequestState.Pending).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToList();
        // The last decisions, for reference; the full record stays in the database.
        Decided = rows.Where(r => r.State != JoinRequestState.Pending).OrderByDescending(r => r.DecidedAt).ThenByDescending(r => r.Id).Take(50).ToList();
    }
}
