using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Council.Manage;

/// <summary>The clerk's pages: council clerks and administrators read and write; the plan team (plan editors,
/// moderators) may read what is recorded — the start page and existing bodies, meetings and papers — but
/// not change it or open the forms for new ones. Everyone else is refused. The pages declare the SignedIn
/// policy (so the anonymous are sent to sign in) and this check decides the rest, per request.</summary>
public abstract class CouncilPageModel : ManagePageModel
{
    /// <summary>True for council clerks and administrators: the forms are theirs.</summary>
    public bool CanEdit { get; private set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var authorization = HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.CouncilClerk)).Succeeded;
        if (!CanEdit)
        {
            var reads = HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method);
            var isNew = string.Equals(RouteData.Values["key"] as string, "new", StringComparison.Ordinal);
            if (!reads || isNew || !(await authorization.AuthorizeAsync(User, Policies.PlanTeam)).Succeeded)
            {
                context.Result = Forbid();
                return;
            }
        }
        await next();
    }
}
