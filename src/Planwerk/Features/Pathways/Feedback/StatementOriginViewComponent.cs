using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Pathways.Feedback;

/// <summary>On a statement's weighing page: when the statement was made from pathway feedback, says so and leads back to
/// the feedback (one query; nothing is shown for any other statement).</summary>
public sealed class StatementOriginViewComponent(PlanwerkDbContext db) : ViewComponent
{
    public sealed record Origin(string Slug, int StatementId, int Count);

    public async Task<IViewComponentResult> InvokeAsync(string municipality, int statementId)
    {
        var count = await db.StepFeedback.AsNoTracking().CountAsync(f => f.StatementId == statementId);
        return View("/Features/Pathways/Feedback/_StatementOrigin.cshtml", new Origin(municipality, statementId, count));
    }
}
