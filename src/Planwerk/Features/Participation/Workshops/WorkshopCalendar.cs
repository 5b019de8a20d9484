using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Planwerk.Features.Participation.Workshops;

/// <summary>The workshop as an iCalendar (RFC 5545) event. The UID stays the same for the life of the
/// workshop and SEQUENCE is the workshop's <see cref="Workshop.CalendarSequence"/>, so calendars update
/// or remove the entry they already have instead of adding a second one.</summary>
public static class WorkshopCalendar
{
    public const string Request = "REQUEST";
    public const string Cancel = "CANCEL";
    public const string Publish = "PUBLISH";

    public static string Uid(int workshopId, string host) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"workshop-{workshopId}@{host}");

    /// <param name="method">PUBLISH for the download, REQUEST for an invitation, CANCEL for a cancellation.</param>
    /// <param name="withOnlineLink">Only confirmed registrants get the online link.</param>
    /// <param name="pageUrl">The public page of the workshop.</param>
    /// <param name="attendee">The person invited (REQUEST/CANCEL), or null.</param>
    /// <param name="waiting">The person is on the waiting list: the entry is tentative.</param>
    public static string Build(Workshop workshop, string host, string method, bool withOnlineLink, string pageUrl,
        DateTimeOffset now, string? organizerAddress = null, string? attendee = null, bool waiting = false)
    {
        var calendar = new Calendar { Method = method };
        calendar.ProductId = "-//Planwerk//Workshops//DE";
        var place = workshop.Place;
        var online = withOnlineLink && workshop.OnlineUrl.Length > 0 ? workshop.OnlineUrl : "";
        var description = new StringBuilder(workshop.Description);
        if (online.Length > 0) description.Append("\n\nOnline: ").Append(online);
        description.Append("\n\n").Append(pageUrl);
        var cancelled = workshop.CancelledAt is not null || method == Cancel;
        var e = new CalendarEvent
        {
            Uid = Uid(workshop.Id, host),
            DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
            DtStart = new CalDateTime(workshop.StartsAt.UtcDateTime, "UTC"),
            DtEnd = new CalDateTime(workshop.EndsAt.UtcDateTime, "UTC"),
            Summary = waiting ? "Warteliste: " + workshop.Title : workshop.Title,
            Location = place.Length > 0 ? place : online,
            Description = description.ToString().Trim(),
            Sequence = workshop.CalendarSequence,
            Status = cancelled ? EventStatus.Cancelled : waiting ? EventStatus.Tentative : EventStatus.Confirmed,
            Url = Uri.TryCreate(pageUrl, UriKind.Absolute, out var url) ? url : null,
        };
        if (organizerAddress is not null) e.Organizer = new Organizer("mailto:" + organizerAddress) { CommonName = "Planwerk" };
        if (attendee is not null)
            e.Attendees.Add(new Attendee("mailto:" + attendee)
            {
                ParticipationStatus = cancelled ? "DECLINED" : waiting ? "TENTATIVE" : "ACCEPTED",
                Role = "REQ-PARTICIPANT",
            });
        calendar.Events.Add(e);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
