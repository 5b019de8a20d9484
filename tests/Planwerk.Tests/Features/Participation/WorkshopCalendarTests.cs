using Ical.Net;
using Planwerk.Features.Participation.Workshops;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Tests.Features.Participation;

/// <summary>The calendar entry read back with Ical.Net: a stable UID, the right moments in UTC in winter and
/// summer, the sequence, and the cancelled state.</summary>
public sealed class WorkshopCalendarTests
{
    private static Workshop Sample(DateTimeOffset startsAt, DateTimeOffset endsAt) => new()
    {
        Id = 42,
        Title = "Werkstatt <script>alert(1)</script>",
        Description = "Zeile eins\nZeile zwei; mit, Sonderzeichen",
        StartsAt = startsAt,
        EndsAt = endsAt,
        Place = "Rathaus, Festsaal",
        OnlineUrl = "https://meet.example.org/geheim",
        Capacity = 10,
        CalendarSequence = 3,
    };

    [Theory]
    // 27.11.2017 09:30 Berlin is winter time (UTC+1); 15.07.2019 09:30 is summer time (UTC+2).
    [InlineData("27.11.2017 09:30", "27.11.2017 16:00", "2017-11-27T08:30:00Z", "2017-11-27T15:00:00Z")]
    [InlineData("15.07.2019 09:30", "15.07.2019 16:00", "2019-07-15T07:30:00Z", "2019-07-15T14:00:00Z")]
    public void Berlin_times_become_the_right_moments_in_UTC(string start, string end, string startUtc, string endUtc)
    {
        var startsAt = BerlinTime.Parse(start)!.Value;
        var endsAt = BerlinTime.Parse(end)!.Value;
        var text = WorkshopCalendar.Build(Sample(startsAt, endsAt), "dresden.planwerk", WorkshopCalendar.Request, true, "https://planwerk.example/dresden/workshops/42",
            DateTimeOffset.UtcNow, "planwerk@example.org", "person@example.org");

        var calendar = Calendar.Load(text)!;
        Assert.Equal("REQUEST", calendar.Method);
        var e = Assert.Single(calendar.Events);
        Assert.Equal("workshop-42@dresden.planwerk", e.Uid);
        Assert.Equal(DateTime.Parse(startUtc, null, System.Globalization.DateTimeStyles.AdjustToUniversal), e.DtStart!.AsUtc);
        Assert.Equal(DateTime.Parse(endUtc, null, System.Globalization.DateTimeStyles.AdjustToUniversal), e.DtEnd!.AsUtc);
        Assert.Equal(3, e.Sequence);
        Assert.Equal("Werkstatt <script>alert(1)</script>", e.Summary);
        Assert.Equal("Rathaus, Festsaal", e.Location);
        Assert.Contains("Zeile zwei; mit, Sonderzeichen", e.Description, StringComparison.Ordinal);
        Assert.Contains("https://meet.example.org/geheim", e.Description, StringComparison.Ordinal);
        Assert.Equal("CONFIRMED", e.Status);
        Assert.Equal("mailto:person@example.org", Assert.Single(e.Attendees).Value!.ToString());
    }

    [Fact]
    public void Cancelled_workshop_is_a_cancelled_entry_with_the_same_uid_and_no_online_link_without_a_place()
    {
        var startsAt = BerlinTime.Parse("27.11.2017 09:30")!.Value;
        var workshop = Sample(startsAt, startsAt.AddHours(6));
        workshop.CancelledAt = startsAt.AddDays(-1);
        workshop.CalendarSequence = 4;
        var text = WorkshopCalendar.Build(workshop, "dresden.planwerk", WorkshopCalendar.Cancel, false, "https://planwerk.example/dresden/workshops/42", DateTimeOffset.UtcNow);

        var calendar = Calendar.Load(text)!;
        Assert.Equal("CANCEL", calendar.Method);
        var e = Assert.Single(calendar.Events);
        Assert.Equal("workshop-42@dresden.planwerk", e.Uid);
        Assert.Equal("CANCELLED", e.Status);
        Assert.Equal(4, e.Sequence);
        Assert.DoesNotContain("meet.example.org", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2019-03-31T02:30", false)] // skipped when the clocks go forward
    [InlineData("2019-03-31T01:30", true)]
    [InlineData("kein Datum", false)]
    public void Times_that_do_not_exist_in_Berlin_are_refused(string input, bool valid) =>
        Assert.Equal(valid, BerlinTime.Parse(input) is not null);

    [Fact]
    public void Repeated_autumn_hour_is_taken_as_summer_time()
    {
        Assert.Equal(new DateTimeOffset(2019, 10, 27, 0, 30, 0, TimeSpan.Zero), BerlinTime.Parse("2019-10-27T02:30"));
    }
}
