using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Planwerk.Features.Plans.Versions;

/// <summary>A page that can only be read: anything but GET or HEAD is answered 405 before any
/// handler runs. Versions cannot be changed, so their pages accept no form at all.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReadOnlyPageAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            await next();
            return;
        }
        context.HttpContext.Response.Headers.Allow = "GET, HEAD";
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }
}
