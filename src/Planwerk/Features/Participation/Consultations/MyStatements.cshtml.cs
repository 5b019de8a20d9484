using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure.Security;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Participation.Consultations;

/// <summary>The signed-in person's own statements in this municipality, newest first.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MyStatementsModel(PlanwerkDbContext db) : PageModel
{
    public sealed record Row(int Id, string ReceiptNumber, string RoundTitle, string TargetLabel, string? Organisation, DateTimeOffset SubmittedAt,
        WeighingOutcome? Outcome);

    public IReadOnlyList<Row> Statements { get; private set; } = [];

    public CurrentMunicipality Municipality => HttpContext.RequiredMunicipality();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var rows = await db.Statements.AsNoTracking().Where(s => s.AuthorUserId == userId)
            .OrderByDescending(s => s.SubmittedAt).ThenByDescending(s => s.Id)
            .Select(s => new Row(s.Id, s.ReceiptNumber, s.Round!.Title, s.TargetLabel, s.Stakeholder != null ? s.Stakeholder.Name : null, s.SubmittedAt,
                // The outcome is the submitter's to see only once the plan team has published the weighing.
                s.Round.WeighingPublishedAt != null ? s.Outcome : null))
            .ToListAsync(ct);
        Statements = rows;
    }
}
