using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Participation;

public static class ParticipationTestSupport
{
    public static async Task<int> AddStakeholderAsync(this TestMunicipality m, string? name = null, bool listed = true,
        StakeholderKind kind = StakeholderKind.FreeWelfareProvider) =>
        await m.WithDbAsync(async db =>
        {
            var stakeholder = new Stakeholder { Name = name ?? "Beispielverein " + Guid.NewGuid().ToString("N")[..6], Kind = kind, IsListed = listed };
            db.Stakeholders.Add(stakeholder);
            await db.SaveChangesAsync();
            return stakeholder.Id;
        });

    public static async Task AddStakeholderMemberAsync(this TestMunicipality m, int stakeholderId, string userId, bool contact = false) =>
        await m.WithDbAsync(db =>
        {
            db.StakeholderMembers.Add(new StakeholderMember { StakeholderId = stakeholderId, UserId = userId, IsContact = contact, JoinedAt = DateTimeOffset.UtcNow });
            return Task.FromResult(0);
        });
}
