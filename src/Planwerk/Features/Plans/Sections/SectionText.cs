using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure.Markdown;

namespace Planwerk.Features.Plans.Sections;

/// <summary>A section as the public page and the print view show it; a retrospective with the codes of its datasets in order.</summary>
public sealed record SectionText(int Id, string Title, string Body)
{
    public PlanSectionKind Kind { get; init; }
    public IReadOnlyList<string> DatasetCodes { get; init; } = [];
}

/// <summary>What <c>_Sections.cshtml</c> shows: the sections, and the address of each plan image they may show
/// (null for a number the plan has no image for: the reader then sees the alternative text).</summary>
public sealed record SectionsView(IReadOnlyList<SectionText> Sections, Func<int, string?> ImageUrl)
{
    /// <summary>What Planwerk adds to the retrospective sections; null when there is none.</summary>
    public Retrospective? Retrospective { get; init; }
}

public static class SectionReads
{
    /// <summary>The plan's sections in order, each retrospective with its datasets' codes; one SQL command.</summary>
    public static async Task<IReadOnlyList<SectionText>> SectionsOfPlanAsync(this PlanwerkDbContext db, int planId, CancellationToken ct) =>
        await db.PlanSections.AsNoTracking().Where(s => s.PlanId == planId).OrderBy(s => s.Position).ThenBy(s => s.Id)
            .Select(s => new SectionText(s.Id, s.Title, s.Body)
            {
                Kind = s.Kind,
                DatasetCodes = s.Datasets.OrderBy(d => d.Position).ThenBy(d => d.Id).Select(d => d.Dataset!.Code).ToList(),
            }).ToListAsync(ct);

    /// <summary>The plan's sections with their images' addresses: one SQL command, and a second only when a
    /// section refers to an image.</summary>
    public static async Task<SectionsView> SectionsViewAsync(this PlanwerkDbContext db, MarkdownRenderer markdown, string municipality, int planId, CancellationToken ct)
    {
        var sections = await db.SectionsOfPlanAsync(planId, ct);
        var resolver = await db.ResolverAsync(markdown, municipality, planId, sections.Select(s => s.Body), ct);
        return new SectionsView(sections, resolver);
    }
}
