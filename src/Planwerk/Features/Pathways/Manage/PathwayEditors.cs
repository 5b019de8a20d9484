using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Pathways.Manage;

/// <summary>Who may do what with pathways: everyone admitted to the pages (<see cref="Policies.PathwayEditor"/>) writes;
/// only the plan team (<see cref="Policies.PlanEditor"/>) publishes, withdraws and deletes, so pages show those
/// actions only to it.</summary>
public static class PathwayEditors
{
    public static async Task<bool> MayPublishAsync(IAuthorizationService authorization, ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, Policies.PlanEditor)).Succeeded;
}
