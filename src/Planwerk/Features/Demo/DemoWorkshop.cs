using System.Globalization;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Participation.Workshops;
using Planwerk.Features.Plans;

namespace Planwerk.Features.Demo;

/// <summary>The participation workshop "Fachplan Asyl 2020" of 27.11.2017 (REFERENCE.md): the first draft
/// discussed with volunteer initiatives, free welfare providers, offices and institutions, the principles
/// presented, working groups on fields of action and on instruments. The date and purpose are real; the
/// time of day, the place, the participants and the minutes and results are examples and say so.</summary>
public static class DemoWorkshop
{
    public const string Title = "Beteiligungsworkshop „Fachplan Asyl 2020“";
    public const string ExampleNote = "Beispielinhalt";
    public static string ParticipantEmail(int number) => FormattableString.Invariant($"workshop-teilnahme-{number}@planwerk.example");

    /// <summary>Working groups by area of the fields of action (the field each is tied to, by number), and one on instruments.</summary>
    public static readonly (string Title, string Description, int? Field)[] Groups =
    [
        ("AG 1: Sprache, Arbeit und Ausbildung", "Handlungsfelder Sprache sowie Arbeit, Wirtschaft und berufliche Ausbildung.", 1),
        ("AG 2: Wohnen und Unterbringung", "Unterbringung in Wohnungen und Übergangswohnheimen, Auszug in eigenen Wohnraum.", 3),
        ("AG 3: Bildung, Kinder, Jugend und Familie", "Frühkindliche Bildung, Schule sowie Kinder-, Jugend- und Familienarbeit.", 5),
        ("AG 4: Beratung, Gesundheit und Teilhabe", "Soziale Beratung und Betreuung, Gesundheit, Selbstorganisation und politische Teilhabe.", 8),
        ("AG 5: Zusammenleben im Stadtteil", "Sport, kulturelle Vielfalt und interkulturelle Öffnung der Verwaltung.", 11),
        ("AG 6: Instrumente des Fachplans", "Steuerung, Vernetzung, Regionalisierung, Berichtswesen und Fortschreibung des Plans.", null),
    ];

    /// <summary>27.11.2017, 09:30 to 16:00 in Berlin (winter time, UTC+1). The time of day is an example.</summary>
    public static readonly DateTimeOffset StartsAt = new(2017, 11, 27, 8, 30, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset EndsAt = new(2017, 11, 27, 15, 0, 0, TimeSpan.Zero);

    /// <summary>Adds the workshop with its groups, example participants (one member of each example
    /// organisation, who cannot sign in), their registrations and attendance, and published example minutes
    /// and results, to the context's current municipality (saved by the caller, in the seed's transaction).</summary>
    public static void Add(PlanwerkDbContext db, Plan plan, IReadOnlyList<FieldOfAction> fields, DateTimeOffset now)
    {
        var workshop = new Workshop
        {
            Plan = plan,
            Title = Title,
            Description = """
                Erster Entwurf des Fachplans Asyl 2020 im Gespräch mit ehrenamtlichen Initiativen, Trägern der freien
                Wohlfahrtspflege, Ämtern und Institutionen. Das Sozialamt stellt die Leitlinien des Plans vor; danach
                beraten Arbeitsgruppen zu den Handlungsfeldern und zu den Instrumenten des Plans.

                *Beispielinhalt: Uhrzeit und Ort der Veranstaltung sind nicht überliefert; die Angaben hier sind Beispiele.*
                """,
            StartsAt = StartsAt,
            EndsAt = EndsAt,
            Place = "Beispielinhalt: Neues Rathaus, Festsaal (Ort nicht überliefert)",
            Capacity = 60,
            Minutes = """
                *Beispielinhalt: ein erfundenes Protokoll für die Demo.*

                1. Begrüßung durch die Sozialbürgermeisterin, Ziel des Tages.
                2. Vorstellung der Leitlinien: Integration von Anfang an; Teilhabe durch Beteiligung; Zusammenhalt unterstützen.
                3. Arbeitsgruppen (zwei Runden), Vorstellung der Ergebnisse im Plenum.
                4. Ausblick: schriftliche Stellungnahmen zu Kernthemen im Jahr 2018, danach Konkretisierung des Maßnahmenplans.
                """,
            Results = """
                *Beispielinhalt: erfundene Ergebnisse für die Demo.*

                - Die drei Leitlinien finden breite Zustimmung.
                - Die Akteure wünschen sich, jede geplante Maßnahme vor dem Beschluss kommentieren zu können.
                - Die Arbeitsgruppen schlagen vor, die Maßnahmen nach Teilbereichen zu ordnen und Zuständigkeiten zu benennen.
                """,
            ResultsPublishedAt = EndsAt.AddDays(14),
            CalendarSequence = 0,
        };
        db.Workshops.Add(workshop);
        var groups = Groups.Select((g, i) => new WorkingGroup
        {
            Workshop = workshop,
            Position = i + 1,
            Title = g.Title,
            Description = g.Description,
            FieldOfAction = g.Field is int n ? fields[n - 1] : null,
            Results = $"*{ExampleNote}:* Die Arbeitsgruppe sammelt Bedarfe und Vorschläge zu „{g.Title[(g.Title.IndexOf(':', StringComparison.Ordinal) + 2)..]}“ und gibt sie in die Überarbeitung des Entwurfs.",
        }).ToList();
        db.WorkingGroups.AddRange(groups);

        var stakeholders = db.Stakeholders.Local.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        for (var i = 0; i < stakeholders.Count; i++)
        {
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            var email = ParticipantEmail(i + 1);
            // No password: these example people exist to fill the lists; nobody signs in as them.
            var user = new PlanwerkUser
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                DisplayName = "Beispielperson Teilnahme " + number,
                SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            db.Users.Add(user);
            db.StakeholderMembers.Add(new StakeholderMember { Stakeholder = stakeholders[i], UserId = user.Id, User = user, JoinedAt = now });
            db.WorkshopRegistrations.Add(new WorkshopRegistration
            {
                Workshop = workshop,
                UserId = user.Id,
                User = user,
                Stakeholder = stakeholders[i],
                WorkingGroup = groups[i % groups.Count],
                State = RegistrationState.Confirmed,
                RegisteredAt = StartsAt.AddDays(-21 + i),
                // One example person did not come.
                Attended = i != stakeholders.Count - 1,
            });
        }
    }
}
