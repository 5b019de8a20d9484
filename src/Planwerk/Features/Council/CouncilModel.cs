using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Plans;

namespace Planwerk.Features.Council;

/// <summary>The database shape of the council: bodies, meetings, agenda items, papers with files, their
/// consultations (Beratungsfolge) and amendments, what is kept of deleted objects for OParl, and the plan's
/// adopted version that the council's resolution sets.</summary>
internal static class CouncilModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Plan>(e =>
        {
            // Set only by adoption; a plan's versions go with the plan.
            e.HasOne(p => p.AdoptedVersion).WithMany().HasForeignKey(p => p.AdoptedVersionId).OnDelete(DeleteBehavior.NoAction);
        });

        builder.Entity<CouncilBody>(e =>
        {
            e.Property(b => b.Name).HasMaxLength(CouncilBody.MaxNameLength);
            e.Property(b => b.ShortName).HasMaxLength(50);
            e.Property(b => b.Website).HasMaxLength(500);
            e.Property(b => b.Classification).HasConversion<string>().HasMaxLength(40);
            Stamps(e);
            e.HasIndex(b => new { b.MunicipalityId, b.Name }).IsUnique();
        });

        builder.Entity<Meeting>(e =>
        {
            e.Property(m => m.Name).HasMaxLength(Meeting.MaxNameLength);
            e.Property(m => m.Location).HasMaxLength(500);
            e.Property(m => m.State).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.Start).HasConversion(UtcMoments.Converter);
            e.Property(m => m.End).HasConversion(UtcMoments.Converter);
            Stamps(e);
            e.HasOne(m => m.Body).WithMany(b => b.Meetings).HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => new { m.MunicipalityId, m.Start });
            e.HasIndex(m => m.BodyId);
        });

        builder.Entity<AgendaItem>(e =>
        {
            e.Property(a => a.Number).HasMaxLength(40);
            e.Property(a => a.Name).HasMaxLength(Paper.MaxNameLength);
            e.Property(a => a.Result).HasMaxLength(1000);
            e.Property(a => a.Reading).HasConversion<string>().HasMaxLength(20);
            Stamps(e);
            e.HasOne(a => a.Meeting).WithMany(m => m.AgendaItems).HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(a => a.Paper).WithMany().HasForeignKey(a => a.PaperId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(a => new { a.MeetingId, a.Order });
        });

        builder.Entity<Paper>(e =>
        {
            e.Property(p => p.Reference).HasMaxLength(60);
            e.Property(p => p.Name).HasMaxLength(Paper.MaxNameLength);
            e.Property(p => p.PaperType).HasMaxLength(100);
            e.Property(p => p.ResolutionText).HasMaxLength(Paper.MaxResolutionTextLength);
            e.HasOne(p => p.ReplacesPaper).WithMany().HasForeignKey(p => p.ReplacesPaperId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(p => p.ReplacesPaperId);
            // A paper with amendments, and a body that brought papers in, cannot be deleted: the record would lose its meaning.
            e.HasOne(p => p.AmendsPaper).WithMany(p => p.Amendments).HasForeignKey(p => p.AmendsPaperId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => p.AmendsPaperId);
            e.HasOne(p => p.OriginatorBody).WithMany().HasForeignKey(p => p.OriginatorBodyId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => p.OriginatorBodyId);
            Stamps(e);
            e.HasOne(p => p.Plan).WithMany().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(p => p.PlanVersion).WithMany().HasForeignKey(p => p.PlanVersionId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(p => new { p.MunicipalityId, p.Reference }).IsUnique();
            e.HasIndex(p => p.PlanId);
        });

        builder.Entity<PaperFile>(e =>
        {
            e.Property(f => f.Name).HasMaxLength(300);
            e.Property(f => f.FileName).HasMaxLength(255);
            e.Property(f => f.MimeType).HasMaxLength(100);
            e.Property(f => f.Sha256).HasMaxLength(64);
            Stamps(e);
            e.HasOne(f => f.Paper).WithMany(p => p.Files).HasForeignKey(f => f.PaperId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(f => new { f.PaperId, f.Position });
        });

        builder.Entity<PaperConsultation>(e =>
        {
            e.Property(c => c.Role).HasConversion<string>().HasMaxLength(40);
            e.Property(c => c.Result).HasConversion<string>().HasMaxLength(40);
            e.Property(c => c.ResultRecordedAt).HasConversion(UtcMoments.Converter);
            e.Property(c => c.ResultRecordedByUserId).HasMaxLength(450);
            Stamps(e);
            e.HasOne(c => c.Paper).WithMany(p => p.Consultations).HasForeignKey(c => c.PaperId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(c => c.Body).WithMany().HasForeignKey(c => c.BodyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(c => c.Meeting).WithMany().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(c => c.AgendaItem).WithMany().HasForeignKey(c => c.AgendaItemId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(c => c.CustomResult).WithMany().HasForeignKey(c => c.CustomResultId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => new { c.PaperId, c.Position });
            e.HasIndex(c => c.MeetingId);
            e.HasIndex(c => c.CustomResultId);
            e.Ignore(c => c.HasResult);
        });

        builder.Entity<ConsultationResultKind>(e =>
        {
            e.ToTable("ConsultationResultKinds");
            e.Property(k => k.Name).HasMaxLength(ConsultationResultKind.MaxNameLength);
            Stamps(e);
            e.HasIndex(k => new { k.MunicipalityId, k.Name }).IsUnique();
        });

        builder.Entity<ConsultationGroupVote>(e =>
        {
            e.Property(g => g.GroupName).HasMaxLength(ConsultationGroupVote.MaxNameLength);
            Stamps(e);
            e.HasOne(g => g.Consultation).WithMany(c => c.GroupVotes).HasForeignKey(g => g.ConsultationId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(g => new { g.ConsultationId, g.Position });
        });

        builder.Entity<AmendmentChangeLink>(e =>
        {
            e.HasOne(l => l.Amendment).WithMany(a => a.ChangeLinks).HasForeignKey(l => l.AmendmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(l => new { l.AmendmentId, l.ChangeRecordId }).IsUnique();
            e.HasIndex(l => l.ChangeRecordId);
        });

        builder.Entity<CouncilPerson>(e =>
        {
            e.Property(p => p.FamilyName).HasMaxLength(CouncilPerson.MaxNameLength);
            e.Property(p => p.GivenName).HasMaxLength(CouncilPerson.MaxNameLength);
            e.Property(p => p.FormOfAddress).HasMaxLength(CouncilPerson.MaxShortLength);
            e.Property(p => p.Title).HasMaxLength(CouncilPerson.MaxShortLength);
            e.Property(p => p.Affix).HasMaxLength(CouncilPerson.MaxShortLength);
            Stamps(e);
            e.HasIndex(p => new { p.MunicipalityId, p.FamilyName });
        });

        builder.Entity<BodyMembership>(e =>
        {
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
            Stamps(e);
            // A person's memberships go with the person; a body with members cannot be deleted.
            e.HasOne(m => m.Person).WithMany(p => p.Memberships).HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(m => m.Body).WithMany().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => m.PersonId);
            e.HasIndex(m => m.BodyId);
        });

        builder.Entity<DeletedCouncilObject>(e =>
        {
            e.Property(d => d.Kind).HasMaxLength(20);
            Stamps(e);
            e.HasIndex(d => new { d.MunicipalityId, d.Kind, d.ObjectId }).IsUnique();
        });
    }

    private static void Stamps<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> e) where T : class, Infrastructure.ITimestamped
    {
        e.Property(x => x.CreatedAt).HasConversion(UtcMoments.Converter);
        e.Property(x => x.ModifiedAt).HasConversion(UtcMoments.Converter);
    }
}
