using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Planwerk.Data;

namespace Planwerk.Features.Pathways.Feedback;

/// <summary>After feedback is sent: thanks, what happens with it, and the way back to the pathway.</summary>
[AllowAnonymous]
public sealed class ThanksModel(PlanwerkDbContext db, PublishedPathways published) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "lang")] public string? Lang { get; set; }

    public FeedbackStep Found { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, Guid stepUid, CancellationToken ct)
    {
        if (await FeedbackStep.FindAsync(db, published, code, stepUid, Lang, ct) is not { } found) return NotFound();
        Found = found;
        return Page();
    }
}
