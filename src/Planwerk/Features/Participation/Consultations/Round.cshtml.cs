using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Participation.Consultations;

/// <summary>The public page of a round: what is consulted, until when, who may take part and how, and for
/// a signed-in visitor who may, the way to write a statement. Anonymous views are cached; the cache is
/// varied by the rounds' state (<see cref="RoundPageCache"/>), so "open" is never shown after the close.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = RoundPageCache.PolicyName)]
public sealed class RoundModel(PlanwerkDbContext db, TimeProvider clock) : PageModel
{
    public ConsultationRound Round { get; private set; } = null!;

    public string PlanTitle { get; private set; } = "";

    public bool PlanIsPublic { get; private set; }

    public string VersionName { get; private set; } = "";

    public RoundState State { get; private set; }

    public IReadOnlyList<string> InvitedOrganisations { get; private set; } = [];

    public bool SignedIn { get; private set; }

    public Participation Participation { get; private set; } = Participation.None;

    public int MyStatements { get; private set; }

    public CurrentMunicipality Municipality => HttpContext.RequiredMunicipality();

    public string RoundUrl(string path = "") => FormattableString.Invariant($"/{Municipality.Slug}/consultations/{Round.Id}{path}");

    public async Task<IActionResult> OnGetAsync(int roundId, CancellationToken ct)
    {
        var row = await db.ConsultationRounds.AsNoTracking().Where(r => r.Id == roundId)
            .Select(r => new { Round = r, PlanTitle = r.Plan!.Title, r.Plan.IsPublic, VersionName = r.PlanVersion!.Name })
            .FirstOrDefaultAsync(ct);
        if (row is null) return NotFound();
        Round = row.Round;
        PlanTitle = row.PlanTitle;
        PlanIsPublic = row.IsPublic;
        VersionName = row.VersionName;
        State = Round.StateAt(clock.GetUtcNow());
        InvitedOrganisations = await db.RoundInvitedStakeholders.AsNoTracking().Where(i => i.RoundId == roundId && i.Stakeholder!.IsListed)
            .OrderBy(i => i.Stakeholder!.Name).Select(i => i.Stakeholder!.Name).ToListAsync(ct);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        SignedIn = userId is not null;
        if (userId is not null)
        {
            Participation = await RoundAccess.ForAsync(db, Round, userId, ct);
            MyStatements = await db.Statements.CountAsync(s => s.RoundId == roundId && s.AuthorUserId == userId, ct);
        }
        return Page();
    }
}
