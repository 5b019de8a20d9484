using Planwerk.Data;

namespace Planwerk.Features.Participation.Stakeholders;

/// <summary>Example organisations of each kind for the demo municipality. They are invented, named as
/// examples, and their contact data uses example.org, so no real organisation is misrepresented.</summary>
public static class DemoStakeholders
{
    public const string ExampleNote = "Beispielinhalt: eine erfundene Organisation für die Demo.";

    public static readonly (string Name, StakeholderKind Kind, string Description)[] All =
    [
        ("Beispiel-Amt für Migration und Integration", StakeholderKind.PublicAuthority, "Koordiniert Unterbringung und Beratung in der Stadtverwaltung."),
        ("Beispiel-Jobcenter Stadtmitte", StakeholderKind.PublicAuthority, "Berät zu Arbeit, Ausbildung und Sprachkursen."),
        ("Beispiel-Wohlfahrtsverband Regionalverband", StakeholderKind.FreeWelfareProvider, "Träger der Migrationssozialarbeit in einer Region."),
        ("Beispiel-Diakoniewerk Integrationsdienste", StakeholderKind.FreeWelfareProvider, "Migrationsberatung und Integrationsbüro."),
        ("Beispiel-Initiative Willkommen im Stadtteil", StakeholderKind.CivilSocietyInitiative, "Ehrenamtliche Patenschaften und Begegnungscafé."),
        ("Beispiel-Netzwerk Sprachpatenschaften", StakeholderKind.CivilSocietyInitiative, "Vermittelt Sprachpatinnen und -paten."),
        ("Beispiel-Verein syrischer Familien", StakeholderKind.MigrantOrganisation, "Selbstorganisation, Mentoring für Neuangekommene."),
        ("Beispiel-Dachverband der Migrantenorganisationen", StakeholderKind.MigrantOrganisation, "Vertritt Vereine von Migrantinnen und Migranten."),
        ("Beispiel-Ausländerbeirat", StakeholderKind.PoliticalBody, "Berät den Stadtrat in Fragen der Integration."),
        ("Beispiel-Stadtbezirksbeirat Mitte", StakeholderKind.PoliticalBody, "Berät Vorhaben, die den Stadtbezirk betreffen."),
    ];

    /// <summary>Adds the examples to the context's current municipality (saved by the caller).</summary>
    public static void Add(PlanwerkDbContext db)
    {
        for (var i = 0; i < All.Length; i++)
        {
            var (name, kind, description) = All[i];
            var local = "kontakt" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            db.Stakeholders.Add(new Stakeholder
            {
                Name = name,
                Kind = kind,
                Description = description + " " + ExampleNote,
                Website = "https://example.org/" + local,
                Email = local + "@example.org",
                ContactPerson = "Beispielperson " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                IsListed = true,
            });
        }
    }
}
