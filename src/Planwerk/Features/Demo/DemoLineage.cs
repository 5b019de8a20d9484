using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Lineage;
using Planwerk.Features.Plans.Sections;

namespace Planwerk.Features.Demo;

/// <summary>The line of the demo's plans: the earlier "Fachplan Asyl 2014–2016" (its title, period and the council
/// paper that refers to it are real; its fields, measures and their closing assessments are invented and marked as
/// example content), the measures the 2022 plan carries over from it, and the 2022 plan's retrospective section with the
/// charts of the demo's datasets (<see cref="DemoStatistics"/>). Runs before the 2022 plan's versions are frozen, so
/// the consulted draft and the adopted version hold the retrospective too.</summary>
public static class DemoLineage
{
    public const string PredecessorTitle = "Fachplan Asyl 2014–2016";
    public const string RetrospectiveTitle = "Rückblick: Aufnahme und Unterbringung seit dem Fachplan Asyl 2014–2016";
    private const string Example = "Beispielinhalt: ";

    public static readonly (int Number, string Title)[] Fields =
    [
        (1, "Unterbringung"),
        (2, "Soziale Betreuung und Beratung"),
        (3, "Sprache und Bildung"),
        (4, "Ehrenamt und Zusammenleben"),
    ];

    /// <summary>The earlier plan's measures with their closing assessment; a continued one names the measure of the 2022
    /// plan that carries it on.</summary>
    public static readonly (string Number, string Title, MeasureOutcome Outcome, string? CarriedInto, string Assessment)[] Measures =
    [
        ("1.1", "Unterbringung vorrangig in Gewährleistungswohnungen", MeasureOutcome.Continued, "3.1",
            "Der Anteil der in Wohnungen Untergebrachten ist gestiegen; der Vorrang der Wohnung gilt im neuen Plan weiter."),
        ("1.2", "Mindeststandards für Ausstattung und Betreuung in Übergangswohnheimen", MeasureOutcome.Continued, "3.2",
            "Die Standards sind formuliert, aber noch nicht in allen Heimen geprüft; der neue Plan setzt die Prüfung fort."),
        ("1.3", "Notunterkünfte für die Zeit hoher Zugangszahlen", MeasureOutcome.Achieved, null,
            "Die Notunterkünfte haben die Aufnahme in der Zeit hoher Zuweisungen gesichert und wurden danach aufgegeben."),
        ("1.4", "Standortkonzept: Unterkünfte über alle Stadtbezirke verteilen", MeasureOutcome.PartlyAchieved, null,
            "Neue Standorte entstanden in mehreren Stadtbezirken; die Unterbringung blieb aber auf wenige Ortsämter gebündelt."),
        ("2.1", "Flüchtlingssozialarbeit in Wohnungen und Heimen", MeasureOutcome.Continued, "8.1",
            "Die Betreuung erreichte alle Unterkünfte; sie wird zur Migrationssozialarbeit mit Fachleistungsstunden weiterentwickelt."),
        ("2.2", "Unabhängige Asylverfahrensberatung", MeasureOutcome.Continued, "8.7",
            "Das Angebot wird gut angenommen und im neuen Plan weitergeführt."),
        ("2.3", "Gesundheitliche Erstuntersuchung und Impfangebote", MeasureOutcome.Achieved, null,
            "Die Erstuntersuchung ist Regelverfahren geworden."),
        ("2.4", "Psychosoziale Erstberatung für traumatisierte Geflüchtete", MeasureOutcome.PartlyAchieved, null,
            "Es gibt eine Erstberatung, aber zu wenige Therapieplätze; der Bedarf ist weiter offen."),
        ("3.1", "Deutschkurse für Asylsuchende ohne Anspruch auf einen Integrationskurs", MeasureOutcome.Continued, "1.1",
            "Die Kurse wurden stark nachgefragt; im neuen Plan gehen sie in den Lerncafés der Übergangswohnheime auf."),
        ("3.2", "Kita- und Schulplätze für Kinder aus den Unterkünften", MeasureOutcome.Continued, "5.1",
            "Die Schulaufnahme gelingt schneller als zu Beginn, dauert aber in Spitzenzeiten noch zu lange."),
        ("3.3", "Pool von Dolmetscherinnen und Dolmetschern für die Ämter", MeasureOutcome.Achieved, null,
            "Der Pool ist eingerichtet und wird von den Ämtern genutzt."),
        ("4.1", "Koordinierung des Ehrenamts in der Flüchtlingshilfe", MeasureOutcome.Continued, "7.3",
            "Die Koordinierung hat viele Initiativen verbunden; sie bleibt nötig, weil das Engagement sich wandelt."),
        ("4.2", "Informationsabende in den Stadtteilen vor der Eröffnung einer Unterkunft", MeasureOutcome.Achieved, null,
            "Zu jeder neuen Unterkunft gab es einen Informationsabend."),
        ("4.3", "Gedruckte Willkommensbroschüre in sechs Sprachen", MeasureOutcome.Dropped, null,
            "Die Broschüre veraltete schnell; an ihre Stelle tritt der mehrsprachige Wegweiser der Hilfeangebote."),
        ("4.4", "Sportangebote in allen Unterkünften", MeasureOutcome.NotAchieved, null,
            "Es fehlten Räume und Übungsleitende; nur in wenigen Unterkünften gab es regelmäßige Angebote."),
    ];

    public const string PredecessorSummary = """
        Der Vorgängerplan, auf den sich die Stadtratsvorlage V0085/14 vom 17.09.2014 bezieht; 2017 beschloss der Stadtrat
        mit A0282/17 seine grundlegende Überarbeitung, aus der der Fachplan Asyl und Integration 2022 hervorging.

        *Beispielinhalt: Die Handlungsfelder, Maßnahmen und ihre abschließende Bewertung sind für die Demo erfunden, nicht der Text der Stadt.*
        """;

    /// <summary>The earlier plan's fields and assessed measures, all example content. The plan is saved by the caller.</summary>
    public static void AddPredecessorContent(PlanwerkDbContext db, Plan predecessor, DateTimeOffset now)
    {
        predecessor.Summary = PredecessorSummary;
        predecessor.IsExample = true;
        foreach (var (number, title) in Fields)
        {
            var field = new FieldOfAction { Plan = predecessor, Number = number, Position = number, Title = title, Description = Example + "Handlungsfeld des Vorgängerplans." };
            db.FieldsOfAction.Add(field);
            var position = 0;
            foreach (var m in Measures.Where(m => m.Number.StartsWith(number + ".", StringComparison.Ordinal)))
            {
                db.Measures.Add(new Measure
                {
                    Plan = predecessor, FieldOfAction = field, Position = ++position, Number = m.Number, Title = m.Title,
                    Description = Example + "Maßnahme des Fachplans Asyl 2014–2016.",
                    StartDate = new DateOnly(2014, 10, 1), EndDate = new DateOnly(2016, 12, 31),
                    Status = m.Outcome switch
                    {
                        MeasureOutcome.Achieved => MeasureStatus.Completed,
                        MeasureOutcome.Dropped => MeasureStatus.Discontinued,
                        MeasureOutcome.NotAchieved => MeasureStatus.Delayed,
                        _ => MeasureStatus.InProgress,
                    },
                    Progress = m.Outcome switch { MeasureOutcome.Achieved => 100, MeasureOutcome.NotAchieved => 20, MeasureOutcome.Dropped => 30, _ => 70 },
                    Outcome = m.Outcome, OutcomeText = Example + m.Assessment, IsExample = true, UpdatedAt = now,
                });
            }
        }
    }

    /// <summary>Links the continued measures of the earlier plan to the 2022 plan's measures that carry them on, and adds
    /// the 2022 plan's retrospective section with the charts of the three datasets. Adds nothing a second time.</summary>
    public static async Task AddAsync(PlanwerkDbContext db, Plan plan, CancellationToken ct)
    {
        if (plan.PredecessorId is not int predecessorId || await db.PlanSections.AnyAsync(s => s.PlanId == plan.Id && s.Kind == PlanSectionKind.Retrospective, ct)) return;
        var earlier = await db.Measures.Where(m => m.PlanId == predecessorId).ToDictionaryAsync(m => m.Number, ct);
        var later = await db.Measures.Where(m => m.PlanId == plan.Id).ToDictionaryAsync(m => m.Number, ct);
        foreach (var m in Measures.Where(m => m.CarriedInto is not null))
            later[m.CarriedInto!].CarriedFromMeasureId = earlier[m.Number].Id;

        var datasets = await db.StatisticsDatasets
            .Where(d => d.Code == DemoStatistics.AllocationsCode || d.Code == DemoStatistics.ByTypeCode || d.Code == DemoStatistics.ByOfficeCode)
            .ToDictionaryAsync(d => d.Code, ct);
        var position = await db.PlanSections.Where(s => s.PlanId == plan.Id).Select(s => (int?)s.Position).MaxAsync(ct) ?? 0;
        var section = new PlanSection
        {
            PlanId = plan.Id, Position = position + 1, Kind = PlanSectionKind.Retrospective, Title = RetrospectiveTitle, Body = RetrospectiveBody,
            Datasets = new[] { DemoStatistics.AllocationsCode, DemoStatistics.ByTypeCode, DemoStatistics.ByOfficeCode }
                .Select((code, i) => new PlanSectionDataset { DatasetId = datasets[code].Id, Position = i + 1 }).ToList(),
        };
        db.PlanSections.Add(section);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The retrospective's own text: the figures are the datasets' (the sources'); the judgement of the earlier
    /// plan is example content and says so.</summary>
    public const string RetrospectiveBody = """
        Der Fachplan Asyl 2014–2016 entstand, als die Zahl der Asylsuchenden stark stieg: 2015 wurden Dresden 4.178 Asylsuchende
        zugewiesen, 2016 noch 1.839, 2017 dann 788 und 2018 821. Für 2019 ist keine Jahreszahl veröffentlicht (im 1. Quartal 2019: 208).

        Am 30.12.2016 waren 4.375 Menschen in Gewährleistungswohnungen und Übergangswohnheimen untergebracht, die meisten in den
        Ortsämtern Cotta (1.118) und Prohlis (1.014). Ende März 2019 waren es 2.718, davon 1.854 in Wohnungen.

        2017 beschloss der Stadtrat mit A0282/17 die grundlegende Überarbeitung des Fachplans. Dieser Plan setzt fort, was sich
        bewährt hat, und nennt bei jeder übernommenen Maßnahme, woher sie kommt.

        *Beispielinhalt: Die Maßnahmen des Vorgängerplans und ihre Bewertung sind für die Demo erfunden; die Zahlen stammen aus den
        genannten Quellen der Datensätze.*
        """;
}
