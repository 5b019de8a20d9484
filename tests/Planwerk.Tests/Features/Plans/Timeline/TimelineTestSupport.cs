using Planwerk.Features.Council;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Features.Participation.Workshops;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Timeline;
using Planwerk.Features.Plans.Versions;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Plans.Timeline;

/// <summary>A plan with what puts entries on its timeline by itself: a round, a workshop, a paper with a
/// consultation at a meeting, an adoption day; and one entry of the plan team pointing to the round.</summary>
public sealed record TimelinePlan(int PlanId, int RoundId, int WorkshopId, int PaperId, int MeetingId, int EntryId);

public static class TimelineTestSupport
{
    public static DateTimeOffset Berlin(int y, int mo, int d, int h = 10) =>
        new DateTimeOffset(y, mo, d, h, 0, 0, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin").GetUtcOffset(new DateTime(y, mo, d, h, 0, 0))).ToUniversalTime();

    public static Task<TimelinePlan> AddTimelinePlanAsync(this TestMunicipality m, bool isPublic = true, int extraEntries = 0, string body = "Ausschuss für Soziales") => m.WithDbAsync(async db =>
    {
        var plan = new Plan { Title = "Fachplan mit Weg", IsPublic = isPublic, State = PlanState.InImplementation, AdoptedOn = new DateOnly(2019, 7, 5), UpdatedAt = DateTimeOffset.UtcNow };
        db.Plans.Add(plan);
        var version = new PlanVersion { Plan = plan, Name = "Entwurf", CreatedAt = DateTimeOffset.UtcNow, CreatedByName = "Test", Document = "{}" };
        db.PlanVersions.Add(version);
        var round = new ConsultationRound { Plan = plan, PlanVersion = version, Title = "Runde zum Entwurf", OpensAt = Berlin(2019, 1, 14, 0), ClosesAt = Berlin(2019, 3, 1, 0), CreatedAt = DateTimeOffset.UtcNow };
        var workshop = new Workshop { Plan = plan, Title = "Werkstatt im November", StartsAt = Berlin(2017, 11, 27), EndsAt = Berlin(2017, 11, 27, 16), Capacity = 10 };
        var council = new CouncilBody { Name = body, Classification = BodyClassification.Committee };
        var meeting = new Meeting { Body = council, Name = "12. Sitzung des Ausschusses", Start = Berlin(2019, 6, 18, 16), State = MeetingState.Held };
        var paper = new Paper { Reference = "V" + Guid.NewGuid().ToString("N")[..5], Name = "Fachplan Asyl 2020", Date = new DateOnly(2019, 4, 10), Plan = plan };
        var consultation = new PaperConsultation { Paper = paper, Position = 1, Body = council, Meeting = meeting, Role = ConsultationRole.PreliminaryConsultation, Result = ConsultationResult.Approved, VotesFor = 9, VotesAgainst = 2, VotesAbstaining = 1 };
        db.AddRange(round, workshop, council, meeting, paper, consultation);
        var entry = new TimelineEntry
        {
            Plan = plan, Kind = TimelineEntryKind.Phase, StartDate = new DateOnly(2019, 1, 1), StartPrecision = DatePrecision.Quarter,
            Title = "Konkretisierung des Maßnahmenplans", Activities = "Kommentare zu allen Maßnahmen\nMaßnahmen angepasst", Round = round,
        };
        db.TimelineEntries.Add(entry);
        db.TimelineEntries.Add(new TimelineEntry
        {
            Plan = plan, Kind = TimelineEntryKind.Phase, StartDate = new DateOnly(2018, 4, 1), StartPrecision = DatePrecision.Quarter,
            EndDate = new DateOnly(2018, 10, 1), EndPrecision = DatePrecision.Quarter, Title = "Stellungnahmen", Activities = "Schriftliche Stellungnahmen",
        });
        db.TimelineEntries.Add(new TimelineEntry { Plan = plan, Kind = TimelineEntryKind.Event, StartDate = new DateOnly(2017, 1, 1), StartPrecision = DatePrecision.Year, Title = "Auftrag des Stadtrates" });
        for (var i = 0; i < extraEntries; i++)
            db.TimelineEntries.Add(new TimelineEntry { Plan = plan, Kind = TimelineEntryKind.Event, StartDate = new DateOnly(2016, 1, 1).AddDays(i), StartPrecision = DatePrecision.Day, Title = $"Eintrag {i}", Activities = "a\nb" });
        await db.SaveChangesAsync();
        return new TimelinePlan(plan.Id, round.Id, workshop.Id, paper.Id, meeting.Id, entry.Id);
    });
}
