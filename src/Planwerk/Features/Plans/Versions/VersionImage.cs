using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Plans.Versions;

/// <summary>An image of a named version, served from the version's frozen document (not from the plan's
/// current images, which may have changed or gone since), with the content type stored with it. A frozen
/// version never changes, so the image may be kept long.</summary>
public static class VersionImage
{
    public static async Task<IActionResult> AnswerAsync(
        PageModel page, PlanwerkDbContext db, int planId, int versionId, int number, bool publicOnly, CancellationToken ct)
    {
        var image = await db.VersionImageAsync(planId, versionId, number, publicOnly, ct);
        if (image is not { } found) return page.NotFound();
        var headers = page.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = (publicOnly ? "public" : "private") + ", max-age=31536000, immutable";
        return page.File(found.Data, found.ContentType);
    }
}

/// <summary>An image of a named version for the plan team, public plan or not.</summary>
[Authorize(Policy = Policies.PlanEditor)]
[ReadOnlyPage]
public sealed class ManageVersionImageModel(PlanwerkDbContext db) : PageModel
{
    public Task<IActionResult> OnGetAsync(int planId, int versionId, int number, CancellationToken ct) =>
        VersionImage.AnswerAsync(this, db, planId, versionId, number, publicOnly: false, ct);
}

/// <summary>An image of a named version of a public plan, for everyone; 404 when the plan is not public.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
[ReadOnlyPage]
public sealed class PublicVersionImageModel(PlanwerkDbContext db) : PageModel
{
    public Task<IActionResult> OnGetAsync(int planId, int versionId, int number, CancellationToken ct) =>
        VersionImage.AnswerAsync(this, db, planId, versionId, number, publicOnly: true, ct);
}
