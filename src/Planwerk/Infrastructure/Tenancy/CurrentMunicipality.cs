using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Municipalities;

namespace Planwerk.Infrastructure.Tenancy;

/// <summary>The municipality named by the request's <c>{municipality}</c> route value.</summary>
public sealed record CurrentMunicipality(int Id, string Slug, string Name, bool IsDemo);

public static class Tenancy
{
    public const string RouteKey = "municipality";

    public static CurrentMunicipality? Municipality(this HttpContext context) => context.Features.Get<CurrentMunicipality>();

    public static CurrentMunicipality RequiredMunicipality(this HttpContext context) =>
        context.Features.Get<CurrentMunicipality>() ?? throw new InvalidOperationException("This endpoint needs a {municipality} in its route.");

    /// <summary>After routing: resolves the municipality of the route (404 when unknown) and scopes the
    /// request's DbContext to it. Every municipality-owned query is then filtered to it.</summary>
    public static IApplicationBuilder UseMunicipalityTenancy(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetRouteValue(RouteKey) is string slug)
        {
            var db = context.RequestServices.GetRequiredService<PlanwerkDbContext>();
            var lower = slug.ToLowerInvariant();
            var municipality = await db.Municipalities.AsNoTracking()
                .Where(m => m.Slug == lower)
                .Select(m => new CurrentMunicipality(m.Id, m.Slug, m.Name, m.IsDemo))
                .FirstOrDefaultAsync(context.RequestAborted);
            if (municipality is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            context.Features.Set(municipality);
            db.CurrentMunicipalityId = municipality.Id;
        }
        await next(context);
    });
}
