using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Participation.Stakeholders;

public sealed class StakeholderMembershipRequirement : IAuthorizationRequirement;

/// <summary>Grants <see cref="StakeholderMembershipRequirement"/> when the signed-in user belongs to at least one
/// organisation of the request's municipality. Looked up per request, so a removed member loses access at once.</summary>
public sealed class StakeholderMembershipHandler(IHttpContextAccessor accessor, PlanwerkDbContext db) : AuthorizationHandler<StakeholderMembershipRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, StakeholderMembershipRequirement requirement)
    {
        var municipality = accessor.HttpContext?.Municipality();
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (municipality is null || userId is null) return;
        if (await db.StakeholderMembers.AsNoTracking().AnyAsync(m => m.MunicipalityId == municipality.Id && m.UserId == userId))
            context.Succeed(requirement);
    }
}
