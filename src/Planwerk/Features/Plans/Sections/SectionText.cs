using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure.Markdown;

namespace Planwerk.Features.Plans.Sections;

/// <summary>A section as the public page and the print view show it.</summary>
public sealed record SectionText(int Id, string Title, string Body);

/// <summary>What <c>_Sections.cshtml</c> shows: the sections, and the address of each plan image they may show
/// (null for a number the plan has no image for: the reader then sees the alternative text).</summary>
public sealed record SectionsView(IReadOnlyList<SectionText> Sections, Func<int, string?> ImageUrl);

public static class SectionReads
{
    /// <summary>The plan's sections in order; one SQL command.</summary>
    public static async Task<IReadOnlyList<SectionText>> SectionsOfPlanAsync(this PlanwerkDbContext db, int planId, CancellationToken ct) =>
        await db.PlanSections.AsNoTracking().Where(s => s.PlanId == planId).OrderBy(s => s.Position).ThenBy(s => s.Id)
            .Select(s => new SectionText(s.Id, s.Title, s.Body)).ToListAsync(ct);

    /// <summary>The plan's sections with their images' addresses: one SQL command, and a second only when a
    /// section refers to an image.</summary>
    public static async Task<SectionsView> SectionsViewAsync(this PlanwerkDbContext db, MarkdownRenderer markdown, string municipality, int planId, CancellationToken ct)
    {
        var sections = await db.SectionsOfPlanAsync(planId, ct);
        var resolver = await db.ResolverAsync(markdown, municipality, planId, sections.Select(s => s.Body), ct);
        return new SectionsView(sections, resolver);
    }
}
