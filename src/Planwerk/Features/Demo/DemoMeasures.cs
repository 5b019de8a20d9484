using Planwerk.Features.Plans;

namespace Planwerk.Features.Demo;

/// <summary>Example content: 12 fields of action and 66 measures. Only the three measures named in
/// public sources (Migrationssozialarbeit in four regions, refugees as mentors, intercultural opening
/// of debt, family and addiction counselling) follow real facts; all texts are invented and shown as
/// example content. Status and progress describe an invented state of implementation as of <see cref="AsOf"/>.</summary>
public static class DemoMeasures
{
    public sealed record DemoMeasure
    {
        /// <summary>Number of the field of action, 1 to 12.</summary>
        public required int Field { get; init; }
        public required string Title { get; init; }
        public required string Goal { get; init; }
        /// <summary>Markdown, two to four sentences.</summary>
        public required string Description { get; init; }
        public required string TargetGroups { get; init; }
        public required string Office { get; init; }
        public string Partners { get; init; } = "";
        public required DateOnly Start { get; init; }
        public required DateOnly End { get; init; }
        public decimal? Cost { get; init; }
        public string Funding { get; init; } = "";
        public MeasurePriority Priority { get; init; } = MeasurePriority.Medium;
        public required MeasureStatus Status { get; init; }
        public required int Progress { get; init; }
        /// <summary>Positions (1–3) of the plan's principles the measure serves.</summary>
        public required IReadOnlyList<int> Principles { get; init; }
        /// <summary>Names of districts and localities where the measure is local; empty means city-wide.</summary>
        public IReadOnlyList<string> Districts { get; init; } = [];
    }

    /// <summary>The date the invented implementation state refers to (the last quarterly report of the plan's period).</summary>
    public static readonly DateOnly AsOf = new(2022, 9, 30);

    /// <summary>The four regions of the Migrationssozialarbeit from July 2019, each with a regional
    /// Integrationsbüro. Nord is everything right of the Elbe; West is Cotta and the western localities.</summary>
    public static readonly IReadOnlyList<(string Name, IReadOnlyList<string> Districts)> Regions =
    [
        ("Nord", ["Neustadt", "Pieschen", "Klotzsche", "Loschwitz", "Langebrück", "Schönborn", "Schönfeld-Weißig", "Weixdorf"]),
        ("West", ["Cotta", "Altfranken", "Cossebaude", "Gompitz", "Mobschatz", "Oberwartha"]),
        ("Mitte", ["Altstadt", "Blasewitz", "Plauen"]),
        ("Süd", ["Leuben", "Prohlis"]),
    ];

    public static readonly (string Title, string Description)[] Fields =
    [
        ("Sprache",
            "Deutsch lernen vom ersten Tag an: von niedrigschwelligen Angeboten in den Unterkünften über Integrations- und Berufssprachkurse bis zur Sprachförderung im Beruf."),
        ("Arbeit, Wirtschaft und berufliche Ausbildung",
            "Zugang zu Ausbildung und Arbeit, Anerkennung ausländischer Abschlüsse und die Zusammenarbeit mit Dresdner Unternehmen."),
        ("Wohnen und Unterbringung",
            "Menschenwürdige Unterbringung mit klaren Standards und der Weg aus dem Übergangswohnheim in die eigene Wohnung."),
        ("Frühkindliche Bildung",
            "Zugang zu Kindertageseinrichtungen und Kindertagespflege, Sprachbildung im Kita-Alltag und Zusammenarbeit mit den Eltern."),
        ("Schule",
            "Zügige Schulaufnahme, Deutsch als Zweitsprache, Schulsozialarbeit und gelingende Übergänge von der Schule in den Beruf."),
        ("Kinder-, Jugend- und Familienarbeit",
            "Angebote der Kinder- und Jugendhilfe, der Familienbildung und des Kinderschutzes für geflüchtete Kinder, Jugendliche und Familien."),
        ("Soziale Integration, Selbstorganisation und politische Teilhabe",
            "Ehrenamt, Migrantenorganisationen, Begegnung in den Stadtteilen und Mitsprache in der Stadtgesellschaft."),
        ("Soziale Beratung und Betreuung",
            "Migrationssozialarbeit, regionale Integrationsbüros und die Öffnung der Beratungsdienste des Regelsystems."),
        ("Gesundheit",
            "Gesundheitsversorgung, psychosoziale Hilfe für belastete und traumatisierte Menschen und Sprachmittlung im Gesundheitswesen."),
        ("Sport",
            "Sportvereine und Sportstätten als Orte der Begegnung und des Ankommens."),
        ("Kulturelle Vielfalt",
            "Kulturelle Teilhabe, interkulturelle Projekte in den Stadtteilen und der Dialog zwischen Kulturen und Religionen."),
        ("Interkulturelle Öffnung der Verwaltung",
            "Eine Stadtverwaltung, die alle Einwohnerinnen und Einwohner versteht und von ihnen verstanden wird."),
    ];

    private const string CityFunds = "Kommunale Mittel";
    private const string StaffFunds = "Im Rahmen der vorhandenen Personal- und Sachmittel";
    private const string StateIntegrationFunds = "Landesfördermittel (Richtlinie Integrative Maßnahmen), kommunaler Eigenanteil";
    private const string JobcenterFunds = "Eingliederungsmittel SGB II";
    private const string Welfare = "Träger der freien Wohlfahrtspflege";

    public static readonly IReadOnlyList<DemoMeasure> All =
    [
        // 1 Sprache
        new()
        {
            Field = 1,
            Title = "Deutsch ab dem ersten Tag: Lerncafés in den Übergangswohnheimen",
            Goal = "Asylsuchende ohne Zugang zum Integrationskurs lernen vom Ankommen an Deutsch.",
            Description = """
                In allen Übergangswohnheimen finden mindestens zweimal wöchentlich offene Lerncafés statt, in denen Alltagsdeutsch geübt wird.
                Ehrenamtliche Sprachpatinnen und Sprachpaten werden durch eine Koordinierungsstelle gewonnen, geschult und begleitet.
                Die Lerncafés führen gezielt zu den weiterführenden Kursen hin.
                """,
            TargetGroups = "Asylsuchende und Geduldete ohne Zugang zum Integrationskurs",
            Office = "Sozialamt",
            Partners = $"Betreiber der Übergangswohnheime, Ehrenamtsinitiativen, {Welfare}",
            Start = new(2019, 9, 1),
            End = new(2022, 12, 31),
            Cost = 210_000m,
            Funding = StateIntegrationFunds,
            Priority = MeasurePriority.High,
            Status = MeasureStatus.InProgress,
            Progress = 75,
            Principles = [1],
        },
        new()
        {
            Field = 1,
            Title = "Stadtweite Koordinierung der Deutschkurse",
            Goal = "Alle Deutschkurse in Dresden sind an einer Stelle zu finden, Wartezeiten auf einen Kursplatz sinken.",
            Description = """
                Eine Koordinierungsstelle führt eine laufend aktualisierte Übersicht über Integrationskurse, Berufssprachkurse und ehrenamtliche Angebote.
                Kursträger, Jobcenter und Agentur für Arbeit stimmen sich in einem halbjährlichen Sprachkursnetzwerk über Bedarfe, Kursbeginne und Kinderbetreuung ab.
                """,
            TargetGroups = "Zugewanderte mit Sprachförderbedarf, Beratungsstellen, Ehrenamtliche",
            Office = "Integrations- und Ausländerbeauftragte",
            Partners = "Kursträger, Jobcenter Dresden, Agentur für Arbeit, Regionalkoordination des Bundesamtes für Migration und Flüchtlinge",
            Start = new(2019, 10, 1),
            End = new(2021, 6, 30),
            Cost = 60_000m,
            Funding = CityFunds,
            Status = MeasureStatus.Completed,
            Progress = 100,
            Principles = [1, 2],
        },
        new()
        {
            Field = 1,
            Title = "Deutschkurse mit Kinderbetreuung für Mütter",
            Goal = "Frauen mit kleinen Kindern nehmen ebenso häufig an Sprachkursen teil wie andere Zugewanderte.",
            Description = """
                In Stadtteilzentren mit vielen jungen Familien werden Vormittagskurse angeboten, die auf die Lebenslage von Müttern zugeschnitten sind:

                - parallele Kinderbetreuung durch pädagogische Fachkräfte in benachbarten Räumen,
                - Kurszeiten zwischen Kita-Bringzeit und Mittag,
                - begleiteter Übergang in einen Integrationskurs mit Kinderbetreuung.
                """,
            TargetGroups = "Geflüchtete und zugewanderte Frauen mit Kindern unter drei Jahren",
            Office = "Sozialamt",
            Partners = "Kursträger, Familienzentren, Stadtteilzentren",
            Start = new(2020, 1, 1),
            End = new(2022, 12, 31),
            Cost = 145_000m,
            Funding = StateIntegrationFunds,
            Priority = MeasurePriority.High,
            Status = MeasureStatus.Delayed,
            Progress = 40,
            Principles = [1, 2],
            Districts = ["Prohlis", "Cotta", "Pieschen"],
        },
        new()
        {
            Field = 1,
            Title = "Sprachlernorte in den Stadtteilbibliotheken",
            Goal = "Zugewanderte finden in ihrem Stadtteil Orte, Material und Begleitung zum selbstständigen Deutschlernen.",
            Description = """
                Ausgewählte Stadtteilbibliotheken richten Sprachlernecken mit Lernsoftware, Leichtlesebüchern und Prüfungsmaterial ein.
                Wöchentliche Sprachtreffs mit Ehrenamtlichen ergänzen das Angebot.
                Die Bibliotheksausweise sind für Inhaberinnen und Inhaber des Dresden-Passes kostenfrei.
                """,
            TargetGroups = "Zugewanderte aller Altersgruppen, Kursteilnehmende",
            Office = "Städtische Bibliotheken",
            Partners = "Ehrenamtsinitiativen, Kursträger",
            Start = new(2019, 9, 1),
            End = new(2021, 12, 31),
            Cost = 38_000m,
            Funding = CityFunds,
            Priority = MeasurePriority.Low,
            Status = MeasureStatus.Completed,
            Progress = 100,
            Principles = [1, 3],
            Districts = ["Cotta", "Prohlis", "Pieschen", "Altstadt"],
        },
        new()
        {
            Field = 1,
            Title = "Sprachbrücke zwischen Integrationskurs und Berufssprachkurs",
            Goal = "Wer den Integrationskurs ohne das Niveau B1 abschließt, erhält eine passende Anschlussförderung.",
            Description = """
                Teilnehmende, die im Deutsch-Test für Zuwanderer das Niveau B1 nicht erreichen, werden vom Jobcenter gezielt beraten.
                Lernbegleitende Kurse mit berufsbezogenem Wortschatz bereiten auf die Wiederholungsprüfung und den Übergang in einen Berufssprachkurs vor.
                """,
            TargetGroups = "Leistungsberechtigte nach dem SGB II mit Sprachniveau A2",
            Office = "Jobcenter Dresden",
            Partners = "Kursträger, Agentur für Arbeit",
            Start = new(2020, 3, 1),
            End = new(2022, 12, 31),
            Cost = 90_000m,
            Funding = JobcenterFunds,
            Status = MeasureStatus.InProgress,
            Progress = 60,
            Principles = [1, 2],
        },

        // 2 Arbeit, Wirtschaft und berufliche Ausbildung
        new()
        {
            Field = 2,
            Title = "Frühe Kompetenzfeststellung und Berufswegeplanung",
            Goal = "Berufliche Erfahrungen und Abschlüsse werden früh erfasst und fließen in einen verbindlichen Berufswegeplan ein.",
            Description = """
                Schon während des Spracherwerbs führt das Jobcenter mit allen neu zugewiesenen erwerbsfähigen Leistungsberechtigten ein Kompetenzgespräch.
                Praktische Kompetenzfeststellungen in Werkstätten ergänzen das Gespräch, wenn Zeugnisse fehlen.
                Der Berufswegeplan wird mit dem Integrationsplan der Migrationssozialarbeit abgestimmt.
                """,
            TargetGroups = "Anerkannte Geflüchtete im Leistungsbezug nach dem SGB II",
            Office = "Jobcenter Dresden",
            Partners = "Agentur für Arbeit, Träger der Migrationssozialarbeit, Bildungsträger",
            Start = new(2019, 7, 1),
            End = new(2022, 12, 31),
            Funding = JobcenterFunds,
            Priority = MeasurePriority.High,
            Status = MeasureStatus.InProgress,
            Progress = 80,
            Principles = [1, 2],
        },
        new()
        {
            Field = 2,
            Title = "Anerkennungs- und Qualifizierungsberatung für ausländische Abschlüsse",
            Goal = "Mehr Zugewanderte arbeiten entsprechend ihrer Qualifikation.",
            Description = """
                Die Beratung zur Anerkennung ausländischer Berufs- und Studienabschlüsse wird in Dresden gebündelt und bekannt gemacht. Sie begleitet in drei Schritten:

                1. Klärung des Referenzberufs und der zuständigen Stelle,
                2. Unterstützung beim Antrag und bei der Übersetzung von Unterlagen,
                3. Vermittlung in Anpassungsqualifizierungen bei teilweiser Anerkennung.
                """,
            TargetGroups = "Zugewanderte mit im Ausland erworbenen Abschlüssen",
            Office = "Amt für Wirtschaftsförderung",
            Partners = "Anerkennungsberatungsstellen, Kammern der Wirtschaft, Jobcenter Dresden",
            Start = new(2019, 10, 1),
            End = new(2022, 12, 31),
            Cost = 75_000m,
            Funding = "Bundes- und Landesmittel, kommunaler Eigenanteil",
            Status = MeasureStatus.InProgress,
            Progress = 70,
            Principles = [2],
        },
        new()
        {
            Field = 2,
            Title = "Ausbildungslotsinnen und Ausbildungslotsen für junge Geflüchtete",
            Goal = "Junge Geflüchtete schließen ihre Ausbildung ab; Abbrüche werden vermieden.",
            Description = """
                Lotsinnen und Lotsen begleiten Auszubildende, Betriebe und Berufsschulen während der gesamten Ausbildung.
                Sie organisieren Nachhilfe in Fachsprache und Fachtheorie und vermitteln bei Konflikten im Betrieb.
                Bei aufenthaltsrechtlichen Fragen verweisen sie an die Ausländerbehörde und die Migrationssozialarbeit.
                """,
            TargetGroups = "Geflüchtete Auszubildende von 16 bis 27 Jahren, Ausbildungsbetriebe",
            Office = "Jobcenter Dresden",
            Partners = "Agentur für Arbeit, Berufsschulzentren, Kammern der Wirtschaft",
            Start = new(2019, 9, 1),
            End = new(2022, 8, 31),
            Cost = 280_000m,
            Funding = "Europäischer Sozialfonds, Landesfördermittel",
            Priority = MeasurePriority.High,
            Status = MeasureStatus.Completed,
            Progress = 100,
            Principles = [1, 2],
        },
        new()
        {
            Field = 2,
            Title = "Unternehmensnetzwerk „Vielfalt im Betrieb“",
            Goal = "Kleine und mittlere Unternehmen stellen häufiger Geflüchtete ein und halten sie im Betrieb.",
            Description = """
                Das Netzwerk informiert Unternehmen in Veranstaltungen zu Beschäftigungserlaubnis, Förderinstrumenten und betrieblicher Einarbeitung.
                Eine Praktikumsbörse bringt Betriebe und Bewerberinnen und Bewerber zusammen.
                Erfahrene Unternehmen berichten anderen von ihren Erfahrungen.
                """,
            TargetGroups = "Kleine und mittlere Unternehmen, arbeitsuchende Geflüchtete",
            Office = "Amt für Wirtschaftsförderung",
            Partners = "Kammern der Wirtschaft, Unternehmensverbände, Jobcenter Dresden, Agentur für Arbeit",
            Start = new(2020, 1, 1),
            End = new(2022, 6, 30),
            Cost = 40_000m,
            Funding = CityFunds,
            Status = MeasureStatus.Delayed,
            Progress = 35,
            Principles = [2, 3],
        },
        new()
        {
            Field = 2,
            Title = "Ausbildungs- und Beschäftigungsduldung: einheitliche Verwaltungspraxis",
            Goal = "Geduldete in Ausbildung oder Arbeit und ihre Betriebe erhalten Rechtssicherheit und schnelle Entscheidungen.",
            Description = """
                Die Ausländerbehörde legt für Ausbildungs- und Beschäftigungsduldungen einheitliche Prüfschritte fest und veröffentlicht ein Merkblatt für Betriebe.
                Betriebe und Beratungsstellen erhalten eine feste Ansprechperson.
                """,
            TargetGroups = "Geduldete in Ausbildung oder Beschäftigung, Ausbildungsbetriebe",
            Office = "Bürgeramt, Ausländerbehörde",
            Partners = "Kammern der Wirtschaft, Beratungsstellen",
            Start = new(2020, 1, 1),
            End = new(2021, 3, 31),
            Funding = StaffFunds,
            Status = MeasureStatus.Completed,
            Progress = 100,
            Principles = [1],
        },
        new()
        {
            Field = 2,
            Title = "Berufliche Orientierung für geflüchtete Frauen",
            Goal = "Geflüchtete Frauen finden einen Weg in Ausbildung, auch in Teilzeit, oder in Arbeit.",
            Description = """
                Das Projekt verbindet Orientierungskurse mit Betriebsbesichtigungen und begleiteten Praktika.

                - Kursmodule in Teilzeit mit Kinderbetreuung,
                - Information über Teilzeitausbildung und Kinderzuschlag,
                - Mentoring durch berufstätige Frauen mit Migrationsgeschichte.
                """,
            TargetGroups = "Geflüchtete Frauen, insbesondere Alleinerziehende",
            Office = "Jobcenter Dresden",
            Partners = "Träger der Arbeitsmarktförderung, Familienzentren",
            Start = new(2020, 9, 1),
            End = new(2022, 12, 31),
            Cost = 320_000m,
            Funding = "Europäischer Sozialfonds, Eingliederungsmittel SGB II",
            Status = MeasureStatus.InProgress,
            Progress = 55,
            Principles = [2],
            Districts = ["Prohlis", "Cotta"],
        },

        // 3 Wohnen und Unterbringung
        new()
        {
            Field = 3,
            Title = "Vorrang der Unterbringung in Gewährleistungswohnungen",
            Goal = "Mindestens 70 Prozent der untergebrachten Menschen wohnen in Wohnungen statt in Gemeinschaftsunterkünften.",
            Description = """
                Das Sozialamt mietet über das ganze Stadtgebiet verteilt Gewährleistungswohnungen an und belegt sie bedarfsgerecht.
                Übergangswohnheime dienen vorrangig der ersten Aufnahme; der Aufenthalt dort soll sechs Monate nicht überschreiten.
                Familien mit Kindern, Schwangere und Menschen mit Behinderung werden bei der Belegung von Wohnungen vorrangig berücksichtigt.
                """,
            TargetGroups = "Asylsuchende und Geduldete in kommunaler Unterbringung",
            Office = "Sozialamt",
            Partners = "Wohnungsunternehmen, private Vermieterinnen und Vermieter",
            Start = new(2019, 7, 1),
            End = new(2022, 12, 31),
            Funding = "Unterbringungskosten im Haushalt des Sozialamtes, Pauschalen nach dem Sächsischen Flüchtlingsaufnahmegesetz",
            Priority = MeasurePriority.High,
            Status = MeasureStatus.InProgress,
            Progress = 85,
            Principles = [1, 3],
        },
        new()
        {
            Field = 3,
            Title = "Mindeststandards für Übergangswohnheime",
            Goal = "Alle Übergangswohnheime erfüllen verbindliche Standards für Schutz, Privatsphäre und Teilhabe.",
            Description = """
                Die Betreiberverträge werden um verbindliche Mindeststandards ergänzt, deren Einhaltung das Sozialamt jährlich prüft:

                - abschließbare Wohneinheiten und Rückzugsräume für Frauen und Kinder,
                - ein Gewaltschutzkonzept mit benannten Ansprechpersonen,
                - Spiel- und Lernräume für Kinder sowie WLAN in allen Wohnbereichen,
                - ein mehrsprachiges Beschwerdeverfahren.
                """,
            TargetGroups = "Bewohnerinnen und Bewohner der Übergangswohnheime",
            Office = "Sozialamt",
            Partners = "Betreiber der Übergangswohnheime",
            Start = new(2019, 7, 1),
            End = new(2020, 12, 31),
            Cost = 350_000m,
            Funding = "Pauschalen nach dem Sächsischen Flüchtlingsaufnahmegesetz",
            Priority = MeasurePriority.High,
            Status = MeasureStatus.Completed,
            Progress = 100,
            Principles = [1, 2],
        },
        new()
        {
            Field = 3,
            Title = "Auszugsmanagement: vom Übergangswohnheim in die eigene Wohnung",
            Goal = "Anerkannte Geflüchtete ziehen innerhalb von sechs Monaten nach ihrer Anerkennung in eigenen Wohnraum.",
            Description = """
                Wohnungslotsinnen und Wohnungslotsen unterstützen bei der Wohnungssuche, bei Bewerbungen und bei Gesprächen mit Vermieterinnen und Vermietern.
                Mit dem Jobcenter sind die Angemessenheitsgrenzen und die Zusicherung der Kosten der Unterkunft abgestimmt, damit Mietangebote nicht an Formalien scheitern.
                """,
            TargetGroups = "Anerkannte Geflüchtete in Übergangswohnheimen und Gewährleistungswohnungen",
            Office = "Sozialamt",
            Partners = $"Jobcenter Dresden, Wohnungsunternehmen, {Welfare}",
            Start = new(2019, 10, 1),
            End = new(2022, 12, 31),
            Cost = 260_000m,
            Funding = StateIntegrationFunds,
            Priority = MeasurePriority.High,
            Status = MeasureStatus.InProgress,
            Progress = 65,
            Principles = [1, 2],
        },
        new()
        {
            Field = 3,
            Title = "Kurse „Fit fürs Wohnen“",
            Goal = "Neue Mieterinnen und Mieter kennen ihre Rechte und Pflichten und halten ihr Mietverhältnis.",
            Description = """
                In mehrsprachigen Kursen geht es um Mietvertrag, Nebenkosten, Mülltrennung, Lüften und Heizen sowie um die Hausordnung.
                Wer teilnimmt, erhält ein Zertifikat, das bei der Wohnungsbewerbung vorgelegt werden kann.
                """,
            TargetGroups = "Geflüchtete vor dem Bezug einer eigenen Wohnung",
            Office = "Sozialamt",
            Partners = "Wohnungsunternehmen, Verbraucherberatung, Träger der Migrationssozialarbeit",
            Start = new(2019, 11, 1),
            End = new(2021, 10, 31),
            Cost = 25_000m,
            Funding = CityFunds,
            Priority = MeasurePriority.Low,
            Status = MeasureStatus.Completed,
            Progress = 100,
            Principles = [1, 3],
        },
        new()
        {
            Field = 3,
            Title = "Belegungsrechte für vordringlich Wohnungssuchende",
            Goal = "Haushalte mit Zugangsschwierigkeiten zum Wohnungsmarkt, darunter Geflüchtete, erhalten mehr bezahlbare Wohnungen.",
            Description = """
                Die Stadt sichert sich im geförderten Wohnungsneubau und im Bestand der städtischen Wohnungsbaugesellschaft Belegungsrechte.
                Die Wohnungen werden gleichmäßig über die Stadtteile verteilt vergeben, um einseitige Belegungen einzelner Quartiere zu vermeiden.
                """,
            TargetGroups = "Vordringlich wohnungssuchende Haushalte, darunter anerkannte Geflüchtete",
            Office = "Sozialamt",
            Partners = "Städtische Wohnungsbaugesellschaft, Wohnungsgenossenschaften",
            Start = new(2020, 1, 1),
            End = new(2022, 12, 31),
            Funding = "Landesförderung sozialer Wohnungsbau",
            Status = MeasureStatus.Delayed,
            Progress = 30,
            Principles = [3],
        },
        new()
        {
            Field = 3,
            Title = "Wohnungssicherung: Räumungen und Wohnungsverlust vermeiden",
            Goal = "Drohender Wohnungsverlust von Zugewanderten wird früh erkannt und abgewendet.",
            Description = """
                Die Fachstelle für Wohnungsnotfälle erhält mehrsprachige Informationsmaterialien und kann kurzfristig Sprachmittlung hinzuziehen.
                Vermieter melden Mietrückstände mit Einverständnis der Mieterinnen und Mieter frühzeitig, damit Beratung vor einer Kündigung ansetzen kann.
                """,
            TargetGroups = "Zugewanderte Haushalte mit Mietschulden oder drohender Kündigung",
            Office = "Sozialamt",
            Partners = "Wohnungsunternehmen, Schuldnerberatungsstellen",
            Start = new(2022, 10, 1),
            End = new(2022, 12, 31),
            Cost = 15_000m,
            Funding = CityFunds,
            Status = MeasureStatus.NotStarted,
            Progress = 0,
            Principles = [2, 3],
        },
        new()
        {
            Field = 3,
            Title = "Bewohnerbeiräte und Nachbarschaftsdialoge an den Unterkunftsstandorten",
            Goal = "Bewohnerinnen und Bewohner sowie Nachbarschaft gestalten das Zusammenleben am Standort gemeinsam.",
            Description = """
                In jedem Übergangswohnheim wird ein Bewohnerbeirat gewählt, der sich regelmäßig mit Betreiber und Sozialamt trifft.
                Zweimal jährlich lädt das Sozialamt die Nachbarschaft zu einem Dialog am Standort ein.
                """,
            TargetGroups = "Bewohnerinnen und Bewohner der Übergangswohnheime, Nachbarschaft",
            Office = "Sozialamt",
            Partners = "Betreiber der Übergangswohnheime, Stadtteilrunden, Ehrenamtsinitiativen",
            Start = new(2019, 9, 1),
            End = new(2021, 12, 31),
            Cost = 12_000m,
            Funding = CityFunds,
            Priority = MeasurePriority.Low,
            Status = MeasureStatus.Discontinued,
            Progress = 40,
            Principles = [2, 3],
            Districts = ["Cotta", "Prohlis", "Leuben", "Pieschen"],
        },

        // 4 Frühkindliche Bildung
        new()
        {
            Field = 4,
            Title = "Kita-Platzvermittlung für Kinder aus Unterkünften",
            Goal = "Jedes Kind ab einem Jahr erhält binnen drei Monaten nach der Zuweisung ein Angebot für einen Kita- oder Tagespflegeplatz.",
            Description = """
                Die Migrationssozialarbeit meldet neu zugewiesene Familien mit deren Einverständnis direkt an die zentrale Platzvermittlung.
                Der Eigenbetrieb Kindertageseinrichtungen hält in jedem Planungsraum ein Kontingent freier Plätze vor.
                """,
            TargetGroups = "Geflüchtete Familien mit Kindern von einem bis sechs Jahren",
            Office = "Eigenbetrieb Kindertageseinrichtungen",
            Partners = "Jugendamt, Träger der Migrationssozialarbeit, freie Träger von Kindertageseinrichtungen",
            Start = new(2019, 8, 1),
            End = new(2022, 12, 31),
            Funding = StaffFunds,
            Priority = MeasurePriority.High,
            Status = MeasureStatus.InProgress,
            Progress = 70,
            Principles = [1],
        },
        new()
        {
            Field = 4,
            Title = "Eltern-Kind-Gruppen als Brücke in die Kita",
            Goal = "Familien, die die Kita noch nicht kennen, gewinnen Vertrauen in die frühkindliche Bildung.",
            Description = """
                Pädagogische Fachkräfte bieten in Unterkünften und Familienzentren wöchentliche Eltern-Kind-Gruppen an.
                Die Gruppen zeigen, wie der Kita-Alltag aussieht, und begleiten Eltern bei der Anmeldung und Eingewöhnung.
                """,
            TargetGroups = "Geflüchtete Eltern mit Kindern bis drei Jahren",
            Office = "Jugendamt",
            Partners = "Familienzentren, freie Träger der Kinder- und Jugendhilfe",
            Start = new(2019, 10, 1),
            End = new(2022, 6, 30),
            Cost = 110_000m,
            Funding = "Bundes- und Landesmittel, kommunaler Eigenanteil",
            Status = MeasureStatus.Delayed,
            Progress = 45,
            Principles = [1, 3],
            Districts = ["Prohlis", "Cotta", "Leuben"],
        },
        new()
        {
            Field = 4,
            Title = "Fortbildungsreihe „Vielfalt in der Kita“",
            Goal = "Pädagogische Fachkräfte sind auf die Arbeit mit mehrsprachigen und geflüchteten Kindern und ihren Familien vorbereitet.",
            Description = """
                Die Fortbildungsreihe umfasst vier Module:

                - Mehrsprachigkeit und alltagsintegrierte Sprachbildung,
                - traumasensibles Arbeiten mit Kindern,
                - Zusammenarbeit mit Eltern aus anderen Bildungssystemen,
                - Umgang mit Vorurteilen im Team und in der Gruppe.
                """,
            TargetGroups = "Pädagogische Fachkräfte in Kindertageseinrichtungen und Kindertagespflege",
            Office = "Eigenbetrieb Kindertageseinrichtungen",
            Partners = "Fachberatung der freien Träger, Fortbildungsträger",
            Start = new(2019, 9, 1),
            End = new(2021, 12, 31),
            Cost = 48_000m,
            Funding = CityFunds,
            Status = MeasureStatus.Completed,
            Progress = 100,
            Principles = [1, 2],
        },
        new()
        {
            Field = 4,
            Title = "Mehrsprachige Elterninformationen zum Kita-System",
            Goal = "Eltern verstehen, wie sie einen Kita-Platz bekommen, was er kostet und was in der Kita geschieht.",
            Description = """
                Ein Elternleitfaden erklärt Anmeldung, Elternbeiträge, Eingewöhnung und Bildungsplan in einfacher Sprache.
                Er erscheint in Arabisch, Dari/Farsi, Tigrinya, Russisch, Englisch und Französisch, seit 2022 auch in Ukrainisch, gedruckt und online.
                """,
            TargetGroups = "Zugewanderte Eltern",
            Office = "Eigenbetrieb Kindertageseinrichtungen",
            Partners = "Integrations- und Ausländerbeauftragte, Migrantenorganisationen",
            Start = new(2019, 7, 1),
            End = new(2020, 6, 30),
            Cost = 18_000m,
            Funding = CityFunds,
            Priority = MeasurePriority.Low,
            Status = MeasureStatus.Completed,
            Progress = 100,
            Principles = [2],
        },
        new()
        {
            Field = 4,
            Title = "Sprach-Kitas in Stadtteilen mit vielen mehrsprachigen Kindern",
            Goal = "Kitas in Stadtteilen mit einem hohen Anteil mehrsprachiger Kinder verankern alltagsintegrierte Sprachbildung.",
            Description = """
                Kitas in den Stadtteilen mit dem höchsten Anteil mehrsprachiger Kinder beteiligen sich am Bundesprogramm Sprach-Kitas.
                Zusätzliche Fachkräfte für Sprachbildung beraten die Teams und arbeiten eng mit den Eltern zusammen.
                """,
            TargetGroups = "Kinder in Kindertageseinrichtungen, pädagogische Fachkräfte",
            Office = "Eigenbetrieb Kindertageseinrichtungen",
            Partners = "Freie Träger von Kindertageseinrichtungen",
            Start = new(2019, 7, 1),
            End = new(2022, 12, 31),
            Cost = 1_450_000m,
            Funding = "Bundesmittel (Bundesprogramm Sprach-Kitas)",
            Status = MeasureStatus.InProgress,
            Progress = 90,
            Principles = [1, 3],
            Districts = ["Prohlis", "Cotta", "Altstadt", "Pieschen"],
        },

        // 5 Schule
        new()
        {
            Field = 5,
            Title = "Zügige Schulaufnahme neu zugewanderter Kinder und Jugendlicher",
            Goal = "Schulpflichtige Kinder und Jugendliche besuchen spätestens vier Wochen nach ihrer Ankunft in Dresden eine Schule.",
            Description = """
                Die Bildungsberatung für neu zugewanderte Kinder und Jugendliche und die Schulplatzvergabe werden eng verzahnt.
                Das Schulverwaltungsamt meldet freie Kapazitäten in Vorbereitungsklassen wöchentlich, die Unterkünfte melden schulpflichtige Neuankömmlinge umgehend.
                """,
            TargetGroups = "Schulpflichtige neu zugewanderte Kinder und Jugendliche",
            Office = "Schulverwaltungsamt",
            Partners = "Landesamt für Schule und Bildung, Sozialamt, Betreiber der Unterkünfte",
            Start = new(2019, 8, 1),
            End = new(2022, 12, 31),
            Funding = StaffFunds,
            Priority = MeasurePriority.High,
            Status = MeasureStatus.InProgress,
            Progress = 75,
            Principles = [1],
        },
        new()
        {
            Field = 5,
            Title = "Räume für Vorbereitungsklassen mit Deutsch als Zweitsprache",
            Goal = "An allen Schularten stehen genug Räume für Vorbereitungsklassen zur Verfügung.",
            Description = """
                Das Schulverwaltungsamt stellt an Grund- und Oberschulen sowie an Berufsschulzentren Räume und Ausstattung für zusätzliche Vorbereitungsklassen bereit.
                Die Standorte werden so gewählt, dass die Schulwege kurz bleiben und die Klassen sich nicht an wenigen Schulen ballen.
                """,
            TargetGroups = "Schülerinnen und Schüler mit Deutsch als Zweitsprache",
            Office = "Schulverwaltungsamt",
            Partners = "Landesamt für Schule und Bildung, Schulleitungen",
            Start = new(2019, 8, 1),
            End = new(2021, 7, 31),
            Cost = 420_000m,
            Funding = CityFunds,
            Status = MeasureStatus.Completed,
            Progress = 100,
            Principles = [1, 3],
        },
        new()
        {
            Field = 5,
            Title = "Schulsozialarbeit an Schulen mit Vorbereitungsklassen",
            Goal = "Schulen mit vielen neu zugewanderten Kindern haben Schulsozialarbeit als feste Ansprechpartnerin.",
            Description = """
                Schulen mit Vorbereitungsklassen werden beim Ausbau der Schulsozialarbeit vorrangig berücksichtigt.
                Die Fachkräfte unterstützen beim Ankommen in der Klasse, bei Konflikten und in der Zusammenarbeit mit den Eltern.
                """,
            TargetGroups = "Schülerinnen und Schüler, Eltern, Lehrkräfte",
            Office = "Jugendamt",
            Partners = "Freie Träger der Kinder- und Jugendhilfe, Schulleitungen",
            Start = new(2019, 8, 1),
            End = new(2022, 12, 31),
            Cost = 980_000m,
            Funding = "Landesprogramm Schulsozialarbeit, kommunale Mittel",
            Priority = MeasurePriority.High,
            Status = MeasureStatus.InProgress,
            Progress = 80,
            Principles = [2, 3],
            Districts = ["Prohlis", "Cotta", "Leuben", "Pieschen", "Altstadt", "Neustadt"],
        },
        new()
        {
            Field = 5,
            Title = "Mehrsprachige Elternlotsinnen und Elternlotsen an Grundschulen",
            Goal = "Zugewanderte Eltern verstehen das sächsische Schulsystem und begleiten die Schullaufbahn ihrer Kinder.",
            Description = """
                Geschulte Elternlotsinnen und Elternlotsen mit eigener Migrationsgeschichte begleiten Elterngespräche und Elternabende.
                Sie erklären Bildungsempfehlung, Ganztagsangebote und das Bildungs- und Teilhabepaket.
                """,
            TargetGroups = "Zugewanderte Eltern von Grundschulkindern",
            Office = "Schulverwaltungsamt",
            Partners = "Migrantenorganisationen, Elternvertretungen",
            Start = new(2020, 2, 1),
            End = new(2022, 7, 31),
            Cost = 55_000m,
            Funding = StateIntegrationFunds,
            Priority = MeasurePriority.Low,
            Status = MeasureStatus.Discontinued,
            Progress = 25,
            Principles = [2],
        },
        new()
        {
            Field = 5,
            Title = "Übergang Schule – Beruf für spät zugewanderte Jugendliche",
            Goal = "Jugendliche, die mit 15 Jahren oder älter nach Dresden kommen, erreichen einen Schulabschluss und einen Anschluss in Ausbildung.",
            Description = """
                An den Berufsschulzentren werden die Klassen des Berufsvorbereitungsjahres mit Deutsch als Zweitsprache mit Praxistagen in Betrieben verbunden.
                Eine Übergangsbegleitung hält den Kontakt bis zum ersten Ausbildungsjahr.
                """,
            TargetGroups = "Neu zugewanderte Jugendliche und junge Erwachsene von 15 bis 21 Jahren",
            Office = "Schulverwaltungsamt",
            Partners = "Berufsschulzentren, Agentur für Arbeit, Jugendamt",
            Start = new(2020, 8, 1),
            End = new(2022, 12, 31),
            Cost = 130_000m,
            Funding = "Landesfördermittel, kommunale Mittel",
            Status = MeasureStatus.InProgress,
            Progress = 50,
            Principles = [1, 2],
        },

        // 6 Kinder-, Jugend- und Familienarbeit
        new()
        {
            Field = 6,
            Title = "Interkulturelle Öffnung der offenen Kinder- und Jugendarbeit",
            Goal = "Junge Geflüchtete nutzen die Jugendhäuser und Jugendtreffs ihrer Stadtteile selbstverständlich.",
            Description = """
                Die Fachstandards der offenen Kinder- und Jugendarbeit werden um interkulturelle Arbeit ergänzt.
                Die Einrichtungen erhalten Fortbildungen und können Honorarkräfte mit Sprachkenntnissen einsetzen.
                Die Jugendhilfeplanung wertet die Nutzung der Einrichtungen jährlich aus.
                """,
            TargetGroups = "Kinder und Jugendliche mit und ohne Fluchtgeschichte",
            Office = "Jugendamt",
            Partners = "Freie Träger der Kinder- und Jugendhilfe, Jugendverbände",
            Start = new(2019, 9, 1),
            End = new(2022, 12, 31),
            Cost = 160_000m,
            Funding = CityFunds,
            Status = MeasureStatus.InProgress,
            Progress = 55,
            Principles = [2, 3],
        },
        new()
        {
            Field = 6,
            Title = "Übergangsbegleitung für junge Volljährige nach der Jugendhilfe",
            Goal = "Junge Menschen, die als unbegleitete Minderjährige gekommen sind, werden nach dem 18. Geburtstag nicht allein gelassen.",
            Description = """
                Für junge Volljährige wird rechtzeitig vor dem Ende der Jugendhilfe ein Übergang geplant.

                - Hilfeplangespräche berücksichtigen Wohnung, Ausbildung und Aufenthaltsstatus,
                - die Migrationssozialarbeit wird frühzeitig eingebunden,
                - Nachbetreuung ist bis zum 21. Lebensjahr möglich.
                """,
            TargetGroups = "Junge Volljährige, die als unbegleitete minderjährige Ausländerinnen und Ausländer eingereist sind",
            Office = "Jugendamt",
            Partners = "Freie Träger der Kinder- und Jugendhilfe, Sozialamt, Vormundschaftsvereine",
            Start = new(2019, 7, 1),
            End = new(2022, 12, 31),
            Cost = 240_000m,
            Funding = "Mittel der Kinder- und Jugendhilfe",
            Priority = MeasurePriority.High,
            Status = MeasureStatus.InProgress,
            Progress = 70,
            Principles = [1, 2],
        },
        new()
        {
            Field = 6,
            Title = "Familienbildung in Unterkünften und Familienzentren",
            Goal = "Geflüchtete Eltern werden in Erziehungsfragen gestärkt und kennen die Angebote für Familien in ihrem Stadtteil.",
            Description = """
                Familienbildungsangebote werden in die Unterkünfte und nahe gelegene Familienzentren gebracht, mit Sprachmittlung.
                Themen sind Erziehung ohne Gewalt, Gesundheit, Medien und Schule.
                """,
            TargetGroups = "Geflüchtete Eltern",
            Office = "Jugendamt",
            Partners = "Familienzentren, Träger der Familienbildung",
            Start = new(2020, 1, 1),
            End = new(2022, 6, 30),
            Cost = 70_000m,
            Funding = CityFunds,
            Status = MeasureStatus.Delayed,
            Progress = 50,
            Principles = [2, 3],
            Districts = ["Prohlis", "Cotta", "Leuben"],
        },
        new()
        {
            Field = 6,
            Title = "Ferienangebote für Kinder aus Unterkünften",
            Goal = "Kinder aus Unterkünften nehmen an Ferienangeboten teil und lernen Gleichaltrige kennen.",
            Description = """
                In den Sommerferien werden für Kinder aus Unterkünften Plätze in Ferienfahrten und Ferienprogrammen freigehalten.
                Die Kosten werden über das Bildungs- und Teilhabepaket und einen städtischen Zuschuss gedeckt.
                """,
            TargetGroups = "Kinder von 6 bis 14 Jahren in Unterkünften",
            Office = "Jugendamt",
            Partners = "Freie Träger der Kinder- und Jugendhilfe, Sportvereine",
            Start = new(2020, 6, 1),
            End = new(2022, 8, 31),
            Cost = 45_000m,
            Funding = "Bildungs- und Teilhabepaket, kommunale Mittel",
            Priority = MeasurePriority.Low,
            Status = MeasureStatus.Completed,
            Progress = 100,
            Principles = [3],
        },
        new()
        {
            Field = 6,
            Title = "Kinderschutz in Gemeinschaftsunterkünften",
            Goal = "In jeder Gemeinschaftsunterkunft gelten verbindliche Verfahren zum Schutz von Kindern.",
            Description = """
                Betreiber und Jugendamt vereinbaren Kinderschutzkonzepte nach § 8a SGB VIII mit benannten Fachkräften.
                Das Personal der Unterkünfte wird jährlich geschult.
                """,
            TargetGroups = "Kinder und Jugendliche in Gemeinschaftsunterkünften",
            Office = "Jugendamt",
            Partners = "Sozialamt, Betreiber der Unterkünfte",
            Start = new(2019, 9, 1),
            End = new(2020, 6, 30),
            Cost = 20_000m,
            Funding = CityFunds,
            Priority = MeasurePriority.High,
            Status = MeasureStatus.Completed,
            Progress = 100,
            Principles = [1],
        },

        // 7 Soziale Integration, Selbstorganisation und politische Teilhabe
        new()
        {
            Field = 7,
            Title = "Geflüchtete als Mentorinnen und Mentoren für Neuankommende",
            Goal = "Menschen mit Fluchtgeschichte, die schon länger in Dresden leben, begleiten Neuankommende: Ehrenamt als Selbsthilfe.",
            Description = """
                Erfahrene Geflüchtete werden als Mentorinnen und Mentoren gewonnen und auf ihre Aufgabe vorbereitet.

                - Schulung zu Hilfesystem, Ämtern und Grundzügen des Aufenthaltsrechts,
                - Klärung von Rolle, Grenzen und Schweigepflicht,
                - regelmäßiger Austausch und Begleitung durch eine Ehrenamtskoordination.

                Die Mentorinnen und Mentoren erhalten eine Aufwandsentschädigung.
                """,
            TargetGroups = "Neu zugewiesene Geflüchtete; Geflüchtete, die sich engagieren wollen",
            Office = "Sozialamt",
            Partners = "Migrantenorganisationen, Ehrenamtsinitiativen, Träger der Migrationssozialarbeit",
            Start = new(2019, 9, 1),
            End = new(2022, 12, 31),
            Cost = 85_000m,
            Funding = StateIntegrationFunds,
            Priority = MeasurePriority.High,
            Status = MeasureStatus.InProgress,
            Progress = 65,
            Principles = [1, 2],
        },
        new()
        {
            Field = 7,
            Title = "Förderung und Qualifizierung von Migrantenorganisationen",
            Goal = "Migrantenorganisationen sind anerkannte Partner der Stadt und können eigene Projekte tragen.",
            Description = """
                Ein Kleinprojektefonds fördert Vorhaben von Migrantenorganisationen unbürokratisch.
                Eine Seminarreihe vermittelt Vereinsrecht, Fördermittelanträge und Öffentlichkeitsarbeit.
                """,
            TargetGroups = "Migrantenorganisationen und Initiativen von Zugewanderten",
            Office = "Integrations- und Ausländerbeauftragte",
            Partners = "Migrantenorganisationen, Ehrenamtsinitiativen",
            Start = new(2019, 9, 1),
            End = new(2022, 12, 31),
            Cost = 120_000m,
            Funding = CityFunds,
            Status = MeasureStatus.InProgress,
            Progress = 80,
            Principles = [2],
        },
        new()
        {
            Field = 7,
            Title = "Koordinierung des Ehrenamts in der Flüchtlingshilfe",
            Goal = "Ehrenamtliche finden passende Einsatzfelder, sind gut informiert und werden nicht überlastet.",
            Description = """
                Eine städtische Ehrenamtskoordination vermittelt zwischen Initiativen, Unterkünften und Migrationssozialarbeit.
                Sie bietet Fortbildungen, Supervision und ein jährliches Dankeschön-Treffen an.
                """,
            TargetGroups = "Ehrenamtliche und Initiativen in der Flüchtlingshilfe",
            Office = "Sozialamt",
            Partners = $"Ehrenamtsinitiativen, {Welfare}, Freiwilligenagenturen",
            Start = new(2019, 7, 1),
            End = new(2022, 12, 31),
            Cost = 150_000m,
            Funding = StateIntegrationFunds,
            Status = MeasureStatus.InProgress,
            Progress = 70,
            Principles = [2, 3],
        },
        new()
        {
            Field = 7,
            Title = "Beteiligung Zugewanderter in Stadtbezirksbeiräten und Ortschaftsräten",
            Goal = "Die Anliegen Zugewanderter werden in den Gremien der Stadtbezirke und Ortschaften gehört.",
            Description = """
                Der Ausländerbeirat und die Stadtbezirksämter erproben Bürgersprechstunden mit Sprachmittlung.
                Die Gremien laden mindestens einmal jährlich Migrantenorganisationen ihres Stadtbezirks ein.
                """,
            TargetGroups = "Zugewanderte Einwohnerinnen und Einwohner, Gremienmitglieder",
            Office = "Integrations- und Ausländerbeauftragte",
            Partners = "Ausländerbeirat, Stadtbezirksämter, Ortschaftsräte",
            Start = new(2022, 11, 1),
            End = new(2022, 12, 31),
            Cost = 8_000m,
            Funding = CityFunds,
            Priority = MeasurePriority.Low,
            Status = MeasureStatus.NotStarted,
            Progress = 0,
            Principles = [2, 3],
        },
        new()
        {
            Field = 7,
            Title = "Interkulturelle Begegnungsorte in den Stadtteilen",
            Goal = "In den Stadtteilen mit den meisten Unterkünften gibt es offene Orte, an denen sich Alteingesessene und Neuankommende begegnen.",
            Description = """
                Bestehende Stadtteiltreffs werden als interkulturelle Begegnungsorte gefördert und mit Honorarmitteln für Angebote ausgestattet.
                Ein Café, eine Fahrradwerkstatt oder ein Gemeinschaftsgarten schaffen Anlässe, sich kennenzulernen.
                """,
            TargetGroups = "Bewohnerinnen und Bewohner der Stadtteile",
            Office = "Sozialamt",
            Partners = "Stadtteilzentren, Stadtteilrunden, Ehrenamtsinitiativen",
            Start = new(2019, 10, 1),
            End = new(2022, 12, 31),
            Cost = 190_000m,
            Funding = StateIntegrationFunds,
            Status = MeasureStatus.InProgress,
            Progress = 70,
            Principles = [3],
            Districts = ["Prohlis", "Cotta", "Pieschen", "Leuben"],
        },
        new()
        {
            Field = 7,
            Title = "Dresden-Pass für Geflüchtete bekannt machen",
            Goal = "Alle berechtigten Geflüchteten kennen und nutzen den Dresden-Pass mit seinen Ermäßigungen.",
            Description = """
                Mehrsprachige Informationsblätter zum Dresden-Pass liegen in Unterkünften, Beratungsstellen und Bürgerbüros aus.
                Die Migrationssozialarbeit unterstützt bei der Antragstellung.
                """,
            TargetGroups = "Leistungsberechtigte nach dem Asylbewerberleistungsgesetz und dem SGB II",
            Office = "Sozialamt",
            Partners = "Träger der Migrationssozialarbeit",
            Start = new(2019, 7, 1),
            End = new(2019, 12, 31),
            Cost = 5_000m,
            Funding = CityFunds,
            Priority = MeasurePriority.Low,
            Status = MeasureStatus.Completed,
            Progress = 100,
            Principles = [2],
        },

        // 8 Soziale Beratung und Betreuung
        new()
        {
            Field = 8,
            Title = "Migrationssozialarbeit mit Fachleistungsstunden und individuellem Integrationsplan",
            Goal = "Geflüchtete werden personen- und bedarfsorientiert begleitet; jede Begleitung folgt einem individuellen Integrationsplan mit klaren Zielen.",
            Description = MigrationSocialWorkDescription(),
            TargetGroups = "Asylsuchende, Geduldete und anerkannte Geflüchtete",
            Office = "Sozialamt",
            Partners = Welfare,
            Start = new(2019, 7, 1),
            End = new(2022, 12, 31),
            Cost = 10_800_000m,
            Funding = "Kommunale Mittel, Landesförderung (Richtlinie Soziale Betreuung Flüchtlinge)",
            Priority = MeasurePriority.High,
            Status = MeasureStatus.InProgress,
            Progress = 85,
            Principles = [1, 2, 3],
            Districts = [.. Regions.SelectMany(r => r.Districts)],
        },
        new()
        {
            Field = 8,
            Title = "Regionale Integrationsbüros in Nord, West, Mitte und Süd",
            Goal = "In jeder der vier Regionen gibt es eine gut erreichbare Anlaufstelle, an der Migrationssozialarbeit und regionale Netzwerke zusammenkommen.",
            Description = """
                Jede Region der Migrationssozialarbeit erhält ein Integrationsbüro mit offener Sprechzeit.
                Die Büros koordinieren die regionalen Netzwerke aus Ämtern, Beratungsstellen, Schulen, Kitas und Initiativen.
                """,
            TargetGroups = "Zugewanderte, Fachkräfte und Ehrenamtliche in den Regionen",
            Office = "Sozialamt",
            Partners = $"{Welfare}, Stadtbezirksämter",
            Start = new(2019, 7, 1),
            End = new(2020, 6, 30),
            Cost = 240_000m,
            Funding = CityFunds,
            Priority = MeasurePriority.High,
            Status = MeasureStatus.Completed,
            Progress = 100,
            Principles = [2, 3],
            Districts = [.. Regions.SelectMany(r => r.Districts)],
        },
        new()
        {
            Field = 8,
            Title = "Modellprojekte zur interkulturellen Öffnung der Schuldner-, Familien- und Suchtberatung",
            Goal = "Die Beratungsstellen des Regelsystems erreichen Zugewanderte ebenso gut wie alle anderen Ratsuchenden.",
            Description = """
                In je einer Schuldnerberatungsstelle, einer Erziehungs- und Familienberatungsstelle und einer Suchtberatungsstelle wird die interkulturelle Öffnung modellhaft erprobt:

                - Sprachmittlung im Beratungsgespräch,
                - Fortbildung der Beraterinnen und Berater,
                - mehrsprachige Informationsmaterialien und Kooperation mit Migrantenorganisationen.

                Die Erfahrungen werden ausgewertet und auf alle Beratungsstellen übertragen.
                """,
            TargetGroups = "Ratsuchende mit Migrationsgeschichte, Beratungsfachkräfte",
            Office = "Sozialamt, Jugendamt, Amt für Gesundheit und Prävention",
            Partners = "Beratungsstellen freier Träger, Migrantenorganisationen",
            Start = new(2020, 1, 1),
            End = new(2022, 12, 31),
            Cost = 180_000m,
            Funding = CityFunds,
            Status = MeasureStatus.Delayed,
            Progress = 55,
            Principles = [1, 2],
        },
        new()
        {
            Field = 8,
            Title = "Begleitung von Menschen mit besonderem Schutzbedarf",
            Goal = "Besonders schutzbedürftige Geflüchtete werden früh erkannt und erhalten die Hilfe, die sie brauchen.",
            Description = """
                Bei der Aufnahme in die kommunale Unterbringung wird ein besonderer Schutzbedarf systematisch erfragt, etwa bei Menschen mit Behinderung, Schwangeren, Alleinerziehenden, Opfern von Gewalt oder queeren Geflüchteten.
                Die Migrationssozialarbeit vermittelt in spezialisierte Hilfen und berücksichtigt den Bedarf bei der Unterbringung.
                """,
            TargetGroups = "Geflüchtete mit besonderem Schutzbedarf",
            Office = "Sozialamt",
            Partners = "Fachberatungsstellen, Träger der Eingliederungshilfe, Frauenschutzeinrichtungen",
            Start = new(2019, 10, 1),
            End = new(2022, 12, 31),
            Cost = 95_000m,
            Funding = CityFunds,
            Priority = MeasurePriority.High,
            Status = MeasureStatus.InProgress,
            Progress = 50,
            Principles = [1, 2],
        },
        new()
        {
            Field = 8,
            Title = "Mehrsprachiger Wegweiser der Hilfeangebote",
            Goal = "Zugewanderte und ihre Helferinnen und Helfer finden Beratungs- und Hilfeangebote nach Thema, Stadtteil und Sprache.",
            Description = """
                Ein Wegweiser stellt alle Beratungs- und Hilfeangebote für Zugewanderte in Dresden zusammen, online durchsuchbar und als Druckfassung.
                Die Einträge werden zweimal jährlich von den Anbietern aktualisiert.
                """,
            TargetGroups = "Zugewanderte, Ehrenamtliche, Fachkräfte",
            Office = "Integrations- und Ausländerbeauftragte",
            Partners = "Beratungsstellen, Migrantenorganisationen",
            Start = new(2019, 7, 1),
            End = new(2020, 12, 31),
            Cost = 30_000m,
            Funding = CityFunds,
            Status = MeasureStatus.Completed,
            Progress = 100,
            Principles = [2],
        },
        new()
        {
            Field = 8,
            Title = "Qualitätsentwicklung und Berichtswesen der Migrationssozialarbeit",
            Goal = "Wirkung und Qualität der Migrationssozialarbeit werden regelmäßig und nachvollziehbar dargestellt.",
            Description = """
                Sozialamt und Träger vereinbaren gemeinsame Qualitätsstandards und Kennzahlen, etwa zur Zielerreichung der Integrationspläne.
                Ein jährlicher Qualitätsdialog wertet die Berichte aus; die Ergebnisse werden dem Ausschuss für Soziales und Wohnen vorgelegt.
                """,
            TargetGroups = "Träger der Migrationssozialarbeit, Stadtrat",
            Office = "Sozialamt",
            Partners = Welfare,
            Start = new(2019, 10, 1),
            End = new(2022, 12, 31),
            Funding = StaffFunds,
            Status = MeasureStatus.InProgress,
            Progress = 80,
            Principles = [2],
        },
        new()
        {
            Field = 8,
            Title = "Unabhängige Asylverfahrens- und Rechtsberatung",
            Goal = "Asylsuchende verstehen ihr Verfahren und ihre Rechte und können sich auf Anhörungen vorbereiten.",
            Description = """
                Die Stadt bezuschusst eine unabhängige Asylverfahrens- und Rechtsberatung freier Träger.
                Die Beratung ist in den Unterkünften und in den Integrationsbüros erreichbar.
                """,
            TargetGroups = "Asylsuchende, Geduldete",
            Office = "Sozialamt",
            Partners = Welfare,
            Start = new(2019, 7, 1),
            End = new(2022, 12, 31),
            Cost = 210_000m,
            Funding = CityFunds,
            Status = MeasureStatus.InProgress,
            Progress = 70,
            Principles = [1, 2],
        },
        new()
        {
            Field = 8,
            Title = "Perspektivberatung für Menschen mit unsicherem Aufenthalt",
            Goal = "Menschen mit unsicherer Bleibeperspektive kennen alle Möglichkeiten, ob Bleiben, Weiterwandern oder Rückkehr, und entscheiden informiert.",
            Description = """
                Eine ergebnisoffene Perspektivberatung informiert über Bleiberechtsregelungen, Ausbildungs- und Beschäftigungsduldung und über Unterstützung bei freiwilliger Rückkehr.
                Die Beratung ist unabhängig von der Ausländerbehörde.
                """,
            TargetGroups = "Geduldete und Asylsuchende mit geringer Anerkennungsaussicht",
            Office = "Sozialamt",
            Partners = Welfare,
            Start = new(2019, 10, 1),
            End = new(2022, 12, 31),
            Cost = 120_000m,
            Funding = "Landesfördermittel, kommunale Mittel",
            Status = MeasureStatus.InProgress,
            Progress = 60,
            Principles = [1],
        },

        // 9 Gesundheit
        new()
        {
            Field = 9,
            Title = "Prüfung einer elektronischen Gesundheitskarte für Asylsuchende",
            Goal = "Asylsuchende erhalten ohne Umweg über das Sozialamt Zugang zur ärztlichen Versorgung.",
            Description = """
                Das Sozialamt prüft mit Krankenkassen, ob Asylsuchende in den ersten Monaten eine elektronische Gesundheitskarte erhalten können.
                Voraussetzung ist eine Rahmenvereinbarung auf Landesebene.
                """,
            TargetGroups = "Leistungsberechtigte nach dem Asylbewerberleistungsgesetz",
            Office = "Sozialamt",
            Partners = "Krankenkassen",
            Start = new(2019, 7, 1),
            End = new(2020, 12, 31),
            Funding = StaffFunds,
            Status = MeasureStatus.Discontinued,
            Progress = 20,
            Principles = [1],
        },
        new()
        {
            Field = 9,
            Title = "Psychosoziale Versorgung traumatisierter Geflüchteter",
            Goal = "Psychisch belastete und traumatisierte Geflüchtete erhalten schnell eine Abklärung und eine passende Behandlung.",
            Description = """
                Eine Clearingstelle klärt den Bedarf ab und vermittelt in Beratung, Psychotherapie oder psychiatrische Behandlung.
                Niedergelassene Psychotherapeutinnen und Psychotherapeuten, die mit Sprachmittlung arbeiten, werden in einem Netzwerk zusammengeführt.
                """,
            TargetGroups = "Psychisch belastete und traumatisierte Geflüchtete",
            Office = "Amt für Gesundheit und Prävention",
            Partners = "Psychosoziale Zentren für Geflüchtete, niedergelassene Psychotherapeutinnen und Psychotherapeuten, Kliniken",
            Start = new(2019, 10, 1),
            End = new(2022, 12, 31),
            Cost = 190_000m,
            Funding = "Landesfördermittel, kommunale Mittel",
            Priority = MeasurePriority.High,
            Status = MeasureStatus.InProgress,
            Progress = 55,
            Principles = [1, 2],
        },
        new()
        {
            Field = 9,
            Title = "Sprachmittlung im Gesundheitswesen",
            Goal = "Arztgespräche, Therapien und Beratungen scheitern nicht an fehlender Verständigung.",
            Description = """
                Praxen und Kliniken können Sprach- und Kulturmittlung über den städtischen Pool buchen, auch als Videodolmetschen.
                Mit Krankenkassen und Ärzteschaft wird eine dauerhafte Finanzierung gesucht.
                """,
            TargetGroups = "Patientinnen und Patienten ohne ausreichende Deutschkenntnisse, Praxen und Kliniken",
            Office = "Amt für Gesundheit und Prävention",
            Partners = "Ärzteschaft, Kliniken, Krankenkassen",
            Start = new(2020, 1, 1),
            End = new(2022, 6, 30),
            Cost = 85_000m,
            Funding = CityFunds,
            Status = MeasureStatus.Delayed,
            Progress = 30,
            Principles = [1, 2],
        },
        new()
        {
            Field = 9,
            Title = "Gesundheitsorientierung und Impfangebote in den Unterkünften",
            Goal = "Neu zugewiesene Menschen kennen das Gesundheitssystem und haben einen vollständigen Impfschutz.",
            Description = """
                Das Amt für Gesundheit und Prävention bietet in den Unterkünften an:

                - mehrsprachige Informationsveranstaltungen zum Gesundheitssystem,
                - Impfsprechstunden nach den Empfehlungen der Ständigen Impfkommission,
                - 2021 zusätzlich Impfaktionen gegen COVID-19.
                """,
            TargetGroups = "Bewohnerinnen und Bewohner der Unterkünfte",
            Office = "Amt für Gesundheit und Prävention",
            Partners = "Betreiber der Unterkünfte, niedergelassene Ärztinnen und Ärzte",
            Start = new(2019, 9, 1),
            End = new(2022, 6, 30),
            Cost = 60_000m,
            Funding = CityFunds,
            Status = MeasureStatus.Completed,
            Progress = 100,
            Principles = [1],
        },
        new()
        {
            Field = 9,
            Title = "Mehrsprachige Gesundheitslotsinnen und Gesundheitslotsen",
            Goal = "Zugewanderte geben Wissen über Gesundheit und Vorsorge in ihrer Sprache an ihre Communitys weiter.",
            Description = """
                Zugewanderte mit guten Deutschkenntnissen werden zu Gesundheitslotsinnen und Gesundheitslotsen geschult.
                Sie führen Informationsveranstaltungen in Migrantenorganisationen, Unterkünften und Stadtteiltreffs durch.
                """,
            TargetGroups = "Zugewanderte, Migrantenorganisationen",
            Office = "Amt für Gesundheit und Prävention",
            Partners = "Migrantenorganisationen, Krankenkassen",
            Start = new(2022, 10, 1),
            End = new(2022, 12, 31),
            Cost = 35_000m,
            Funding = "Präventionsmittel der Krankenkassen, kommunale Mittel",
            Priority = MeasurePriority.Low,
            Status = MeasureStatus.NotStarted,
            Progress = 0,
            Principles = [2, 3],
        },
        new()
        {
            Field = 9,
            Title = "Mehrsprachige Schwangerenberatung und Frauengesundheit",
            Goal = "Schwangere und junge Mütter mit Fluchtgeschichte nehmen Vorsorge und Beratung in Anspruch.",
            Description = """
                Schwangerenberatungsstellen bieten Sprechstunden mit Sprachmittlung an und kommen regelmäßig in die Unterkünfte.
                Familienhebammen begleiten Familien nach der Geburt.
                """,
            TargetGroups = "Schwangere und Mütter mit Säuglingen",
            Office = "Amt für Gesundheit und Prävention",
            Partners = "Schwangerenberatungsstellen freier Träger, Familienhebammen",
            Start = new(2020, 1, 1),
            End = new(2022, 12, 31),
            Cost = 65_000m,
            Funding = "Landesmittel Frühe Hilfen, kommunale Mittel",
            Status = MeasureStatus.InProgress,
            Progress = 60,
            Principles = [1, 2],
        },

        // 10 Sport
        new()
        {
            Field = 10,
            Title = "Interkulturelle Öffnung der Sportvereine",
            Goal = "Mehr Geflüchtete sind Mitglied in einem Dresdner Sportverein.",
            Description = """
                Vereine, die offene Trainingsangebote für Geflüchtete einrichten, erhalten einen Zuschuss zu Übungsleiterkosten und Mitgliedsbeiträgen.
                Ein Vereinswegweiser in mehreren Sprachen zeigt, welche Vereine in welchem Stadtteil offene Angebote haben.
                """,
            TargetGroups = "Geflüchtete Kinder, Jugendliche und Erwachsene; Sportvereine",
            Office = "Sportstättenbetrieb",
            Partners = "Sportvereine und ihr Dachverband",
            Start = new(2019, 9, 1),
            End = new(2022, 12, 31),
            Cost = 90_000m,
            Funding = "Kommunale Sportförderung",
            Status = MeasureStatus.InProgress,
            Progress = 60,
            Principles = [3],
        },
        new()
        {
            Field = 10,
            Title = "Hallenzeiten für offene Begegnungsangebote",
            Goal = "Offene Sportangebote für Alteingesessene und Neuankommende finden verlässlich Hallen und Plätze.",
            Description = """
                Der Sportstättenbetrieb hält in Schulsporthallen und auf Sportplätzen feste Zeiten für offene Begegnungsangebote vor.
                Die Zeiten werden über die Integrationsbüros und die Sportvereine vergeben.
                """,
            TargetGroups = "Sportvereine, Initiativen, Jugendeinrichtungen",
            Office = "Sportstättenbetrieb",
            Partners = "Sportvereine, Integrationsbüros",
            Start = new(2019, 9, 1),
            End = new(2020, 8, 31),
            Funding = StaffFunds,
            Priority = MeasurePriority.Low,
            Status = MeasureStatus.Completed,
            Progress = 100,
            Principles = [3],
            Districts = ["Cotta", "Prohlis", "Pieschen", "Neustadt"],
        },
        new()
        {
            Field = 10,
            Title = "Schwimmkurse für geflüchtete Kinder und Frauen",
            Goal = "Geflüchtete Kinder lernen bis zum Ende der Grundschulzeit sicher schwimmen; Frauen erhalten eigene Kurszeiten.",
            Description = """
                In den städtischen Bädern werden zusätzliche Anfängerschwimmkurse für Kinder und Kurse ausschließlich für Frauen angeboten.
                Die Kurse sind für Inhaberinnen und Inhaber des Dresden-Passes kostenfrei.
                """,
            TargetGroups = "Geflüchtete Kinder von 6 bis 12 Jahren, geflüchtete Frauen",
            Office = "Sportstättenbetrieb",
            Partners = "Städtische Bäder, Schwimmvereine",
            Start = new(2019, 10, 1),
            End = new(2022, 6, 30),
            Cost = 50_000m,
            Funding = "Kommunale Sportförderung",
            Status = MeasureStatus.Delayed,
            Progress = 45,
            Principles = [1, 3],
        },
        new()
        {
            Field = 10,
            Title = "Übungsleiterinnen und Übungsleiter mit Migrationsgeschichte",
            Goal = "Zugewanderte leiten selbst Sportgruppen und werden so Vorbilder und Brückenbauer.",
            Description = """
                Sportbegeisterte Zugewanderte erhalten die Ausbildung zur Übungsleiterin oder zum Übungsleiter kostenfrei, begleitet durch Sprachförderung im Fachwortschatz.
                Vereine, die sie einsetzen, werden bei der Vergütung unterstützt.
                """,
            TargetGroups = "Zugewanderte Erwachsene mit sportlicher Erfahrung",
            Office = "Sportstättenbetrieb",
            Partners = "Sportvereine und ihr Dachverband",
            Start = new(2022, 10, 1),
            End = new(2022, 12, 31),
            Cost = 20_000m,
            Funding = "Kommunale Sportförderung",
            Priority = MeasurePriority.Low,
            Status = MeasureStatus.NotStarted,
            Progress = 0,
            Principles = [2, 3],
        },

        // 11 Kulturelle Vielfalt
        new()
        {
            Field = 11,
            Title = "Interkulturelle Wochen in den Stadtteilen",
            Goal = "Die kulturelle Vielfalt Dresdens wird in allen Stadtbezirken sichtbar und erlebbar.",
            Description = """
                Die jährlichen Interkulturellen Wochen werden aus der Innenstadt in die Stadtbezirke getragen.
                Migrantenorganisationen, Schulen und Stadtteilinitiativen gestalten eigene Veranstaltungen und erhalten dafür Zuschüsse.
                """,
            TargetGroups = "Alle Dresdnerinnen und Dresdner",
            Office = "Integrations- und Ausländerbeauftragte",
            Partners = "Migrantenorganisationen, Stadtteilinitiativen, Kultureinrichtungen",
            Start = new(2019, 9, 1),
            End = new(2022, 12, 31),
            Cost = 100_000m,
            Funding = CityFunds,
            Status = MeasureStatus.InProgress,
            Progress = 75,
            Principles = [3],
        },
        new()
        {
            Field = 11,
            Title = "Freier Eintritt in städtische Kultureinrichtungen mit dem Dresden-Pass",
            Goal = "Geflüchtete Familien besuchen Museen, Theater und Konzerte der Stadt.",
            Description = """
                Städtische Museen gewähren Inhaberinnen und Inhabern des Dresden-Passes freien Eintritt, Theater und Konzerthäuser stellen Kontingente ermäßigter Karten bereit.
                Führungen in einfacher Sprache und in Herkunftssprachen ergänzen das Angebot.
                """,
            TargetGroups = "Inhaberinnen und Inhaber des Dresden-Passes",
            Office = "Amt für Kultur und Denkmalschutz",
            Partners = "Städtische Museen, Theater und Konzerthäuser",
            Start = new(2019, 9, 1),
            End = new(2020, 12, 31),
            Cost = 30_000m,
            Funding = CityFunds,
            Priority = MeasurePriority.Low,
            Status = MeasureStatus.Completed,
            Progress = 100,
            Principles = [2, 3],
        },
        new()
        {
            Field = 11,
            Title = "Förderschwerpunkt interkulturelle Kulturprojekte im Stadtteil",
            Goal = "Kulturprojekte bringen Menschen unterschiedlicher Herkunft im Stadtteil zusammen.",
            Description = """
                Die Kulturförderung der Landeshauptstadt erhält einen Schwerpunkt für Projekte, die Zugewanderte als Mitwirkende und nicht nur als Publikum einbeziehen.
                Gefördert werden etwa Theater-, Musik- und Fotoprojekte mit Jugendlichen.
                """,
            TargetGroups = "Kulturschaffende, Stadtteilinitiativen, Zugewanderte",
            Office = "Amt für Kultur und Denkmalschutz",
            Partners = "Freie Kulturträger, Stadtteilzentren",
            Start = new(2020, 1, 1),
            End = new(2022, 12, 31),
            Cost = 150_000m,
            Funding = "Kulturförderung der Landeshauptstadt",
            Status = MeasureStatus.InProgress,
            Progress = 65,
            Principles = [3],
            Districts = ["Prohlis", "Cotta", "Pieschen", "Neustadt"],
        },
        new()
        {
            Field = 11,
            Title = "Interreligiöser Dialog",
            Goal = "Religionsgemeinschaften kennen einander und treten gemeinsam für ein friedliches Zusammenleben ein.",
            Description = """
                Die Integrations- und Ausländerbeauftragte lädt Religionsgemeinschaften zu einem regelmäßigen Gesprächskreis ein.
                Gemeinsame Veranstaltungen, etwa ein Tag der offenen Gotteshäuser, machen das religiöse Leben der Stadt sichtbar.
                """,
            TargetGroups = "Religionsgemeinschaften, interessierte Öffentlichkeit",
            Office = "Integrations- und Ausländerbeauftragte",
            Partners = "Religionsgemeinschaften",
            Start = new(2022, 10, 1),
            End = new(2022, 12, 31),
            Cost = 6_000m,
            Funding = CityFunds,
            Priority = MeasurePriority.Low,
            Status = MeasureStatus.NotStarted,
            Progress = 0,
            Principles = [3],
        },

        // 12 Interkulturelle Öffnung der Verwaltung
        new()
        {
            Field = 12,
            Title = "Fortbildungsprogramm interkulturelle Kompetenz",
            Goal = "Alle Beschäftigten mit Publikumsverkehr haben an einer Fortbildung zur interkulturellen Kompetenz teilgenommen.",
            Description = """
                Das Personal- und Organisationsamt nimmt interkulturelle Kompetenz als festen Baustein in das Fortbildungsprogramm auf.
                Vorrang haben Bürgerbüros, Ausländerbehörde, Sozialamt, Jugendamt und Jobcenter.
                Seit 2021 gibt es auch Online-Formate.
                """,
            TargetGroups = "Beschäftigte der Stadtverwaltung mit Publikumsverkehr",
            Office = "Personal- und Organisationsamt",
            Partners = "Integrations- und Ausländerbeauftragte, Fortbildungsträger",
            Start = new(2019, 9, 1),
            End = new(2022, 12, 31),
            Cost = 80_000m,
            Funding = "Fortbildungsbudget der Stadtverwaltung",
            Status = MeasureStatus.InProgress,
            Progress = 70,
            Principles = [2],
        },
        new()
        {
            Field = 12,
            Title = "Zentraler Pool für Sprach- und Kulturmittlung",
            Goal = "Alle Ämter können kurzfristig qualifizierte Sprach- und Kulturmittlung einsetzen.",
            Description = """
                Ein zentraler Pool vermittelt geschulte Sprach- und Kulturmittlerinnen und -mittler für Gespräche in Ämtern, Kitas und Schulen.
                Die Einsätze werden über ein einfaches Online-Formular gebucht.

                - Präsenz-, Telefon- und Videodolmetschen,
                - mehr als 25 Sprachen,
                - Abrechnung zentral über den Pool.
                """,
            TargetGroups = "Städtische Ämter und Einrichtungen, Zugewanderte ohne ausreichende Deutschkenntnisse",
            Office = "Integrations- und Ausländerbeauftragte",
            Partners = "Träger des Sprach- und Kulturmittlerpools",
            Start = new(2019, 10, 1),
            End = new(2021, 3, 31),
            Cost = 220_000m,
            Funding = CityFunds,
            Priority = MeasurePriority.High,
            Status = MeasureStatus.Completed,
            Progress = 100,
            Principles = [1, 2],
        },
        new()
        {
            Field = 12,
            Title = "Verständliche Bescheide und Formulare",
            Goal = "Die häufigsten Bescheide und Formulare für Zugewanderte sind verständlich und mit mehrsprachigen Erläuterungen versehen.",
            Description = """
                Die 20 am häufigsten genutzten Bescheide und Formulare von Sozialamt und Ausländerbehörde werden in verständliche Sprache überarbeitet.
                Beiblätter in sechs Sprachen erklären, was der Bescheid bedeutet und was zu tun ist.
                """,
            TargetGroups = "Zugewanderte, Beratungsstellen",
            Office = "Sozialamt, Bürgeramt",
            Partners = "Integrations- und Ausländerbeauftragte",
            Start = new(2020, 1, 1),
            End = new(2021, 12, 31),
            Cost = 40_000m,
            Funding = CityFunds,
            Status = MeasureStatus.Delayed,
            Progress = 40,
            Principles = [2],
        },
        new()
        {
            Field = 12,
            Title = "Pilotprojekt anonymisierte Bewerbungsverfahren",
            Goal = "Bewerberinnen und Bewerber mit Migrationsgeschichte haben in städtischen Auswahlverfahren dieselben Chancen wie alle anderen.",
            Description = """
                In ausgewählten Ausschreibungen für Ausbildungsplätze und Sachbearbeitungsstellen werden Bewerbungen ohne Name, Foto, Geburtsort und Alter gesichtet.
                Die Ergebnisse werden mit nicht anonymisierten Verfahren verglichen.
                """,
            TargetGroups = "Bewerberinnen und Bewerber der Stadtverwaltung",
            Office = "Personal- und Organisationsamt",
            Partners = "Gesamtpersonalrat, Gleichstellungsbeauftragte",
            Start = new(2020, 3, 1),
            End = new(2021, 12, 31),
            Cost = 15_000m,
            Funding = StaffFunds,
            Priority = MeasurePriority.Low,
            Status = MeasureStatus.Discontinued,
            Progress = 50,
            Principles = [2],
        },
        new()
        {
            Field = 12,
            Title = "Online-Terminvergabe und mehrsprachige Informationen der Ausländerbehörde",
            Goal = "Wartezeiten in der Ausländerbehörde sinken; Anliegen können vorab geklärt werden.",
            Description = """
                Die Ausländerbehörde führt eine Online-Terminvergabe ein und veröffentlicht Checklisten der nötigen Unterlagen in mehreren Sprachen.
                Einfache Anliegen wie Adressänderungen können schriftlich erledigt werden.
                """,
            TargetGroups = "Ausländische Einwohnerinnen und Einwohner",
            Office = "Bürgeramt, Ausländerbehörde",
            Partners = "Integrations- und Ausländerbeauftragte",
            Start = new(2019, 10, 1),
            End = new(2021, 6, 30),
            Cost = 65_000m,
            Funding = CityFunds,
            Priority = MeasurePriority.High,
            Status = MeasureStatus.Completed,
            Progress = 100,
            Principles = [1, 2],
        },
    ];

    private static string MigrationSocialWorkDescription()
    {
        var regions = string.Join("\n", Regions.Select(r => $"- **{r.Name}**: {string.Join(", ", r.Districts)}"));
        return $"""
            Die bisherige Flüchtlingssozialarbeit wird zu einer personen- und bedarfsorientierten **Migrationssozialarbeit** weiterentwickelt: Jede Begleitung folgt einem individuellen Integrationsplan mit klaren Zielen, ihr Umfang wird in Fachleistungsstunden bemessen.
            Freie Träger arbeiten ab Juli 2019 in vier Regionen, jede mit einem regionalen Integrationsbüro:

            {regions}

            Die Träger wurden in einem Interessenbekundungsverfahren ausgewählt (Aufruf vom 14.02.2019, Angebote bis 13.03.2019).
            """;
    }
}
