using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Planwerk.Data;
using Planwerk.Infrastructure.Markdown;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Plans.Sections;

/// <summary>Where a plan's images are served, and how section text finds them.</summary>
public static class PlanImageLinks
{
    public static string Url(string municipality, int planId, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"/{municipality}/plans/{planId}/images/{number}");

    /// <summary>The resolver for <see cref="MarkdownRenderer.Render"/>: the address of each image of the plan
    /// that <paramref name="bodies"/> refer to and that exists; null (shown as alternative text) for the rest.
    /// Asks the database only when some text refers to an image at all, then with one command.</summary>
    public static async Task<Func<int, string?>> ResolverAsync(this PlanwerkDbContext db, MarkdownRenderer markdown,
        string municipality, int planId, IEnumerable<string> bodies, CancellationToken ct)
    {
        var wanted = bodies.SelectMany(b => markdown.ImageNumbers(b)).Distinct().ToList();
        if (wanted.Count == 0) return _ => null;
        var existing = (await db.PlanImages.AsNoTracking().Where(i => i.PlanId == planId && wanted.Contains(i.Number))
            .Select(i => i.Number).ToListAsync(ct)).ToHashSet();
        return number => existing.Contains(number) ? Url(municipality, planId, number) : null;
    }
}

/// <summary>Serves a plan's image: to everybody when the plan is public, otherwise only to the
/// municipality's plan editors; everything else answers 404 (also other municipalities and unknown
/// numbers, by the context's tenancy filter). One database command, no tracking; a matching
/// <c>If-None-Match</c> answers 304 without reading the image's bytes.</summary>
public static class PlanImageEndpoints
{
    public const string Route = "/{municipality}/plans/{planId:int}/images/{number:int}";

    /// <summary>Short, so that a replaced or withdrawn image does not linger; revalidation by ETag is cheap.</summary>
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public static IEndpointRouteBuilder MapPlanImages(this IEndpointRouteBuilder app)
    {
        // Anonymous on purpose: whether this visitor may see the image depends on the plan (public or not),
        // which only the handler knows; it then checks the plan-editor policy itself.
        app.MapGet(Route, ServeAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private sealed record Found(int Id, string FileName, string ContentType, bool IsPublic, byte[]? Bytes);

    private static async Task<IResult> ServeAsync(int planId, int number, HttpContext context, PlanwerkDbContext db,
        IAuthorizationService authorization, CancellationToken ct)
    {
        var conditional = context.Request.Headers.IfNoneMatch.Count > 0;
        var image = await FindAsync(db, planId, number, withBytes: !conditional, ct);
        if (image is null) return Results.NotFound();
        if (!image.IsPublic && !(await authorization.AuthorizeAsync(context.User, Policies.PlanEditor)).Succeeded) return Results.NotFound();

        var etag = new EntityTagHeaderValue(string.Create(CultureInfo.InvariantCulture, $"\"image-{image.Id}\""));
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { Public = image.IsPublic, Private = !image.IsPublic, MaxAge = MaxAge };
        if (conditional)
        {
            var tags = context.Request.GetTypedHeaders().IfNoneMatch;
            if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
            image = await FindAsync(db, planId, number, withBytes: true, ct);
            if (image is null) return Results.NotFound();
        }

        // Uploads are checked by content; an imported plan document may claim anything, so only an allowed
        // type is ever sent, and an image whose bytes are none of them is not sent at all.
        var type = ImageFiles.IsAllowed(image.ContentType) ? image.ContentType : ImageFiles.DetectContentType(image.Bytes);
        if (type is null) return Results.NotFound();
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(ImageFiles.ServedFileName(image.FileName, type));
        context.Response.Headers.ContentDisposition = disposition.ToString();
        return Results.Bytes(image.Bytes!, type);
    }

    private static Task<Found?> FindAsync(PlanwerkDbContext db, int planId, int number, bool withBytes, CancellationToken ct) =>
        db.PlanImages.AsNoTracking().Where(i => i.PlanId == planId && i.Number == number)
            .Select(i => new Found(i.Id, i.FileName, i.ContentType, i.Plan!.IsPublic, withBytes ? i.Bytes : null))
            .FirstOrDefaultAsync(ct);
}
