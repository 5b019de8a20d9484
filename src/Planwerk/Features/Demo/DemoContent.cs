using Microsoft.AspNetCore.Identity;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Features.Municipalities;
using Planwerk.Features.Plans;

namespace Planwerk.Features.Demo;

public sealed class DemoOptions
{
    /// <summary>Adds the demo municipality and login to an empty database. Only in Development.</summary>
    public bool Enabled { get; set; }
}

/// <summary>The demo municipality, modelled on Dresden's Fachplan Asyl und Integration 2022. The
/// principles, districts and the plan's facts are real; the fields of action and the measures'
/// texts are invented and marked as example content.</summary>
public static class DemoContent
{
    public const string Slug = "dresden";
    public const string DemoEmail = "demo@planwerk.example";
    public const string DemoPassword = "Demo-Planwerk-2019";
    public const string EditorEmail = "redaktion@planwerk.example";

    public static readonly string[] Districts = ["Altstadt", "Neustadt", "Pieschen", "Klotzsche", "Loschwitz", "Blasewitz", "Leuben", "Prohlis", "Plauen", "Cotta"];
    public static readonly string[] Localities = ["Altfranken", "Cossebaude", "Gompitz", "Langebrück", "Mobschatz", "Oberwartha", "Schönborn", "Schönfeld-Weißig", "Weixdorf"];

    public static readonly (string Title, string Description)[] PrinciplesOfPlan =
    [
        ("Integration von Anfang an – zeitlich begrenzt oder auf Dauer.",
            "Integration beginnt mit dem ersten Tag in der Stadt, unabhängig davon, ob Menschen vorübergehend oder dauerhaft bleiben."),
        ("Teilhabe durch Beteiligung – Wirksamkeit durch Personen- und Bedarfsorientierung.",
            "Hilfen richten sich nach dem Bedarf der einzelnen Person; Betroffene und Akteure gestalten mit."),
        ("Zusammenhalt unterstützen – Stadtteile sowie Bürgerinnen und Bürger im Blick.",
            "Die Stadtteile und ihre Bewohnerinnen und Bewohner werden beim Ankommen und Zusammenleben mitgedacht."),
    ];

    /// <summary>Adds the demo municipality, its plans and the two demo accounts in one transaction, so a
    /// failure leaves the database empty and the next start tries again.</summary>
    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var db = services.GetRequiredService<PlanwerkDbContext>();
        var users = services.GetRequiredService<UserManager<PlanwerkUser>>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The accounts come first: UserManager saves through this same context, which must not yet
        // hold the content (it would be saved before the municipality is known).
        var administrator = await CreateUserAsync(users, DemoEmail, "Demo-Administration");
        var editor = await CreateUserAsync(users, EditorEmail, "Demo-Redaktion Sozialamt");

        var municipality = new Municipality { Slug = Slug, Name = "Landeshauptstadt Dresden (Demo)", IsDemo = true, CreatedAt = now };
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync(cancellationToken);
        db.CurrentMunicipalityId = municipality.Id;

        db.Memberships.AddRange(
            new MunicipalityMembership { UserId = administrator.Id, Role = MunicipalityRole.Administrator },
            new MunicipalityMembership { UserId = editor.Id, Role = MunicipalityRole.PlanEditor });

        var districts = Districts.Select(n => new District { Name = n, Kind = DistrictKind.District })
            .Concat(Localities.Select(n => new District { Name = n, Kind = DistrictKind.Locality }))
            .ToList();
        db.Districts.AddRange(districts);
        Participation.Stakeholders.DemoStakeholders.Add(db);

        var predecessor = new Plan
        {
            Title = "Fachplan Asyl 2014–2016",
            PeriodStart = 2014,
            PeriodEnd = 2016,
            State = PlanState.Superseded,
            Summary = "Der Vorgängerplan, auf den sich die Stadtratsvorlage V0085/14 vom 17.09.2014 bezieht. Sein Inhalt ist in dieser Demo nicht erfasst.",
            IsPublic = true,
            UpdatedAt = now,
        };
        var plan = new Plan
        {
            Title = "Fachplan Asyl und Integration 2022",
            PeriodStart = 2019,
            PeriodEnd = 2022,
            State = PlanState.InImplementation,
            Predecessor = predecessor,
            IsPublic = true,
            UpdatedAt = now,
            Summary = """
                Der Fachplan Asyl und Integration 2022 wurde vom Sozialamt der Landeshauptstadt Dresden mit knapp 50
                behördlichen, freien, zivilgesellschaftlichen und politischen Akteuren erarbeitet und am 05.07.2019 vom
                Stadtrat beschlossen. Er enthält einen Rückblick auf die bisherige Unterbringung und Betreuung von
                Asylsuchenden, eine Bestandsaufnahme der Hilfeangebote, neue Leitlinien, einen Maßnahmenplan mit
                66 Vorhaben und Aktivitäten in 12 Teilbereichen und Integrationswege aus Sicht der Betroffenen.

                Verantwortlich: Sozialbürgermeisterin Dr. Kristin Klaudia Kaufmann. Nachfolger ist der am 23.06.2022
                beschlossene Aktionsplan Integration 2022–2026.

                *Die Texte der Teilbereiche und Maßnahmen in dieser Demo sind Beispielinhalte, nicht der Text der Stadt;
                ebenso erfunden ist der gezeigte Umsetzungsstand zum 30.09.2022.*
                """,
        };
        db.Plans.AddRange(predecessor, plan);

        var principles = PrinciplesOfPlan.Select((p, i) => new Principle { Plan = plan, Position = i + 1, Title = p.Title, Description = p.Description }).ToList();
        db.Principles.AddRange(principles);

        var fields = DemoMeasures.Fields.Select((f, i) => new FieldOfAction { Plan = plan, Number = i + 1, Position = i + 1, Title = f.Title, Description = f.Description }).ToList();
        db.FieldsOfAction.AddRange(fields);

        var byName = districts.ToDictionary(d => d.Name);
        foreach (var m in DemoMeasures.All)
        {
            var field = fields[m.Field - 1];
            var position = field.Measures.Count + 1;
            var measure = new Measure
            {
                Plan = plan,
                FieldOfAction = field,
                Position = position,
                Number = $"{field.Number}.{position}",
                Title = m.Title,
                Goal = m.Goal,
                Description = m.Description,
                TargetGroups = m.TargetGroups,
                ResponsibleOffice = m.Office,
                PartnerOrganisations = m.Partners,
                StartDate = m.Start,
                EndDate = m.End,
                EstimatedCost = m.Cost,
                Funding = m.Funding,
                Priority = m.Priority,
                Status = m.Status,
                Progress = m.Progress,
                IsExample = true,
                UpdatedAt = now,
                Principles = m.Principles.Select(n => principles[n - 1]).ToList(),
                Districts = m.Districts.Select(n => byName[n]).ToList(),
            };
            field.Measures.Add(measure);
            db.Measures.Add(measure);
        }
        DemoWorkshop.Add(db, plan, fields, now);
        await db.SaveChangesAsync(cancellationToken);
        await DemoConsultation.AddAsync(services, db, plan, cancellationToken);
        await DemoCouncil.AddAsync(db, plan, cancellationToken);
        // After the council: the timeline links the papers and meetings.
        await DemoTimeline.AddAsync(db, plan, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<PlanwerkUser> CreateUserAsync(UserManager<PlanwerkUser> users, string email, string name)
    {
        var user = new PlanwerkUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        var result = await users.CreateAsync(user, DemoPassword);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        return user;
    }
}
