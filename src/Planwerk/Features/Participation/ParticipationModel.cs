using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Features.Participation.Moderation;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Participation.Workshops;

namespace Planwerk.Features.Participation;

/// <summary>The database shape of participation: stakeholders, their members, invitations and join requests,
/// consultation rounds, statements and their weighing, public comments and their moderation, workshops.</summary>
internal static class ParticipationModel
{
    public static void Configure(ModelBuilder builder)
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
            e.HasIndex(s => new { s.MunicipalityId, s.Uid }).IsUnique();
        });
        builder.Entity<StakeholderMember>(e =>
        {
            e.Property(m => m.JoinedAt).AsUtc();
            e.HasOne(m => m.Stakeholder).WithMany(s => s.Members).HasForeignKey(m => m.StakeholderId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(m => new { m.StakeholderId, m.UserId }).IsUnique();
            e.HasIndex(m => new { m.MunicipalityId, m.UserId });
        });
        builder.Entity<StakeholderInvitation>(e =>
        {
            e.Property(i => i.CreatedAt).AsUtc();
            e.Property(i => i.ExpiresAt).AsUtc();
            e.Property(i => i.UsedAt).AsUtc();
            e.Property(i => i.Email).HasMaxLength(256);
            e.Property(i => i.TokenHash).HasMaxLength(64);
            e.Property(i => i.InvitedByUserId).HasMaxLength(450);
            e.Property(i => i.UsedByUserId).HasMaxLength(450);
            e.HasOne(i => i.Stakeholder).WithMany().HasForeignKey(i => i.StakeholderId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(i => i.TokenHash).IsUnique();
        });
        builder.Entity<StakeholderJoinRequest>(e =>
        {
            e.Property(r => r.UserId).HasMaxLength(450);
            e.Property(r => r.ProposedName).HasMaxLength(Stakeholder.MaxNameLength);
            e.Property(r => r.ProposedKind).HasConversion<string>().HasMaxLength(40);
            e.Property(r => r.ProposedDescription).HasMaxLength(Stakeholder.MaxDescriptionLength);
            e.Property(r => r.Message).HasMaxLength(StakeholderJoinRequest.MaxMessageLength);
            e.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.CreatedAt).AsUtc();
            e.Property(r => r.DecidedAt).AsUtc();
            e.Property(r => r.DecidedByUserId).HasMaxLength(450);
            e.Property(r => r.DecisionNote).HasMaxLength(StakeholderJoinRequest.MaxMessageLength);
            e.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(r => r.Stakeholder).WithMany().HasForeignKey(r => r.StakeholderId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(r => new { r.MunicipalityId, r.State });
            e.HasIndex(r => r.UserId);
        });

        builder.Entity<ConsultationRound>(e =>
        {
            e.Property(r => r.Title).HasMaxLength(ConsultationRound.MaxTitleLength);
            e.Property(r => r.Description).HasMaxLength(ConsultationRound.MaxDescriptionLength);
            e.Property(r => r.Audience).HasConversion<string>().HasMaxLength(40);
            e.Property(r => r.OpensAt).AsUtc();
            e.Property(r => r.ClosesAt).AsUtc();
            e.Property(r => r.ReminderSentAt).AsUtc();
            e.Property(r => r.WeighingPublishedAt).AsUtc();
            e.Property(r => r.CreatedAt).AsUtc();
            e.HasOne(r => r.Plan).WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
            // A consulted version stays as long as its round: versions go only with their plan anyway.
            e.HasOne(r => r.PlanVersion).WithMany().HasForeignKey(r => r.PlanVersionId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => new { r.MunicipalityId, r.OpensAt });
            e.HasIndex(r => r.PlanId);
            e.HasIndex(r => r.ClosesAt);
        });

        builder.Entity<RoundInvitedStakeholder>(e =>
        {
            e.HasOne(i => i.Round).WithMany(r => r.InvitedStakeholders).HasForeignKey(i => i.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(i => i.Stakeholder).WithMany().HasForeignKey(i => i.StakeholderId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(i => new { i.RoundId, i.StakeholderId }).IsUnique();
        });

        builder.Entity<Statement>(e =>
        {
            e.Property(s => s.ReceiptNumber).HasMaxLength(40);
            e.Property(s => s.Target).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.TargetLabel).HasMaxLength(1000);
            e.Property(s => s.Quote).HasMaxLength(Statement.MaxQuoteLength);
            e.Property(s => s.Text).HasMaxLength(Statement.MaxTextLength);
            e.Property(s => s.AuthorUserId).HasMaxLength(450);
            e.Property(s => s.AuthorName).HasMaxLength(300);
            e.Property(s => s.SubmittedAt).AsUtc();
            e.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.Reasons).HasMaxLength(Statement.MaxReasonsLength);
            e.Property(s => s.WeighedByUserId).HasMaxLength(450);
            e.Property(s => s.WeighedByName).HasMaxLength(300);
            e.Property(s => s.WeighedAt).AsUtc();
            e.HasOne(s => s.Round).WithMany(r => r.Statements).HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Cascade);
            // Statements are records of a public procedure: an account with statements is not deleted silently.
            e.HasOne(s => s.Author).WithMany().HasForeignKey(s => s.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(s => s.Stakeholder).WithMany().HasForeignKey(s => s.StakeholderId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(s => new { s.MunicipalityId, s.ReceiptNumber }).IsUnique();
            e.HasIndex(s => new { s.RoundId, s.Target, s.TargetRef });
            e.HasIndex(s => s.AuthorUserId);
        });

        builder.Entity<StatementAttachment>(e =>
        {
            e.Property(a => a.FileName).HasMaxLength(StatementAttachment.MaxFileNameLength);
            e.Property(a => a.ContentType).HasMaxLength(100);
            e.HasOne(a => a.Statement).WithMany(s => s.Attachments).HasForeignKey(a => a.StatementId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(a => a.StatementId);
        });

        builder.Entity<StatementChangeLink>(e =>
        {
            e.HasOne(l => l.Statement).WithMany(s => s.ChangeLinks).HasForeignKey(l => l.StatementId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(l => new { l.StatementId, l.ChangeRecordId }).IsUnique();
            e.HasIndex(l => l.ChangeRecordId);
        });

        builder.Entity<RoundComment>(e =>
        {
            e.Property(c => c.AuthorUserId).HasMaxLength(450);
            e.Property(c => c.AuthorName).HasMaxLength(300);
            e.Property(c => c.Text).HasMaxLength(RoundComment.MaxTextLength);
            e.Property(c => c.CreatedAt).AsUtc();
            e.Property(c => c.HiddenAt).AsUtc();
            e.HasOne(c => c.Round).WithMany().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorUserId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(c => new { c.RoundId, c.CreatedAt });
        });

        builder.Entity<CommentReport>(e =>
        {
            e.Property(r => r.ReporterUserId).HasMaxLength(450);
            e.Property(r => r.Reason).HasMaxLength(CommentReport.MaxReasonLength);
            e.Property(r => r.CreatedAt).AsUtc();
            e.Property(r => r.ResolvedAt).AsUtc();
            e.HasOne(r => r.Comment).WithMany(c => c.Reports).HasForeignKey(r => r.CommentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(r => new { r.MunicipalityId, r.ResolvedAt });
        });

        builder.Entity<ModerationLogEntry>(e =>
        {
            // No foreign key: the log outlives the comment it describes.
            e.Property(l => l.Action).HasConversion<string>().HasMaxLength(40);
            e.Property(l => l.ModeratorUserId).HasMaxLength(450);
            e.Property(l => l.ModeratorName).HasMaxLength(300);
            e.Property(l => l.Reason).HasMaxLength(ModerationLogEntry.MaxReasonLength);
            e.Property(l => l.At).AsUtc();
            e.HasIndex(l => new { l.MunicipalityId, l.At });
            e.HasIndex(l => l.CommentId);
        });

        builder.Entity<Workshop>(e =>
        {
            e.Property(w => w.Title).HasMaxLength(Workshop.MaxTitleLength);
            e.Property(w => w.Description).HasMaxLength(Workshop.MaxTextLength);
            e.Property(w => w.Place).HasMaxLength(Workshop.MaxLineLength);
            e.Property(w => w.OnlineUrl).HasMaxLength(Workshop.MaxLineLength);
            e.Property(w => w.Minutes).HasMaxLength(Workshop.MaxTextLength);
            e.Property(w => w.Results).HasMaxLength(Workshop.MaxTextLength);
            e.Property(w => w.StartsAt).AsUtc();
            e.Property(w => w.EndsAt).AsUtc();
            e.Property(w => w.CancelledAt).AsUtc();
            e.Property(w => w.ResultsPublishedAt).AsUtc();
            e.HasOne(w => w.Plan).WithMany().HasForeignKey(w => w.PlanId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(w => new { w.MunicipalityId, w.StartsAt });
        });

        builder.Entity<WorkingGroup>(e =>
        {
            e.Property(g => g.Title).HasMaxLength(Workshop.MaxTitleLength);
            e.Property(g => g.Description).HasMaxLength(Workshop.MaxLineLength * 4);
            e.Property(g => g.Results).HasMaxLength(Workshop.MaxTextLength);
            e.HasOne(g => g.Workshop).WithMany(w => w.WorkingGroups).HasForeignKey(g => g.WorkshopId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(g => g.FieldOfAction).WithMany().HasForeignKey(g => g.FieldOfActionId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(g => new { g.WorkshopId, g.Position });
        });

        builder.Entity<WorkshopRegistration>(e =>
        {
            e.Property(r => r.UserId).HasMaxLength(450);
            e.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.RegisteredAt).AsUtc();
            e.Property(r => r.CancelledAt).AsUtc();
            e.HasOne(r => r.Workshop).WithMany(w => w.Registrations).HasForeignKey(r => r.WorkshopId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(r => r.Stakeholder).WithMany().HasForeignKey(r => r.StakeholderId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(r => r.WorkingGroup).WithMany().HasForeignKey(r => r.WorkingGroupId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(r => new { r.WorkshopId, r.UserId }).IsUnique();
            e.HasIndex(r => new { r.WorkshopId, r.State, r.RegisteredAt });
            e.HasIndex(r => r.UserId);
        });
    }
}
