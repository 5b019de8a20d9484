using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace Planwerk.Infrastructure;

/// <summary>Every page that needs a signed-in person (the manage pages, the weighing exports with submitters'
/// names, "my statements", the account pages) shows that person's or other people's data, so no browser
/// or proxy may keep a copy: <c>Cache-Control: no-store</c>. Pages open to everyone that can show personal
/// data (a statement's attachment) set it themselves.</summary>
public sealed class PrivatePages : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        var attributes = model.HandlerTypeAttributes;
        if (attributes.OfType<IAuthorizeData>().Any() && !attributes.OfType<IAllowAnonymous>().Any())
            model.Filters.Add(new NoStore());
    }

    /// <summary>Also on refusals and redirects; pages do not run action filters such as the framework's
    /// response cache filter, so this is a result filter.</summary>
    private sealed class NoStore : IAlwaysRunResultFilter
    {
        public void OnResultExecuting(ResultExecutingContext context)
        {
            context.HttpContext.Response.Headers[HeaderNames.CacheControl] = "no-store, no-cache";
            context.HttpContext.Response.Headers[HeaderNames.Pragma] = "no-cache";
        }

        public void OnResultExecuted(ResultExecutedContext context)
        {
        }
    }
}
