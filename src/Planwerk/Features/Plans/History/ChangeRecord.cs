using Planwerk.Infrastructure;

namespace Planwerk.Features.Plans.History;

/// <summary>One recorded change of a part of a plan: who changed what, when, and why. Written by
/// <see cref="Data.PlanwerkDbContext"/> in the same transaction as the change itself.
/// <para>Deliberately without a foreign key to the plan or the changed row: the record of a deleted
/// measure (or plan) must outlive it. Ids are never reused (AUTOINCREMENT / identity), so a
/// <see cref="PlanId"/> or <see cref="EntityId"/> never points at a different row later.</para>
/// <para>The changed fields are rows of <see cref="ChangeRecordField"/> (a child table rather than a
/// JSON column), so both databases store and query them the same way.</para></summary>
public sealed class ChangeRecord : IMunicipalityOwned
{
    public const int MaxReasonLength = 1000;

    public long Id { get; set; }
    public int MunicipalityId { get; set; }
    public int PlanId { get; set; }
    /// <summary>One of <see cref="ChangeEntityTypes"/>.</summary>
    public required string EntityType { get; set; }
    public int EntityId { get; set; }
    /// <summary>What the part was called at the time, e.g. "4.3 Titel" for a measure; without the kind of
    /// part, which pages add from <see cref="EntityType"/> in the reader's language (<see cref="ChangeHistory.Label"/>).</summary>
    public required string EntityLabel { get; set; }
    public ChangeAction Action { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string Reason { get; set; } = "";
    public List<ChangeRecordField> Fields { get; set; } = [];
}
