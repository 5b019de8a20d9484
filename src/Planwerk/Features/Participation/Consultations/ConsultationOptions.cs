namespace Planwerk.Features.Participation.Consultations;

/// <summary>Settings of consultation rounds (<c>Consultations:*</c>).</summary>
public sealed class ConsultationOptions
{
    /// <summary>How long before a round closes the reminder goes out.</summary>
    public TimeSpan ReminderLeadTime { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Whether the background service sends reminders. Unset: yes, except in the "Testing" environment,
    /// where test classes of other features must not receive reminders for their rounds at random moments;
    /// the reminder tests call <see cref="ConsultationReminders.SendDueAsync"/> themselves.</summary>
    public bool? RemindersEnabled { get; set; }

    /// <summary>How much one person's attachments in one round may take up altogether.</summary>
    public long MaxAttachmentBytesPerPersonAndRound { get; set; } = 50L * 1024 * 1024;

    /// <summary>How much the attachments of all statements of one round may take up altogether.</summary>
    public long MaxAttachmentBytesPerRound { get; set; } = 2L * 1024 * 1024 * 1024;
}
