using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Plans.History;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Pathways.Feedback.Manage;

/// <summary>A recorded change of a measure and the feedback texts named as its reasoning, with the way to the measure's
/// history: the change's side of the link.</summary>
[Authorize(Policy = Policies.PlanTeam)]
public sealed class ChangeModel(PlanwerkDbContext db, IStringLocalizer<SharedResource> L) : ManagePageModel
{
    public LinkedChange Change { get; private set; } = null!;

    public string Line { get; private set; } = "";

    public int PlanId { get; private set; }

    public int MeasureId { get; private set; }

    public IReadOnlyList<FeedbackNote> Notes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long changeId, CancellationToken ct)
    {
        var record = await db.ChangeRecords.AsNoTracking().Where(r => r.Id == changeId && r.EntityType == ChangeEntityTypes.Measure)
            .Select(r => new { r.PlanId, r.EntityId, Change = new LinkedChange(r.Id, r.At, r.UserName, r.EntityType, r.EntityLabel, r.Action, r.Reason) })
            .FirstOrDefaultAsync(ct);
        if (record is null) return NotFound();
        Change = record.Change;
        PlanId = record.PlanId;
        MeasureId = record.EntityId;
        Line = Change.Line(L);
        var id = (int)Math.Min(changeId, int.MaxValue);
        Notes = await FeedbackReads.Notes(db.StepFeedback.AsNoTracking().Where(f => f.ChangeRecordId == id).OrderBy(f => f.CreatedAt).ThenBy(f => f.Id), db).ToListAsync(ct);
        return Page();
    }
}
