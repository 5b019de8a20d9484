using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Features.Plans.Versions;

namespace Planwerk.Features.Plans.Lifecycle;

/// <summary>The states a plan passes through and the only ways between them. A change of state is a
/// change of the plan's <see cref="Plan.State"/> and so is recorded in the plan's history like any other.</summary>
public static class PlanLifecycle
{
    private static readonly Dictionary<PlanState, PlanState[]> Next = new()
    {
        [PlanState.Draft] = [PlanState.InConsultation, PlanState.InDeliberation],
        [PlanState.InConsultation] = [PlanState.Draft, PlanState.InDeliberation],
        // Back to draft when the paper is withdrawn; adoption happens only through the council's resolution.
        [PlanState.InDeliberation] = [PlanState.Draft],
        [PlanState.Adopted] = [PlanState.InImplementation, PlanState.Superseded],
        [PlanState.InImplementation] = [PlanState.Closed, PlanState.Superseded],
        [PlanState.Closed] = [PlanState.Superseded],
        [PlanState.Superseded] = [],
    };

    /// <summary>The states a plan in <paramref name="from"/> may be moved to by hand.</summary>
    public static IReadOnlyList<PlanState> AllowedFrom(PlanState from) => Next[from];

    public static bool IsAllowed(PlanState from, PlanState to) => Next[from].Contains(to);

    /// <summary>Adopts the plan by the council's resolution: freezes its current content as a named
    /// version, makes that the version the public site shows, and moves the plan to
    /// <see cref="PlanState.Adopted"/>. The caller saves (with the reason) in the same transaction as the
    /// result that caused it. Refused unless the plan is in deliberation.</summary>
    public static async Task<PlanVersion> AdoptAsync(PlanwerkDbContext db, int planId, DateOnly resolvedOn, string versionName,
        DateTimeOffset now, string? userId, string userName, CancellationToken ct)
    {
        var plan = await db.Plans.SingleAsync(p => p.Id == planId, ct);
        if (plan.State != PlanState.InDeliberation)
            throw new InvalidOperationException($"Plan {planId} is {plan.State}; only a plan in deliberation can be adopted.");
        var live = await PlanDocument.LoadAsync(db, planId, ct) ?? throw new InvalidOperationException($"Plan {planId} has no content.");
        // The document is read from the database, where the plan is still in deliberation; the version is what was adopted.
        var document = live with { State = PlanState.Adopted };
        var version = new PlanVersion
        {
            PlanId = planId,
            Name = versionName,
            CreatedAt = now,
            CreatedByUserId = userId,
            CreatedByName = userName,
            Document = System.Text.Encoding.UTF8.GetString(document.ToJson()),
        };
        plan.AdoptedVersion = version;
        plan.AdoptedOn = resolvedOn;
        plan.State = PlanState.Adopted;
        db.PlanVersions.Add(version);
        return version;
    }
}
