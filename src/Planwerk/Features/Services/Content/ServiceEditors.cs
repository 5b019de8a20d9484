using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Services.Content;

/// <summary>Who may change a service's content (its translations, too): the plan team (plan editors and administrators)
/// every service of the municipality, a member of an organisation the services of that organisation, nobody else.</summary>
public static class ServiceEditors
{
    public static async Task<bool> IsPlanTeamAsync(IAuthorizationService authorization, ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(user, Policies.PlanEditor)).Succeeded;

    public static async Task<bool> MayEditAsync(PlanwerkDbContext db, IAuthorizationService authorization, ClaimsPrincipal user, int organisationId, CancellationToken ct)
    {
        if (await IsPlanTeamAsync(authorization, user)) return true;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return userId is not null && await db.StakeholderMembers.AsNoTracking().AnyAsync(m => m.UserId == userId && m.StakeholderId == organisationId, ct);
    }
}
