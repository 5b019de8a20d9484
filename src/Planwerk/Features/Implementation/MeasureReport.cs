using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Planwerk.Data;
using Planwerk.Features.Plans;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Files;

namespace Planwerk.Features.Implementation;

/// <summary>Where a report stands: written by the reporter (draft), handed to the plan team (submitted), sent back with
/// a comment (returned, the reporter corrects and submits again), accepted, and published on the public measure page.</summary>
public enum ReportState
{
    Draft,
    Submitted,
    Returned,
    Accepted,
    Published,
}

/// <summary>What is done on a report, and who may do it.</summary>
public enum ReportMove
{
    Save,
    Submit,
    Return,
    Accept,
    Publish,
}

/// <summary>A measure's report for one reporting period: the status from the municipality's catalogue, the progress, what
/// was done, next steps, obstacles, money spent so far, evidence files and links. One per measure and period. Publishing
/// moves the measure's live status and progress.</summary>
public sealed class MeasureReport : IMunicipalityOwned, IVersioned
{
    public const int MaxTextLength = 20_000;
    public const int MaxCommentLength = 2_000;
    public const int MaxLinks = 20;
    public const int MaxLinkLength = 2_000;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int MeasureId { get; set; }
    public Measure? Measure { get; set; }
    public int ReportingPeriodId { get; set; }
    public ReportingPeriod? ReportingPeriod { get; set; }
    public int? StatusId { get; set; }
    public ImplementationStatus? Status { get; set; }
    /// <summary>0 to 100; null while the report gives none (the status's proposed progress is then taken).</summary>
    public int? Progress { get; set; }
    /// <summary>Markdown.</summary>
    public string Done { get; set; } = "";
    /// <summary>Markdown.</summary>
    public string NextSteps { get; set; } = "";
    /// <summary>Markdown.</summary>
    public string Obstacles { get; set; } = "";
    /// <summary>Euros spent on the measure so far; null when not said.</summary>
    public decimal? Spent { get; set; }
    /// <summary>http and https addresses, one per line.</summary>
    public string Links { get; set; } = "";
    public ReportState State { get; set; }
    /// <summary>The plan team's comment when it returned the report.</summary>
    public string ReturnComment { get; set; } = "";
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public List<ReportEvidence> Evidence { get; set; } = [];
    public int Version { get; set; }

    /// <summary>The progress that counts: the report's own, else its status's proposed one.</summary>
    public static int? EffectiveProgress(int? progress, int? statusProgress) => progress ?? statusProgress;

    /// <summary>Whether <paramref name="move"/> may be made from <paramref name="state"/>, by a reporter
    /// (<paramref name="planTeam"/> false) or the plan team. Reporters write and submit; only the plan team returns,
    /// accepts and publishes, and it may also write a report itself.</summary>
    public static bool Allows(ReportState state, ReportMove move, bool planTeam) => move switch
    {
        ReportMove.Save => state is ReportState.Draft or ReportState.Returned || (planTeam && state is ReportState.Submitted or ReportState.Accepted),
        ReportMove.Submit => state is ReportState.Draft or ReportState.Returned,
        ReportMove.Return => planTeam && (state is ReportState.Submitted or ReportState.Accepted),
        ReportMove.Accept => planTeam && state == ReportState.Submitted,
        ReportMove.Publish => planTeam && state == ReportState.Accepted,
        _ => false,
    };

    /// <summary>The state after <paramref name="move"/>.</summary>
    public static ReportState After(ReportState state, ReportMove move) => move switch
    {
        ReportMove.Submit => ReportState.Submitted,
        ReportMove.Return => ReportState.Returned,
        ReportMove.Accept => ReportState.Accepted,
        ReportMove.Publish => ReportState.Published,
        _ => state,
    };

    /// <summary>Checks one link: absolute, http or https, at most <see cref="MaxLinkLength"/> characters. Null when it
    /// is fine, else the message.</summary>
    public static string? CheckLink(string link)
    {
        if (link.Length > MaxLinkLength) return $"Ein Link darf höchstens {MaxLinkLength} Zeichen lang sein.";
        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "Links müssen mit http:// oder https:// beginnen.";
        }
        return null;
    }

    /// <summary>The links of a text, one a line, blanks dropped.</summary>
    public static IReadOnlyList<string> SplitLinks(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Overdue: the period's due date has passed and the report is not yet submitted.</summary>
    public static bool IsOverdue(ReportState? state, DateOnly dueOn, DateOnly today) =>
        (state is null or ReportState.Draft or ReportState.Returned) && dueOn < today;
}

/// <summary>A file that backs up a report (a photo, minutes, an invoice), recognised by content as statement
/// attachments are. Only the reporter's organisation and the plan team read it until the report is published.</summary>
public sealed class ReportEvidence : IMunicipalityOwned
{
    public const int MaxFileNameLength = DocumentTypes.MaxFileNameLength;
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerReport = 10;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int MeasureReportId { get; set; }
    public MeasureReport? MeasureReport { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
}

/// <summary>That a reporter was reminded of a period's reports, so the reminder is sent once per reporter and period.</summary>
public sealed class ReportReminder : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int ReportingPeriodId { get; set; }
    public ReportingPeriod? ReportingPeriod { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset SentAt { get; set; }
}

/// <summary>A municipality's setting for the reminder mail: how many days before a period's due date its reporters are
/// reminded of missing reports, 0 for none. Without a row the default of <see cref="DefaultDays"/> holds.</summary>
public sealed class ReportReminderSetting : IMunicipalityOwned, IVersioned
{
    public const int DefaultDays = 14;
    public const int MaxDays = 365;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int DaysBeforeDue { get; set; } = DefaultDays;
    public int Version { get; set; }
}

public sealed class ReportReminderSettingConfiguration : IEntityTypeConfiguration<ReportReminderSetting>
{
    public void Configure(EntityTypeBuilder<ReportReminderSetting> builder) => builder.HasIndex(s => s.MunicipalityId).IsUnique();
}

public sealed class MeasureReportConfiguration : IEntityTypeConfiguration<MeasureReport>
{
    public void Configure(EntityTypeBuilder<MeasureReport> builder)
    {
        builder.Property(r => r.Done).HasMaxLength(MeasureReport.MaxTextLength);
        builder.Property(r => r.NextSteps).HasMaxLength(MeasureReport.MaxTextLength);
        builder.Property(r => r.Obstacles).HasMaxLength(MeasureReport.MaxTextLength);
        builder.Property(r => r.Links).HasMaxLength(MeasureReport.MaxLinks * (MeasureReport.MaxLinkLength + 1));
        builder.Property(r => r.ReturnComment).HasMaxLength(MeasureReport.MaxCommentLength);
        builder.Property(r => r.Spent).HasPrecision(14, 2);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.SubmittedAt).AsUtc();
        builder.Property(r => r.PublishedAt).AsUtc();
        builder.HasOne(r => r.Measure).WithMany().HasForeignKey(r => r.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.ReportingPeriod).WithMany().HasForeignKey(r => r.ReportingPeriodId).OnDelete(DeleteBehavior.Cascade);
        // A status in use stays in the catalogue.
        builder.HasOne(r => r.Status).WithMany().HasForeignKey(r => r.StatusId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.MeasureId, r.ReportingPeriodId }).IsUnique();
        builder.HasIndex(r => new { r.ReportingPeriodId, r.State });
    }
}

public sealed class ReportEvidenceConfiguration : IEntityTypeConfiguration<ReportEvidence>
{
    public void Configure(EntityTypeBuilder<ReportEvidence> builder)
    {
        builder.Property(e => e.FileName).HasMaxLength(ReportEvidence.MaxFileNameLength);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.HasOne(e => e.MeasureReport).WithMany(r => r.Evidence).HasForeignKey(e => e.MeasureReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.MeasureReportId);
    }
}

public sealed class ReportReminderConfiguration : IEntityTypeConfiguration<ReportReminder>
{
    public void Configure(EntityTypeBuilder<ReportReminder> builder)
    {
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.Property(r => r.SentAt).AsUtc();
        builder.HasOne(r => r.ReportingPeriod).WithMany().HasForeignKey(r => r.ReportingPeriodId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ReportingPeriodId, r.UserId }).IsUnique();
    }
}
