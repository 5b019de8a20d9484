using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Planwerk.Data;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Council;

/// <summary>What a save of council rows means beyond the rows themselves, for OParl clients that sync by
/// <c>modified_since</c>: an OParl paper embeds its consultations and files and names its revisions and amendments, a meeting its agenda items, and an
/// agenda item names its consultation, so a change of one of those changes the object that embeds it; and a
/// deleted object stays as a <see cref="DeletedCouncilObject"/>. The context calls <see cref="Collect"/> before
/// it saves and <see cref="Pending.TouchAsync"/> inside the save's transaction.</summary>
public static class CouncilChanges
{
    /// <summary>The papers, meetings and agenda items whose modified moment moves with this save.</summary>
    public sealed class Pending(DateTimeOffset now)
    {
        internal HashSet<int> Papers { get; } = [];
        internal HashSet<int> Meetings { get; } = [];
        internal HashSet<int> AgendaItems { get; } = [];
        /// <summary>Agenda items whose consultation's result changed: they change only where they publish that result
        /// (no result typed on the item itself).</summary>
        internal HashSet<int> ResultItems { get; } = [];
        /// <summary>A municipality's own results renamed or re-flagged: the consultations that carry them change with them.</summary>
        internal HashSet<int> ResultKinds { get; } = [];
        /// <summary>Agenda items made public or non-public, or deleted: a consultation names its item only while it is public,
        /// so the consultations naming them, and their papers, change with them.</summary>
        internal HashSet<int> NamedItems { get; } = [];
        /// <summary>A person embeds their memberships, and a body names its members' memberships.</summary>
        internal HashSet<int> Persons { get; } = [];
        internal HashSet<int> Bodies { get; } = [];

        public bool Any => Papers.Count > 0 || Meetings.Count > 0 || AgendaItems.Count > 0 || ResultItems.Count > 0 || ResultKinds.Count > 0
            || NamedItems.Count > 0 || Persons.Count > 0 || Bodies.Count > 0;

        /// <summary>Moves the modified moment of the embedding objects in the database, without touching their
        /// concurrency version (nobody edited them, so an open form of them stays valid).</summary>
        public async Task TouchAsync(PlanwerkDbContext db, CancellationToken ct)
        {
            var papers = Papers.ToList();
            var items = AgendaItems.ToList();
            var meetings = Meetings.ToList();
            var kinds = ResultKinds.ToList();
            if (kinds.Count > 0)
            {
                var carrying = db.PaperConsultations.Where(c => c.CustomResultId != null && kinds.Contains(c.CustomResultId.Value));
                papers.AddRange(await carrying.Select(c => c.PaperId).Distinct().ToListAsync(ct));
                ResultItems.UnionWith(await carrying.Where(c => c.AgendaItemId != null).Select(c => c.AgendaItemId!.Value).Distinct().ToListAsync(ct));
                await carrying.ExecuteUpdateAsync(s => s.SetProperty(c => c.ModifiedAt, now), ct);
            }
            var named = NamedItems.ToList();
            if (named.Count > 0)
            {
                var naming = db.PaperConsultations.Where(c => c.AgendaItemId != null && named.Contains(c.AgendaItemId.Value));
                papers.AddRange(await naming.Select(c => c.PaperId).Distinct().ToListAsync(ct));
                await naming.ExecuteUpdateAsync(s => s.SetProperty(c => c.ModifiedAt, now), ct);
            }
            var resultItems = ResultItems.Except(items).ToList();
            if (resultItems.Count > 0)
            {
                var publishing = db.AgendaItems.Where(a => resultItems.Contains(a.Id) && a.Result == "");
                await db.Meetings.Where(m => m.AgendaItems.Any(a => resultItems.Contains(a.Id) && a.Result == "")).ExecuteUpdateAsync(s => s.SetProperty(m => m.ModifiedAt, now), ct);
                await publishing.ExecuteUpdateAsync(s => s.SetProperty(a => a.ModifiedAt, now), ct);
            }
            if (papers.Count > 0)
                await db.Papers.Where(p => papers.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.ModifiedAt, now), ct);
            if (items.Count > 0)
            {
                await db.AgendaItems.Where(a => items.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.ModifiedAt, now), ct);
                await db.Meetings.Where(m => m.AgendaItems.Any(a => items.Contains(a.Id))).ExecuteUpdateAsync(s => s.SetProperty(m => m.ModifiedAt, now), ct);
            }
            if (meetings.Count > 0)
                await db.Meetings.Where(m => meetings.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.ModifiedAt, now), ct);
            var persons = Persons.ToList();
            if (persons.Count > 0)
                await db.CouncilPersons.Where(p => persons.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.ModifiedAt, now), ct);
            var bodies = Bodies.ToList();
            if (bodies.Count > 0)
                await db.CouncilBodies.Where(b => bodies.Contains(b.Id)).ExecuteUpdateAsync(s => s.SetProperty(b => b.ModifiedAt, now), ct);
        }
    }

    /// <summary>Adds a <see cref="DeletedCouncilObject"/> for every published council row deleted in this save, and
    /// collects the objects that embed a changed one.</summary>
    /// <param name="changed">The save's added, modified and deleted rows, as the context has listed them once.</param>
    public static Pending Collect(PlanwerkDbContext db, IReadOnlyList<EntityEntry> changed, DateTimeOffset now)
    {
        var pending = new Pending(now);
        var deleted = new List<DeletedCouncilObject>();
        foreach (var entry in changed)
        {
            switch (entry.Entity)
            {
                case PaperFile file:
                    pending.Papers.Add(file.PaperId);
                    break;
                case PaperConsultation consultation:
                    pending.Papers.Add(consultation.PaperId);
                    // The agenda item names its consultation, and publishes its result where none is typed on the item (AgendaItem.result).
                    if (entry.State == EntityState.Modified && consultation.AgendaItemId is int resultItem
                        && (entry.Property(nameof(PaperConsultation.Result)).IsModified || entry.Property(nameof(PaperConsultation.CustomResultId)).IsModified))
                        pending.ResultItems.Add(resultItem);
                    if (entry.State != EntityState.Modified || entry.Property(nameof(PaperConsultation.AgendaItemId)).IsModified)
                    {
                        if (consultation.AgendaItemId is int item) pending.AgendaItems.Add(item);
                        if (entry.State == EntityState.Modified && entry.Property(nameof(PaperConsultation.AgendaItemId)).OriginalValue is int before)
                            pending.AgendaItems.Add(before);
                    }
                    break;
                case AgendaItem item:
                    pending.Meetings.Add(item.MeetingId);
                    if (entry.State == EntityState.Deleted || (entry.State == EntityState.Modified && entry.Property(nameof(AgendaItem.IsPublic)).IsModified))
                        pending.NamedItems.Add(item.Id);
                    break;
                case BodyMembership membership:
                    pending.Persons.Add(membership.PersonId);
                    pending.Bodies.Add(membership.BodyId);
                    if (entry.State == EntityState.Modified && entry.Property(nameof(BodyMembership.BodyId)).OriginalValue is int formerBody)
                        pending.Bodies.Add(formerBody);
                    break;
                case Paper paper:
                    // A revision names the paper it replaces, and that paper publishes it as related (OParl: relatedPaper both ways);
                    // an amendment names the paper it amends, and that paper lists it (OParl: superordinatedPaper, subordinatedPaper).
                    foreach (var link in new[] { nameof(Paper.ReplacesPaperId), nameof(Paper.AmendsPaperId) })
                    {
                        var property = entry.Property(link);
                        if (entry.State == EntityState.Modified && !property.IsModified) continue;
                        if (property.CurrentValue is int current) pending.Papers.Add(current);
                        if (entry.State == EntityState.Modified && property.OriginalValue is int before) pending.Papers.Add(before);
                    }
                    break;
                case ConsultationResultKind resultKind when entry.State == EntityState.Modified:
                    pending.ResultKinds.Add(resultKind.Id);
                    break;
            }
            if (entry.State == EntityState.Deleted && Kind(entry.Entity) is { } kind && entry.Entity is IMunicipalityOwned owned && entry.Entity is ITimestamped stamped)
            {
                deleted.Add(new DeletedCouncilObject
                {
                    MunicipalityId = owned.MunicipalityId, Kind = kind, ObjectId = (int)entry.Property("Id").CurrentValue!,
                    CreatedAt = stamped.CreatedAt, ModifiedAt = now,
                });
            }
        }
        db.Set<DeletedCouncilObject>().AddRange(deleted);
        return pending;
    }

    /// <summary>The OParl list of a published council row, or null for rows OParl does not publish.</summary>
    public static string? Kind(object entity) => entity switch
    {
        CouncilBody => "organizations",
        Meeting => "meetings",
        AgendaItem => "agendaitems",
        Paper => "papers",
        PaperConsultation => "consultations",
        PaperFile => "files",
        CouncilPerson => "persons",
        BodyMembership => "memberships",
        _ => null,
    };
}
