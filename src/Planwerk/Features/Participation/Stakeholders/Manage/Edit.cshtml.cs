using System.ComponentModel.DataAnnotations;
using System.Globalization;
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

/// <summary>One organisation of the registry for plan editors: its details, its members (remove, mark as
/// contact) and the invitation of a contact by mail. "new" creates one.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class EditModel(
    PlanwerkDbContext db,
    IOutputCacheStore cache,
    MailSender mail,
    TimeProvider clock,
    IStringLocalizer<SharedResource> L,
    ILogger<EditModel> logger) : ManagePageModel
{
    public sealed class StakeholderInput : ContactFields
    {
        [Required(ErrorMessage = "Bitte geben Sie den Namen der Organisation an.")]
        [StringLength(Stakeholder.MaxNameLength, ErrorMessage = "Der Name darf höchstens {1} Zeichen lang sein.")]
        public string? Name { get; set; }

        public StakeholderKind Kind { get; set; }

        [StringLength(Stakeholder.MaxDescriptionLength, ErrorMessage = "Die Kurzbeschreibung darf höchstens {1} Zeichen lang sein.")]
        public string? Description { get; set; }

        public bool IsListed { get; set; }
    }

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Bitte geben Sie die E-Mail-Adresse der Person an.")]
        [EmailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an.")]
        [StringLength(256, ErrorMessage = "Die E-Mail-Adresse darf höchstens {1} Zeichen lang sein.")]
        public string? Email { get; set; }
    }

    public sealed record MemberRow(int Id, string DisplayName, string Email, bool IsContact, bool IsReporter);

    public sealed record InvitationRow(string Email, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt);

    public StakeholderInput Input { get; private set; } = new();

    public InviteInput Invite { get; private set; } = new();

    public int? StakeholderId { get; private set; }

    public string StoredName { get; private set; } = "";

    public IReadOnlyList<MemberRow> Members { get; private set; } = [];

    public IReadOnlyList<InvitationRow> Invitations { get; private set; } = [];

    public DateTimeOffset Now => clock.GetUtcNow();

    public string PageUrl => StakeholderId is int id ? ManageUrl(string.Create(CultureInfo.InvariantCulture, $"/stakeholders/{id}")) : ManageUrl("/stakeholders/new");

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id)) return NotFound();
        if (id is null) return Page();
        if (await FindAsync(id.Value, ct) is not { } stakeholder) return NotFound();
        Input = ToInput(stakeholder);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, [Bind(Prefix = "Input")] StakeholderInput input, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id)) return NotFound();
        Input = input;
        var stakeholder = id is null ? null : await FindAsync(id.Value, ct);
        if (id is not null && stakeholder is null) return NotFound();
        NameTheChoice("Input.Kind", L["Bitte wählen Sie die Art aus der Liste."]);
        if (!Enum.IsDefined(input.Kind) && !ModelState.ContainsKey("Input.Kind")) ModelState.AddModelError("Input.Kind", L["Bitte wählen Sie die Art aus der Liste."]);
        var name = input.Name?.Trim() ?? "";
        if (name.Length > 0 && await db.Stakeholders.AnyAsync(s => s.Name == name && s.Id != (id ?? 0), ct))
            ModelState.AddModelError("Input.Name", L["Den Akteur „{0}“ gibt es in dieser Kommune schon.", name]);
        if (stakeholder is not null && stakeholder.Version != input.Version) ShowConflict(stakeholder);
        if (!ModelState.IsValid || Conflict is not null) return Page();

        if (stakeholder is null)
        {
            stakeholder = new Stakeholder { Name = name };
            db.Stakeholders.Add(stakeholder);
        }
        else
        {
            ExpectVersion(db, stakeholder, input.Version);
        }
        Apply(stakeholder, input, name);
        return await SaveEditAsync(db, cache, reason: null,
            save: () => db.SaveChangesAsync(ct),
            reload: () => FindAsync(id!.Value, ct),
            showConflict: ShowConflict,
            saved: () => (L["„{0}“ wurde gespeichert.", stakeholder.Name],
                ManageUrl(string.Create(CultureInfo.InvariantCulture, $"/stakeholders/{stakeholder.Id}"))));
    }

    public async Task<IActionResult> OnPostContactAsync(string key, int memberId, bool contact, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id) || id is null || await FindAsync(id.Value, ct) is not { } stakeholder) return NotFound();
        var member = await db.StakeholderMembers.Include(m => m.User).FirstOrDefaultAsync(m => m.Id == memberId && m.StakeholderId == stakeholder.Id, ct);
        if (member is null) return NotFound();
        member.IsContact = contact;
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, contact
            ? L["{0} ist jetzt Ansprechperson.", member.User?.DisplayName ?? ""]
            : L["{0} ist keine Ansprechperson mehr.", member.User?.DisplayName ?? ""], PageUrl);
    }

    public async Task<IActionResult> OnPostReporterAsync(string key, int memberId, bool reporter, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id) || id is null || await FindAsync(id.Value, ct) is not { } stakeholder) return NotFound();
        var member = await db.StakeholderMembers.Include(m => m.User).FirstOrDefaultAsync(m => m.Id == memberId && m.StakeholderId == stakeholder.Id, ct);
        if (member is null) return NotFound();
        member.IsReporter = reporter;
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, StakeholderText.ReporterNotice(L, member.User?.DisplayName ?? "", reporter), PageUrl);
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(string key, int memberId, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id) || id is null || await FindAsync(id.Value, ct) is not { } stakeholder) return NotFound();
        var member = await db.StakeholderMembers.Include(m => m.User).FirstOrDefaultAsync(m => m.Id == memberId && m.StakeholderId == stakeholder.Id, ct);
        if (member is null) return NotFound();
        db.StakeholderMembers.Remove(member);
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, L["{0} gehört nicht mehr zu „{1}“.", member.User?.DisplayName ?? "", stakeholder.Name], PageUrl);
    }

    public async Task<IActionResult> OnPostInviteAsync(string key, [Bind(Prefix = "Invite")] InviteInput invite, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id) || id is null || await FindAsync(id.Value, ct) is not { } stakeholder) return NotFound();
        Input = ToInput(stakeholder);
        Invite = invite;
        if (!ModelState.IsValid) return Page();

        var token = InvitationTokens.NewToken();
        var now = clock.GetUtcNow();
        var invitation = new StakeholderInvitation
        {
            StakeholderId = stakeholder.Id,
            Email = invite.Email!.Trim(),
            TokenHash = InvitationTokens.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + StakeholderInvitation.Lifetime,
            InvitedByUserId = User.FindFirstValue(ClaimTypes.NameIdentifier),
        };
        db.StakeholderInvitations.Add(invitation);
        await db.SaveChangesAsync(ct);

        var link = AccountMails.AbsoluteLink(Request, "/" + Municipality.Slug + "/invitations/" + token);
        try
        {
            await mail.SendAsync(StakeholderMails.Invitation(L, invitation.Email, stakeholder.Name, Municipality.Name, link, invitation.ExpiresAt), ct);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException or InvalidOperationException)
        {
            logger.LogWarning(e, "Invitation mail to {Recipient} could not be sent", invitation.Email);
            // The link is lost with the unsent mail; an invitation nobody can follow is removed again.
            db.StakeholderInvitations.Remove(invitation);
            await db.SaveChangesAsync(ct);
            ModelState.AddModelError("Invite.Email", L["Die E-Mail an {0} konnte nicht gesendet werden. Bitte versuchen Sie es später erneut.", invitation.Email]);
            return Page();
        }
        TempData[NoticeKey] = L["Die Einladung an {0} wurde gesendet.", invitation.Email].Value;
        return Redirect(PageUrl);
    }

    private static StakeholderInput ToInput(Stakeholder s)
    {
        var input = new StakeholderInput { Name = s.Name, Kind = s.Kind, Description = s.Description, IsListed = s.IsListed };
        input.ReadContact(s);
        return input;
    }

    private static void Apply(Stakeholder s, StakeholderInput input, string name)
    {
        s.Name = name;
        s.Kind = input.Kind;
        s.Description = input.Description?.Trim() ?? "";
        input.WriteContact(s);
        s.IsListed = input.IsListed;
    }

    private void ShowConflict(Stakeholder stored)
    {
        ModelState.AddModelError("", L["Dieser Eintrag wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        Conflict = Input.CompareContact(new EditConflict()
            .Compare(L["Name"], Input.Name, stored.Name)
            .Compare(L["Art"], L[StakeholderText.Kind(Input.Kind)], L[StakeholderText.Kind(stored.Kind)])
            .Compare(L["Kurzbeschreibung"], Input.Description, stored.Description), stored, L)
            .Compare(L["Öffentlich gelistet"], Input.IsListed ? L["ja"] : L["nein"], stored.IsListed ? L["ja"] : L["nein"]);
        ModelState.Remove("Input.Version");
        Input.Version = stored.Version;
    }

    private async Task<Stakeholder?> FindAsync(int id, CancellationToken ct)
    {
        var stakeholder = await db.Stakeholders.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (stakeholder is null) return null;
        StakeholderId = id;
        StoredName = stakeholder.Name;
        Members = await db.StakeholderMembers.AsNoTracking().Where(m => m.StakeholderId == id)
            .OrderBy(m => m.User!.DisplayName)
            .Select(m => new MemberRow(m.Id, m.User!.DisplayName, m.User.Email ?? "", m.IsContact, m.IsReporter))
            .ToListAsync(ct);
        Invitations = await db.StakeholderInvitations.AsNoTracking().Where(i => i.StakeholderId == id)
            .OrderByDescending(i => i.CreatedAt)
            .Select(i => new InvitationRow(i.Email, i.ExpiresAt, i.UsedAt))
            .ToListAsync(ct);
        return stakeholder;
    }
}
