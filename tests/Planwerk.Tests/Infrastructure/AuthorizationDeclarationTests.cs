using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Planwerk.Tests.Infrastructure;

/// <summary>Every page and endpoint says who may use it: a named policy, or anonymous on purpose.
/// Nothing is left to a default, so a new page cannot be public by accident.</summary>
public sealed class AuthorizationDeclarationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static bool Declares(IEnumerable<object> attributesOrMetadata)
    {
        var all = attributesOrMetadata.ToList();
        return all.OfType<IAllowAnonymous>().Any() || all.OfType<IAuthorizeData>().Any(a => !string.IsNullOrWhiteSpace(a.Policy));
    }

    [Fact]
    public void Every_page_model_declares_a_policy_or_anonymous_access()
    {
        var pageModels = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(PageModel).IsAssignableFrom(t))
            .ToList();
        Assert.Contains(typeof(Planwerk.Features.Plans.PlanPageModel), pageModels);

        var undeclared = pageModels.Where(t => !Declares(t.GetCustomAttributes(inherit: true))).Select(t => t.FullName).ToList();
        Assert.True(undeclared.Count == 0, "Page models without [Authorize(Policy = ...)] or [AllowAnonymous]:\n" + string.Join("\n", undeclared));
    }

    [Fact]
    public void Every_endpoint_declares_a_policy_or_anonymous_access()
    {
        _ = app.Server;
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        Assert.Contains(endpoints, e => e is RouteEndpoint r && r.RoutePattern.RawText?.TrimStart('/') == "{municipality}/plans/{planId:int}");
        Assert.Contains(endpoints, e => e is RouteEndpoint r && r.RoutePattern.RawText?.TrimStart('/') == "health");

        var undeclared = endpoints.Where(e => !Declares(e.Metadata))
            .Select(e => (e as RouteEndpoint)?.RoutePattern.RawText ?? e.DisplayName).ToList();
        Assert.True(undeclared.Count == 0, "Endpoints without an authorization policy or anonymous access:\n" + string.Join("\n", undeclared));
    }

    [Fact]
    public void The_check_notices_an_undeclared_page()
    {
        Assert.False(Declares(typeof(UndeclaredPage).GetCustomAttributes(inherit: true)));
        Assert.False(Declares(typeof(PolicylessPage).GetCustomAttributes(inherit: true)));
        Assert.True(Declares(typeof(AnonymousPage).GetCustomAttributes(inherit: true)));
    }

    private sealed class UndeclaredPage : PageModel;

    [Authorize]
    private sealed class PolicylessPage : PageModel;

    [AllowAnonymous]
    private sealed class AnonymousPage : PageModel;
}
