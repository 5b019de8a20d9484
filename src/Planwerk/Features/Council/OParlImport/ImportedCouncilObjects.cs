using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;

namespace Planwerk.Features.Council.OParlImport;

/// <summary>The read-only guard for what came from the council information system: the clerk's pages of a paper,
/// meeting or agenda item call it before any POST; an imported object's changes are refused with a message, and
/// the page is shown again.</summary>
public static class ImportedCouncilObjects
{
    public const string Refusal = "Aus dem Ratsinformationssystem übernommen – hier nicht änderbar. Änderungen kommen beim nächsten Abgleich von dort.";

    public static Task<bool> IsImportedAsync(PlanwerkDbContext db, ImportedKind kind, int localId, CancellationToken ct) =>
        db.ImportedCouncilObjects.AnyAsync(o => o.Kind == kind && o.LocalId == localId, ct);

    /// <summary>For a page's <c>OnPageHandlerExecutionAsync</c>, inside the permission check: a POST on an imported
    /// object is answered with a redirect to the page (GET) and the refusal as its notice; anything else goes on.</summary>
    public static async Task<PageHandlerExecutedContext?> GuardAsync(PageModel page, PageHandlerExecutingContext context, PageHandlerExecutionDelegate next,
        ImportedKind kind, string routeKey)
    {
        if (!HttpMethods.IsPost(page.Request.Method)
            || !int.TryParse(page.RouteData.Values[routeKey] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            return await next();
        var db = page.HttpContext.RequestServices.GetRequiredService<PlanwerkDbContext>();
        if (!await IsImportedAsync(db, kind, id, page.HttpContext.RequestAborted)) return await next();
        var localizer = page.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Infrastructure.Localization.SharedResource>>();
        page.TempData[ManagePageModel.NoticeKey] = localizer[Refusal].Value;
        context.Result = new RedirectResult(page.Request.Path.Value ?? "/", permanent: false);
        return null;
    }
}
