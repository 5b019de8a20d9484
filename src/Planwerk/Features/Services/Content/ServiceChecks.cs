namespace Planwerk.Features.Services.Content;

/// <summary>When a service is due for checking: its entry was last confirmed (<see cref="HelpService.LastCheckedOn"/>)
/// more than the municipality's <see cref="Municipalities.Municipality.ServiceCheckMonths"/> ago, that is, the day of the
/// last check plus that many months lies before today (Europe/Berlin).</summary>
public static class ServiceChecks
{
    public const int MinMonths = 1;
    public const int MaxMonths = 60;

    /// <summary>The last day on which the entry is still current.</summary>
    public static DateOnly DueOn(DateOnly lastCheckedOn, int months) => lastCheckedOn.AddMonths(months);

    public static bool IsOverdue(DateOnly lastCheckedOn, DateOnly today, int months) => DueOn(lastCheckedOn, months) < today;

    /// <summary>A day before which every overdue entry was last checked, for the database to narrow the rows (month
    /// ends make <see cref="DateOnly.AddMonths"/> differ by up to three days); <see cref="IsOverdue"/> decides.</summary>
    public static DateOnly CandidatesBefore(DateOnly today, int months) => today.AddMonths(-months).AddDays(4);

    /// <summary>Whether the organisation's contacts were already reminded in this overdue period: a reminder sent after
    /// the day of the last check. Checking the entry again starts a new period.</summary>
    public static bool WasReminded(DateTimeOffset? reminderSentAt, DateOnly lastCheckedOn) =>
        reminderSentAt is { } sent && Infrastructure.Time.BerlinTime.Day(sent) > lastCheckedOn;
}
