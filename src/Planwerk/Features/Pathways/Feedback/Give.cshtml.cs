using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.RateLimiting;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Pathways.Feedback;

/// <summary>The public form on one step of a published pathway: did it work for you, and if not, what went wrong, with an
/// optional short text. Anonymous: no account, and nothing about the person is asked or stored. Posts are limited like
/// the other participation writes (per address); the text waits for the plan team's review before anyone reads it, a
/// plain yes or no needs none. Only a step of the pathway's current publication has the form; any other address is 404.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.ParticipationWrites)]
public sealed class GiveModel(PlanwerkDbContext db, PublishedPathways published, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public const string Yes = "yes";
    public const string No = "no";

    public sealed class FeedbackInput
    {
        /// <summary><see cref="Yes"/> or <see cref="No"/>.</summary>
        public string? Worked { get; set; }
        /// <summary>The name of a <see cref="StepProblem"/>.</summary>
        public string? Problem { get; set; }
        public string? Text { get; set; }
    }

    [BindProperty(SupportsGet = true, Name = "lang")] public string? Lang { get; set; }

    public FeedbackInput Input { get; private set; } = new();

    public FeedbackStep Found { get; private set; } = null!;

    public string Slug => HttpContext.RequiredMunicipality().Slug;

    public async Task<IActionResult> OnGetAsync(string code, Guid stepUid, CancellationToken ct)
    {
        if (await FeedbackStep.FindAsync(db, published, code, stepUid, Lang, ct) is not { } found) return NotFound();
        Found = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, Guid stepUid, [Bind(Prefix = "Input")] FeedbackInput input, CancellationToken ct)
    {
        if (await FeedbackStep.FindAsync(db, published, code, stepUid, Lang, ct) is not { } found) return NotFound();
        // The publication may outlive the step's row; feedback on a step that is gone has nowhere to go.
        if (!await db.PathwaySteps.AnyAsync(s => s.Id == found.Step.StepId, ct)) return NotFound();
        Found = found;
        Input = input;
        bool? worked = input.Worked switch { Yes => true, No => false, _ => null };
        if (worked is null) ModelState.AddModelError("Input.Worked", L["Bitte wählen Sie, ob dieser Schritt für Sie geklappt hat."]);
        var problem = StepProblem.None;
        if (worked == false)
        {
            if (!Enum.TryParse(input.Problem, ignoreCase: false, out problem) || !FeedbackText.Problems.Contains(problem))
                ModelState.AddModelError("Input.Problem", L["Bitte wählen Sie, was nicht geklappt hat."]);
        }
        var text = FeedbackText.Clean(input.Text);
        if (text.Length > StepFeedback.MaxTextLength)
            ModelState.AddModelError("Input.Text", L["Der Text darf höchstens {0} Zeichen lang sein.", StepFeedback.MaxTextLength]);
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow();
        db.StepFeedback.Add(new StepFeedback
        {
            StepId = found.Step.StepId,
            PathwayId = found.Pathway.PathwayId,
            Worked = worked!.Value,
            Problem = problem,
            Text = text,
            Language = found.Choice.Language,
            // A plain yes or no says nothing anyone must read first; a text waits for the plan team.
            State = text.Length == 0 ? FeedbackState.Approved : FeedbackState.Pending,
            CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        return Redirect(FeedbackText.ThanksUrl(Slug, code, stepUid, found.Choice.Query));
    }
}
