using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Plans.Print;

/// <summary>The PDF downloads of a public plan, one field of action or one measure. Anyone may fetch
/// them; plans that are not public, and parts that are not in the plan, answer 404. Cached like the
/// public pages and evicted with them.</summary>
public static class PlanPdfEndpoints
{
    public static IEndpointRouteBuilder MapPlanPdf(this IEndpointRouteBuilder app)
    {
        var pdf = app.MapGroup("/{municipality}/plans/{planId:int}").AllowAnonymous().CacheOutput(PublicPageCache.VaryingBy(AdoptedPlanReads.StandKey)).ExcludeFromDescription();
        pdf.MapGet("/document.pdf", (int planId, HttpContext context, PlanwerkDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            DownloadAsync(context, db, l, planId, DocumentScope.Plan, 0, ct));
        pdf.MapGet("/fields/{fieldId:int}/document.pdf", (int planId, int fieldId, HttpContext context, PlanwerkDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            DownloadAsync(context, db, l, planId, DocumentScope.Field, fieldId, ct));
        pdf.MapGet("/measures/{measureId:int}/document.pdf", (int planId, int measureId, HttpContext context, PlanwerkDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            DownloadAsync(context, db, l, planId, DocumentScope.Measure, measureId, ct));
        return app;
    }

    private static async Task<IResult> DownloadAsync(
        HttpContext context, PlanwerkDbContext db, IStringLocalizer<SharedResource> l, int planId, DocumentScope scope, int partId, CancellationToken ct)
    {
        var municipality = context.RequiredMunicipality();
        var document = await PrintDocument.LoadAsync(db, municipality.Name, planId, scope, partId, ct, AdoptedPlanReads.WantsWorkingState(context.Request));
        if (document is null) return Results.NotFound();
        await document.LoadRetrospectiveAsync(db, l, municipality.Slug, ct);
        var bytes = PlanPdf.Render(document, l);
        // Results.File sends Content-Disposition: attachment with both filename and filename*.
        return Results.File(bytes, "application/pdf", PlanPdf.FileName(document));
    }
}
