using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Infrastructure.Security;

/// <summary>Every named permission rule of Planwerk, in one place. A page or endpoint names one of
/// these with <c>[Authorize(Policy = ...)]</c>, or says <c>[AllowAnonymous]</c>; a test checks that
/// each one says which.</summary>
public static class Policies
{
    /// <summary>Members of the route's municipality who write its plans: plan editors and administrators.</summary>
    public const string PlanEditor = nameof(PlanEditor);

    /// <summary>Administrators of the route's municipality: manage its users and roles.</summary>
    public const string MunicipalityAdministrator = nameof(MunicipalityAdministrator);

    /// <summary>Any signed-in person (their own account pages).</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>The whole plan team of the route's municipality: plan editors, moderators and administrators
    /// (e.g. reading the stakeholder registry; changing it needs <see cref="PlanEditor"/>).</summary>
    public const string PlanTeam = nameof(PlanTeam);

    /// <summary>Signed-in members of at least one stakeholder organisation of the route's municipality.</summary>
    public const string StakeholderMember = nameof(StakeholderMember);

    /// <summary>Plan editors and administrators of the route's municipality, and the reporters of its organisations: the
    /// report pages. Which measures a reporter reports on is checked per measure (<c>ReportAccess</c>).</summary>
    public const string Reporting = nameof(Reporting);

    /// <summary>Moderators and administrators of the route's municipality: they deal with reported comments.</summary>
    public const string Moderation = nameof(Moderation);

    /// <summary>Council clerks and administrators of the route's municipality: record bodies, meetings,
    /// papers, their consultations, results and amendments.</summary>
    public const string CouncilClerk = nameof(CouncilClerk);

    /// <summary>Plan editors, administrators and counsellors of the route's municipality: write and edit its integration
    /// pathways, their steps and translations. Publishing, withdrawing and deleting a pathway needs <see cref="PlanEditor"/>.</summary>
    public const string PathwayEditor = nameof(PathwayEditor);

    /// <summary>Installation administrators: they create and rename municipalities (<c>/admin/municipalities</c>).
    /// A role of the installation, not of a municipality: a municipality's administrator does not hold it.
    /// It is the user claim <see cref="InstallationAdministratorClaim"/>, granted by
    /// <c>create-admin --installation-administrator</c> and looked up per request.</summary>
    public const string InstallationAdministrator = nameof(InstallationAdministrator);

    /// <summary>The claim type, stored in Identity's user claims table, that marks an installation administrator.</summary>
    public const string InstallationAdministratorClaim = "planwerk:installation-administrator";

    public static IServiceCollection AddPlanwerkAuthorization(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, MembershipHandler>();
        services.AddScoped<IAuthorizationHandler, InstallationAdministratorHandler>();
        services.AddScoped<IAuthorizationHandler, Features.Participation.Stakeholders.StakeholderMembershipHandler>();
        services.AddScoped<IAuthorizationHandler, Features.Implementation.Reports.ReportingHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(PlanEditor, p => p.RequireAuthenticatedUser()
                .AddRequirements(new MembershipRequirement(MunicipalityRole.Administrator, MunicipalityRole.PlanEditor)))
            .AddPolicy(PlanTeam, p => p.RequireAuthenticatedUser()
                .AddRequirements(new MembershipRequirement(MunicipalityRole.Administrator, MunicipalityRole.PlanEditor, MunicipalityRole.Moderator)))
            .AddPolicy(Moderation, p => p.RequireAuthenticatedUser()
                .AddRequirements(new MembershipRequirement(MunicipalityRole.Administrator, MunicipalityRole.Moderator)))
            .AddPolicy(StakeholderMember, p => p.RequireAuthenticatedUser()
                .AddRequirements(new Features.Participation.Stakeholders.StakeholderMembershipRequirement()))
            .AddPolicy(Reporting, p => p.RequireAuthenticatedUser()
                .AddRequirements(new Features.Implementation.Reports.ReportingRequirement()))
            .AddPolicy(CouncilClerk, p => p.RequireAuthenticatedUser()
                .AddRequirements(new MembershipRequirement(MunicipalityRole.Administrator, MunicipalityRole.CouncilClerk)))
            .AddPolicy(PathwayEditor, p => p.RequireAuthenticatedUser()
                .AddRequirements(new MembershipRequirement(MunicipalityRole.Administrator, MunicipalityRole.PlanEditor, MunicipalityRole.Counsellor)))
            .AddPolicy(MunicipalityAdministrator, p => p.RequireAuthenticatedUser()
                .AddRequirements(new MembershipRequirement(MunicipalityRole.Administrator)))
            .AddPolicy(InstallationAdministrator, p => p.RequireAuthenticatedUser()
                .AddRequirements(new InstallationAdministratorRequirement()));
        return services;
    }
}

public sealed class MembershipRequirement(params MunicipalityRole[] roles) : IAuthorizationRequirement
{
    public IReadOnlyList<MunicipalityRole> Roles { get; } = roles;
}

/// <summary>Grants a membership requirement when the signed-in user holds one of its roles in the
/// municipality of the current request. Looks it up per request, so a removed role takes effect at once.</summary>
public sealed class MembershipHandler(IHttpContextAccessor accessor, PlanwerkDbContext db) : AuthorizationHandler<MembershipRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, MembershipRequirement requirement)
    {
        var http = accessor.HttpContext;
        var municipality = http?.Municipality();
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (municipality is null || userId is null) return;

        var roles = requirement.Roles.ToList();
        var member = await db.Memberships.AsNoTracking()
            .AnyAsync(m => m.MunicipalityId == municipality.Id && m.UserId == userId && roles.Contains(m.Role));
        if (member) context.Succeed(requirement);
    }
}

public sealed class InstallationAdministratorRequirement : IAuthorizationRequirement;

/// <summary>Grants the installation administrator requirement when the signed-in user's stored claims hold
/// the mark. Read from the database on every request (not from the sign-in cookie), so taking the mark away
/// takes effect at once.</summary>
public sealed class InstallationAdministratorHandler(PlanwerkDbContext db) : AuthorizationHandler<InstallationAdministratorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, InstallationAdministratorRequirement requirement)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return;
        if (await db.UserClaims.AsNoTracking().AnyAsync(c => c.UserId == userId && c.ClaimType == Policies.InstallationAdministratorClaim))
            context.Succeed(requirement);
    }
}
