using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Participation.Stakeholders;

namespace Planwerk.Features.Services;

/// <summary>The help-service inventory's tables. Every row belongs to a municipality; HSDS ids
/// (<c>Uid</c>) are unique within one.</summary>
public static class ServicesModel
{
    /// <param name="postgres">On PostgreSQL the search words compare byte by byte (collation "C"), as SQLite's do, so
    /// a range of the word index is the same words on both.</param>
    public static void Configure(ModelBuilder builder, bool postgres)
    {
        builder.Entity<HelpService>(e =>
        {
            e.Property(s => s.Name).HasMaxLength(HelpService.MaxNameLength);
            e.Property(s => s.Description).HasMaxLength(HelpService.MaxTextLength);
            e.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.Url).HasMaxLength(HelpService.MaxLineLength);
            e.Property(s => s.Email).HasMaxLength(HelpService.MaxLineLength);
            e.Property(s => s.Eligibility).HasMaxLength(HelpService.MaxTextLength);
            e.Property(s => s.Costs).HasMaxLength(HelpService.MaxTextLength);
            e.Property(s => s.HowToApply).HasMaxLength(HelpService.MaxTextLength);
            e.Property(s => s.DocumentsToBring).HasMaxLength(HelpService.MaxTextLength);
            e.Property(s => s.Accessibility).HasMaxLength(HelpService.MaxTextLength);
            e.Property(s => s.CreatedAt).AsUtc();
            e.Property(s => s.ModifiedAt).AsUtc();
            e.Property(s => s.CheckReminderSentAt).AsUtc();
            e.HasOne(s => s.Organisation).WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(s => new { s.MunicipalityId, s.Uid }).IsUnique();
            e.HasIndex(s => new { s.MunicipalityId, s.Name });
            e.HasIndex(s => s.OrganisationId);
            e.HasMany(s => s.Topics).WithMany(t => t.Services).UsingEntity("HelpServiceTopics");
            e.HasOne(s => s.Listing).WithOne().HasForeignKey<Directory.ServiceListing>(l => l.ServiceId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Directory.ServiceListing>(e =>
        {
            e.ToTable("ServiceListings");
            e.HasKey(l => l.ServiceId);
            e.Property(l => l.ServiceId).ValueGeneratedNever();
            e.Property(l => l.Name).HasMaxLength(HelpService.MaxNameLength);
            // The directory's order within a municipality: a listing without search words walks this index.
            e.HasIndex(l => new { l.MunicipalityId, l.Name, l.ServiceId });
        });
        builder.Entity<Directory.ServiceSearchWord>(e =>
        {
            e.ToTable("ServiceSearchWords");
            // A search reads a range of words (those beginning with a query word) within a municipality: the key covers it.
            e.HasKey(w => new { w.MunicipalityId, w.Word, w.ServiceId });
            var word = e.Property(w => w.Word).HasMaxLength(Directory.ServiceSearchWord.MaxLength);
            if (postgres) word.UseCollation("C");
            e.HasOne<HelpService>().WithMany().HasForeignKey(w => w.ServiceId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(w => w.ServiceId);
        });
        builder.Entity<ServiceLanguage>(e =>
        {
            e.Property(l => l.Code).HasMaxLength(ServiceLanguage.MaxCodeLength);
            e.HasOne(l => l.Service).WithMany(s => s.Languages).HasForeignKey(l => l.ServiceId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(l => new { l.ServiceId, l.Code }).IsUnique();
            e.HasIndex(l => new { l.MunicipalityId, l.Code });
        });
        builder.Entity<ServiceContact>(e =>
        {
            e.Property(c => c.Name).HasMaxLength(HelpService.MaxLineLength);
            e.Property(c => c.Title).HasMaxLength(HelpService.MaxLineLength);
            e.Property(c => c.Email).HasMaxLength(HelpService.MaxLineLength);
            e.Property(c => c.Phone).HasMaxLength(100);
            e.Property(c => c.PhoneLanguages).HasMaxLength(200);
            e.HasOne(c => c.Service).WithMany(s => s.Contacts).HasForeignKey(c => c.ServiceId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(c => new { c.MunicipalityId, c.Uid }).IsUnique();
            e.HasIndex(c => c.ServiceId);
        });
        builder.Entity<MeasureService>(e =>
        {
            e.HasOne(l => l.Measure).WithMany().HasForeignKey(l => l.MeasureId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(l => l.Service).WithMany().HasForeignKey(l => l.ServiceId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(l => new { l.MeasureId, l.ServiceId }).IsUnique();
            e.HasIndex(l => l.ServiceId);
        });
        builder.Entity<ServiceTopic>(e =>
        {
            e.Property(t => t.Code).HasMaxLength(ServiceTopic.MaxCodeLength);
            e.Property(t => t.Name).HasMaxLength(ServiceTopic.MaxNameLength);
            e.Property(t => t.Description).HasMaxLength(HelpService.MaxTextLength);
            e.HasOne(t => t.Parent).WithMany(t => t.Children).HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(t => new { t.MunicipalityId, t.Uid }).IsUnique();
            e.HasIndex(t => new { t.MunicipalityId, t.Code }).IsUnique();
        });
        builder.Entity<ServiceLocation>(e =>
        {
            e.Property(l => l.Name).HasMaxLength(ServiceLocation.MaxNameLength);
            e.Property(l => l.Street).HasMaxLength(HelpService.MaxLineLength);
            e.Property(l => l.PostalCode).HasMaxLength(20);
            e.Property(l => l.City).HasMaxLength(200);
            e.Property(l => l.Latitude).HasPrecision(9, 6);
            e.Property(l => l.Longitude).HasPrecision(9, 6);
            e.Property(l => l.TransportNotes).HasMaxLength(HelpService.MaxTextLength);
            e.Property(l => l.Accessibility).HasMaxLength(HelpService.MaxTextLength);
            e.Property(l => l.CreatedAt).AsUtc();
            e.Property(l => l.ModifiedAt).AsUtc();
            e.HasOne(l => l.Organisation).WithMany().HasForeignKey(l => l.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(l => l.District).WithMany().HasForeignKey(l => l.DistrictId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(l => new { l.MunicipalityId, l.Uid }).IsUnique();
            e.HasIndex(l => l.OrganisationId);
        });
        builder.Entity<ServiceAtLocation>(e =>
        {
            e.HasOne(a => a.Service).WithMany(s => s.Locations).HasForeignKey(a => a.ServiceId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(a => a.Location).WithMany(l => l.Services).HasForeignKey(a => a.LocationId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(a => new { a.MunicipalityId, a.Uid }).IsUnique();
            e.HasIndex(a => new { a.ServiceId, a.LocationId }).IsUnique();
            e.HasIndex(a => a.LocationId);
        });
        builder.Entity<ServiceSchedule>(e =>
        {
            e.Property(s => s.Weekday).HasConversion<int>();
            e.Property(s => s.Note).HasMaxLength(ServiceSchedule.MaxNoteLength);
            e.HasOne(s => s.Service).WithMany(s => s.Schedules).HasForeignKey(s => s.ServiceId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(s => s.Location).WithMany().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(s => new { s.MunicipalityId, s.Uid }).IsUnique();
            e.HasIndex(s => new { s.ServiceId, s.Weekday });
            e.HasIndex(s => s.LocationId);
        });
        builder.Entity<SpecialHours>(e =>
        {
            e.Property(s => s.Note).HasMaxLength(SpecialHours.MaxNoteLength);
            e.HasOne(s => s.Service).WithMany(s => s.SpecialHours).HasForeignKey(s => s.ServiceId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(s => s.Location).WithMany().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(s => new { s.ServiceId, s.From });
            e.HasIndex(s => s.LocationId);
        });
        builder.Entity<ContentLanguage>(e =>
        {
            e.Property(l => l.Code).HasMaxLength(ContentLanguage.MaxCodeLength);
            e.Property(l => l.Name).HasMaxLength(ContentLanguage.MaxNameLength);
            e.HasIndex(l => new { l.MunicipalityId, l.Code }).IsUnique();
        });
        builder.Entity<ContentTranslation>(e =>
        {
            e.Property(t => t.Kind).HasMaxLength(ContentTranslation.MaxKindLength);
            e.Property(t => t.Language).HasMaxLength(ContentLanguage.MaxCodeLength);
            e.Property(t => t.Field).HasMaxLength(ContentTranslation.MaxFieldLength);
            e.Property(t => t.Text).HasMaxLength(HelpService.MaxTextLength);
            e.Property(t => t.SourceFingerprint).HasMaxLength(ContentTranslation.MaxFingerprintLength);
            e.Property(t => t.TranslatedAt).AsUtc();
            e.HasIndex(t => new { t.MunicipalityId, t.Kind, t.EntityId, t.Language, t.Field }).IsUnique();
        });
        builder.Entity<ServiceProposal>(e =>
        {
            e.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.SubmittedByName).HasMaxLength(300);
            e.Property(p => p.DecidedByName).HasMaxLength(300);
            e.Property(p => p.Comment).HasMaxLength(ServiceProposal.MaxCommentLength);
            e.Property(p => p.SubmittedAt).AsUtc();
            e.Property(p => p.DecidedAt).AsUtc();
            e.HasOne(p => p.Service).WithMany().HasForeignKey(p => p.ServiceId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Stakeholder>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(p => new { p.MunicipalityId, p.State });
            e.HasIndex(p => p.ServiceId);
        });
    }
}
