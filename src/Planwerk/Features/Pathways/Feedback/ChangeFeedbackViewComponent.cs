using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Pathways.Feedback;

/// <summary>Below a list of plan changes: those of the listed changes that pathway feedback gives the reasoning of, each with
/// the way to that feedback (one query for the whole list; nothing is shown when none has any).</summary>
public sealed class ChangeFeedbackViewComponent(PlanwerkDbContext db) : ViewComponent
{
    public sealed record Reasoned(long ChangeId, string Label, int Count);

    public sealed record Listed(string Slug, IReadOnlyList<Reasoned> Changes);

    /// <param name="changes">The listed changes in their order, each with the words that name it.</param>
    public async Task<IViewComponentResult> InvokeAsync(string municipality, IReadOnlyList<KeyValuePair<long, string>> changes)
    {
        var ids = changes.Where(c => c.Key <= int.MaxValue).Select(c => (int?)(int)c.Key).ToList();
        var counts = new Dictionary<long, int>();
        if (ids.Count > 0)
        {
            counts = await db.StepFeedback.AsNoTracking().Where(f => ids.Contains(f.ChangeRecordId))
                .GroupBy(f => f.ChangeRecordId!.Value).Select(g => new { Id = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => (long)g.Id, g => g.Count);
        }
        return View("/Features/Pathways/Feedback/_ChangeFeedback.cshtml", new Listed(municipality,
            changes.Where(c => counts.ContainsKey(c.Key)).Select(c => new Reasoned(c.Key, c.Value, counts[c.Key])).ToList()));
    }
}
