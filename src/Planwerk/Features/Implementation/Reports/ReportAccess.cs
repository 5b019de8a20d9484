using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Implementation.Reports;

public sealed class ReportingRequirement : IAuthorizationRequirement;

/// <summary>Grants <see cref="ReportingRequirement"/> (the policy <c>Reporting</c>) to the plan editors and
/// administrators of the request's municipality and to the reporters of its organisations. Which measures a reporter may
/// report on is decided per measure by <see cref="ReportAccess"/>. Looked up per request, so a mark taken away counts at once.</summary>
public sealed class ReportingHandler(IHttpContextAccessor accessor, PlanwerkDbContext db) : AuthorizationHandler<ReportingRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ReportingRequirement requirement)
    {
        var municipality = accessor.HttpContext?.Municipality();
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (municipality is null || userId is null) return;
        if (await db.StakeholderMembers.AsNoTracking().AnyAsync(m => m.MunicipalityId == municipality.Id && m.UserId == userId && m.IsReporter)
            || await db.Memberships.AsNoTracking().AnyAsync(m => m.MunicipalityId == municipality.Id && m.UserId == userId
                && (m.Role == MunicipalityRole.PlanEditor || m.Role == MunicipalityRole.Administrator)))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>Who may do what with reports: the plan team (plan editors and administrators) with every report of the
/// municipality; a reporter with the reports of the measures their organisations lead or are partners in, and no others.</summary>
public sealed class ReportAccess(PlanwerkDbContext db, IAuthorizationService authorization)
{
    /// <summary>Whether the person may return, accept and publish reports (and write any).</summary>
    public async Task<bool> IsPlanTeamAsync(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(user, Infrastructure.Security.Policies.PlanEditor)).Succeeded;

    /// <summary>The organisations of this municipality in which the person is a reporter.</summary>
    public async Task<List<int>> ReporterOrganisationsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return [];
        return await db.StakeholderMembers.AsNoTracking().Where(m => m.UserId == userId && m.IsReporter)
            .Select(m => m.StakeholderId).ToListAsync(ct);
    }

    /// <summary>Whether the person reports on the measure: a reporter of its lead or of one of its partners.</summary>
    public async Task<bool> ReportsOnAsync(ClaimsPrincipal user, int measureId, CancellationToken ct)
    {
        var organisations = await ReporterOrganisationsAsync(user, ct);
        return organisations.Count > 0
            && await db.MeasureOrganisations.AsNoTracking().AnyAsync(o => o.MeasureId == measureId && organisations.Contains(o.OrganisationId), ct);
    }
}
