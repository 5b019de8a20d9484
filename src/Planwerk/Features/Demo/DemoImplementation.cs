using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Implementation;
using Planwerk.Features.Implementation.Manage;
using Planwerk.Features.Plans;

namespace Planwerk.Features.Demo;

/// <summary>Carrying out the demo plan: the proposed status catalogue, half-yearly reporting periods from 2019, 2. Halbjahr
/// to 2022, 2. Halbjahr (reports due six weeks after each), and example milestones, most done, some overdue, so the
/// dashboard shows something real to look at. Adds nothing a second time.</summary>
public static class DemoImplementation
{
    /// <summary>Measure number, milestone, due date, done date (null: still open, so overdue).</summary>
    public static readonly (string Measure, string Title, DateOnly DueOn, DateOnly? DoneOn)[] Milestones =
    [
        ("1.1", "Lerncafés in allen Übergangswohnheimen eröffnet", new(2019, 12, 31), new(2019, 11, 15)),
        ("1.2", "Koordinierungsstelle Deutschkurse besetzt", new(2020, 3, 31), new(2020, 5, 4)),
        ("1.2", "Stadtweite Kursübersicht veröffentlicht", new(2020, 9, 30), new(2020, 9, 28)),
        ("2.1", "Verfahren der Kompetenzfeststellung mit dem Jobcenter vereinbart", new(2020, 6, 30), new(2020, 6, 12)),
        ("3.1", "Belegungskonzept Gewährleistungswohnungen beschlossen", new(2020, 12, 31), null),
        ("3.2", "Mindeststandards in allen Übergangswohnheimen geprüft", new(2021, 6, 30), new(2021, 7, 20)),
        ("4.1", "Vermittlungssprechstunde in jeder Unterkunft mit Kindern", new(2020, 8, 31), new(2020, 8, 1)),
        ("5.2", "Raumbedarf der Vorbereitungsklassen erhoben", new(2021, 3, 31), null),
        ("8.2", "Integrationsbüro West eröffnet", new(2020, 10, 31), new(2020, 11, 2)),
        ("8.2", "Integrationsbüro Nord eröffnet", new(2021, 10, 31), null),
        ("9.1", "Prüfbericht elektronische Gesundheitskarte vorgelegt", new(2020, 4, 30), new(2020, 6, 30)),
        ("12.2", "Rahmenvertrag Sprach- und Kulturmittlung geschlossen", new(2021, 12, 31), null),
    ];

    public static async Task AddAsync(PlanwerkDbContext db, Plan plan, CancellationToken ct)
    {
        if (!await db.ImplementationStatuses.AnyAsync(ct))
        {
            var position = 0;
            foreach (var (name, nameEn, kind, progress, description) in ImplementationStatus.Proposal)
                db.ImplementationStatuses.Add(new ImplementationStatus { Name = name, NameEn = nameEn, Kind = kind, DefaultProgress = progress, Description = description, Position = ++position });
        }
        if (!await db.ReportingPeriods.AnyAsync(p => p.PlanId == plan.Id, ct))
        {
            var series = new ReportingPeriodSeries { Rhythm = ReportingRhythm.HalfYearly, FirstYear = 2019, FirstPart = 2, LastYear = 2022, LastPart = 2, WeeksToReport = 6 };
            foreach (var (name, start, end, due) in series.Periods())
                db.ReportingPeriods.Add(new ReportingPeriod { PlanId = plan.Id, Name = name, StartsOn = start, EndsOn = end, DueOn = due });
        }
        if (!await db.Milestones.AnyAsync(m => m.Measure!.PlanId == plan.Id, ct))
        {
            var measures = await db.Measures.Where(m => m.PlanId == plan.Id).ToDictionaryAsync(m => m.Number, ct);
            foreach (var (number, title, due, done) in Milestones)
            {
                if (measures.TryGetValue(number, out var measure))
                    db.Milestones.Add(new Milestone { Measure = measure, MeasureId = measure.Id, Title = title, DueOn = due, DoneOn = done, Note = "Beispielinhalt" });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
