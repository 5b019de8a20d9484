using Planwerk.Features.Plans;

namespace Planwerk.Features.Demo;

/// <summary>Example content: 12 fields of action and 66 measures. Only the three measures named in
/// public sources follow real facts; all texts are invented and shown as example content.</summary>
public static class DemoMeasures
{
    public sealed record DemoMeasure(
        int Field, string Title, string Goal, string Description, string TargetGroups, string ResponsibleOffice, string Partners,
        DateOnly? Start, DateOnly? End, decimal? Cost, string Funding, MeasurePriority Priority, MeasureStatus Status, int Progress,
        int[] Principles, string[] Districts);

    public static readonly (string Title, string Description)[] Fields =
    [
        ("Sprache", "Spracherwerb von der Erstorientierung bis zum Berufssprachkurs."),
        ("Arbeit, Wirtschaft und Ausbildung", "Zugang zu Ausbildung, Arbeit und Anerkennung von Abschlüssen."),
        ("Wohnen und Unterbringung", "Vom Übergangswohnheim in die eigene Wohnung."),
        ("Frühkindliche Bildung", "Kita-Zugang und Elternarbeit."),
        ("Schule", "Vorbereitungsklassen, Übergänge und Schulsozialarbeit."),
        ("Kinder-, Jugend- und Familienarbeit", "Angebote der Jugendhilfe für geflüchtete Kinder, Jugendliche und Familien."),
        ("Soziale Integration und Beteiligung", "Selbstorganisation, Ehrenamt und politische Teilhabe."),
        ("Soziale Beratung und Betreuung", "Migrationssozialarbeit und Beratung im Regelsystem."),
        ("Gesundheit", "Gesundheitsversorgung, psychosoziale Hilfe und Sprachmittlung."),
        ("Sport", "Sportvereine als Orte der Begegnung."),
        ("Kulturelle Vielfalt", "Kultur, Religion und Zusammenleben in den Stadtteilen."),
        ("Interkulturelle Öffnung der Verwaltung", "Verwaltung, die alle Menschen der Stadt erreicht."),
    ];

    public static readonly IReadOnlyList<DemoMeasure> All =
    [
        new(8, "Migrationssozialarbeit mit Fachleistungsstunden und individuellem Integrationsplan",
            "Geflüchtete werden personen- und bedarfsorientiert begleitet; jede Begleitung folgt einem Integrationsplan mit klaren Zielen.",
            "Die bisherige Flüchtlingssozialarbeit wird zur **Migrationssozialarbeit** weiterentwickelt, abgerechnet in Fachleistungsstunden. Freie Träger arbeiten ab Juli 2019 in vier Regionen (Nord, West, Mitte, Süd), jeweils angebunden an ein regionales Integrationsbüro.",
            "Asylsuchende, Geduldete und Anerkannte", "Sozialamt", "Freie Träger der Wohlfahrtspflege",
            new DateOnly(2019, 7, 1), new DateOnly(2022, 12, 31), 2_400_000m, "Kommunale Mittel, Landesförderung", MeasurePriority.High, MeasureStatus.InProgress, 60,
            [1, 2], ["Neustadt", "Pieschen", "Klotzsche", "Loschwitz", "Cotta", "Altstadt", "Blasewitz", "Plauen", "Leuben", "Prohlis"]),
        new(7, "Patenschaften: Geflüchtete begleiten Neuankommende",
            "Menschen, die schon länger in Dresden leben, unterstützen Neuankommende als Mentorinnen und Mentoren.",
            "Ehrenamt als Selbsthilfe: erfahrene Geflüchtete werden geschult und begleiten Neuankommende bei den ersten Schritten.",
            "Neu zugewanderte Geflüchtete", "Sozialamt, Integrations- und Ausländerbeauftragte", "Migrantenorganisationen, Ehrenamtsinitiativen",
            new DateOnly(2019, 9, 1), new DateOnly(2022, 12, 31), 45_000m, "Kommunale Mittel", MeasurePriority.Medium, MeasureStatus.InProgress, 40,
            [2, 3], []),
        new(8, "Interkulturelle Öffnung der Schuldner-, Familien- und Suchtberatung",
            "Beratungsstellen des Regelsystems erreichen Geflüchtete ebenso gut wie alle anderen.",
            "Modellprojekte zur interkulturellen Öffnung in der Schuldner-, Familien- und Suchtberatung, mit Sprachmittlung und Schulungen.",
            "Ratsuchende mit Migrationsgeschichte", "Sozialamt", "Beratungsstellen freier Träger",
            new DateOnly(2020, 1, 1), new DateOnly(2021, 12, 31), 120_000m, "Kommunale Mittel", MeasurePriority.Medium, MeasureStatus.Delayed, 25,
            [1, 2], []),
    ];
}
