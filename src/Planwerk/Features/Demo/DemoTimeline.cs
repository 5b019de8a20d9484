using Microsoft.EntityFrameworkCore;
using Planwerk.Infrastructure.Time;
using Planwerk.Data;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Timeline;

namespace Planwerk.Features.Demo;

/// <summary>The city's own timeline of how the Fachplan Asyl 2020 was made (REFERENCE.md, "How the plan was
/// made"). Entries point to the demo workshop, round, papers and meetings when they are there, so the
/// automatic entries of those merge into them instead of appearing twice. Adds nothing when the plan
/// already has entries.</summary>
public static class DemoTimeline
{
    public static async Task AddAsync(PlanwerkDbContext db, Plan plan, CancellationToken ct)
    {
        if (await db.TimelineEntries.AnyAsync(e => e.PlanId == plan.Id, ct)) return;
        var workshop = await db.Workshops.Where(w => w.Title == DemoWorkshop.Title).Select(w => (int?)w.Id).FirstOrDefaultAsync(ct);
        var round = await db.ConsultationRounds.Where(r => r.PlanId == plan.Id && r.Title == DemoConsultation.RoundTitle).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        var mandate = await db.Papers.Where(p => p.Reference == "A0282/17").Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var paper = await db.Papers.Where(p => p.PlanId == plan.Id && p.Reference != "A0282/17").OrderByDescending(p => p.Date).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        // Few meetings in the demo; their day is found in German time here rather than in SQL.
        var meetings = (await db.Meetings.Select(m => new { m.Id, m.Start }).ToListAsync(ct))
            .Select(m => (m.Id, Day: BerlinTime.Day(m.Start))).ToList();
        int? MeetingOn(int year, int month, int day) => meetings.Where(m => m.Day == new DateOnly(year, month, day)).Select(m => (int?)m.Id).FirstOrDefault();

        TimelineEntry Entry(TimelineEntryKind kind, DateOnly start, DatePrecision precision, string title, string activities = "") =>
            new() { PlanId = plan.Id, Kind = kind, StartDate = start, StartPrecision = precision, Title = title, Activities = activities };

        var entries = new List<TimelineEntry>
        {
            Entry(TimelineEntryKind.Event, new DateOnly(2017, 1, 1), DatePrecision.Year,
                "Stadtratsbeschluss A0282/17: grundlegende Fortschreibung des Fachplans 2014–2016"),
            Entry(TimelineEntryKind.Event, new DateOnly(2017, 11, 27), DatePrecision.Day, "Beteiligungsworkshop „Fachplan Asyl 2020“",
                """
                Erster Entwurf im Gespräch mit ehrenamtlichen Initiativen, Trägern der freien Wohlfahrtspflege, Ämtern und Institutionen
                Vorstellung der Leitlinien
                Arbeitsgruppen zu den Handlungsfeldern und Instrumenten
                """),
            Entry(TimelineEntryKind.Phase, new DateOnly(2018, 4, 1), DatePrecision.Quarter, "Fachliche Stellungnahmen und städtische Arbeitsgruppen",
                """
                Schriftliche fachliche Stellungnahmen zu Kernthemen
                Arbeitsgruppe Flüchtlingssozialarbeit
                Arbeitsgruppe geeignete Unterbringung
                Arbeitsgruppe Regionalisierung und Vernetzung
                Arbeitsgruppe Integration
                """),
            Entry(TimelineEntryKind.Phase, new DateOnly(2019, 1, 1), DatePrecision.Quarter, "Konkretisierung des Maßnahmenplans",
                """
                Alle Beteiligten können die geplanten Maßnahmen kommentieren
                Maßnahmen werden angepasst
                """),
            Entry(TimelineEntryKind.Event, new DateOnly(2019, 3, 20), DatePrecision.Day, "Der Fachplan ist fertiggestellt"),
            Entry(TimelineEntryKind.Event, new DateOnly(2019, 4, 1), DatePrecision.Month, "Mitte April: Beginn der Beratung in den Gremien des Stadtrates"),
            Entry(TimelineEntryKind.Phase, new DateOnly(2019, 4, 1), DatePrecision.Quarter, "Beratung in den Gremien",
                """
                Stadtbezirksbeiräte
                Ortschaftsräte
                Ausschüsse
                Ältestenrat
                Ausländerbeirat
                """),
            Entry(TimelineEntryKind.Event, new DateOnly(2019, 6, 18), DatePrecision.Day, "Der Ausschuss für Soziales und Wohnen stimmt zu",
                "Zuvor hatte bereits der Ausschuss für Kultur und Tourismus zugestimmt"),
            Entry(TimelineEntryKind.Event, new DateOnly(2019, 7, 5), DatePrecision.Day, "Der Stadtrat beschließt den Fachplan"),
        };
        entries[0].PaperId = mandate;
        entries[1].WorkshopId = workshop;
        entries[2].EndDate = new DateOnly(2018, 10, 1);
        entries[2].EndPrecision = DatePrecision.Quarter;
        entries[3].RoundId = round;
        entries[5].PaperId = paper;
        entries[6].PaperId = paper;
        entries[7].MeetingId = MeetingOn(2019, 6, 18);
        entries[7].PaperId = paper;
        entries[8].MeetingId = MeetingOn(2019, 7, 5);
        entries[8].PaperId = paper;
        db.TimelineEntries.AddRange(entries);
        await db.SaveChangesAsync(ct);
    }
}
