using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Planwerk.Features.Accounts;
using Planwerk.Features.Council;
using Planwerk.Features.Municipalities;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Features.Participation.Moderation;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Participation.Workshops;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.History;
using Planwerk.Features.Plans.Sections;
using Planwerk.Features.Plans.Timeline;
using Planwerk.Features.Plans.Versions;
using Planwerk.Infrastructure;

namespace Planwerk.Data;

/// <summary>The one DbContext. Each database provider has a subclass that owns its migrations
/// (<see cref="SqlitePlanwerkDbContext"/>, <see cref="PostgresPlanwerkDbContext"/>); the model is this class.</summary>
public abstract class PlanwerkDbContext(DbContextOptions options) : IdentityDbContext<PlanwerkUser>(options)
{
    /// <summary>The municipality whose data this context may see and change. Null (no municipality
    /// in the request) means no municipality-owned row is visible at all.</summary>
    public int? CurrentMunicipalityId { get; set; }

    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<MunicipalityMembership> Memberships => Set<MunicipalityMembership>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<Principle> Principles => Set<Principle>();
    public DbSet<FieldOfAction> FieldsOfAction => Set<FieldOfAction>();
    public DbSet<Measure> Measures => Set<Measure>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<ChangeRecord> ChangeRecords => Set<ChangeRecord>();
    public DbSet<ChangeRecordField> ChangeRecordFields => Set<ChangeRecordField>();
    public DbSet<PlanSection> PlanSections => Set<PlanSection>();
    public DbSet<PlanImage> PlanImages => Set<PlanImage>();
    public DbSet<PlanVersion> PlanVersions => Set<PlanVersion>();
    public DbSet<Stakeholder> Stakeholders => Set<Stakeholder>();
    public DbSet<StakeholderMember> StakeholderMembers => Set<StakeholderMember>();
    public DbSet<StakeholderInvitation> StakeholderInvitations => Set<StakeholderInvitation>();
    public DbSet<StakeholderJoinRequest> StakeholderJoinRequests => Set<StakeholderJoinRequest>();
    public DbSet<ConsultationRound> ConsultationRounds => Set<ConsultationRound>();
    public DbSet<RoundInvitedStakeholder> RoundInvitedStakeholders => Set<RoundInvitedStakeholder>();
    public DbSet<Statement> Statements => Set<Statement>();
    public DbSet<StatementAttachment> StatementAttachments => Set<StatementAttachment>();
    public DbSet<StatementChangeLink> StatementChangeLinks => Set<StatementChangeLink>();
    public DbSet<RoundComment> RoundComments => Set<RoundComment>();
    public DbSet<CommentReport> CommentReports => Set<CommentReport>();
    public DbSet<ModerationLogEntry> ModerationLog => Set<ModerationLogEntry>();
    public DbSet<Workshop> Workshops => Set<Workshop>();
    public DbSet<WorkingGroup> WorkingGroups => Set<WorkingGroup>();
    public DbSet<WorkshopRegistration> WorkshopRegistrations => Set<WorkshopRegistration>();
    public DbSet<CouncilBody> CouncilBodies => Set<CouncilBody>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<Paper> Papers => Set<Paper>();
    public DbSet<PaperFile> PaperFiles => Set<PaperFile>();
    public DbSet<PaperConsultation> PaperConsultations => Set<PaperConsultation>();
    public DbSet<Amendment> Amendments => Set<Amendment>();
    public DbSet<AmendmentChangeLink> AmendmentChangeLinks => Set<AmendmentChangeLink>();
    public DbSet<TimelineEntry> TimelineEntries => Set<TimelineEntry>();
    public DbSet<Features.Legal.LegalPage> LegalPages => Set<Features.Legal.LegalPage>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Municipality>(e =>
        {
            e.HasIndex(m => m.Slug).IsUnique();
            e.Property(m => m.Slug).HasMaxLength(40);
            e.Property(m => m.Name).HasMaxLength(200);
        });

        builder.Entity<PlanwerkUser>().Property(u => u.DisplayName).HasMaxLength(200);

        builder.Entity<MunicipalityMembership>(e =>
        {
            e.HasIndex(m => new { m.MunicipalityId, m.UserId, m.Role }).IsUnique();
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(40);
            e.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Plan>(e =>
        {
            e.Property(p => p.Title).HasMaxLength(300);
            e.Property(p => p.State).HasConversion<string>().HasMaxLength(40);
            e.HasOne(p => p.Predecessor).WithMany().HasForeignKey(p => p.PredecessorId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(p => p.MunicipalityId);
        });

        builder.Entity<Principle>(e =>
        {
            e.Property(p => p.Title).HasMaxLength(500);
            e.HasOne(p => p.Plan).WithMany(p => p.Principles).HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(p => new { p.PlanId, p.Position });
        });

        builder.Entity<FieldOfAction>(e =>
        {
            e.Property(f => f.Title).HasMaxLength(300);
            e.HasOne(f => f.Plan).WithMany(p => p.Fields).HasForeignKey(f => f.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(f => new { f.PlanId, f.Number }).IsUnique();
        });

        builder.Entity<District>(e =>
        {
            e.Property(d => d.Name).HasMaxLength(200);
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(40);
            e.HasIndex(d => new { d.MunicipalityId, d.Name }).IsUnique();
        });

        builder.Entity<Measure>(e =>
        {
            e.Property(m => m.Number).HasMaxLength(20);
            e.Property(m => m.Title).HasMaxLength(500);
            e.Property(m => m.TargetGroups).HasMaxLength(2000);
            e.Property(m => m.ResponsibleOffice).HasMaxLength(500);
            e.Property(m => m.PartnerOrganisations).HasMaxLength(4000);
            e.Property(m => m.Funding).HasMaxLength(2000);
            e.Property(m => m.EstimatedCost).HasPrecision(14, 2);
            e.Property(m => m.Status).HasConversion<string>().HasMaxLength(40);
            e.Property(m => m.Priority).HasConversion<string>().HasMaxLength(40);
            e.HasOne(m => m.Plan).WithMany(p => p.Measures).HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Cascade);
            // Deleting a field with measures is refused by the page; the database backs that up.
            e.HasOne(m => m.FieldOfAction).WithMany(f => f.Measures).HasForeignKey(m => m.FieldOfActionId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => new { m.PlanId, m.Number }).IsUnique();
            e.HasIndex(m => new { m.PlanId, m.Key }).IsUnique();
            e.HasIndex(m => new { m.FieldOfActionId, m.Position });
            e.HasMany(m => m.Principles).WithMany(p => p.Measures).UsingEntity("MeasurePrinciples");
            e.HasMany(m => m.Districts).WithMany(d => d.Measures).UsingEntity("MeasureDistricts");
        });

        builder.Entity<ChangeRecord>(e =>
        {
            // No foreign key to the plan or the changed row: the history outlives what it describes.
            e.Property(c => c.EntityType).HasMaxLength(40);
            e.Property(c => c.EntityLabel).HasMaxLength(1000);
            e.Property(c => c.Action).HasConversion<string>().HasMaxLength(20);
            // Stored as a UTC date and time so that both databases can filter and sort by it (SQLite
            // cannot compare DateTimeOffset values, which it keeps as text with an offset).
            e.Property(c => c.At).HasConversion(v => v.UtcDateTime, v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));
            e.Property(c => c.UserId).HasMaxLength(450);
            e.Property(c => c.UserName).HasMaxLength(300);
            e.Property(c => c.Reason).HasMaxLength(ChangeRecord.MaxReasonLength);
            e.HasIndex(c => new { c.PlanId, c.At });
            e.HasIndex(c => new { c.EntityType, c.EntityId });
            e.HasIndex(c => c.UserId);
            e.HasIndex(c => c.MunicipalityId);
            e.HasMany(c => c.Fields).WithOne(f => f.ChangeRecord).HasForeignKey(f => f.ChangeRecordId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ChangeRecordField>(e => e.Property(f => f.Field).HasMaxLength(100));

        builder.Entity<PlanSection>(e =>
        {
            e.Property(s => s.Title).HasMaxLength(PlanSection.MaxTitleLength);
            e.HasOne(s => s.Plan).WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(s => new { s.PlanId, s.Position });
        });

        builder.Entity<PlanImage>(e =>
        {
            e.Property(i => i.FileName).HasMaxLength(PlanImage.MaxFileNameLength);
            e.Property(i => i.ContentType).HasMaxLength(100);
            e.Property(i => i.AltText).HasMaxLength(PlanImage.MaxAltTextLength);
            e.HasOne(i => i.Plan).WithMany().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(i => new { i.PlanId, i.Number }).IsUnique();
        });

        builder.Entity<PlanVersion>(e =>
        {
            e.Property(v => v.Name).HasMaxLength(PlanVersion.MaxNameLength);
            e.Property(v => v.Note).HasMaxLength(PlanVersion.MaxNoteLength).HasDefaultValue("");
            e.Property(v => v.CreatedByUserId).HasMaxLength(450);
            e.Property(v => v.CreatedByName).HasMaxLength(300);
            e.HasOne(v => v.Plan).WithMany().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(v => new { v.PlanId, v.Name }).IsUnique();
        });

        ConfigureStakeholders(builder);
        ParticipationModel.Configure(builder);
        CouncilModel.Configure(builder);
        builder.ApplyConfiguration(new Features.Legal.LegalPageConfiguration());

        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            var clr = entityType.ClrType;
            if (typeof(IVersioned).IsAssignableFrom(clr))
            {
                builder.Entity(clr).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }
        }

        ApplyMunicipalityFilter<MunicipalityMembership>(builder);
        ApplyMunicipalityFilter<Plan>(builder);
        ApplyMunicipalityFilter<Principle>(builder);
        ApplyMunicipalityFilter<FieldOfAction>(builder);
        ApplyMunicipalityFilter<Measure>(builder);
        ApplyMunicipalityFilter<District>(builder);
        ApplyMunicipalityFilter<ChangeRecord>(builder);
        // A field change is visible only through a visible record.
        builder.Entity<ChangeRecordField>().HasQueryFilter(f => f.ChangeRecord!.MunicipalityId == CurrentMunicipalityId);
        ApplyMunicipalityFilter<PlanSection>(builder);
        ApplyMunicipalityFilter<PlanImage>(builder);
        ApplyMunicipalityFilter<PlanVersion>(builder);
        ApplyMunicipalityFilter<Stakeholder>(builder);
        ApplyMunicipalityFilter<StakeholderMember>(builder);
        ApplyMunicipalityFilter<StakeholderInvitation>(builder);
        ApplyMunicipalityFilter<StakeholderJoinRequest>(builder);
        ApplyMunicipalityFilter<ConsultationRound>(builder);
        ApplyMunicipalityFilter<RoundInvitedStakeholder>(builder);
        ApplyMunicipalityFilter<Statement>(builder);
        ApplyMunicipalityFilter<StatementAttachment>(builder);
        ApplyMunicipalityFilter<StatementChangeLink>(builder);
        ApplyMunicipalityFilter<RoundComment>(builder);
        ApplyMunicipalityFilter<CommentReport>(builder);
        ApplyMunicipalityFilter<ModerationLogEntry>(builder);
        ApplyMunicipalityFilter<Workshop>(builder);
        ApplyMunicipalityFilter<WorkingGroup>(builder);
        ApplyMunicipalityFilter<WorkshopRegistration>(builder);
        ApplyMunicipalityFilter<CouncilBody>(builder);
        ApplyMunicipalityFilter<Meeting>(builder);
        ApplyMunicipalityFilter<AgendaItem>(builder);
        ApplyMunicipalityFilter<Paper>(builder);
        ApplyMunicipalityFilter<PaperFile>(builder);
        ApplyMunicipalityFilter<PaperConsultation>(builder);
        ApplyMunicipalityFilter<Amendment>(builder);
        ApplyMunicipalityFilter<AmendmentChangeLink>(builder);
        ApplyMunicipalityFilter<TimelineEntry>(builder);
        ApplyMunicipalityFilter<Features.Legal.LegalPage>(builder);
    }

    private static void ConfigureStakeholders(ModelBuilder builder)
    {
        builder.Entity<Stakeholder>(e =>
        {
            e.Property(s => s.Name).HasMaxLength(Stakeholder.MaxNameLength);
            e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(s => s.Description).HasMaxLength(Stakeholder.MaxDescriptionLength);
            e.Property(s => s.Address).HasMaxLength(Stakeholder.MaxLineLength);
            e.Property(s => s.Website).HasMaxLength(Stakeholder.MaxLineLength);
            e.Property(s => s.Email).HasMaxLength(256);
            e.Property(s => s.Phone).HasMaxLength(100);
            e.Property(s => s.ContactPerson).HasMaxLength(Stakeholder.MaxLineLength);
            e.HasIndex(s => new { s.MunicipalityId, s.Name }).IsUnique();
        });
        builder.Entity<StakeholderMember>(e =>
        {
            e.Property(m => m.JoinedAt).HasConversion(v => v.UtcDateTime, v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));
            e.HasOne(m => m.Stakeholder).WithMany(s => s.Members).HasForeignKey(m => m.StakeholderId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(m => new { m.StakeholderId, m.UserId }).IsUnique();
            e.HasIndex(m => new { m.MunicipalityId, m.UserId });
        });
        builder.Entity<StakeholderInvitation>(e =>
        {
            var utc = new Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTime>(
                v => v.UtcDateTime, v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));
            e.Property(i => i.CreatedAt).HasConversion(utc);
            e.Property(i => i.ExpiresAt).HasConversion(utc);
            e.Property(i => i.UsedAt).HasConversion(utc);
            e.Property(i => i.Email).HasMaxLength(256);
            e.Property(i => i.TokenHash).HasMaxLength(64);
            e.Property(i => i.InvitedByUserId).HasMaxLength(450);
            e.Property(i => i.UsedByUserId).HasMaxLength(450);
            e.HasOne(i => i.Stakeholder).WithMany().HasForeignKey(i => i.StakeholderId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(i => i.TokenHash).IsUnique();
        });
    }

    private void ApplyMunicipalityFilter<T>(ModelBuilder builder) where T : class, IMunicipalityOwned =>
        builder.Entity<T>().HasQueryFilter(e => e.MunicipalityId == CurrentMunicipalityId);

    /// <summary>Who changes what in this context, and why; set per request (see <see cref="ChangeAuthorMiddleware"/>).
    /// Without a signed-in user (seeding, commands) changes are recorded without a person.</summary>
    public ChangeAuthor Author { get; set; } = new();

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>Stamps the changes, then saves them and their <see cref="ChangeRecord"/>s in one transaction
    /// (the records need the ids the first save gives, so they go in a second save inside it).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampChanges();
        // New measures and images take numbers from their plan's counter, which must move in the same transaction.
        var own = Database.CurrentTransaction is null && NeedsPlanKeys() ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await AssignPlanKeysAsync(cancellationToken);
            var pending = ChangeRecorder.Collect(ChangeTracker, Author, DateTimeOffset.UtcNow);
            if (pending.Count == 0)
            {
                var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                if (own is not null) await own.CommitAsync(cancellationToken);
                return saved;
            }

            if (Author.UserId is { } userId && Author.UserName is null)
            {
                Author.UserName = await Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? "";
            }
            own ??= Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            ChangeRecords.AddRange(ChangeRecorder.Complete(pending, Author.UserName ?? ""));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
            return count;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>Gives new rows the current municipality, refuses rows of another one, and bumps the
    /// concurrency version of every changed row so a stale form cannot overwrite it.</summary>
    private void StampChanges()
    {
        foreach (EntityEntry entry in ChangeTracker.Entries())
        {
            if (entry.Entity is IMunicipalityOwned owned && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                if (entry.State == EntityState.Added && owned.MunicipalityId == 0 && CurrentMunicipalityId is int current)
                {
                    owned.MunicipalityId = current;
                }
                if (CurrentMunicipalityId is null || owned.MunicipalityId != CurrentMunicipalityId)
                {
                    throw new InvalidOperationException(
                        $"Refusing to save a {entry.Entity.GetType().Name} of municipality {owned.MunicipalityId} while working in municipality {CurrentMunicipalityId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}.");
                }
            }
            if (entry.Entity is PlanVersion version)
            {
                RefuseChangedVersion(entry, version);
            }
            if (entry.Entity is ITimestamped stamped && entry.State is EntityState.Added or EntityState.Modified)
            {
                var now = DateTimeOffset.UtcNow;
                if (entry.State == EntityState.Added && stamped.CreatedAt == default) stamped.CreatedAt = now;
                // A new row keeps the moments it was given (demo content of past years); a change is now.
                if (entry.State == EntityState.Modified || stamped.ModifiedAt == default) stamped.ModifiedAt = entry.State == EntityState.Added ? stamped.CreatedAt : now;
            }
            if (entry.Entity is IVersioned versioned && entry.State == EntityState.Modified)
            {
                versioned.Version++;
            }
        }
    }

    private bool NeedsPlanKeys() =>
        ChangeTracker.Entries<Measure>().Any(e => e.State == EntityState.Added)
        || ChangeTracker.Entries<PlanImage>().Any(e => e.State == EntityState.Added);

    /// <summary>Gives new measures their <see cref="Measure.Key"/> and new images their
    /// <see cref="PlanImage.Number"/> where left 0, from their plan's counters (<see cref="Plan.LastMeasureKey"/>,
    /// <see cref="Plan.LastImageNumber"/>), so a number is never given twice, not even after the row that had it
    /// was deleted. Keys given explicitly (an import) move the counter past them. The counter of a saved plan
    /// moves in one UPDATE inside the save's transaction, which also makes two editors adding at the same
    /// moment wait for each other instead of taking the same number.</summary>
    private async Task AssignPlanKeysAsync(CancellationToken cancellationToken)
    {
        // Each Entries() call detects changes over every tracked row: ask once, not per row.
        var measures = ChangeTracker.Entries<Measure>().Where(e => e.State == EntityState.Added).ToList();
        var images = ChangeTracker.Entries<PlanImage>().Where(e => e.State == EntityState.Added).ToList();
        if (measures.Count == 0 && images.Count == 0) return;
        var plans = ChangeTracker.Entries<Plan>().ToDictionary(e => e.Property(p => p.Id).CurrentValue, e => e.Entity);

        foreach (var group in measures.GroupBy(e => PlanOf(e, plans)))
        {
            var given = group.Max(e => e.Entity.Key);
            var fresh = group.Where(e => e.Entity.Key == 0).ToList();
            var last = await MoveCounterAsync(group.Key, given, fresh.Count, nameof(Plan.LastMeasureKey), cancellationToken);
            var next = last - fresh.Count + 1;
            foreach (var entry in fresh) entry.Entity.Key = next++;
        }
        foreach (var group in images.GroupBy(e => PlanOf(e, plans)))
        {
            var given = group.Max(e => e.Entity.Number);
            var fresh = group.Where(e => e.Entity.Number == 0).ToList();
            var last = await MoveCounterAsync(group.Key, given, fresh.Count, nameof(Plan.LastImageNumber), cancellationToken);
            var next = last - fresh.Count + 1;
            foreach (var entry in fresh) entry.Entity.Number = next++;
        }
    }

    /// <summary>Moves a plan's counter to max(counter, <paramref name="given"/>) + <paramref name="count"/> and
    /// returns its new value: in the database for a saved plan, on the object for a new one.</summary>
    private async Task<int> MoveCounterAsync(object plan, int given, int count, string counter, CancellationToken cancellationToken)
    {
        if (plan is Plan added)
        {
            var value = Math.Max((int)Entry(added).Property(counter).CurrentValue!, given) + count;
            Entry(added).Property(counter).CurrentValue = value;
            return value;
        }
        var planId = (int)plan;
        await Plans.Where(p => p.Id == planId).ExecuteUpdateAsync(s => s.SetProperty(
            p => EF.Property<int>(p, counter),
            p => (EF.Property<int>(p, counter) > given ? EF.Property<int>(p, counter) : given) + count), cancellationToken);
        var stored = await Plans.Where(p => p.Id == planId).Select(p => EF.Property<int>(p, counter)).SingleAsync(cancellationToken);
        // Keep a tracked plan in step, without marking it changed.
        if (ChangeTracker.Entries<Plan>().FirstOrDefault(e => e.Entity.Id == planId) is { } tracked) // once per plan and save
        {
            tracked.Property(counter).OriginalValue = stored;
            tracked.Property(counter).CurrentValue = stored;
            tracked.Property(counter).IsModified = false;
        }
        return stored;
    }

    /// <summary>The plan of a new row: its saved plan's id, or the new plan object itself.</summary>
    private static object PlanOf(EntityEntry entry, Dictionary<int, Plan> tracked)
    {
        var planId = entry.Property("PlanId");
        var id = (int)planId.CurrentValue!;
        if (!planId.IsTemporary && id > 0) return id;
        if (entry.Reference("Plan").CurrentValue is Plan plan) return plan;
        return tracked.GetValueOrDefault(id) ?? throw new InvalidOperationException($"A new {entry.Entity.GetType().Name} belongs to no plan.");
    }

    /// <summary>Named versions are immutable. A modified one is always refused; a deleted one only when its
    /// plan is deleted in the same save (EF's cascade of a loaded plan). Deleting the plan without loading
    /// its versions removes them through the database's ON DELETE CASCADE, which never passes here.</summary>
    private void RefuseChangedVersion(EntityEntry entry, PlanVersion version)
    {
        if (entry.State == EntityState.Modified)
        {
            throw new InvalidOperationException($"Refusing to change named version {version.Id}: versions are immutable.");
        }
        if (entry.State == EntityState.Deleted
            && !ChangeTracker.Entries<Plan>().Any(p => p.State == EntityState.Deleted && p.Entity.Id == version.PlanId))
        {
            throw new InvalidOperationException($"Refusing to delete named version {version.Id}: versions go only with their plan.");
        }
    }
}

public sealed class SqlitePlanwerkDbContext(DbContextOptions<SqlitePlanwerkDbContext> options) : PlanwerkDbContext(options);

public sealed class PostgresPlanwerkDbContext(DbContextOptions<PostgresPlanwerkDbContext> options) : PlanwerkDbContext(options);
