using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Plans.Sections;

/// <summary>A section as the public page and the print view show it.</summary>
public sealed record SectionText(int Id, string Title, string Body);

public static class SectionReads
{
    /// <summary>The plan's sections in order; one SQL command.</summary>
    public static async Task<IReadOnlyList<SectionText>> SectionsOfPlanAsync(this PlanwerkDbContext db, int planId, CancellationToken ct) =>
        await db.PlanSections.AsNoTracking().Where(s => s.PlanId == planId).OrderBy(s => s.Position).ThenBy(s => s.Id)
            .Select(s => new SectionText(s.Id, s.Title, s.Body)).ToListAsync(ct);
}
