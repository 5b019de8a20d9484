using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Plans.History;

/// <summary>What is known of a plan just before it is deleted: its details and how much goes with it.</summary>
public sealed record DeletedPlan(int Id, string Title, int? PeriodStart, int? PeriodEnd, PlanState State, bool IsPublic,
    int Principles, int Fields, int Measures, int Sections, int Versions);

/// <summary>Deleting a plan removes its parts with set-based deletes, which pass no change tracker (a plan of
/// 6,600 measures would otherwise mean as many rows loaded and as many records written). Instead the deletion
/// is one plan-level <see cref="ChangeRecord"/>: who, when, why, and what went (title, details, counts). It
/// outlives the plan (records have no foreign key) and is read on the municipality's history page.</summary>
public static class PlanDeletion
{
    public const string PrincipleCount = "PrincipleCount";
    public const string FieldCount = "FieldCount";
    public const string MeasureCount = "MeasureCount";
    public const string SectionCount = "SectionCount";
    public const string VersionCount = "VersionCount";

    /// <summary>Writes the record of the plan's deletion with <see cref="PlanwerkDbContext.Author"/> (person and
    /// reason). Call it inside the transaction that deletes the plan, so both happen or neither.</summary>
    public static async Task RecordAsync(PlanwerkDbContext db, DeletedPlan plan, DateTimeOffset now, CancellationToken ct)
    {
        var author = db.Author;
        if (author.UserId is { } userId && author.UserName is null)
        {
            author.UserName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        }
        var label = plan.Title;
        var record = new ChangeRecord
        {
            PlanId = plan.Id,
            EntityType = ChangeEntityTypes.Plan,
            EntityId = plan.Id,
            EntityLabel = label.Length > 1000 ? label[..1000] : label,
            Action = ChangeAction.Deleted,
            At = now,
            UserId = author.UserId,
            UserName = author.UserName ?? "",
            Reason = author.Reason.Length > ChangeRecord.MaxReasonLength ? author.Reason[..ChangeRecord.MaxReasonLength] : author.Reason,
        };
        void Old(string field, string? value)
        {
            if (!string.IsNullOrEmpty(value)) record.Fields.Add(new ChangeRecordField { Field = field, OldValue = value });
        }
        static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
        Old(nameof(Plan.Title), plan.Title);
        Old(nameof(Plan.PeriodStart), ChangeRecorder.Render(plan.PeriodStart));
        Old(nameof(Plan.PeriodEnd), ChangeRecorder.Render(plan.PeriodEnd));
        Old(nameof(Plan.State), ChangeRecorder.Render(plan.State));
        Old(nameof(Plan.IsPublic), ChangeRecorder.Render(plan.IsPublic));
        Old(PrincipleCount, Count(plan.Principles));
        Old(FieldCount, Count(plan.Fields));
        Old(MeasureCount, Count(plan.Measures));
        Old(SectionCount, Count(plan.Sections));
        Old(VersionCount, Count(plan.Versions));
        db.ChangeRecords.Add(record);
        await db.SaveChangesAsync(ct);
    }
}
