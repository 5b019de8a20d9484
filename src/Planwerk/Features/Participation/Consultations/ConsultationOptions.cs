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
}
