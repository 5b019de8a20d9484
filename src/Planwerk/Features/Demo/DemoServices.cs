using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;
using Planwerk.Features.Services;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Demo;

/// <summary>The demo's help-service inventory: 44 invented services of the demo registry's organisations across every
/// default topic, in all ten districts and two localities, each marked as example content. Places use real Dresden
/// streets with invented house numbers; phone numbers begin with 0 after the area code, which no German line number
/// does, so no real line is rung; mail and web addresses are example.org. Eleven services are translated into English,
/// Arabic, Persian and Ukrainian (one description changed after it was translated, so its translations show as
/// outdated), the topics' names too. One service is temporarily closed, one is overdue for checking (by the demo's
/// clock), and measures of the plan name the services they create. Adds nothing a second time.</summary>
public static partial class DemoServices
{
    /// <summary>The languages the eleven translated services are written in besides German.</summary>
    public static readonly IReadOnlyList<string> TranslatedLanguages = ["en", "ar", "fa", "uk"];

    /// <summary>Its German description changed after it was translated: its translations are outdated.</summary>
    public const string OutdatedTranslationService = "Lerncafé Deutsch";
    public const string TemporarilyClosedService = "Offene Fahrradwerkstatt";
    /// <summary>Last checked longer ago than the municipality's check interval.</summary>
    public const string OverdueService = "Sprechstunde des Ausländerbeirats";
    /// <summary>Its members' changes wait for the plan team's review.</summary>
    public const string ReviewedOrganisation = "Beispiel-Initiative Willkommen im Stadtteil";

    /// <summary>Providers the demo registry had no example of; added to it, as example organisations.</summary>
    public static readonly (string Name, StakeholderKind Kind, string Description)[] Organisations =
    [
        ("Beispiel-Psychosoziales Zentrum für Geflüchtete", StakeholderKind.FreeWelfareProvider, "Beratung und Psychotherapie für Menschen, die Krieg, Flucht oder Gewalt erlebt haben."),
        ("Beispiel-Rechtsberatung Studierender für Geflüchtete", StakeholderKind.CivilSocietyInitiative, "Studierende der Rechtswissenschaft beraten unter Aufsicht von Volljuristinnen und Volljuristen."),
        ("Beispiel-Verein ukrainischer Familien", StakeholderKind.MigrantOrganisation, "Selbstorganisation von Familien, die aus der Ukraine geflohen sind."),
        ("Beispiel-Frauenzentrum International", StakeholderKind.CivilSocietyInitiative, "Treffpunkt, Beratung und Kurse von Frauen für Frauen."),
        ("Beispiel-Medizinische Flüchtlingshilfe", StakeholderKind.CivilSocietyInitiative, "Ehrenamtliche Ärztinnen und Ärzte für Menschen ohne Krankenversicherung."),
    ];

    private sealed record Place(string Key, string Organisation, string Name, string Street, string PostalCode, string District,
        decimal Latitude, decimal Longitude, string TransportNotes, string Accessibility, bool StepFree);

    private sealed record Contact(string Name, string Title, string PhoneLanguages);

    /// <summary>How a service keeps Christmas and New Year.</summary>
    private enum Holidays
    {
        None,
        /// <summary>Closed 24–26 December and 31 December–1 January.</summary>
        ClosedOnHolidays,
        /// <summary>As <see cref="ClosedOnHolidays"/>, and open only in the mornings between the years.</summary>
        ShortHoursBetweenYears,
        /// <summary>Closed from 23 December to 2 January.</summary>
        ClosedBetweenYears,
    }

    private sealed class Entry
    {
        public required string Organisation { get; init; }
        public required string Name { get; init; }
        public required string Description { get; init; }
        /// <summary>The description its translations were made from, before it changed (the outdated example).</summary>
        public string? FormerDescription { get; init; }
        public required string[] Topics { get; init; }
        /// <summary>ISO 639 codes of the languages it is offered in.</summary>
        public required string Languages { get; init; }
        public ResidenceSituations Audience { get; init; } = ResidenceSituations.Everybody;
        public int? MinimumAge { get; init; }
        public int? MaximumAge { get; init; }
        public string Eligibility { get; init; } = "";
        /// <summary>Empty: free of charge.</summary>
        public string Costs { get; init; } = "";
        public required string HowToApply { get; init; }
        public string Documents { get; init; } = "";
        public string Accessibility { get; init; } = "";
        /// <summary>Keys of <see cref="Places"/>; none: by phone or online only.</summary>
        public string[] Places { get; init; } = [];
        /// <summary>"Mo–Fr 09:00-12:00 13:00-15:00", optionally "@place " before and " | note" after; without a place the
        /// hours are the first place's, or the service's own (a phone line) when it has none.</summary>
        public string[] Hours { get; init; } = [];
        /// <summary>The hours hold from April to October only.</summary>
        public bool Seasonal { get; init; }
        public Holidays Holidays { get; init; }
        public Contact[] Contacts { get; init; } = [];
        public string Email { get; init; } = "";
        public string Url { get; init; } = "";
        /// <summary>Numbers of the plan's measures that create or strengthen it.</summary>
        public string[] Measures { get; init; } = [];
        public ServiceStatus Status { get; init; } = ServiceStatus.Active;
        /// <summary>Why it is closed for now (with <see cref="ServiceStatus.TemporarilyClosed"/>).</summary>
        public string? Closure { get; init; }
    }

    private const string Welfare = "Beispiel-Wohlfahrtsverband Regionalverband";
    private const string Diakonie = "Beispiel-Diakoniewerk Integrationsdienste";
    private const string Office = "Beispiel-Amt für Migration und Integration";
    private const string Initiative = ReviewedOrganisation;
    private const string LanguageNetwork = "Beispiel-Netzwerk Sprachpatenschaften";
    private const string SyrianFamilies = "Beispiel-Verein syrischer Familien";
    private const string Umbrella = "Beispiel-Dachverband der Migrantenorganisationen";
    private const string AdvisoryCouncil = "Beispiel-Ausländerbeirat";
    private const string Psychosocial = "Beispiel-Psychosoziales Zentrum für Geflüchtete";
    private const string LawClinic = "Beispiel-Rechtsberatung Studierender für Geflüchtete";
    private const string UkrainianFamilies = "Beispiel-Verein ukrainischer Familien";
    private const string WomensCentre = "Beispiel-Frauenzentrum International";
    private const string Medical = "Beispiel-Medizinische Flüchtlingshilfe";
    // Offices of the city that lead measures of the demo plan (from the plan document); their services here are invented.
    private const string SocialWelfareOffice = "Sozialamt";
    private const string HealthOffice = "Amt für Gesundheit und Prävention";
    private const string Libraries = "Städtische Bibliotheken";
    private const string SchoolOffice = "Schulverwaltungsamt";
    private const string DayCare = "Eigenbetrieb Kindertageseinrichtungen";
    private const string JobCentre = "Jobcenter Dresden";
    private const string SportsFacilities = "Sportstättenbetrieb";

    private const string StepFree = "Eingang ohne Stufen, Aufzug in alle Etagen, barrierefreie Toilette.";

    private static readonly Place[] Places =
    [
        new("alt-beratung", Welfare, "Beratungszentrum am Pirnaischen Platz", "Grunaer Straße 14", "01069", "Altstadt", 51.047600m, 13.748900m,
            "Straßenbahnhaltestelle Pirnaischer Platz, drei Minuten zu Fuß.", StepFree, true),
        new("alt-amt", Office, "Servicestelle Migration", "Ammonstraße 74", "01067", "Altstadt", 51.045300m, 13.728600m,
            "Straßenbahn und Bus bis Ammonstraße; Eingang im Hof.", StepFree, true),
        new("alt-psz", Psychosocial, "Psychosoziales Zentrum", "Marienstraße 20", "01067", "Altstadt", 51.048700m, 13.734100m,
            "Fünf Minuten vom Postplatz.", "Zwei Stufen am Eingang; eine mobile Rampe wird auf Wunsch angelegt. Ruhiger Warteraum.", false),
        new("alt-schule", SchoolOffice, "Bildungsberatung für neu zugewanderte Familien", "Wallstraße 9", "01067", "Altstadt", 51.050600m, 13.734900m,
            "Haltestelle Postplatz.", StepFree, true),
        new("alt-beirat", AdvisoryCouncil, "Büro des Ausländerbeirats", "Kreuzstraße 6", "01067", "Altstadt", 51.049600m, 13.741700m,
            "Haltestelle Altmarkt oder Pirnaischer Platz.", "Aufzug vorhanden; Klingel am Seiteneingang.", true),
        new("alt-gesund", HealthOffice, "Impfstelle", "Reitbahnstraße 35", "01069", "Altstadt", 51.043100m, 13.733200m,
            "Fünf Minuten vom Hauptbahnhof.", StepFree, true),
        new("neu-diakonie", Diakonie, "Integrationsdienste Neustadt", "Hoyerswerdaer Straße 24", "01099", "Neustadt", 51.065700m, 13.752300m,
            "Vom Albertplatz fünf Minuten zu Fuß.", "Erdgeschoss ohne Stufen; Toilette nicht barrierefrei.", true),
        new("neu-medi", Medical, "Sprechstundenraum Louisenstraße", "Louisenstraße 61", "01099", "Neustadt", 51.066300m, 13.755800m,
            "Haltestelle Louisenstraße.", "Eine Stufe am Eingang; Behandlungsraum im Erdgeschoss.", false),
        new("neu-frauen", WomensCentre, "Frauenzentrum", "Görlitzer Straße 33", "01099", "Neustadt", 51.067800m, 13.755600m,
            "Haltestelle Görlitzer Straße.", "Eingang über den Hof ohne Stufen; Spielzimmer für Kinder.", true),
        new("neu-dach", Umbrella, "Haus der Vereine", "Bautzner Straße 41", "01099", "Neustadt", 51.064100m, 13.758800m,
            "Haltestelle Pulsnitzer Straße.", "Beratungsraum im ersten Stock, kein Aufzug.", false),
        new("pie-treff", LanguageNetwork, "Stadtteiltreff Pieschen", "Bürgerstraße 50", "01127", "Pieschen", 51.077100m, 13.737300m,
            "Haltestelle Rathaus Pieschen.", StepFree, true),
        new("pie-bib", Libraries, "Stadtteilbibliothek Pieschen", "Leipziger Straße 102", "01127", "Pieschen", 51.075600m, 13.728700m,
            "Straßenbahnhaltestelle vor dem Haus.", StepFree, true),
        new("pie-cafe", Initiative, "Begegnungscafé Pieschen", "Oschatzer Straße 20", "01127", "Pieschen", 51.078400m, 13.733500m,
            "Haltestelle Oschatzer Straße.", "Ebenerdiger Zugang über die Terrasse.", true),
        new("klo-beratung", Welfare, "Beratungsstelle Klotzsche", "Königsbrücker Landstraße 66", "01109", "Klotzsche", 51.117000m, 13.773000m,
            "Straßenbahn und Bus halten in der Nähe.", "Erdgeschoss, Rampe am Eingang.", true),
        new("klo-bad", SportsFacilities, "Schwimmhalle Nord", "Karl-Marx-Straße 20", "01109", "Klotzsche", 51.114200m, 13.778600m,
            "Bushaltestelle vor der Halle.", "Umkleide und Dusche barrierefrei; Lifter am Becken.", true),
        new("los-werkstatt", Initiative, "Fahrradwerkstatt im Hof", "Grundstraße 3", "01326", "Loschwitz", 51.054000m, 13.813000m,
            "Bushaltestelle am Körnerplatz, zehn Minuten zu Fuß.", "Werkstatt im Hof, ebenerdig.", true),
        new("los-familie", Diakonie, "Familienzentrum Loschwitz", "Pillnitzer Landstraße 20", "01326", "Loschwitz", 51.050200m, 13.820300m,
            "Bushaltestelle vor dem Haus.", StepFree, true),
        new("bla-kita", DayCare, "Kita-Beratung Ost", "Schandauer Straße 64", "01277", "Blasewitz", 51.042100m, 13.796000m,
            "Haltestelle Schandauer Straße.", StepFree, true),
        new("bla-ukr", UkrainianFamilies, "Ukrainisches Begegnungszentrum", "Borsbergstraße 14", "01309", "Blasewitz", 51.048000m, 13.780100m,
            "Haltestelle Borsbergstraße.", "Zwei Stufen am Eingang, Klingel für Hilfe.", false),
        new("leu-kurs", Welfare, "Bildungszentrum Leuben", "Pirnaer Landstraße 128", "01257", "Leuben", 51.014000m, 13.823000m,
            "Straßenbahnhaltestelle vor dem Haus.", StepFree, true),
        new("leu-familie", Diakonie, "Familienzentrum Leuben", "Hertzstraße 25", "01257", "Leuben", 51.011000m, 13.828000m,
            "Bushaltestelle Hertzstraße.", "Ebenerdig, Abstellplatz für Kinderwagen.", true),
        new("pro-buero", SocialWelfareOffice, "Integrationsbüro Süd", "Prohliser Allee 10", "01239", "Prohlis", 51.000200m, 13.800100m,
            "Haltestelle Prohlis Zentrum.", StepFree, true),
        new("pro-verein", SyrianFamilies, "Vereinsräume Prohlis", "Gamigstraße 24", "01239", "Prohlis", 50.999000m, 13.796000m,
            "Bushaltestelle Gamigstraße.", "Erdgeschoss ohne Stufen.", true),
        new("pro-frauen", WomensCentre, "Frauentreff Prohlis", "Jacob-Winter-Platz 1", "01239", "Prohlis", 51.001500m, 13.798500m,
            "Haltestelle Prohlis Zentrum.", StepFree, true),
        new("pro-bib", Libraries, "Stadtteilbibliothek Prohlis", "Prohliser Allee 35", "01239", "Prohlis", 50.998700m, 13.802400m,
            "Haltestelle Prohlis Zentrum.", StepFree, true),
        new("pro-diakonie", Diakonie, "Gesundheitslotsen Süd", "Albert-Wolf-Platz 5", "01239", "Prohlis", 51.002300m, 13.795100m,
            "Haltestelle Albert-Wolf-Platz.", "Erdgeschoss ohne Stufen.", true),
        new("pla-law", LawClinic, "Seminarraum Münchner Straße", "Münchner Straße 12", "01187", "Plauen", 51.032000m, 13.723000m,
            "Haltestelle Münchner Platz.", "Aufzug im Haus; Raum im zweiten Stock.", true),
        new("pla-beratung", Welfare, "Beratungsstelle Plauen", "Chemnitzer Straße 81", "01187", "Plauen", 51.033000m, 13.710000m,
            "Haltestelle Chemnitzer Straße.", StepFree, true),
        new("cot-buero", SocialWelfareOffice, "Integrationsbüro West", "Amalie-Dietrich-Platz 3", "01169", "Cotta", 51.039000m, 13.665000m,
            "Haltestelle Amalie-Dietrich-Platz.", StepFree, true),
        new("cot-wohnen", SocialWelfareOffice, "Beratung Wohnen", "Kesselsdorfer Straße 41", "01159", "Cotta", 51.043000m, 13.698000m,
            "Haltestelle Kesselsdorfer Straße.", StepFree, true),
        new("cot-treff", Initiative, "Nachbarschaftstreff Gorbitz", "Leutewitzer Ring 5", "01169", "Cotta", 51.042000m, 13.660000m,
            "Haltestelle Leutewitzer Ring.", "Erdgeschoss, Rampe am Eingang.", true),
        new("cot-familie", Diakonie, "Familientreff Gorbitz", "Omsewitzer Ring 4", "01169", "Cotta", 51.040000m, 13.663000m,
            "Haltestelle Merianplatz.", "Ebenerdig; Kinderbetreuung im Nebenraum.", true),
        new("cot-job", JobCentre, "Jobcenter, Standort West", "Tharandter Straße 40", "01159", "Cotta", 51.038000m, 13.703000m,
            "Haltestelle Tharandter Straße.", StepFree, true),
        new("wei", Welfare, "Sprechstunde im Gemeindehaus Weixdorf", "Alte Dresdner Straße 2", "01108", "Weixdorf", 51.144000m, 13.798000m,
            "Bus bis Weixdorf, Rathaus.", "Erdgeschoss ohne Stufen.", true),
        new("sfw", Umbrella, "Interkultureller Garten Schönfeld-Weißig", "Bautzner Landstraße 300", "01328", "Schönfeld-Weißig", 51.062000m, 13.870000m,
            "Bushaltestelle an der Bautzner Landstraße, fünf Minuten zu Fuß.", "Wege im Garten fest und eben; Hochbeete.", true),
    ];

    private static readonly Entry[] Entries =
    [
        // Asylverfahren und Aufenthalt
        new()
        {
            Organisation = Diakonie, Name = "Asylverfahrensberatung", Topics = ["asylum-counselling", "legal"], Languages = "de, en, fr, ar, fa, prs, ti",
            Description = "Unabhängige Beratung vor, während und nach der Anhörung im Asylverfahren. Wir erklären, wie das Verfahren abläuft, bereiten Sie auf die Anhörung vor und helfen, wenn Sie einen Bescheid nicht verstehen oder dagegen klagen möchten.",
            Audience = ResidenceSituations.AsylumSeekers | ResidenceSituations.ToleratedPersons,
            HowToApply = "Kommen Sie in die offene Sprechstunde oder vereinbaren Sie telefonisch einen Termin. Bringen Sie Ihre Briefe vom Bundesamt mit.",
            Documents = "Aufenthaltsgestattung oder Ankunftsnachweis\nBriefe und Bescheide des Bundesamts für Migration und Flüchtlinge\nLadung zur Anhörung, falls vorhanden",
            Accessibility = "Dolmetschen für weitere Sprachen auf Anfrage.",
            Places = ["neu-diakonie"], Hours = ["Mo 09:00-12:00 13:00-16:00", "Mi 09:00-12:00", "Do 14:00-18:00"], Holidays = Holidays.ShortHoursBetweenYears,
            Contacts = [new("Team Asylverfahrensberatung", "Terminvereinbarung", "de, en, ar")], Email = "asylberatung@example.org", Measures = ["8.7"],
        },
        new()
        {
            Organisation = Welfare, Name = "Perspektivberatung bei Duldung", Topics = ["residence", "counselling"], Languages = "de, ar, fa, ru, kmr",
            Description = "Für Menschen mit Duldung oder nach einem abgelehnten Asylantrag: Wir besprechen, welche Wege zu einem sicheren Aufenthalt offenstehen, etwa über Ausbildung oder Arbeit, und was bei einer drohenden Abschiebung zu tun ist.",
            Audience = ResidenceSituations.ToleratedPersons | ResidenceSituations.AsylumSeekers,
            HowToApply = "Termin nach telefonischer Absprache. In dringenden Fällen kommen Sie in die Sprechstunde am Dienstag.",
            Documents = "Duldung oder Aufenthaltsgestattung\nBescheide der Ausländerbehörde und des Bundesamts\nNachweise über Ausbildung oder Arbeit",
            Places = ["alt-beratung"], Hours = ["Di 09:00-12:00", "Do 13:00-16:00"], Holidays = Holidays.ClosedOnHolidays,
            Contacts = [new("Perspektivberatung", "Beratung", "de, ar, ru")], Email = "perspektive@example.org", Measures = ["8.8"],
        },
        new()
        {
            Organisation = Office, Name = "Online-Termin für Aufenthaltsangelegenheiten", Topics = ["residence"], Languages = "de, en, ar, fa, uk, ru, tr",
            Description = "Termine bei der Ausländerbehörde vereinbaren Sie online, zum Beispiel um einen Aufenthaltstitel zu verlängern, eine Adresse zu ändern oder einen verlorenen Ausweis zu ersetzen. Die Terminseite erklärt jedes Anliegen in mehreren Sprachen.",
            HowToApply = "Wählen Sie auf der Terminseite Ihr Anliegen und einen freien Termin. Sie bekommen eine Bestätigung per E-Mail; bringen Sie sie zum Termin mit.",
            Accessibility = "Die Terminseite ist mit Screenreader bedienbar und in Leichter Sprache erklärt.",
            Url = "https://example.org/termine-aufenthalt", Email = "termine-aufenthalt@example.org", Measures = ["12.5"],
        },
        new()
        {
            Organisation = AdvisoryCouncil, Name = OverdueService, Topics = ["meeting", "counselling"], Languages = "de, en, ar, ru, vi",
            Description = "Mitglieder des Ausländerbeirats hören zu, wenn Sie ein Anliegen an die Stadt haben, und nehmen Anregungen für die Arbeit des Beirats auf. Die Sprechstunde ersetzt keine Rechtsberatung.",
            HowToApply = "Ohne Anmeldung; wer einen Termin außerhalb der Sprechstunde wünscht, schreibt eine E-Mail.",
            Places = ["alt-beirat"], Hours = ["Do 16:00-18:00 | am ersten Donnerstag im Monat"],
            Contacts = [new("Geschäftsstelle des Ausländerbeirats", "Sekretariat", "de, en")], Email = "beirat@example.org",
        },
        // Wohnen
        new()
        {
            Organisation = SocialWelfareOffice, Name = "Beratung zur Wohnungssuche beim Auszug aus dem Übergangswohnheim", Topics = ["housing", "counselling"], Languages = "de, en, ar, ru",
            Description = "Wer aus einem Übergangswohnheim oder einer Gewährleistungswohnung in eine eigene Wohnung ziehen darf, bekommt hier Hilfe: bei der Suche, beim Antrag auf Übernahme der Miete, beim Mietvertrag und beim Umzug.",
            Audience = ResidenceSituations.AsylumSeekers | ResidenceSituations.ToleratedPersons | ResidenceSituations.RecognisedRefugees | ResidenceSituations.TemporaryProtection,
            HowToApply = "Vereinbaren Sie einen Termin über die Sozialarbeit Ihrer Unterkunft oder telefonisch.",
            Documents = "Aufenthaltspapier\nBescheid des Jobcenters oder des Sozialamts\nWohnungsangebot, falls vorhanden",
            Places = ["cot-wohnen"], Hours = ["Di 09:00-12:00 14:00-18:00", "Do 09:00-12:00"], Holidays = Holidays.ClosedOnHolidays,
            Contacts = [new("Beratung Wohnen", "Terminvereinbarung", "de, ru")], Email = "wohnen@example.org", Measures = ["3.3"],
        },
        new()
        {
            Organisation = Welfare, Name = "Kurs „Fit fürs Wohnen“", Topics = ["housing"], Languages = "de, ar, fa, ru, uk, ti",
            Description = "Vier Abende rund um die eigene Wohnung: Mietvertrag und Hausordnung, Heizen und Lüften, Strom sparen, Müll trennen und der Umgang mit Nachbarn. Am Ende gibt es eine Teilnahmebescheinigung für Vermieterinnen und Vermieter.",
            HowToApply = "Anmeldung im Bildungszentrum oder telefonisch; ein neuer Kurs beginnt jeden Monat.",
            Places = ["leu-kurs"], Hours = ["Mi 17:00-19:00"], Holidays = Holidays.ClosedBetweenYears,
            Contacts = [new("Kursbüro Leuben", "Anmeldung", "de, ar, uk")], Email = "wohnkurs@example.org", Measures = ["3.4"],
        },
        new()
        {
            Organisation = Umbrella, Name = "Mietrechtssprechstunde am Abend", Topics = ["housing", "legal"], Languages = "de, ar, tr, ru, vi",
            Description = "Ehrenamtliche mit juristischer Ausbildung beantworten Fragen zu Mietvertrag, Nebenkostenabrechnung, Kaution, Mängeln und Kündigung, mit Sprachmittlung aus den Mitgliedsvereinen.",
            HowToApply = "Ohne Anmeldung; bitte bringen Sie die Unterlagen zu Ihrer Frage mit.",
            Documents = "Mietvertrag\nSchreiben der Vermieterin oder des Vermieters",
            Places = ["neu-dach"], Hours = ["Mo 17:00-20:00"], Holidays = Holidays.ClosedOnHolidays,
            Contacts = [new("Mietrechtssprechstunde", "Rückfragen", "de, tr")], Email = "mietrecht@example.org",
        },
        // Gesundheit
        new()
        {
            Organisation = Medical, Name = "Gesundheitssprechstunde für Menschen ohne Krankenversicherung", Topics = ["health", "health-doctors"], Languages = "de, en, fr, ar, ru",
            Description = "Ehrenamtliche Ärztinnen und Ärzte beraten und behandeln Menschen, die keine Krankenversicherung und keinen Behandlungsschein haben, und vermitteln an Praxen, die kostenlos weiterhelfen. Die Sprechstunde ist anonym; niemand gibt Ihre Daten an Behörden weiter.",
            Eligibility = "Auch ohne Papiere und ohne Krankenversicherung.",
            HowToApply = "Kommen Sie ohne Termin in die Sprechstunde. Ihren Namen müssen Sie nicht nennen.",
            Places = ["neu-medi"], Hours = ["Mi 17:00-19:00"], Holidays = Holidays.ClosedBetweenYears,
            Contacts = [new("Medizinische Flüchtlingshilfe", "Telefon während der Sprechstunde", "de, en, fr")], Email = "sprechstunde@example.org",
        },
        new()
        {
            Organisation = HealthOffice, Name = "Impfberatung und Impfsprechstunde", Topics = ["health"], Languages = "de, en, ar, uk, ru",
            Description = "Beratung zu allen empfohlenen Impfungen für Kinder und Erwachsene und Impfungen, die zu Hause noch fehlen. Auf Wunsch wird der Impfausweis neu ausgestellt.",
            HowToApply = "Ohne Anmeldung am Dienstag; am Donnerstag nur mit Termin.",
            Documents = "Impfausweis, falls vorhanden\nKrankenversicherungskarte oder Behandlungsschein",
            Places = ["alt-gesund"], Hours = ["Di 08:00-12:00 13:00-15:30", "Do 13:00-18:00 | nur mit Termin"], Holidays = Holidays.ShortHoursBetweenYears,
            Contacts = [new("Impfstelle", "Terminvereinbarung", "de, en")], Email = "impfstelle@example.org", Measures = ["9.4"],
        },
        new()
        {
            Organisation = Diakonie, Name = "Gesundheitslotsinnen und Gesundheitslotsen", Topics = ["health-doctors"], Languages = "de, ar, fa, prs, ti, so, kmr",
            Description = "Geschulte Lotsinnen und Lotsen, die selbst eingewandert sind, erklären das Gesundheitssystem, helfen bei der Suche nach einer Praxis und begleiten zu ersten Terminen.",
            HowToApply = "Rufen Sie an; die Lotsinnen und Lotsen melden sich innerhalb einer Woche.",
            Places = ["pro-diakonie"], Hours = ["Mo 09:00-13:00", "Mi 09:00-13:00"], Holidays = Holidays.ClosedOnHolidays,
            Contacts = [new("Koordination Gesundheitslotsen", "Vermittlung", "de, ar, fa, ti")], Email = "lotsen@example.org", Measures = ["9.5"],
        },
        new()
        {
            Organisation = Welfare, Name = "Schwangerschaftsberatung in mehreren Sprachen", Topics = ["health", "family"], Languages = "de, en, ar, fa, ru, vi",
            Description = "Beratung rund um Schwangerschaft und Geburt, Vorsorge, Hebammensuche, Elterngeld und finanzielle Hilfen, auch bei einem Schwangerschaftskonflikt. Die Beratung ist vertraulich.",
            Eligibility = "Schwangere Frauen, ihre Partnerinnen und Partner.",
            HowToApply = "Termin per Telefon oder E-Mail; Beratung auf Wunsch auch anonym.",
            Documents = "Mutterpass, falls vorhanden\nAufenthaltspapier",
            Places = ["pla-beratung"], Hours = ["Mo-Do 09:00-12:00", "Di 14:00-18:00"], Holidays = Holidays.ShortHoursBetweenYears,
            Contacts = [new("Schwangerschaftsberatung", "Terminvereinbarung", "de, en, ru"), new("Beratung auf Arabisch und Persisch", "Rückruf", "ar, fa")],
            Email = "schwangerschaft@example.org", Measures = ["9.6"],
        },
        new()
        {
            Organisation = Office, Name = "Telefonische Sprachmittlung für Arztbesuche", Topics = ["health", "language"], Languages = "ar, fa, prs, ps, ti, so, kmr, ru, uk, tr, fr, en",
            Description = "Praxen, Kliniken und Beratungsstellen rufen eine Sprachmittlerin oder einen Sprachmittler ans Telefon, wenn eine Patientin oder ein Patient es wünscht. Das Gespräch wird Satz für Satz übertragen.",
            Eligibility = "Für Praxen, Kliniken und Beratungsstellen in Dresden, auf Wunsch der Patientinnen und Patienten.",
            HowToApply = "Die Praxis ruft die Vermittlung an und nennt die Sprache; die Sprachmittlung wird meist innerhalb von zehn Minuten zugeschaltet.",
            Hours = ["Mo-Fr 08:00-18:00 | telefonisch"],
            Contacts = [new("Vermittlung Sprachmittlung", "Telefonische Vermittlung", "de, en")], Email = "sprachmittlung@example.org", Measures = ["9.3", "12.2"],
        },
        // Sprache
        new()
        {
            Organisation = LanguageNetwork, Name = OutdatedTranslationService, Topics = ["language", "meeting"], Languages = "de, en, ar, fa, uk",
            FormerDescription = "Zweimal in der Woche, dienstags und donnerstags am Nachmittag, üben Sie mit Ehrenamtlichen Deutsch für den Alltag: beim Arzt, beim Einkaufen, auf dem Amt. Sie können jederzeit dazukommen, auch ohne Vorkenntnisse.",
            Description = "Zweimal in der Woche, montags und donnerstags am Nachmittag, üben Sie mit Ehrenamtlichen Deutsch für den Alltag: beim Arzt, beim Einkaufen, auf dem Amt. Sie können jederzeit dazukommen, auch ohne Vorkenntnisse. Für Kinder gibt es eine Spielecke.",
            HowToApply = "Kommen Sie einfach vorbei; eine Anmeldung ist nicht nötig.",
            Places = ["pie-treff"], Hours = ["Mo 15:00-17:30", "Do 15:00-17:30"], Holidays = Holidays.ClosedBetweenYears,
            Contacts = [new("Netzwerk Sprachpatenschaften", "Koordination", "de, en")], Email = "lerncafe@example.org", Measures = ["1.1"],
        },
        new()
        {
            Organisation = Office, Name = "Kursberatung Deutsch: den passenden Kurs finden", Topics = ["language-courses"], Languages = "de, en, ar, fa, uk, ru, tr",
            Description = "Wir schauen gemeinsam, welcher Deutschkurs zu Ihnen passt: Integrationskurs, Berufssprachkurs, Kurs mit Kinderbetreuung oder Alphabetisierung. Wir prüfen, ob Sie einen Anspruch haben oder von den Kosten befreit werden können, und vermitteln Sie an einen Kursträger in Ihrer Nähe.",
            HowToApply = "Kommen Sie in die offene Sprechstunde. Bringen Sie Ihr Aufenthaltspapier und, wenn vorhanden, Ihren Berechtigungsschein mit.",
            Documents = "Aufenthaltspapier\nBerechtigungsschein oder Verpflichtung zum Integrationskurs, falls vorhanden\nZeugnisse über bisherige Deutschkurse",
            Places = ["alt-amt"], Hours = ["Mo 08:00-12:00", "Di 13:00-18:00", "Do 08:00-12:00 13:00-15:00"], Holidays = Holidays.ShortHoursBetweenYears,
            Contacts = [new("Kursberatung", "Auskunft", "de, en, ar, uk")], Email = "kursberatung@example.org", Measures = ["1.2"],
        },
        new()
        {
            Organisation = Diakonie, Name = "Deutschkurs für Mütter mit Kinderbetreuung", Topics = ["language-courses", "family"], Languages = "de, ar, kmr, ti",
            Description = "Deutsch lernen am Vormittag, während die Kinder nebenan betreut werden. Der Kurs führt zum Niveau A2 und bereitet auf den Integrationskurs vor.",
            Eligibility = "Mütter mit Kindern bis sechs Jahre, die noch keinen Kita-Platz haben.",
            HowToApply = "Anmeldung im Familientreff; bringen Sie Ihr Kind zum ersten Termin mit.",
            Places = ["cot-familie"], Hours = ["Mo 09:00-11:30", "Mi 09:00-11:30"], Holidays = Holidays.ClosedBetweenYears,
            Contacts = [new("Familientreff Gorbitz", "Anmeldung", "de, ar")], Email = "muetterkurs@example.org", Measures = ["1.3"],
        },
        new()
        {
            Organisation = Libraries, Name = "Sprachlernort in der Stadtteilbibliothek", Topics = ["language", "meeting"], Languages = "de, en, ar, fa, uk",
            Description = "Lernplätze mit Computern, Sprachlernprogrammen, Wörterbüchern und zweisprachigen Kinderbüchern. Ehrenamtliche helfen beim Lernen und beim Üben für Prüfungen.",
            Costs = "Der Aufenthalt ist kostenlos; für die Ausleihe brauchen Sie einen Bibliotheksausweis, mit Dresden-Pass ermäßigt.",
            HowToApply = "Kommen Sie zu den Öffnungszeiten; für die Lernhilfe ist keine Anmeldung nötig.",
            Places = ["pie-bib", "pro-bib"], Hours = ["Di 15:00-19:00", "Sa 10:00-13:00", "@pro-bib Mi 14:00-18:00", "@pro-bib Fr 10:00-13:00"], Holidays = Holidays.ClosedOnHolidays,
            Contacts = [new("Stadtteilbibliotheken", "Auskunft", "de, en")], Email = "sprachlernort@example.org", Measures = ["1.4"],
        },
        new()
        {
            Organisation = Welfare, Name = "Integrationskurs mit Alphabetisierung", Topics = ["language-courses"], Languages = "de",
            Description = "Integrationskurs für Menschen, die noch nicht oder nicht in lateinischer Schrift lesen und schreiben gelernt haben. Kleine Gruppen, 1.200 Unterrichtsstunden, Abschluss mit dem Deutsch-Test für Zuwanderer.",
            MinimumAge = 16,
            Costs = "Kostenbeitrag je Unterrichtsstunde nach den Regeln des Bundesamts; wer Bürgergeld oder Leistungen nach dem Asylbewerberleistungsgesetz bezieht, kann befreit werden.",
            HowToApply = "Mit Berechtigungsschein oder Verpflichtung zur Anmeldung ins Bildungszentrum kommen; dort gibt es einen Einstufungstest.",
            Documents = "Berechtigungsschein oder Verpflichtung\nAufenthaltspapier\nLeistungsbescheid für die Kostenbefreiung",
            Places = ["leu-kurs"], Hours = ["Mo-Fr 08:30-12:45"], Holidays = Holidays.ClosedBetweenYears,
            Contacts = [new("Kursbüro Leuben", "Einstufung und Anmeldung", "de, ar, fa")], Email = "integrationskurs@example.org", Measures = ["1.5"],
        },
        new()
        {
            Organisation = LanguageNetwork, Name = "Online-Sprachcafé am Abend", Topics = ["language", "meeting"], Languages = "de, en, uk, ar",
            Description = "Zweimal in der Woche am Abend Deutsch sprechen im Videoraum, in kleinen Gruppen nach Niveau. Gut für alle, die tagsüber arbeiten oder Kinder betreuen.",
            HowToApply = "Den Link zum Videoraum finden Sie auf unserer Website; eine Anmeldung ist nicht nötig.",
            Accessibility = "Teilnahme mit Smartphone möglich; Kamera nicht nötig.",
            Hours = ["Di 19:00-20:30 | im Videoraum", "Do 19:00-20:30 | im Videoraum"], Holidays = Holidays.ClosedBetweenYears,
            Url = "https://example.org/sprachcafe-online", Email = "sprachcafe@example.org",
        },
        // Schule und Kinderbetreuung
        new()
        {
            Organisation = DayCare, Name = "Kita-Lotsen: Hilfe bei der Suche nach einem Kita-Platz", Topics = ["school", "family"], Languages = "de, en, ar, fa, uk, ru",
            Description = "Die Kita-Lotsinnen und -Lotsen erklären, wie Kinderkrippe, Kindergarten und Hort in Dresden funktionieren, helfen bei der Anmeldung im Kita-Portal und begleiten Sie auf Wunsch zum ersten Gespräch in der Kita.",
            Eligibility = "Eltern von Kindern bis zum Ende der Grundschulzeit.",
            HowToApply = "Rufen Sie an oder kommen Sie in die Sprechstunde. Bringen Sie die Geburtsurkunde oder ein anderes Dokument Ihres Kindes mit.",
            Documents = "Geburtsurkunde oder ein anderes Dokument des Kindes\nMeldebescheinigung",
            Places = ["bla-kita"], Hours = ["Mo 09:00-12:00", "Mi 09:00-12:00 14:00-17:00"], Holidays = Holidays.ClosedOnHolidays,
            Contacts = [new("Kita-Lotsen", "Beratung", "de, ar, uk")], Email = "kitalotsen@example.org", Measures = ["4.1", "4.4"],
        },
        new()
        {
            Organisation = Diakonie, Name = "Eltern-Kind-Gruppe „Spielen und Ankommen“", Topics = ["school", "family", "meeting"], Languages = "de, ar, fa, uk",
            Description = "Eltern und kleine Kinder spielen, singen und basteln zusammen; nebenbei lernen die Eltern den Alltag in der Kita kennen und finden Kontakt zu anderen Familien.",
            Eligibility = "Eltern mit Kindern bis drei Jahre.", MaximumAge = 3,
            HowToApply = "Kommen Sie einfach vorbei.",
            Places = ["leu-familie"], Hours = ["Di 09:30-11:00", "Fr 09:30-11:00"], Holidays = Holidays.ClosedBetweenYears,
            Contacts = [new("Familienzentrum Leuben", "Gruppenleitung", "de, ar")], Email = "elternkind@example.org", Measures = ["4.2", "6.3"],
        },
        new()
        {
            Organisation = Initiative, Name = "Hausaufgabenhilfe für Schulkinder", Topics = ["school"], Languages = "de, en, ar, ru",
            Description = "Ehrenamtliche helfen bei den Hausaufgaben und beim Lesen, in kleinen Gruppen und mit Geduld. Es gibt Obst und Getränke.",
            MinimumAge = 6, MaximumAge = 16,
            HowToApply = "Die Kinder kommen nach der Schule vorbei; beim ersten Mal bitte mit einem Elternteil.",
            Places = ["cot-treff"], Hours = ["Mo-Do 14:30-16:30"], Holidays = Holidays.ClosedBetweenYears,
            Contacts = [new("Nachbarschaftstreff Gorbitz", "Koordination", "de")], Email = "hausaufgaben@example.org",
        },
        new()
        {
            Organisation = SchoolOffice, Name = "Beratung zur Schulaufnahme neu zugewanderter Kinder", Topics = ["school"], Languages = "de, en, ar, uk, ru",
            Description = "Neu zugewanderte Kinder und Jugendliche im Schulalter bekommen hier eine Schule zugewiesen, mit einer Vorbereitungsklasse für Deutsch als Zweitsprache, wenn sie nötig ist.",
            MinimumAge = 6, MaximumAge = 18,
            HowToApply = "Kommen Sie mit Ihrem Kind in die Sprechstunde; die Zuweisung erfolgt meist innerhalb von zwei Wochen.",
            Documents = "Meldebescheinigung\nAusweis oder Aufenthaltspapier des Kindes\nZeugnisse aus dem Herkunftsland, falls vorhanden",
            Places = ["alt-schule"], Hours = ["Mo 09:00-12:00", "Do 13:00-17:00"], Holidays = Holidays.ClosedOnHolidays,
            Contacts = [new("Bildungsberatung", "Schulaufnahme", "de, en, uk")], Email = "schulaufnahme@example.org", Measures = ["5.1"],
        },
        // Arbeit und Ausbildung
        new()
        {
            Organisation = Welfare, Name = "Anerkennungsberatung für ausländische Berufsabschlüsse", Topics = ["work-recognition"], Languages = "de, en, ar, ru, uk, es",
            Description = "Sie haben im Ausland einen Beruf gelernt oder studiert? Wir klären, ob und wo Ihr Abschluss in Deutschland anerkannt werden kann, welche Unterlagen und Übersetzungen Sie brauchen und wer die Kosten übernehmen kann.",
            HowToApply = "Vereinbaren Sie einen Termin per E-Mail oder Telefon. Die Beratung ist auch per Video möglich.",
            Documents = "Zeugnisse und Diplome (Kopien genügen)\nNachweise über Berufserfahrung\nLebenslauf\nÜbersetzungen, falls vorhanden",
            Places = ["alt-beratung"], Hours = ["Mo 13:00-17:00", "Mi 09:00-12:00"], Holidays = Holidays.ClosedOnHolidays,
            Contacts = [new("Anerkennungsberatung", "Terminvereinbarung", "de, en, ru")], Email = "anerkennung@example.org", Measures = ["2.2"],
        },
        new()
        {
            Organisation = Diakonie, Name = "Ausbildungslotsen für junge Geflüchtete", Topics = ["work"], Languages = "de, en, ar, fa, prs",
            Description = "Begleitung auf dem Weg in eine Ausbildung: Berufe kennenlernen, Praktikum finden, Bewerbung schreiben, und in der Ausbildung Hilfe bei Berufsschule und Prüfungen.",
            MinimumAge = 16, MaximumAge = 27,
            HowToApply = "Kommen Sie in die offene Sprechstunde oder schreiben Sie eine Nachricht.",
            Places = ["neu-diakonie"], Hours = ["Di 15:00-19:00"], Holidays = Holidays.ClosedBetweenYears,
            Contacts = [new("Ausbildungslotsen", "Beratung", "de, fa, prs")], Email = "ausbildung@example.org", Measures = ["2.3"],
        },
        new()
        {
            Organisation = JobCentre, Name = "Sprechstunde für Geflüchtete im Jobcenter", Topics = ["work", "language-courses"], Languages = "de, en, ar, uk",
            Description = "Für Menschen, die Bürgergeld beziehen und nach der Flucht den Weg in Arbeit suchen: Fragen zu Sprachkursen, Qualifizierung, Stellenangeboten und zum Bescheid, mit Sprachmittlung.",
            Audience = ResidenceSituations.RecognisedRefugees | ResidenceSituations.TemporaryProtection,
            HowToApply = "Ohne Termin zu den Sprechzeiten; bringen Sie Ihre Kundennummer mit.",
            Documents = "Ausweis oder Aufenthaltstitel\nKundennummer oder letzter Bescheid",
            Places = ["cot-job"], Hours = ["Mo 08:00-12:00", "Di 08:00-12:00", "Do 08:00-12:00 14:00-18:00"], Holidays = Holidays.ShortHoursBetweenYears,
            Contacts = [new("Team Integration", "Sprechstunde", "de, en")], Email = "jobcenter-integration@example.org", Measures = ["2.1"],
        },
        new()
        {
            Organisation = WomensCentre, Name = "Berufliche Orientierung für Frauen", Topics = ["work"], Languages = "de, ar, fa, ti, so",
            Description = "Eine Gruppe für Frauen, die nach der Flucht arbeiten oder eine Ausbildung beginnen möchten: Stärken entdecken, Berufe in Betrieben ansehen, Bewerbungen üben. Kinder werden während der Treffen betreut.",
            Eligibility = "Nur für Frauen.",
            HowToApply = "Anmeldung im Frauentreff oder telefonisch.",
            Places = ["pro-frauen"], Hours = ["Mi 09:00-12:00"], Holidays = Holidays.ClosedBetweenYears,
            Contacts = [new("Frauentreff Prohlis", "Anmeldung", "de, ar, fa")], Email = "orientierung@example.org", Measures = ["2.6"],
        },
        new()
        {
            Organisation = Initiative, Name = "Bewerbungswerkstatt am Abend", Topics = ["work"], Languages = "de, en, ru",
            Description = "Ehrenamtliche aus Betrieben helfen beim Lebenslauf, beim Anschreiben und bei der Vorbereitung auf das Vorstellungsgespräch. Computer und Drucker sind vorhanden.",
            HowToApply = "Ohne Anmeldung; bringen Sie, wenn möglich, Ihre Zeugnisse auf einem USB-Stick mit.",
            Places = ["cot-treff"], Hours = ["Mi 18:00-20:30"], Holidays = Holidays.ClosedBetweenYears,
            Contacts = [new("Nachbarschaftstreff Gorbitz", "Koordination", "de")], Email = "bewerbung@example.org",
        },
        // Beratung
        new()
        {
            Organisation = Welfare, Name = "Migrationsberatung für erwachsene Zugewanderte", Topics = ["counselling", "residence"], Languages = "de, en, ar, fa, ru, tr",
            Description = "Beratung in allen Fragen des Ankommens für Menschen ab 27 Jahren: Aufenthalt, Sprachkurs, Arbeit, Wohnung, Gesundheit, Familie und Geld. Gemeinsam planen wir die nächsten Schritte und begleiten Sie, bis Sie Ihren Weg allein gehen.",
            MinimumAge = 27,
            HowToApply = "Kommen Sie in die offene Sprechstunde oder vereinbaren Sie einen Termin. Wenn nötig, bestellen wir eine Sprachmittlerin oder einen Sprachmittler.",
            Documents = "Aufenthaltspapier\nBriefe, zu denen Sie Fragen haben",
            Accessibility = "Beratung auch in Leichter Sprache; Gebärdensprachdolmetschen auf Anfrage; Hausbesuche möglich.",
            Places = ["alt-beratung", "klo-beratung"], Hours = ["Mo 09:00-12:00", "Di 13:00-18:00", "Do 09:00-12:00 13:00-16:00", "@klo-beratung Mi 09:00-12:00 13:00-15:00"],
            Holidays = Holidays.ShortHoursBetweenYears,
            Contacts = [new("Migrationsberatung Altstadt", "Terminvereinbarung", "de, en, ar"), new("Migrationsberatung Klotzsche", "Terminvereinbarung", "de, ru, tr")],
            Email = "migrationsberatung@example.org", Measures = ["8.1"],
        },
        new()
        {
            Organisation = Diakonie, Name = "Jugendmigrationsdienst", Topics = ["counselling", "school", "work"], Languages = "de, en, ar, fa, prs, uk",
            Description = "Beratung und Begleitung für junge Menschen von 12 bis 27 Jahren: Schule, Ausbildung, Studium, Aufenthalt und alles, was sonst schwierig ist. Auch Gruppenangebote in den Ferien.",
            MinimumAge = 12, MaximumAge = 27,
            HowToApply = "Offene Sprechstunde oder Termin per Nachricht; Eltern können mitkommen.",
            Places = ["neu-diakonie"], Hours = ["Mo 10:00-12:00 13:00-16:00", "Mi 13:00-18:00"], Holidays = Holidays.ClosedBetweenYears,
            Contacts = [new("Jugendmigrationsdienst", "Beratung", "de, en, fa")], Email = "jmd@example.org", Measures = ["8.1"],
        },
        new()
        {
            Organisation = SocialWelfareOffice, Name = "Integrationsbüro West", Topics = ["counselling", "meeting"], Languages = "de, ar, fa, ru, uk",
            Description = "Anlaufstelle im Stadtteil: erste Beratung, Vermittlung an Fachstellen, Raum für Vereine und Nachbarschaftsprojekte. Das Büro kennt die Angebote im Dresdner Westen.",
            HowToApply = "Kommen Sie während der Öffnungszeiten vorbei.",
            Places = ["cot-buero"], Hours = ["Mo 09:00-12:00", "Mi 09:00-12:00", "Di 14:00-19:00"], Holidays = Holidays.ClosedOnHolidays,
            Contacts = [new("Integrationsbüro West", "Empfang", "de, ar, ru")], Email = "ib-west@example.org", Measures = ["8.2"],
        },
        new()
        {
            Organisation = SocialWelfareOffice, Name = "Integrationsbüro Süd", Topics = ["counselling", "meeting"], Languages = "de, ar, vi, ru",
            Description = "Anlaufstelle im Stadtteil: erste Beratung, Vermittlung an Fachstellen, Raum für Vereine und Nachbarschaftsprojekte im Dresdner Süden.",
            HowToApply = "Kommen Sie während der Öffnungszeiten vorbei.",
            Places = ["pro-buero"], Hours = ["Di 09:00-12:00", "Do 09:00-12:00 14:00-18:00"], Holidays = Holidays.ClosedOnHolidays,
            Contacts = [new("Integrationsbüro Süd", "Empfang", "de, vi")], Email = "ib-sued@example.org", Measures = ["8.2"],
        },
        new()
        {
            Organisation = UkrainianFamilies, Name = "Beratung für Geflüchtete aus der Ukraine", Topics = ["counselling", "residence"], Languages = "uk, ru, de",
            Description = "Beratung auf Ukrainisch und Russisch zu Aufenthalt nach § 24 Aufenthaltsgesetz, Jobcenter, Schule, Kita und Wohnung. Wir helfen beim Ausfüllen von Anträgen und übersetzen Briefe von Behörden.",
            Audience = ResidenceSituations.TemporaryProtection,
            HowToApply = "Kommen Sie ohne Termin in die Sprechstunde oder schreiben Sie uns eine E-Mail.",
            Places = ["bla-ukr"], Hours = ["Mo-Do 10:00-14:00", "Di 16:00-19:00"], Holidays = Holidays.ClosedOnHolidays,
            Contacts = [new("Beratungsteam", "Sprechstunde", "uk, ru, de")], Email = "ukraine@example.org",
        },
        new()
        {
            Organisation = Welfare, Name = "Sozialberatung in Weixdorf", Topics = ["counselling"], Languages = "de, ru",
            Description = "Sprechstunde der Migrationsberatung im Norden der Stadt: Anträge, Briefe von Behörden, Fragen zu Geld und Wohnung, ohne den Weg in die Innenstadt.",
            HowToApply = "Kommen Sie ohne Termin in die Sprechstunde.",
            Places = ["wei"], Hours = ["Do 10:00-12:00"], Holidays = Holidays.ClosedBetweenYears,
            Contacts = [new("Beratungsstelle Klotzsche", "Terminvereinbarung", "de, ru")], Email = "weixdorf@example.org", Measures = ["8.1"],
        },
        // Familie
        new()
        {
            Organisation = Diakonie, Name = "Familien- und Erziehungsberatung", Topics = ["family", "psychosocial"], Languages = "de, en, ar, fa",
            Description = "Beratung für Eltern, Kinder und Jugendliche bei Sorgen in der Familie, bei Streit, in der Erziehung und nach Trennung. Auf Wunsch mit Sprachmittlung.",
            HowToApply = "Termin per Telefon; in Krisen auch kurzfristig.",
            Places = ["los-familie"], Hours = ["Mo 09:00-12:00", "Di 09:00-12:00", "Do 15:00-19:00"], Holidays = Holidays.ShortHoursBetweenYears,
            Contacts = [new("Familienzentrum Loschwitz", "Terminvereinbarung", "de, en")], Email = "familienberatung@example.org", Measures = ["6.3"],
        },
        new()
        {
            Organisation = WomensCentre, Name = "Frauencafé International", Topics = ["meeting", "family"], Languages = "de, ar, fa, uk, tr, so",
            Description = "Jeden Freitag treffen sich Frauen aus vielen Ländern zum Frühstück, Gespräch und zu kleinen Kursen. Kinder spielen im Nebenraum.",
            Eligibility = "Nur für Frauen; Kinder sind willkommen.",
            HowToApply = "Kommen Sie einfach vorbei.",
            Places = ["neu-frauen"], Hours = ["Fr 10:00-12:30"], Holidays = Holidays.ClosedBetweenYears,
            Contacts = [new("Frauenzentrum", "Information", "de, ar")], Email = "frauencafe@example.org",
        },
        // Rechtsberatung
        new()
        {
            Organisation = LawClinic, Name = "Rechtsberatung von Studierenden für Geflüchtete", Topics = ["legal", "asylum-counselling", "residence"], Languages = "de, en, fr, ar",
            Description = "Studierende der Rechtswissenschaft beraten zu Asylverfahren, Aufenthalt, Familiennachzug und Sozialleistungen, begleitet von Anwältinnen und Anwälten. Sie helfen auch beim Schreiben an Behörden.",
            HowToApply = "Schreiben Sie eine E-Mail mit Ihrer Frage; Sie bekommen innerhalb einer Woche einen Termin am Dienstagabend.",
            Places = ["pla-law"], Hours = ["Di 18:00-20:00"], Holidays = Holidays.ClosedBetweenYears,
            Contacts = [new("Rechtsberatung", "Rückfragen", "de, en, fr")], Email = "rechtsberatung@example.org", Measures = ["8.7"],
        },
        new()
        {
            Organisation = Umbrella, Name = "Anwaltliche Erstberatung zum Aufenthaltsrecht", Topics = ["legal", "residence"], Languages = "de, en, ar, tr",
            Description = "Eine Anwältin oder ein Anwalt für Migrationsrecht prüft in einem halbstündigen Gespräch Ihren Fall und sagt, welche Schritte und Fristen wichtig sind.",
            Costs = "10 € Schutzgebühr; mit Dresden-Pass oder Leistungsbescheid kostenlos.",
            HowToApply = "Termin per Telefon; bitte nennen Sie kurz Ihr Anliegen.",
            Documents = "Alle Bescheide und Briefe zu Ihrem Fall\nAufenthaltspapier",
            Places = ["neu-dach"], Hours = ["Do 17:00-19:00"], Holidays = Holidays.ClosedOnHolidays,
            Contacts = [new("Haus der Vereine", "Terminvereinbarung", "de, tr")], Email = "erstberatung@example.org",
        },
        // Psychosoziale Hilfe
        new()
        {
            Organisation = Psychosocial, Name = "Psychosoziale Beratung und Therapie für Geflüchtete", Topics = ["psychosocial", "health"], Languages = "de, en, ar, fa, prs, ps, kmr, ti, ru, uk",
            Description = "Für Menschen, die durch Krieg, Flucht oder Gewalt belastet sind: Beratung, Psychotherapie und Gruppenangebote mit Dolmetscherinnen und Dolmetschern. Wir unterliegen der Schweigepflicht.",
            HowToApply = "Melden Sie sich telefonisch zum Erstgespräch. Auch Beratungsstellen und Ärztinnen können Sie mit Ihrem Einverständnis anmelden.",
            Accessibility = "Gespräche auch im Sitzen am Boden oder beim Spazierengehen; Dolmetschen in jeder Sitzung.",
            Places = ["alt-psz"], Hours = ["Mo 09:00-12:00 13:00-16:00", "Di 09:00-12:00 13:00-16:00", "Do 09:00-12:00"], Holidays = Holidays.ShortHoursBetweenYears,
            Contacts = [new("Anmeldung Psychosoziales Zentrum", "Erstgespräch", "de, en, ar, fa")], Email = "psz@example.org", Measures = ["9.2", "8.4"],
        },
        new()
        {
            Organisation = Psychosocial, Name = "Krisentelefon in mehreren Sprachen", Topics = ["psychosocial"], Languages = "de, en, ar, fa, uk, ru",
            Description = "Am Abend, wenn die Beratungsstellen geschlossen sind: ein Gespräch am Telefon, wenn Sorgen, Angst oder Erinnerungen zu schwer werden. Anonym und vertraulich. In Lebensgefahr rufen Sie bitte 112.",
            HowToApply = "Rufen Sie an; Sie müssen Ihren Namen nicht nennen.",
            Hours = ["Mo-So 18:00-22:00 | telefonisch"],
            Contacts = [new("Krisentelefon", "Gespräch am Telefon", "de, en, ar, fa, uk, ru")],
        },
        // Begegnung
        new()
        {
            Organisation = Initiative, Name = "Begegnungscafé im Stadtteil", Topics = ["meeting"], Languages = "de, en, ar, fa, ru, uk",
            Description = "Am Samstagnachmittag treffen sich Nachbarinnen und Nachbarn, alte und neue Dresdnerinnen und Dresdner, bei Kaffee, Tee und Kuchen. Oft wird gespielt, manchmal gekocht.",
            HowToApply = "Kommen Sie einfach vorbei.",
            Places = ["pie-cafe"], Hours = ["Sa 14:00-17:00"], Holidays = Holidays.ClosedOnHolidays,
            Contacts = [new("Initiative Willkommen im Stadtteil", "Information", "de, en")], Email = "cafe@example.org", Measures = ["7.5"],
        },
        new()
        {
            Organisation = SyrianFamilies, Name = "Mentoring: Geflüchtete begleiten Neuankommende", Topics = ["meeting", "counselling"], Languages = "ar, kmr, de, en",
            Description = "Menschen, die selbst vor einigen Jahren nach Dresden gekommen sind, begleiten Neuankommende in den ersten Monaten: zu Ämtern, beim Einkaufen, in der Schule und in der Freizeit.",
            HowToApply = "Melden Sie sich in den Vereinsräumen oder per Telefon; wir suchen eine passende Mentorin oder einen passenden Mentor.",
            Places = ["pro-verein"], Hours = ["Fr 16:00-19:00"], Holidays = Holidays.ClosedOnHolidays,
            Contacts = [new("Vereinsbüro", "Vermittlung", "ar, kmr, de")], Email = "mentoring@example.org", Measures = ["7.1"],
        },
        new()
        {
            Organisation = Initiative, Name = TemporarilyClosedService, Topics = ["meeting"], Languages = "de, en, ar, fa",
            Description = "Fahrräder gemeinsam reparieren, Werkzeug und Ersatzteile sind da. Wer kein Fahrrad hat, kann eines aus Spenden herrichten und behalten.",
            Status = ServiceStatus.TemporarilyClosed, Closure = "Die Werkstatt wird umgebaut und ist vorübergehend geschlossen.",
            HowToApply = "Kommen Sie vorbei, sobald die Werkstatt wieder geöffnet ist.",
            Places = ["los-werkstatt"], Hours = ["Mi 16:00-19:00", "Sa 10:00-14:00"],
            Contacts = [new("Fahrradwerkstatt", "Information", "de, en")], Email = "fahrrad@example.org",
        },
        new()
        {
            Organisation = Umbrella, Name = "Interkultureller Garten", Topics = ["meeting"], Languages = "de, ar, fa, ru, uk, vi",
            Description = "Gemeinsam gärtnern von April bis Oktober: Beete für Familien, Kräuter aus vielen Ländern, Erntefeste. Werkzeug und Saatgut sind vorhanden.",
            HowToApply = "Kommen Sie zu den Gartenzeiten vorbei; ein eigenes Beet vergeben wir im März.",
            Places = ["sfw"], Hours = ["Mi 16:00-19:00", "Sa 10:00-15:00"], Seasonal = true,
            Contacts = [new("Gartengruppe", "Information", "de, ru")], Email = "garten@example.org", Measures = ["7.5"],
        },
        new()
        {
            Organisation = SportsFacilities, Name = "Schwimmkurse für Frauen und Kinder", Topics = ["meeting", "health"], Languages = "de, en, ar",
            Description = "Schwimmen lernen in kleinen Gruppen: Kurse für Kinder ab sechs Jahren am Sonntagmorgen und für Frauen am Samstagabend, mit Trainerinnen und ohne Zuschauer.",
            MinimumAge = 6, Eligibility = "Die Kurse am Samstagabend sind nur für Frauen.",
            Costs = "25 € für einen Kurs mit zehn Terminen; mit Dresden-Pass kostenlos.",
            HowToApply = "Anmeldung an der Kasse der Schwimmhalle oder per E-Mail; neue Kurse beginnen jeden zweiten Monat.",
            Documents = "Dresden-Pass für den kostenlosen Kurs",
            Places = ["klo-bad"], Hours = ["Sa 18:00-20:00 | nur für Frauen", "So 09:00-11:00 | Kinder"], Holidays = Holidays.ClosedOnHolidays,
            Contacts = [new("Kasse Schwimmhalle Nord", "Anmeldung", "de, en")], Email = "schwimmkurs@example.org", Measures = ["10.3"],
        },
    ];

    /// <summary>Adds the content languages, the default topics and the services to the demo municipality.</summary>
    public static async Task AddAsync(PlanwerkDbContext db, Plan plan, DateTimeOffset now, CancellationToken ct = default)
    {
        await ContentLanguages.EnsureDefaultsAsync(db, ct);
        await DefaultTopics.EnsureAsync(db, now, ct);
        if (await db.HelpServices.AnyAsync(ct)) return;

        var today = BerlinTime.Day(now);
        var checkMonths = await db.Municipalities.Where(m => m.Id == db.CurrentMunicipalityId).Select(m => m.ServiceCheckMonths).SingleAsync(ct);
        var organisations = (await db.Stakeholders.ToListAsync(ct)).GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First());
        for (var i = 0; i < Organisations.Length; i++)
        {
            var (name, kind, description) = Organisations[i];
            if (organisations.ContainsKey(name)) continue;
            var local = "traeger" + (i + 1).ToString(CultureInfo.InvariantCulture);
            var organisation = new Stakeholder
            {
                Name = name, Kind = kind, Description = description + " " + DemoStakeholders.ExampleNote,
                Website = "https://example.org/" + local, Email = local + "@example.org", IsListed = true,
            };
            db.Stakeholders.Add(organisation);
            organisations[name] = organisation;
        }
        organisations[ReviewedOrganisation].ServiceChangesReviewed = true;

        var districts = await db.Districts.ToDictionaryAsync(d => d.Name, ct);
        var topics = await db.ServiceTopics.ToDictionaryAsync(t => t.Code, ct);
        var measures = await db.Measures.Where(m => m.PlanId == plan.Id).Select(m => new { m.Id, m.Number }).ToDictionaryAsync(m => m.Number, m => m.Id, ct);
        var locations = Places.ToDictionary(p => p.Key, p => new ServiceLocation
        {
            Organisation = organisations[p.Organisation], Name = p.Name, Street = p.Street, PostalCode = p.PostalCode, City = "Dresden",
            District = districts[p.District], Latitude = p.Latitude, Longitude = p.Longitude, TransportNotes = p.TransportNotes,
            Accessibility = p.Accessibility, IsWheelchairAccessible = p.StepFree,
        });
        db.ServiceLocations.AddRange(locations.Values);

        var added = new List<(Entry Entry, HelpService Service)>();
        var phone = 100;
        for (var i = 0; i < Entries.Length; i++)
        {
            var entry = Entries[i];
            // Checked within the last nine months, spread out; the overdue one two months past the check interval.
            var checkedOn = entry.Name == OverdueService ? today.AddMonths(-checkMonths - 2) : today.AddDays(-(9 + i * 37 % 260));
            var service = new HelpService
            {
                Organisation = organisations[entry.Organisation], Name = entry.Name, Description = entry.Description, Status = entry.Status,
                Url = entry.Url, Email = entry.Email, Audience = entry.Audience, MinimumAge = entry.MinimumAge, MaximumAge = entry.MaximumAge,
                Eligibility = entry.Eligibility, IsFree = entry.Costs.Length == 0, Costs = entry.Costs, HowToApply = entry.HowToApply,
                DocumentsToBring = entry.Documents, Accessibility = entry.Accessibility, IsRemoteOnly = entry.Places.Length == 0,
                LastCheckedOn = checkedOn, IsExample = true,
                CreatedAt = BerlinTime.StartOfDay(checkedOn.AddDays(-200 - i)), ModifiedAt = BerlinTime.StartOfDay(checkedOn),
            };
            foreach (var code in entry.Topics) service.Topics.Add(topics[code]);
            foreach (var code in LanguageCodes.Parse(entry.Languages).Known) service.Languages.Add(new ServiceLanguage { Code = code });
            foreach (var key in entry.Places) service.Locations.Add(new ServiceAtLocation { Location = locations[key] });
            var home = entry.Places.Length == 0 ? null : locations[entry.Places[0]];
            foreach (var (place, day, opens, closes, note) in entry.Hours.SelectMany(ParseHours))
            {
                service.Schedules.Add(new ServiceSchedule
                {
                    Location = place is null ? home : locations[place], Weekday = day, Opens = opens, Closes = closes, Note = note,
                    ValidFrom = entry.Seasonal ? new DateOnly(today.Year, 4, 1) : null, ValidTo = entry.Seasonal ? new DateOnly(today.Year, 10, 31) : null,
                });
            }
            foreach (var hours in HolidayHours(entry.Holidays, today)) { hours.Location = home; service.SpecialHours.Add(hours); }
            if (entry.Closure is { } closure)
                service.SpecialHours.Add(new SpecialHours { Location = home, From = today.AddDays(-18), To = today.AddDays(45), Note = closure });
            for (var k = 0; k < entry.Contacts.Length; k++)
            {
                var contact = entry.Contacts[k];
                service.Contacts.Add(new ServiceContact
                {
                    Position = k, Name = contact.Name, Title = contact.Title, PhoneLanguages = contact.PhoneLanguages,
                    Phone = "0351 010 " + (phone++).ToString(CultureInfo.InvariantCulture), Email = k == 0 ? entry.Email : "",
                });
            }
            foreach (var number in entry.Measures) db.MeasureServices.Add(new MeasureService { MeasureId = measures[number], Service = service });
            db.HelpServices.Add(service);
            added.Add((entry, service));
        }
        await db.SaveChangesAsync(ct);

        // Translations need the ids the save gave.
        foreach (var (entry, service) in added)
        {
            if (!ServiceTranslations.TryGetValue(entry.Name, out var languages)) continue;
            var translatedAt = service.ModifiedAt.AddDays(entry.FormerDescription is null ? 0 : -40);
            foreach (var (language, texts) in languages)
            {
                Translate(db, ContentKinds.Service, service.Id, language, nameof(HelpService.Name), texts.Name, entry.Name, translatedAt);
                Translate(db, ContentKinds.Service, service.Id, language, nameof(HelpService.Description), texts.Description, entry.FormerDescription ?? entry.Description, translatedAt);
                Translate(db, ContentKinds.Service, service.Id, language, nameof(HelpService.HowToApply), texts.HowToApply, entry.HowToApply, translatedAt);
            }
        }
        foreach (var topic in topics.Values)
        {
            if (!TopicNames.TryGetValue(topic.Code, out var names)) continue;
            foreach (var (language, name) in names)
                Translate(db, ContentKinds.Topic, topic.Id, language, nameof(ServiceTopic.Name), name, topic.Name, now);
        }
        await db.SaveChangesAsync(ct);
    }

    private static void Translate(PlanwerkDbContext db, string kind, int entityId, string language, string field, string text, string source, DateTimeOffset at) =>
        db.ContentTranslations.Add(new ContentTranslation
        {
            Kind = kind, EntityId = entityId, Language = language, Field = field, Text = text, SourceFingerprint = ServiceTexts.Fingerprint(source), TranslatedAt = at,
        });

    private static readonly string[] DayNames = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"];

    /// <summary>Reads "@place Mo-Fr 09:00-12:00 13:00-15:00 | note" (place and note optional; days as a range or a
    /// comma-separated list) into one row per day and block.</summary>
    private static IEnumerable<(string? Place, DayOfWeek Day, TimeOnly Opens, TimeOnly Closes, string Note)> ParseHours(string spec)
    {
        var noteAt = spec.IndexOf(" | ", StringComparison.Ordinal);
        var note = noteAt < 0 ? "" : spec[(noteAt + 3)..];
        var parts = (noteAt < 0 ? spec : spec[..noteAt]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var place = parts[0].StartsWith('@') ? parts[0][1..] : null;
        var at = place is null ? 0 : 1;
        var days = new List<int>();
        foreach (var token in parts[at].Split(','))
        {
            var range = token.Split('-');
            var from = Array.IndexOf(DayNames, range[0]);
            var to = Array.IndexOf(DayNames, range[^1]);
            if (from < 0 || to < from) throw new InvalidOperationException("Unknown days in demo hours: " + spec);
            for (var d = from; d <= to; d++) days.Add(d);
        }
        foreach (var block in parts.Skip(at + 1))
        {
            var times = block.Split('-');
            var opens = TimeOnly.ParseExact(times[0], "HH:mm", CultureInfo.InvariantCulture);
            var closes = TimeOnly.ParseExact(times[1], "HH:mm", CultureInfo.InvariantCulture);
            foreach (var d in days) yield return (place, (DayOfWeek)((d + 1) % 7), opens, closes, note);
        }
    }

    /// <summary>The special hours around the coming (or current) Christmas and New Year.</summary>
    private static IEnumerable<SpecialHours> HolidayHours(Holidays rule, DateOnly today)
    {
        // Until 2 January the holidays are the ones just passing; from then on, the coming ones.
        var year = today >= new DateOnly(today.Year, 1, 3) ? today.Year : today.Year - 1;
        var christmas = new DateOnly(year, 12, 24);
        switch (rule)
        {
            case Holidays.ClosedOnHolidays:
            case Holidays.ShortHoursBetweenYears:
                yield return new SpecialHours { From = christmas, To = christmas.AddDays(2), Note = "Weihnachten" };
                if (rule == Holidays.ShortHoursBetweenYears)
                    yield return new SpecialHours { From = christmas.AddDays(3), To = christmas.AddDays(6), Opens = new TimeOnly(10, 0), Closes = new TimeOnly(12, 0), Note = "Zwischen den Jahren nur vormittags" };
                yield return new SpecialHours { From = christmas.AddDays(7), To = christmas.AddDays(8), Note = "Silvester und Neujahr" };
                break;
            case Holidays.ClosedBetweenYears:
                yield return new SpecialHours { From = christmas.AddDays(-1), To = christmas.AddDays(9), Note = "Pause über Weihnachten und Neujahr" };
                break;
        }
    }
}
