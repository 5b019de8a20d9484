using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure.Security;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Participation.Consultations;

/// <summary>One of the signed-in person's own statements (anyone else's is not found): the receipt, the
/// text and attachments, and once the weighing of the round is published, the outcome and its reasons.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MyStatementModel(PlanwerkDbContext db) : PageModel
{
    public sealed record AttachmentRow(int Id, string FileName, long Size);

    public Statement Statement { get; private set; } = null!;

    public string RoundTitle { get; private set; } = "";

    public string? Organisation { get; private set; }

    public bool WeighingPublished { get; private set; }

    public IReadOnlyList<AttachmentRow> Attachments { get; private set; } = [];

    public CurrentMunicipality Municipality => HttpContext.RequiredMunicipality();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var row = await db.Statements.AsNoTracking().Where(s => s.Id == id && s.AuthorUserId == userId)
            .Select(s => new
            {
                Statement = s,
                RoundTitle = s.Round!.Title,
                Published = s.Round.WeighingPublishedAt != null,
                Organisation = s.Stakeholder != null ? s.Stakeholder.Name : null,
                Attachments = s.Attachments.OrderBy(a => a.Id).Select(a => new AttachmentRow(a.Id, a.FileName, a.Size)).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (row is null) return NotFound();
        Statement = row.Statement;
        RoundTitle = row.RoundTitle;
        WeighingPublished = row.Published;
        Organisation = row.Organisation;
        Attachments = row.Attachments;
        return Page();
    }
}
