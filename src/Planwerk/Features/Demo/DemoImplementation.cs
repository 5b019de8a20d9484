using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Implementation;
using Planwerk.Features.Implementation.Manage;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Demo;

/// <summary>Carrying out the demo plan: the proposed status catalogue, half-yearly reporting periods from 2019, 2. Halbjahr
/// to 2022, 2. Halbjahr (reports due six weeks after each), and example milestones, most done, some overdue, so the
/// dashboard shows something real to look at; and the offices' reports for every period, marked as example content,
/// which lead each measure to its live status and progress. In the last period a few reports are still missing,
/// submitted or returned, so the plan team's overview has work to show. The demo reporter (<see cref="DemoContent.ReporterEmail"/>)
/// reports for the lead organisation of measure 1.1. Adds nothing a second time.</summary>
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

    /// <summary>What the example reports say they did, by turn.</summary>
    private static readonly string[] Deeds =
    [
        "Beispielinhalt: Abstimmung mit den Trägern und dem Jobcenter; Zuständigkeiten sind geklärt.",
        "Beispielinhalt: Angebote ausgeschrieben und vergeben; erste Termine haben stattgefunden.",
        "Beispielinhalt: Das Angebot läuft in drei Stadtbezirken; die Nachfrage übersteigt die Plätze.",
        "Beispielinhalt: Auswertung mit den Beteiligten; das Angebot wird angepasst und erweitert.",
    ];

    public static async Task AddAsync(PlanwerkDbContext db, Plan plan, CancellationToken ct, string? reporterUserId = null)
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
        if (!await db.Indicators.AnyAsync(i => i.PlanId == plan.Id, ct)) await AddIndicatorsAsync(db, plan, ct);
        if (!await db.YearlyReports.AnyAsync(r => r.PlanId == plan.Id, ct))
        {
            foreach (var (year, published) in YearlyReports)
                db.YearlyReports.Add(new YearlyReport { PlanId = plan.Id, Year = year, PublishedOn = published, Foreword = "Beispielinhalt: Dieser Bericht zeigt den Stand der Umsetzung am Ende des Jahres " + year.ToString(System.Globalization.CultureInfo.InvariantCulture) + ". Er wurde aus den Berichten der Ämter und Träger zusammengestellt." });
        }
        await db.SaveChangesAsync(ct);
        if (!await db.MeasureReports.AnyAsync(r => r.Measure!.PlanId == plan.Id, ct)) await AddReportsAsync(db, plan, reporterUserId, ct);
    }

    /// <summary>The yearly reports of the demo: 2020 and 2021 published, 2022 still a draft.</summary>
    public static readonly (int Year, DateOnly? PublishedOn)[] YearlyReports =
    [
        (2020, new DateOnly(2021, 3, 15)),
        (2021, new DateOnly(2022, 3, 14)),
        (2022, null),
    ];

    /// <summary>A few indicators of the demo plan (example figures, marked in their source), each with a value per year:
    /// one of the plan, one of the first field, one of measure 1.1, and one where lower is better;
    /// one is on track, one has reached its target, two are behind.</summary>
    public static readonly (string Name, string Unit, IndicatorDirection Direction, string? Field, string? Measure, decimal Baseline, decimal Target, decimal[] Values)[] Indicators =
    [
        ("Anteil der Geflüchteten in eigenem Wohnraum", "%", IndicatorDirection.HigherIsBetter, null, null, 38m, 60m, [41m, 45.5m, 55m]),
        ("Teilnehmende an Integrationskursen", "Personen", IndicatorDirection.HigherIsBetter, "1", null, 1200m, 2000m, [1350m, 1280m, 1490m]),
        ("Beratungsgespräche der Migrationsberatung", "Gespräche", IndicatorDirection.HigherIsBetter, null, "1.1", 800m, 1400m, [950m, 1120m, 1260m, 1420m]),
        ("Wartezeit auf einen Termin bei der Ausländerbehörde", "Tage", IndicatorDirection.LowerIsBetter, null, null, 42m, 14m, [38m, 35m, 29m, 31m]),
    ];

    private static async Task AddIndicatorsAsync(PlanwerkDbContext db, Plan plan, CancellationToken ct)
    {
        var measures = await db.Measures.Where(m => m.PlanId == plan.Id).Select(m => new { m.Id, m.Number, m.FieldOfActionId }).ToListAsync(ct);
        var fields = await db.FieldsOfAction.Where(f => f.PlanId == plan.Id).Select(f => new { f.Id, f.Number }).ToListAsync(ct);
        var position = 0;
        foreach (var (name, unit, direction, field, measure, baseline, target, values) in Indicators)
        {
            var m = measures.FirstOrDefault(x => x.Number == measure);
            var f = fields.FirstOrDefault(x => x.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) == field);
            var indicator = new Indicator
            {
                PlanId = plan.Id, Name = name, Unit = unit, Direction = direction, Position = ++position,
                MeasureId = m?.Id, FieldOfActionId = m?.FieldOfActionId ?? f?.Id,
                Definition = "Beispielinhalt: Stand jeweils am 31. Dezember.", Source = "Beispielinhalt, keine amtliche Zahl",
                BaselineValue = baseline, BaselineOn = new DateOnly(2018, 12, 31), TargetValue = target, TargetOn = new DateOnly(2022, 12, 31),
            };
            db.Indicators.Add(indicator);
            for (var k = 0; k < values.Length; k++)
                db.IndicatorValues.Add(new IndicatorValue { Indicator = indicator, On = new DateOnly(2019 + k, 12, 31), Value = values[k] });
        }
        // The plan's indicator fed by the allocations dataset: its values are the real yearly figures (2019 is missing),
        // its baseline is the real figure of 2018; the planning figure it is measured against is example content.
        var allocations = await db.StatisticsDatasets.Where(d => d.Code == DemoStatistics.AllocationsCode).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        if (allocations is not null)
        {
            db.Indicators.Add(new Indicator
            {
                PlanId = plan.Id, Name = DatasetIndicator, Unit = "Personen", Direction = IndicatorDirection.LowerIsBetter, Position = ++position,
                Definition = "Zahl der Asylsuchenden, die Dresden im Jahr zugewiesen wurden, gegenüber der Zahl, für die die Unterbringung geplant ist. "
                    + "Die Werte kommen aus dem Datensatz „Asylsuchende, die Dresden zugewiesen wurden, je Jahr“; ein Jahreswert gilt zum 31. Dezember. "
                    + "Beispielinhalt: Die Planungszahl (Zielwert) ist erfunden.",
                Source = "Landesdirektion Sachsen (Datensatz)",
                BaselineValue = 821m, BaselineOn = new DateOnly(2018, 12, 31), TargetValue = 800m, TargetOn = new DateOnly(2022, 12, 31),
                DatasetId = allocations,
            });
        }
    }

    /// <summary>The name of the demo plan's indicator whose values come from the allocations dataset.</summary>
    public const string DatasetIndicator = "Zugewiesene Asylsuchende im Jahr";

    /// <summary>The last period in which some reports are not yet published: measure numbers ending in these digits.</summary>
    private static ReportState? LastPeriodState(int index) => (index % 10) switch
    {
        3 => null,
        6 => ReportState.Submitted,
        8 => ReportState.Returned,
        _ => ReportState.Published,
    };

    private static async Task AddReportsAsync(PlanwerkDbContext db, Plan plan, string? reporterUserId, CancellationToken ct)
    {
        var periods = await db.ReportingPeriods.Where(p => p.PlanId == plan.Id).OrderBy(p => p.StartsOn).ToListAsync(ct);
        var statuses = await db.ImplementationStatuses.ToDictionaryAsync(s => s.Name, ct);
        var measures = await db.Measures.Where(m => m.PlanId == plan.Id).OrderBy(m => m.FieldOfAction!.Position).ThenBy(m => m.Position).ToListAsync(ct);
        if (periods.Count == 0 || measures.Count == 0) return;
        var last = periods.Count - 1;
        for (var i = 0; i < measures.Count; i++)
        {
            var measure = measures[i];
            // The live status and progress are where the reports arrive: in the last period, or the one before it
            // when the last one is not (yet) published.
            var lastState = LastPeriodState(i);
            var final = lastState == ReportState.Published ? last : last - 1;
            for (var k = 0; k < periods.Count; k++)
            {
                if (k == last && lastState is null) continue;
                var reached = Math.Min(k, final);
                var progress = measure.Status == MeasureStatus.Delayed
                    ? measure.Progress * Math.Min(reached + 1, 3) / 3
                    : measure.Progress * (reached + 1) / (final + 1);
                var status = measure.Status == MeasureStatus.NotStarted ? statuses["Nicht begonnen"]
                    : reached == final
                    ? measure.Status switch
                    {
                        MeasureStatus.Completed => statuses[i % 2 == 0 ? "Abgeschlossen" : "Verstetigt"],
                        MeasureStatus.Delayed => statuses["Verzögert"],
                        MeasureStatus.Discontinued => statuses["Eingestellt"],
                        _ => statuses["In Umsetzung"],
                    }
                    : progress <= 10 ? statuses["In Vorbereitung"] : statuses["In Umsetzung"];
                var period = periods[k];
                var state = k == last ? lastState!.Value : ReportState.Published;
                var submitted = BerlinTime.StartOfDay(period.DueOn.AddDays(-7 + i % 5));
                db.MeasureReports.Add(new MeasureReport
                {
                    Measure = measure,
                    MeasureId = measure.Id,
                    ReportingPeriod = period,
                    ReportingPeriodId = period.Id,
                    Status = status,
                    StatusId = status.Id,
                    Progress = progress,
                    Done = Deeds[Math.Min(reached, Deeds.Length - 1)],
                    NextSteps = reached == final ? "" : "Beispielinhalt: weitere Angebote planen und die Finanzierung für das nächste Jahr sichern.",
                    Obstacles = measure.Status == MeasureStatus.Delayed && k >= 2 ? "Beispielinhalt: Es fehlen geeignete Räume und Fachkräfte." : "",
                    Spent = measure.EstimatedCost is decimal cost ? Math.Round(cost * progress / 100m, 2) : null,
                    State = state,
                    ReturnComment = state == ReportState.Returned ? "Beispielinhalt: Bitte nennen Sie die Zahl der Teilnehmenden." : "",
                    SubmittedAt = submitted,
                    PublishedAt = state == ReportState.Published ? submitted.AddDays(10) : null,
                });
            }
        }
        if (reporterUserId is not null
            && await db.MeasureOrganisations.Where(o => o.Measure!.PlanId == plan.Id && o.Measure.Number == "1.1" && o.Role == MeasureOrganisationRole.Lead)
                .Select(o => (int?)o.OrganisationId).FirstOrDefaultAsync(ct) is int office)
        {
            db.StakeholderMembers.Add(new StakeholderMember { StakeholderId = office, UserId = reporterUserId, IsReporter = true, JoinedAt = BerlinTime.StartOfDay(new DateOnly(2019, 7, 1)) });
        }
        await db.SaveChangesAsync(ct);
    }
}
