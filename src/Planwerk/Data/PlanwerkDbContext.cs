using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Planwerk.Features.Accounts;
using Planwerk.Features.Council;
using Planwerk.Features.Municipalities;
using Planwerk.Features.Participation;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Features.Participation.Moderation;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Participation.Workshops;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.History;
using Planwerk.Features.Plans.Sections;
using Planwerk.Features.Plans.Timeline;
using Planwerk.Features.Plans.Versions;
using Planwerk.Features.Services.Directory;
using Planwerk.Infrastructure;

namespace Planwerk.Data;

/// <summary>The one DbContext. Each database provider has a subclass that owns its migrations
/// (<see cref="SqlitePlanwerkDbContext"/>, <see cref="PostgresPlanwerkDbContext"/>); the model is this class.</summary>
public abstract class PlanwerkDbContext(DbContextOptions options) : IdentityDbContext<PlanwerkUser>(options), Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    /// <summary>The municipality whose data this context may see and change. Null (no municipality
    /// in the request) means no municipality-owned row is visible at all.</summary>
    public int? CurrentMunicipalityId { get; set; }

    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<MunicipalityMembership> Memberships => Set<MunicipalityMembership>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    /// <summary>The keys that protect sign-in cookies and form tokens, shared by every instance on this database
    /// (see <see cref="Infrastructure.Instances.SharedKeys"/>).</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();
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
    public DbSet<PlanVersionPart> PlanVersionParts => Set<PlanVersionPart>();
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
    public DbSet<ConsultationResultKind> ConsultationResultKinds => Set<ConsultationResultKind>();
    public DbSet<ConsultationGroupVote> ConsultationGroupVotes => Set<ConsultationGroupVote>();
    public DbSet<AmendmentChangeLink> AmendmentChangeLinks => Set<AmendmentChangeLink>();
    public DbSet<DeletedCouncilObject> DeletedCouncilObjects => Set<DeletedCouncilObject>();
    public DbSet<Features.Council.OParlImport.FollowedPaper> FollowedPapers => Set<Features.Council.OParlImport.FollowedPaper>();
    public DbSet<Features.Council.OParlImport.ImportedCouncilObject> ImportedCouncilObjects => Set<Features.Council.OParlImport.ImportedCouncilObject>();
    public DbSet<CouncilPerson> CouncilPersons => Set<CouncilPerson>();
    public DbSet<BodyMembership> BodyMemberships => Set<BodyMembership>();
    public DbSet<TimelineEntry> TimelineEntries => Set<TimelineEntry>();
    public DbSet<Features.Legal.LegalPage> LegalPages => Set<Features.Legal.LegalPage>();
    public DbSet<Features.Implementation.Milestone> Milestones => Set<Features.Implementation.Milestone>();
    public DbSet<Features.Implementation.ReportingPeriod> ReportingPeriods => Set<Features.Implementation.ReportingPeriod>();
    public DbSet<Features.Implementation.ImplementationStatus> ImplementationStatuses => Set<Features.Implementation.ImplementationStatus>();
    public DbSet<Features.Implementation.MeasureOrganisation> MeasureOrganisations => Set<Features.Implementation.MeasureOrganisation>();
    public DbSet<Features.Implementation.MeasureReport> MeasureReports => Set<Features.Implementation.MeasureReport>();
    public DbSet<Features.Implementation.ReportEvidence> ReportEvidence => Set<Features.Implementation.ReportEvidence>();
    public DbSet<Features.Implementation.ReportReminder> ReportReminders => Set<Features.Implementation.ReportReminder>();
    public DbSet<Features.Implementation.ReportReminderSetting> ReportReminderSettings => Set<Features.Implementation.ReportReminderSetting>();
    public DbSet<Features.Implementation.Indicator> Indicators => Set<Features.Implementation.Indicator>();
    public DbSet<Features.Implementation.IndicatorValue> IndicatorValues => Set<Features.Implementation.IndicatorValue>();
    public DbSet<Features.Implementation.YearlyReport> YearlyReports => Set<Features.Implementation.YearlyReport>();
    public DbSet<Features.Services.HelpService> HelpServices => Set<Features.Services.HelpService>();
    public DbSet<Features.Services.ServiceLanguage> ServiceLanguages => Set<Features.Services.ServiceLanguage>();
    public DbSet<Features.Services.ServiceContact> ServiceContacts => Set<Features.Services.ServiceContact>();
    public DbSet<Features.Services.MeasureService> MeasureServices => Set<Features.Services.MeasureService>();
    public DbSet<Features.Services.ServiceTopic> ServiceTopics => Set<Features.Services.ServiceTopic>();
    public DbSet<Features.Services.ServiceLocation> ServiceLocations => Set<Features.Services.ServiceLocation>();
    public DbSet<Features.Services.ServiceAtLocation> ServiceAtLocations => Set<Features.Services.ServiceAtLocation>();
    public DbSet<Features.Services.ServiceSchedule> ServiceSchedules => Set<Features.Services.ServiceSchedule>();
    public DbSet<Features.Services.SpecialHours> SpecialHours => Set<Features.Services.SpecialHours>();
    public DbSet<Features.Services.ContentLanguage> ContentLanguages => Set<Features.Services.ContentLanguage>();
    public DbSet<Features.Services.ContentTranslation> ContentTranslations => Set<Features.Services.ContentTranslation>();
    public DbSet<Features.Services.ServiceProposal> ServiceProposals => Set<Features.Services.ServiceProposal>();
    public DbSet<Features.Pathways.Pathway> Pathways => Set<Features.Pathways.Pathway>();
    public DbSet<Features.Pathways.PathwayStage> PathwayStages => Set<Features.Pathways.PathwayStage>();
    public DbSet<Features.Pathways.PathwayStep> PathwaySteps => Set<Features.Pathways.PathwayStep>();
    public DbSet<Features.Pathways.PathwayStageStep> PathwayStageSteps => Set<Features.Pathways.PathwayStageStep>();
    public DbSet<Features.Pathways.PathwayStepService> PathwayStepServices => Set<Features.Pathways.PathwayStepService>();
    public DbSet<Features.Pathways.PathwayStepMeasure> PathwayStepMeasures => Set<Features.Pathways.PathwayStepMeasure>();
    public DbSet<Features.Pathways.PathwayPublication> PathwayPublications => Set<Features.Pathways.PathwayPublication>();
    public DbSet<Features.Pathways.StepFeedback> StepFeedback => Set<Features.Pathways.StepFeedback>();
    public DbSet<Features.Statistics.StatisticsDataset> StatisticsDatasets => Set<Features.Statistics.StatisticsDataset>();
    public DbSet<Features.Statistics.StatisticsCategory> StatisticsCategories => Set<Features.Statistics.StatisticsCategory>();
    public DbSet<Features.Statistics.StatisticsObservation> StatisticsObservations => Set<Features.Statistics.StatisticsObservation>();
    public DbSet<PlanSectionDataset> PlanSectionDatasets => Set<PlanSectionDataset>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        MunicipalityModel.Configure(builder);
        AccountModel.Configure(builder);
        PlanModel.Configure(builder);
        ParticipationModel.Configure(builder);
        CouncilModel.Configure(builder);
        Features.Council.OParlImport.OParlImportModel.Configure(builder);
        TimelineModel.Configure(builder);
        Features.Services.ServicesModel.Configure(builder, Database.IsNpgsql());
        Features.Pathways.PathwaysModel.Configure(builder);
        Features.Statistics.StatisticsModel.Configure(builder);
        builder.ApplyConfiguration(new Features.Legal.LegalPageConfiguration());
        builder.ApplyConfiguration(new Features.Implementation.MilestoneConfiguration());
        builder.ApplyConfiguration(new Features.Implementation.ReportingPeriodConfiguration());
        builder.ApplyConfiguration(new Features.Implementation.ImplementationStatusConfiguration());
        builder.ApplyConfiguration(new Features.Implementation.MeasureOrganisationConfiguration());
        builder.ApplyConfiguration(new Features.Implementation.MeasureReportConfiguration());
        builder.ApplyConfiguration(new Features.Implementation.ReportEvidenceConfiguration());
        builder.ApplyConfiguration(new Features.Implementation.ReportReminderConfiguration());
        builder.ApplyConfiguration(new Features.Implementation.ReportReminderSettingConfiguration());
        builder.ApplyConfiguration(new Features.Implementation.IndicatorConfiguration());
        builder.ApplyConfiguration(new Features.Implementation.IndicatorValueConfiguration());
        builder.ApplyConfiguration(new Features.Implementation.YearlyReportConfiguration());

        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            var clr = entityType.ClrType;
            if (typeof(IVersioned).IsAssignableFrom(clr))
            {
                builder.Entity(clr).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }
        }

        ApplyMunicipalityFilters(builder);
    }

    /// <summary>Every municipality-owned entity type in the model gets the same filter, by construction: a new
    /// <see cref="IMunicipalityOwned"/> type is filtered without a line here. The few types that are not owned
    /// are listed, with their reasons, in docs/decisions/0003-tenancy-by-query-filter.md, and a test fails for any
    /// other type without a filter.</summary>
    private void ApplyMunicipalityFilters(ModelBuilder builder)
    {
        Expression<Func<IMunicipalityOwned, bool>> filter = row => row.MunicipalityId == CurrentMunicipalityId;
        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => typeof(IMunicipalityOwned).IsAssignableFrom(t.ClrType)).ToList())
        {
            var row = Expression.Parameter(entityType.ClrType, "row");
            builder.Entity(entityType.ClrType).HasQueryFilter(
                Expression.Lambda(ReplacingExpressionVisitor.Replace(filter.Parameters[0], row, filter.Body), row));
        }
        // A field change is visible only through a visible record.
        builder.Entity<ChangeRecordField>().HasQueryFilter(f => f.ChangeRecord!.MunicipalityId == CurrentMunicipalityId);
    }

    /// <summary>Who changes what in this context, and why; set per request (see <see cref="ChangeAuthorMiddleware"/>).
    /// Without a signed-in user (seeding, commands) changes are recorded without a person.</summary>
    public ChangeAuthor Author { get; set; } = new();

    /// <summary>The application's clock, so change records and timestamps follow the injected
    /// <see cref="TimeProvider"/> (tests set their own); the system clock where the context runs without the
    /// application (design time).</summary>
    private TimeProvider Clock => clock ??= this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<TimeProvider>() ?? TimeProvider.System;

    private TimeProvider? clock;

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>A save does nine jobs, one method each: write the parts of new named versions, keep every row within the current municipality, refuse
    /// changes to named versions, stamp the moments of timestamped rows, bump the concurrency versions, keep each
    /// changed measure's folded search text (and, after the save, each affected help service's), give new measures and images their numbers, move the modified moment
    /// of council objects that embed a changed one (OParl clients sync by it), and record the history with its
    /// author. Numbers and history are written
    /// in one transaction with the change.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Each Entries() call detects changes over every tracked row: ask once.
        var changed = ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        VersionParts.AddForNewVersions(this, changed);
        KeepWithinMunicipality(changed);
        RefuseChangedVersions(changed);
        StampMoments(changed);
        BumpVersions(changed);
        // The names a record and a measure's search text need (a changed lead's or partner's), read before either uses them.
        await ChangeRecorder.LoadNamesAsync(changed, cancellationToken);
        MeasureSearch.KeepSearchText(changed);
        var serviceSearch = await ServiceSearch.CollectAsync(this, changed, cancellationToken);
        var council = CouncilChanges.Collect(this, changed, Clock.GetUtcNow());

        IDbContextTransaction? own = null;
        try
        {
            // New measures and images take numbers from their plan's counter, which must move in the same transaction;
            // so do the modified moments of council objects that embed a changed one.
            if (NeedsPlanKeys(changed) || council.Any || serviceSearch.Any) own = await BeginOwnTransactionAsync(cancellationToken);
            await AssignPlanKeysAsync(cancellationToken);
            await council.TouchAsync(this, cancellationToken);
            var history = ChangeRecorder.Collect(ChangeTracker, Author, Clock.GetUtcNow());
            int count;
            if (history.Count == 0)
            {
                count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            else
            {
                await LoadAuthorNameAsync(cancellationToken);
                own ??= await BeginOwnTransactionAsync(cancellationToken);
                count = await SaveWithHistoryAsync(history, cancellationToken);
            }
            // A help service's search text is made of rows the save may not hold (its topics, places, translations): written after it.
            await serviceSearch.ApplyAsync(this, cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
            return count;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>A transaction of this save's own, unless the caller already runs one.</summary>
    private async Task<IDbContextTransaction?> BeginOwnTransactionAsync(CancellationToken cancellationToken) =>
        Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;

    /// <summary>Gives new rows the current municipality and refuses rows of any other.</summary>
    private void KeepWithinMunicipality(List<EntityEntry> changed)
    {
        foreach (var entry in changed)
        {
            if (entry.Entity is not IMunicipalityOwned owned) continue;
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
    }

    private void RefuseChangedVersions(List<EntityEntry> changed)
    {
        foreach (var entry in changed)
        {
            if (entry.Entity is PlanVersion version) RefuseChangedVersion(entry, version);
            if (entry.Entity is PlanVersionPart part && entry.State == EntityState.Modified)
            {
                throw new InvalidOperationException($"Refusing to change part {part.Id} of named version {part.VersionId}: versions are immutable.");
            }
        }
    }

    /// <summary>Stamps when a timestamped row was created and last changed.</summary>
    private void StampMoments(List<EntityEntry> changed)
    {
        foreach (var entry in changed)
        {
            if (entry.Entity is not ITimestamped stamped || entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            var now = Clock.GetUtcNow();
            if (entry.State == EntityState.Added && stamped.CreatedAt == default) stamped.CreatedAt = now;
            // A new row keeps the moments it was given (demo content of past years); a change is now.
            if (entry.State == EntityState.Modified || stamped.ModifiedAt == default) stamped.ModifiedAt = entry.State == EntityState.Added ? stamped.CreatedAt : now;
        }
    }

    /// <summary>Bumps the concurrency version of every changed row, so a stale form cannot overwrite it.</summary>
    private static void BumpVersions(List<EntityEntry> changed)
    {
        foreach (var entry in changed)
        {
            if (entry.Entity is IVersioned versioned && entry.State == EntityState.Modified) versioned.Version++;
        }
    }

    /// <summary>The author's name is written into each record; looked up once per context.</summary>
    private async Task LoadAuthorNameAsync(CancellationToken cancellationToken)
    {
        if (Author.UserId is { } userId && Author.UserName is null)
        {
            Author.UserName = await Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? "";
        }
    }

    /// <summary>Saves the changes, then their <see cref="ChangeRecord"/>s: the records need the ids the first save gives.</summary>
    private async Task<int> SaveWithHistoryAsync(List<ChangeRecorder.Pending> history, CancellationToken cancellationToken)
    {
        var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
        var records = ChangeRecorder.Complete(history, Author.UserName ?? "").ToList();
        // Many records (an import's) in a few statements; the same rows (ChangeRecordWriter).
        if (records.Count >= ChangeRecordWriter.BulkFrom) await ChangeRecordWriter.WriteAsync(this, records, cancellationToken);
        else
        {
            ChangeRecords.AddRange(records);
            await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
        }
        return count;
    }

    private static bool NeedsPlanKeys(List<EntityEntry> changed) =>
        changed.Any(e => e.State == EntityState.Added && e.Entity is Measure or PlanImage);

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

/// <summary>Every save on SQLite runs in a transaction, even a single statement's, so it passes the write gate
/// (<see cref="SqliteWriteGate"/>) instead of meeting a running writer's lock and sleeping in SQLite's retries.</summary>
public sealed class SqlitePlanwerkDbContext : PlanwerkDbContext
{
    public SqlitePlanwerkDbContext(DbContextOptions<SqlitePlanwerkDbContext> options) : base(options) =>
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
}

public sealed class PostgresPlanwerkDbContext(DbContextOptions<PostgresPlanwerkDbContext> options) : PlanwerkDbContext(options);
