using System.Globalization;
using Planwerk.Infrastructure.Time;
using Planwerk.Features.Plans.History;

namespace Planwerk.Features.Participation.Moderation;

/// <summary>Interface words and time display shared by the comment, moderation and join-request pages.</summary>
public static class ModerationText
{
    /// <summary>A stored (UTC) moment as shown to people: Europe/Berlin, day and minute.</summary>
    public static string Shown(DateTimeOffset at) => BerlinTime.DateAndTime(at);

    public static string Action(ModerationAction action) => action switch
    {
        ModerationAction.Hidden => "ausgeblendet",
        ModerationAction.Restored => "wieder eingeblendet",
        ModerationAction.ReportDismissed => "Meldung zurückgewiesen",
        _ => action.ToString(),
    };

    public static string JoinState(Stakeholders.JoinRequestState state) => state switch
    {
        Stakeholders.JoinRequestState.Pending => "offen",
        Stakeholders.JoinRequestState.Approved => "angenommen",
        Stakeholders.JoinRequestState.Declined => "abgelehnt",
        _ => state.ToString(),
    };
}
