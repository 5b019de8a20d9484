using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Participation.Stakeholders;

/// <summary>Following an invitation link. Signed in, the person accepts and becomes a member (and contact) of
/// the organisation; otherwise they create an account for the invited address, which the link confirms, or
/// sign in and come back. An unknown, used or expired link changes nothing.</summary>
[AllowAnonymous]
public sealed class InvitationModel(
    PlanwerkDbContext db,
    UserManager<PlanwerkUser> users,
    SignInManager<PlanwerkUser> signIn,
    TimeProvider clock,
    IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed class AccountInput
    {
        [Required(ErrorMessage = "Bitte geben Sie Ihren Namen an.")]
        [StringLength(200, ErrorMessage = "Der Name darf höchstens {1} Zeichen lang sein.")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Bitte geben Sie ein Passwort an.")]
        [StringLength(200, ErrorMessage = "Das Passwort darf höchstens {1} Zeichen lang sein.")]
        [DataType(DataType.Password)]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Bitte wiederholen Sie das Passwort.")]
        [Compare(nameof(Password), ErrorMessage = "Die beiden Passwörter stimmen nicht überein.")]
        [DataType(DataType.Password)]
        public string? ConfirmPassword { get; set; }
    }

    public AccountInput Input { get; private set; } = new();

    /// <summary>Null when the link is unknown, used or expired.</summary>
    public StakeholderInvitation? Invitation { get; private set; }

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public string LoginUrl => "/account/login" + QueryString.Create("returnUrl", Request.Path.Value ?? "/");

    public CurrentMunicipality Municipality => HttpContext.RequiredMunicipality();

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        await FindAsync(token, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(string token, CancellationToken ct)
    {
        if (await FindAsync(token, ct) is not { } invitation) return Page();
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return Challenge();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await UseAsync(invitation, userId, ct)) return Page();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Joined(invitation);
    }

    public async Task<IActionResult> OnPostRegisterAsync(string token, [Bind(Prefix = "Input")] AccountInput input, CancellationToken ct)
    {
        Input = input;
        if (await FindAsync(token, ct) is not { } invitation) return Page();
        if (SignedIn) return Page();
        if (!ModelState.IsValid) return Page();
        if (await users.FindByEmailAsync(invitation.Email) is not null)
        {
            ModelState.AddModelError("", L["Zu {0} gibt es schon ein Konto. Bitte melden Sie sich an; danach nehmen Sie die Einladung über denselben Link an.", invitation.Email]);
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The invited address is confirmed by the link that reached it.
        var user = new PlanwerkUser { UserName = invitation.Email, Email = invitation.Email, EmailConfirmed = true, DisplayName = input.DisplayName!.Trim() };
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors) ModelState.AddModelError("Input.Password", error.Description);
            return Page();
        }
        if (!await UseAsync(invitation, user.Id, ct)) return Page();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await signIn.SignInAsync(user, isPersistent: false);
        return Joined(invitation);
    }

    private RedirectResult Joined(StakeholderInvitation invitation)
    {
        TempData["Notice"] = L["Sie sind jetzt Mitglied von „{0}“.", invitation.Stakeholder!.Name].Value;
        return Redirect("/" + Municipality.Slug + "/my-organisations");
    }

    /// <summary>Marks the invitation used, unless someone used it meanwhile, and adds the member. The
    /// conditional update makes a second use of the same link fail even when both arrive at once.</summary>
    private async Task<bool> UseAsync(StakeholderInvitation invitation, string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var marked = await db.StakeholderInvitations
            .Where(i => i.Id == invitation.Id && i.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, now).SetProperty(i => i.UsedByUserId, userId), ct);
        if (marked == 0)
        {
            Invitation = null;
            return false;
        }
        var member = await db.StakeholderMembers.FirstOrDefaultAsync(m => m.StakeholderId == invitation.StakeholderId && m.UserId == userId, ct);
        if (member is null)
            db.StakeholderMembers.Add(new StakeholderMember { StakeholderId = invitation.StakeholderId, UserId = userId, IsContact = true, JoinedAt = now });
        else
            member.IsContact = true;
        return true;
    }

    private async Task<StakeholderInvitation?> FindAsync(string token, CancellationToken ct)
    {
        var hash = InvitationTokens.Hash(token ?? "");
        var invitation = await db.StakeholderInvitations.Include(i => i.Stakeholder).FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        Invitation = invitation is not null && invitation.IsOpen(clock.GetUtcNow()) ? invitation : null;
        return Invitation;
    }
}
