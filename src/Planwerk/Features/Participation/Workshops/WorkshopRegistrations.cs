using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Participation.Workshops;

public enum RegistrationOutcome
{
    Confirmed,
    Waiting,
    AlreadyRegistered,
    Closed,
    NotFound,
}

/// <summary>Registering and cancelling. The capacity must hold when two people take the last place at the
/// same moment, so each change runs in a transaction that first writes the workshop's row: on PostgreSQL
/// that row lock makes the second transaction wait until the first has committed (its count then sees
/// the first registration); SQLite's write transactions run one at a time anyway. Only then are the
/// confirmed places counted.</summary>
public static class WorkshopRegistrations
{
    /// <summary>Locks the workshop's row for the rest of the transaction by writing it unchanged.</summary>
    private static Task<int> LockAsync(PlanwerkDbContext db, int workshopId, CancellationToken ct) =>
        db.Workshops.Where(w => w.Id == workshopId).ExecuteUpdateAsync(s => s.SetProperty(w => w.Version, w => w.Version), ct);

    /// <summary>Whether a person may still register (or cancel): not called off and not yet begun.</summary>
    public static bool IsOpen(Workshop workshop, DateTimeOffset now) => workshop.CancelledAt is null && now < workshop.StartsAt;

    public static async Task<(RegistrationOutcome Outcome, WorkshopRegistration? Registration)> RegisterAsync(PlanwerkDbContext db, int workshopId,
        string userId, int? stakeholderId, int? workingGroupId, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await LockAsync(db, workshopId, ct) == 0) return (RegistrationOutcome.NotFound, null);
        var workshop = await db.Workshops.AsNoTracking().SingleAsync(w => w.Id == workshopId, ct);
        if (!IsOpen(workshop, now)) return (RegistrationOutcome.Closed, null);

        var registration = await db.WorkshopRegistrations.FirstOrDefaultAsync(r => r.WorkshopId == workshopId && r.UserId == userId, ct);
        if (registration is { State: not RegistrationState.Cancelled }) return (RegistrationOutcome.AlreadyRegistered, registration);

        var confirmed = await db.WorkshopRegistrations.CountAsync(r => r.WorkshopId == workshopId && r.State == RegistrationState.Confirmed, ct);
        // Nobody passes those already waiting: while anyone waits, a newcomer waits too.
        var waiting = await db.WorkshopRegistrations.AnyAsync(r => r.WorkshopId == workshopId && r.State == RegistrationState.Waiting, ct);
        var state = confirmed < workshop.Capacity && !waiting ? RegistrationState.Confirmed : RegistrationState.Waiting;
        if (registration is null)
        {
            // Cancelling keeps the row (one per person and workshop); registering again reuses it.
            registration = new WorkshopRegistration { WorkshopId = workshopId, UserId = userId };
            db.WorkshopRegistrations.Add(registration);
        }
        registration.State = state;
        registration.StakeholderId = stakeholderId;
        registration.WorkingGroupId = workingGroupId;
        registration.RegisteredAt = now;
        registration.CancelledAt = null;
        registration.Attended = null;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (state == RegistrationState.Confirmed ? RegistrationOutcome.Confirmed : RegistrationOutcome.Waiting, registration);
    }

    /// <summary>Cancels the person's registration; a freed place goes to the first on the waiting list.
    /// Returns the cancelled registration (null when there was none) and those who moved up.</summary>
    public static async Task<(WorkshopRegistration? Cancelled, IReadOnlyList<WorkshopRegistration> MovedUp)> CancelAsync(PlanwerkDbContext db, int workshopId,
        string userId, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await LockAsync(db, workshopId, ct) == 0) return (null, []);
        var workshop = await db.Workshops.AsNoTracking().SingleAsync(w => w.Id == workshopId, ct);
        if (!IsOpen(workshop, now)) return (null, []);
        var registration = await db.WorkshopRegistrations.FirstOrDefaultAsync(r => r.WorkshopId == workshopId && r.UserId == userId && r.State != RegistrationState.Cancelled, ct);
        if (registration is null) return (null, []);
        registration.State = RegistrationState.Cancelled;
        registration.CancelledAt = now;
        await db.SaveChangesAsync(ct);
        var movedUp = await FillPlacesAsync(db, workshop, ct);
        await transaction.CommitAsync(ct);
        return (registration, movedUp);
    }

    /// <summary>Within a locked transaction: gives the free places to those waiting longest.</summary>
    private static async Task<IReadOnlyList<WorkshopRegistration>> FillPlacesAsync(PlanwerkDbContext db, Workshop workshop, CancellationToken ct)
    {
        var confirmed = await db.WorkshopRegistrations.CountAsync(r => r.WorkshopId == workshop.Id && r.State == RegistrationState.Confirmed, ct);
        var free = workshop.Capacity - confirmed;
        if (free <= 0) return [];
        var next = await db.WorkshopRegistrations
            .Where(r => r.WorkshopId == workshop.Id && r.State == RegistrationState.Waiting)
            .OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id)
            .Take(free)
            .ToListAsync(ct);
        foreach (var r in next) r.State = RegistrationState.Confirmed;
        await db.SaveChangesAsync(ct);
        return next;
    }

    /// <summary>After the capacity was raised: those waiting move up into the new places.</summary>
    public static async Task<IReadOnlyList<WorkshopRegistration>> FillPlacesAsync(PlanwerkDbContext db, int workshopId, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await LockAsync(db, workshopId, ct) == 0) return [];
        var workshop = await db.Workshops.AsNoTracking().SingleAsync(w => w.Id == workshopId, ct);
        if (!IsOpen(workshop, now)) return [];
        var movedUp = await FillPlacesAsync(db, workshop, ct);
        await transaction.CommitAsync(ct);
        return movedUp;
    }
}
