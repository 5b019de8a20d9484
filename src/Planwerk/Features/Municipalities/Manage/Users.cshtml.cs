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
using Planwerk.Infrastructure.Mail;
using Planwerk.Infrastructure.Security;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Municipalities.Manage;

/// <summary>The people of one municipality and their roles, for its administrators: add a person by
/// email (inviting them when they have no account yet), change a role, remove a person. Everything
/// goes through the request's context, which sees only this municipality's memberships, so no form
/// field can reach another municipality's people.</summary>
[Authorize(Policy = Policies.MunicipalityAdministrator)]
public sealed class UsersModel(
    PlanwerkDbContext db,
    UserManager<PlanwerkUser> users,
    MailSender mail,
    IStringLocalizer<SharedResource> L,
    ILogger<UsersModel> logger) : PageModel
{
    public sealed record Member(int MembershipId, string DisplayName, string Email, MunicipalityRole Role, bool Invited, bool IsSelf);

    public sealed class AddInput
    {
        [Required(ErrorMessage = "Bitte geben Sie die E-Mail-Adresse der Person an.")]
        [EmailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an.")]
        [StringLength(256, ErrorMessage = "Die E-Mail-Adresse darf höchstens {1} Zeichen lang sein.")]
        [Display(Name = "E-Mail-Adresse")]
        public string Email { get; set; } = "";

        [StringLength(200, ErrorMessage = "Der Name darf höchstens {1} Zeichen lang sein.")]
        [Display(Name = "Name")]
        public string? DisplayName { get; set; }

        [Display(Name = "Rolle")]
        public MunicipalityRole Role { get; set; } = MunicipalityRole.PlanEditor;
    }

    public AddInput Input { get; private set; } = new();

    public IReadOnlyList<Member> Members { get; private set; } = [];

    public static IReadOnlyList<MunicipalityRole> Roles { get; } = [MunicipalityRole.PlanEditor, MunicipalityRole.Moderator, MunicipalityRole.CouncilClerk, MunicipalityRole.Counsellor, MunicipalityRole.Administrator];

    private CurrentMunicipality Municipality => HttpContext.RequiredMunicipality();

    private string PageUrl => $"/{Municipality.Slug}/manage/users";

    private string? CurrentUserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync([Bind(Prefix = "Input")] AddInput input, CancellationToken ct)
    {
        Input = input;
        if (!Enum.IsDefined(input.Role)) ModelState.AddModelError("Input.Role", L["Bitte wählen Sie eine Rolle."]);
        if (!ModelState.IsValid) return await PageAsync(ct);

        var email = input.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is not null && await db.Memberships.AnyAsync(m => m.UserId == user.Id, ct))
        {
            ModelState.AddModelError("Input.Email", L["{0} gehört schon zu {1}. Die Rolle ändern Sie in der Liste.", email, Municipality.Name]);
            return await PageAsync(ct);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            if (user is null)
            {
                var name = string.IsNullOrWhiteSpace(input.DisplayName) ? email : input.DisplayName.Trim();
                user = new PlanwerkUser { UserName = email, Email = email, DisplayName = name };
                var created = await users.CreateAsync(user);
                if (!created.Succeeded)
                {
                    foreach (var error in created.Errors) ModelState.AddModelError("Input.Email", error.Description);
                    return await PageAsync(ct);
                }
            }
            db.Memberships.Add(new MunicipalityMembership { UserId = user.Id, Role = input.Role });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        var sent = await NotifyAsync(user, input.Role, ct);
        TempData["Notice"] = (sent
            ? L["{0} wurde als {1} hinzugefügt und per E-Mail benachrichtigt.", email, L[AccountText.Role(input.Role)]]
            : L["{0} wurde als {1} hinzugefügt, aber die E-Mail konnte nicht gesendet werden. Die Person kann über „Passwort vergessen“ selbst ein Passwort festlegen.", email, L[AccountText.Role(input.Role)]]).Value;
        return LocalRedirect(PageUrl);
    }

    public async Task<IActionResult> OnPostChangeRoleAsync(int membershipId, MunicipalityRole role, CancellationToken ct)
    {
        ModelState.Clear();
        var membership = await db.Memberships.Include(m => m.User).FirstOrDefaultAsync(m => m.Id == membershipId, ct);
        if (membership is null) return await RefuseAsync(L["Diese Person gehört nicht (mehr) zu {0}.", Municipality.Name], ct);
        if (!Enum.IsDefined(role)) return await RefuseAsync(L["Bitte wählen Sie eine Rolle."], ct);
        if (membership.Role == role) return LocalRedirect(PageUrl);
        if (membership.Role == MunicipalityRole.Administrator && !await OtherAdministratorExistsAsync(membership.UserId, ct))
            return await RefuseAsync(LastAdministrator(membership), ct);

        membership.Role = role;
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = L["{0} ist jetzt {1}.", membership.User?.DisplayName ?? "", L[AccountText.Role(role)]].Value;
        // Who gave up their own administration cannot see this page any more.
        return LocalRedirect(membership.UserId == CurrentUserId && role != MunicipalityRole.Administrator ? "/account" : PageUrl);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int membershipId, CancellationToken ct)
    {
        ModelState.Clear();
        var membership = await db.Memberships.Include(m => m.User).FirstOrDefaultAsync(m => m.Id == membershipId, ct);
        if (membership is null) return await RefuseAsync(L["Diese Person gehört nicht (mehr) zu {0}.", Municipality.Name], ct);
        if (membership.Role == MunicipalityRole.Administrator && !await OtherAdministratorExistsAsync(membership.UserId, ct))
            return await RefuseAsync(LastAdministrator(membership), ct);

        // The person leaves the municipality with every role they held here; their account stays.
        db.Memberships.RemoveRange(await db.Memberships.Where(m => m.UserId == membership.UserId).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        // Their sign-ins end at once: whatever a page still held open for them in this municipality is gone with
        // the next request, and they sign in again for anything else. Who removed themselves keeps this session.
        await UserSessions.EndAllAsync(db, membership.UserId, membership.UserId == CurrentUserId ? UserSessions.CurrentId(User) : null, ct);
        TempData["Notice"] = L["{0} gehört nicht mehr zu {1}.", membership.User?.DisplayName ?? "", Municipality.Name].Value;
        return LocalRedirect(membership.UserId == CurrentUserId ? "/account" : PageUrl);
    }

    /// <summary>Sends the set-password link again to a person who has not set a password yet.</summary>
    public async Task<IActionResult> OnPostResendAsync(int membershipId, CancellationToken ct)
    {
        ModelState.Clear();
        var membership = await db.Memberships.Include(m => m.User).FirstOrDefaultAsync(m => m.Id == membershipId, ct);
        if (membership?.User is null) return await RefuseAsync(L["Diese Person gehört nicht (mehr) zu {0}.", Municipality.Name], ct);
        if (await users.HasPasswordAsync(membership.User))
            return await RefuseAsync(L["{0} hat schon ein Passwort festgelegt.", membership.User.DisplayName], ct);

        var sent = await NotifyAsync(membership.User, membership.Role, ct);
        TempData["Notice"] = (sent
            ? L["Die Einladung an {0} wurde erneut gesendet.", membership.User.Email ?? ""]
            : L["Die E-Mail an {0} konnte nicht gesendet werden. Bitte versuchen Sie es später erneut.", membership.User.Email ?? ""]).Value;
        return LocalRedirect(PageUrl);
    }

    private string LastAdministrator(MunicipalityMembership membership) =>
        L["{0} ist die einzige Person mit der Rolle Administrator/in in {1}. Ernennen Sie zuerst eine weitere Person zur Administratorin oder zum Administrator.",
            membership.User?.DisplayName ?? "", Municipality.Name];

    private Task<bool> OtherAdministratorExistsAsync(string userId, CancellationToken ct) =>
        db.Memberships.AnyAsync(m => m.Role == MunicipalityRole.Administrator && m.UserId != userId, ct);

    /// <summary>Tells the person by mail: an account without a password gets the link to set one,
    /// an existing account is told where it now has a role. False when the mail could not be sent.</summary>
    private async Task<bool> NotifyAsync(PlanwerkUser user, MunicipalityRole role, CancellationToken ct)
    {
        try
        {
            var message = await users.HasPasswordAsync(user)
                ? AccountMails.RoleGranted(L, user, Municipality.Name, role, AccountMails.AbsoluteLink(Request, "/account/login"))
                : AccountMails.Invitation(L, user.Email!, Municipality.Name, role,
                    await AccountMails.PasswordLinkAsync(users, user, Request), AccountMails.AbsoluteLink(Request, "/account/forgot-password"));
            await mail.SendAsync(message, ct);
            return true;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Mail to user {UserId} about municipality {Municipality} could not be sent", user.Id, Municipality.Slug);
            return false;
        }
    }

    private async Task<IActionResult> RefuseAsync(string message, CancellationToken ct)
    {
        ModelState.AddModelError(string.Empty, message);
        return await PageAsync(ct);
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var me = CurrentUserId;
        Members = await db.Memberships.AsNoTracking()
            .OrderBy(m => m.User!.DisplayName).ThenBy(m => m.User!.Email).ThenBy(m => m.Id)
            .Select(m => new Member(m.Id, m.User!.DisplayName, m.User.Email ?? "", m.Role, m.User.PasswordHash == null, m.UserId == me))
            .ToListAsync(ct);
    }
}
