using Planwerk.Data;
using Planwerk.Features.Services.PublicPages;

namespace Planwerk.Features.Pathways.Feedback;

/// <summary>A step of a pathway as the public sees it now: only a step of the pathway's current publication can be
/// given feedback on, in the content language chosen.</summary>
public sealed record FeedbackStep(PathwayDocument Pathway, PublishedStep Step, ContentChoice Choice)
{
    public static async Task<FeedbackStep?> FindAsync(PlanwerkDbContext db, PublishedPathways published, string code, Guid stepUid, string? lang, CancellationToken ct)
    {
        var pathway = await published.FindAsync(db, code, ct);
        var step = pathway?.AllSteps.FirstOrDefault(s => s.Uid == stepUid);
        if (pathway is null || step is null) return null;
        return new FeedbackStep(pathway, step, await ContentChoice.ResolveAsync(db, lang, ct));
    }
}
