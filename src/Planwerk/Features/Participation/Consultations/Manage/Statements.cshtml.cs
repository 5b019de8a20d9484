using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Participation.Consultations.Manage;

/// <summary>The plan team reads every statement of a round: receipt, target, who, when, the outcome once
/// weighed, the full text, quote and attachments. Weighing itself happens on the weighing pages.</summary>
[Authorize(Policy = Policies.PlanTeam)]
public sealed class StatementsModel(PlanwerkDbContext db) : ManagePageModel
{
    public sealed record AttachmentRow(int Id, string FileName, long Size);

    public sealed record Row(int Id, string ReceiptNumber, StatementTarget Target, string TargetLabel, string Quote, string Text,
        string AuthorName, string? Organisation, bool Consent, DateTimeOffset SubmittedAt, WeighingOutcome? Outcome, IReadOnlyList<AttachmentRow> Attachments);

    public int RoundId { get; private set; }

    public string RoundTitle { get; private set; } = "";

    public IReadOnlyList<Row> Statements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int roundId, CancellationToken ct)
    {
        var round = await db.ConsultationRounds.AsNoTracking().Where(r => r.Id == roundId).Select(r => new { r.Id, r.Title }).FirstOrDefaultAsync(ct);
        if (round is null) return NotFound();
        RoundId = round.Id;
        RoundTitle = round.Title;
        var rows = await db.Statements.AsNoTracking().Where(s => s.RoundId == roundId)
            .OrderBy(s => s.Id)
            .Select(s => new Row(s.Id, s.ReceiptNumber, s.Target, s.TargetLabel, s.Quote, s.Text, s.AuthorName,
                s.Stakeholder != null ? s.Stakeholder.Name : null, s.ConsentToPublish, s.SubmittedAt, s.Outcome,
                s.Attachments.OrderBy(a => a.Id).Select(a => new AttachmentRow(a.Id, a.FileName, a.Size)).ToList()))
            .ToListAsync(ct);
        Statements = rows;
        return Page();
    }
}
