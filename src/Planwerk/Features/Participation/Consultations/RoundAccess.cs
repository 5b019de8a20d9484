using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Participation.Consultations;

/// <summary>On whose behalf a person may write in a round: the invited organisations they belong to, and
/// themselves when the round is open to residents. Whether the round is open is asked separately.</summary>
public sealed record Participation(IReadOnlyList<(int Id, string Name)> Organisations, bool Personally)
{
    public static readonly Participation None = new([], false);

    public bool Any => Personally || Organisations.Count > 0;
}

public static class RoundAccess
{
    public static async Task<Participation> ForAsync(PlanwerkDbContext db, ConsultationRound round, string? userId, CancellationToken ct)
    {
        if (userId is null) return Participation.None;
        var organisations = await db.RoundInvitedStakeholders.AsNoTracking()
            .Where(i => i.RoundId == round.Id && db.StakeholderMembers.Any(m => m.StakeholderId == i.StakeholderId && m.UserId == userId))
            .OrderBy(i => i.Stakeholder!.Name)
            .Select(i => new { i.StakeholderId, i.Stakeholder!.Name })
            .ToListAsync(ct);
        return new Participation(organisations.Select(o => (o.StakeholderId, o.Name)).ToList(),
            round.Audience == RoundAudience.OrganisationsAndResidents);
    }
}
