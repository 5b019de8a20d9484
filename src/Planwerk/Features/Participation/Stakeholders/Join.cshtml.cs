using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.RateLimiting;
using Planwerk.Infrastructure.Security;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Participation.Stakeholders;

/// <summary>A signed-in person asks to join a listed organisation, or proposes a new one for the registry.
/// The plan team decides (see <see cref="Manage.JoinRequestsModel"/>). A second open request for the same
/// organisation, or one for an organisation the person already belongs to, is refused.</summary>
[Authorize(Policy = Policies.SignedIn)]
[EnableRateLimiting(RateLimits.ParticipationWrites)]
public sealed class JoinModel(PlanwerkDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed class JoinInput
    {
        [Required(ErrorMessage = "Bitte wählen Sie eine Organisation aus der Liste.")]
        [Display(Name = "Organisation")]
        public int? StakeholderId { get; set; }

        [StringLength(StakeholderJoinRequest.MaxMessageLength, ErrorMessage = "Die Nachricht darf höchstens {1} Zeichen lang sein.")]
        [Display(Name = "Nachricht an das Planungsteam")]
        public string? Message { get; set; }
    }

    public sealed class ProposeInput
    {
        [Required(ErrorMessage = "Bitte geben Sie den Namen der Organisation an.")]
        [StringLength(Stakeholder.MaxNameLength, ErrorMessage = "Der Name darf höchstens {1} Zeichen lang sein.")]
        [Display(Name = "Name der Organisation")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Bitte wählen Sie die Art aus der Liste.")]
        [Display(Name = "Art")]
        public StakeholderKind? Kind { get; set; }

        [StringLength(Stakeholder.MaxDescriptionLength, ErrorMessage = "Die Beschreibung darf höchstens {1} Zeichen lang sein.")]
        [Display(Name = "Kurzbeschreibung")]
        public string? Description { get; set; }

        [StringLength(StakeholderJoinRequest.MaxMessageLength, ErrorMessage = "Die Nachricht darf höchstens {1} Zeichen lang sein.")]
        [Display(Name = "Nachricht an das Planungsteam")]
        public string? Message { get; set; }
    }

    public sealed record Choice(int Id, string Name, StakeholderKind Kind);

    public sealed record MyRequest(int Id, string Organisation, bool Proposed, JoinRequestState State, DateTimeOffset CreatedAt, string DecisionNote);

    public JoinInput Join { get; private set; } = new();

    public ProposeInput Propose { get; private set; } = new();

    public IReadOnlyList<Choice> Organisations { get; private set; } = [];

    public IReadOnlyList<MyRequest> Requests { get; private set; } = [];

    public CurrentMunicipality Municipality => HttpContext.RequiredMunicipality();

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(int? stakeholder, CancellationToken ct)
    {
        Join.StakeholderId = stakeholder;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostJoinAsync([Bind(Prefix = "Join")] JoinInput input, CancellationToken ct)
    {
        Join = input;
        if (ModelState.TryGetValue("Join.StakeholderId", out var entry) && entry.Errors.Count > 0)
        {
            entry.Errors.Clear();
            ModelState.AddModelError("Join.StakeholderId", L["Bitte wählen Sie eine Organisation aus der Liste."]);
        }
        var stakeholder = input.StakeholderId is int id ? await db.Stakeholders.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.IsListed, ct) : null;
        if (input.StakeholderId is not null && stakeholder is null)
            ModelState.AddModelError("Join.StakeholderId", L["Bitte wählen Sie eine Organisation aus der Liste."]);
        if (stakeholder is not null)
        {
            if (await db.StakeholderMembers.AnyAsync(m => m.StakeholderId == stakeholder.Id && m.UserId == UserId, ct))
                ModelState.AddModelError("Join.StakeholderId", L["Sie gehören schon zu „{0}“.", stakeholder.Name]);
            else if (await db.StakeholderJoinRequests.AnyAsync(r => r.StakeholderId == stakeholder.Id && r.UserId == UserId && r.State == JoinRequestState.Pending, ct))
                ModelState.AddModelError("Join.StakeholderId", L["Ihre Anfrage für „{0}“ liegt dem Planungsteam schon vor.", stakeholder.Name]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        db.StakeholderJoinRequests.Add(new StakeholderJoinRequest
        {
            UserId = UserId,
            StakeholderId = stakeholder!.Id,
            Message = input.Message?.Trim() ?? "",
            State = JoinRequestState.Pending,
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = L["Ihre Anfrage für „{0}“ ist beim Planungsteam. Sie erhalten eine E-Mail, sobald entschieden ist.", stakeholder.Name].Value;
        return LocalRedirect($"/{Municipality.Slug}/stakeholders/join");
    }

    public async Task<IActionResult> OnPostProposeAsync([Bind(Prefix = "Propose")] ProposeInput input, CancellationToken ct)
    {
        Propose = input;
        if (ModelState.TryGetValue("Propose.Kind", out var entry) && entry.Errors.Count > 0)
        {
            entry.Errors.Clear();
            ModelState.AddModelError("Propose.Kind", L["Bitte wählen Sie die Art aus der Liste."]);
        }
        if (input.Kind is { } kind && !Enum.IsDefined(kind))
            ModelState.AddModelError("Propose.Kind", L["Bitte wählen Sie die Art aus der Liste."]);
        var name = input.Name?.Trim() ?? "";
        if (name.Length > 0)
        {
            if (await db.Stakeholders.AnyAsync(s => s.Name == name && s.IsListed, ct))
                ModelState.AddModelError("Propose.Name", L["„{0}“ steht schon in der Liste. Bitte wählen Sie die Organisation oben aus.", name]);
            else if (await db.StakeholderJoinRequests.AnyAsync(r => r.StakeholderId == null && r.ProposedName == name && r.UserId == UserId && r.State == JoinRequestState.Pending, ct))
                ModelState.AddModelError("Propose.Name", L["Ihr Vorschlag „{0}“ liegt dem Planungsteam schon vor.", name]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        db.StakeholderJoinRequests.Add(new StakeholderJoinRequest
        {
            UserId = UserId,
            ProposedName = name,
            ProposedKind = input.Kind,
            ProposedDescription = input.Description?.Trim() ?? "",
            Message = input.Message?.Trim() ?? "",
            State = JoinRequestState.Pending,
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = L["Ihr Vorschlag „{0}“ ist beim Planungsteam. Sie erhalten eine E-Mail, sobald entschieden ist.", name].Value;
        return LocalRedirect($"/{Municipality.Slug}/stakeholders/join");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Organisations = await db.Stakeholders.AsNoTracking().Where(s => s.IsListed)
            .OrderBy(s => s.Name)
            .Select(s => new Choice(s.Id, s.Name, s.Kind))
            .ToListAsync(ct);
        var rows = await db.StakeholderJoinRequests.AsNoTracking().Where(r => r.UserId == UserId)
            .Select(r => new { r.Id, Name = r.Stakeholder != null ? r.Stakeholder.Name : r.ProposedName, r.ProposedName, r.State, r.CreatedAt, r.DecisionNote })
            .ToListAsync(ct);
        Requests = rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new MyRequest(r.Id, r.Name, r.ProposedName.Length > 0, r.State, r.CreatedAt, r.DecisionNote)).ToList();
    }
}
