using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Participation.Weighing;

/// <summary>The weighing of a round for the plan team: per plan part how many statements there are, how
/// many are weighed and with which outcome, each statement linked to its weighing form; the internal
/// downloads; and, for plan editors, publishing the weighing once the round is closed and every statement
/// is weighed. Publication is not withdrawn: corrections made afterwards are shown as such.</summary>
[Authorize(Policy = Policies.PlanTeam)]
public sealed class OverviewModel(
    PlanwerkDbContext db,
    IOutputCacheStore cache,
    IAuthorizationService authorization,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : ManagePageModel
{
    public WeighingTable Table { get; private set; } = null!;

    public RoundState State { get; private set; }

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int roundId, CancellationToken ct) =>
        await LoadAsync(roundId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(int roundId, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.PlanEditor)).Succeeded) return Forbid();
        var round = await db.ConsultationRounds.FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return NotFound();
        var now = clock.GetUtcNow();
        if (round.WeighingPublishedAt is not null)
        {
            TempData[NoticeKey] = l["Die Abwägung ist bereits veröffentlicht."].Value;
            return Redirect(WeighingText.RoundUrl(Municipality.Slug, roundId));
        }
        var open = await db.Statements.CountAsync(s => s.RoundId == roundId && s.Outcome == null, ct);
        if (round.StateAt(now) != RoundState.Closed)
            ModelState.AddModelError("", l["Die Abwägung kann erst veröffentlicht werden, wenn die Beteiligung beendet ist (am {0}).", WeighingText.Time(round.ClosesAt)]);
        else if (open > 0)
            ModelState.AddModelError("", open == 1
                ? l["Die Abwägung kann noch nicht veröffentlicht werden: 1 Stellungnahme ist noch nicht abgewogen."]
                : l["Die Abwägung kann noch nicht veröffentlicht werden: {0} Stellungnahmen sind noch nicht abgewogen.", open]);
        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            return await LoadAsync(roundId, ct) ? Page() : NotFound();
        }
        round.WeighingPublishedAt = now;
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["Die Abwägung wurde veröffentlicht. Die Einreichenden sehen jetzt ihr Ergebnis."], WeighingText.RoundUrl(Municipality.Slug, roundId));
    }

    private async Task<bool> LoadAsync(int roundId, CancellationToken ct)
    {
        if (await WeighingReads.TableAsync(db, roundId, publicOnly: false, l, ct) is not { } table) return false;
        Table = table;
        State = table.Round.StateAt(clock.GetUtcNow());
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.PlanEditor)).Succeeded;
        return true;
    }

    public string RoundManageUrl => ManageUrl(string.Create(CultureInfo.InvariantCulture, $"/consultations/{Table.Round.Id}"));
}
