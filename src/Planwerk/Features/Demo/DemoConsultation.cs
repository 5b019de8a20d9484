using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Planwerk.Infrastructure.Time;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Features.Implementation;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.History;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Features.Plans.Versions;

namespace Planwerk.Features.Demo;

/// <summary>The demo's consultation on the draft measure plan, after the model plan's real process
/// (Q1 2019: "every participant may comment on the planned measures; measures modified"; plan completed
/// 20.03.2019). The version's name and the quarter are from the source; the round's exact dates, the
/// statements, their submitters and the weighing are invented and marked as example content. One accepted
/// statement led to a real recorded change of measure 1.1, which its weighing links to.</summary>
public static class DemoConsultation
{
    public const string VersionName = "Entwurf Maßnahmenplan (Januar 2019)";
    public const string RoundTitle = "Beteiligung zum Entwurf des Maßnahmenplans";
    public const string ExampleNote = "_Beispielinhalt: eine erfundene Stellungnahme für die Demo._";

    /// <summary>A moment in Berlin local time.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0)
    {
        return BerlinTime.FromLocal(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified))!.Value;
    }

    public static readonly DateTimeOffset OpensAt = At(2019, 1, 14);
    /// <summary>Exclusive: the round runs through 28.02.2019.</summary>
    public static readonly DateTimeOffset ClosesAt = At(2019, 3, 1);
    public static readonly DateTimeOffset ChangedAt = At(2019, 3, 12, 10, 30);
    public static readonly DateTimeOffset PublishedAt = At(2019, 3, 20, 9, 0);

    /// <summary>Invented statements: the organisation (index into <see cref="DemoStakeholders.All"/>, null for
    /// a personal statement by the member of organisation <c>Person</c>), the target (measure number, field
    /// number or the whole plan), consent, text, outcome and reasons.</summary>
    private sealed record Example(int? Organisation, int Person, StatementTarget Target, string? Part, bool Consent, string Quote, string Text,
        WeighingOutcome Outcome, string Reasons, bool LinksTheChange = false);

    private static readonly Example[] Examples =
    [
        new(5, 5, StatementTarget.Measure, "1.1", true,
            "In allen Übergangswohnheimen finden mindestens zweimal wöchentlich offene Lerncafés statt",
            "Die Lerncafés sollten nicht nur in den Übergangswohnheimen, sondern auch in den Stadtteilen angeboten werden, in denen viele Geflüchtete bereits in eigenen Wohnungen leben. Unser Netzwerk bringt gern seine geschulten Sprachpatinnen und -paten ein.",
            WeighingOutcome.Accepted,
            "Die Anregung wird übernommen: Die Maßnahme sieht nun zusätzlich offene Lerncafés in Stadtteilen mit vielen Gewährleistungswohnungen vor; das Netzwerk ist als Partner genannt.",
            LinksTheChange: true),
        new(2, 2, StatementTarget.FieldOfAction, "3", true, "",
            "Der Teilbereich Wohnen sollte verbindliche Fristen für den Auszug aus dem Übergangswohnheim nennen. Aus der Beratung wissen wir, dass viele Familien deutlich länger als ein Jahr warten.",
            WeighingOutcome.PartlyAccepted,
            "Das Ziel, die Aufenthaltsdauer in Übergangswohnheimen zu verkürzen, wird im Auszugsmanagement (Maßnahme 3.3) ausdrücklich aufgenommen. Verbindliche Fristen kann die Stadt nicht zusagen, weil sie vom Wohnungsmarkt abhängen.",
            LinksTheChange: false),
        new(8, 8, StatementTarget.WholePlan, null, true, "",
            "Der Ausländerbeirat begrüßt, dass der Plan mit den Akteuren erarbeitet wurde. Wir bitten darum, die Umsetzung jährlich im Beirat zu berichten.",
            WeighingOutcome.Noted, ""),
        new(0, 0, StatementTarget.Measure, "2.5", false, "",
            "Eine einheitliche Verwaltungspraxis zur Ausbildungs- und Beschäftigungsduldung ist aus Sicht der Behörde bereits durch die Landesvorgaben gesichert; eine eigene Maßnahme halten wir für entbehrlich.",
            WeighingOutcome.NotAccepted,
            "Die Maßnahme bleibt im Plan. Die Rückmeldungen der Beratungsstellen zeigen, dass die Praxis zwischen den Stellen noch unterschiedlich ist; die Maßnahme zielt auf die gemeinsame Anwendung, nicht auf neue Regeln."),
        new(6, 6, StatementTarget.Measure, "1.3", true,
            "Deutschkurse mit Kinderbetreuung für Mütter",
            "Viele Mütter in unserem Verein können nur vormittags teilnehmen. Bitte planen Sie die Kurse mit Kinderbetreuung **vormittags** und wohnortnah.",
            WeighingOutcome.Accepted,
            "Übernommen: Die Kurse werden vormittags und in den Stadtteilen angeboten; die Träger werden bei der Ausschreibung darauf verpflichtet."),
        new(3, 3, StatementTarget.FieldOfAction, "8", true, "",
            "Die regionalen Integrationsbüros sollten eng mit der Migrationsberatung der freien Träger zusammenarbeiten, damit keine Doppelstrukturen entstehen.",
            WeighingOutcome.PartlyAccepted,
            "Die Zusammenarbeit wird in der Beschreibung der Integrationsbüros betont. Eine gemeinsame Trägerschaft, wie vorgeschlagen, ist wegen der getrennten Förderwege nicht möglich."),
        new(null, 4, StatementTarget.Measure, "3.2", true, "",
            "Persönliche Anmerkung aus der ehrenamtlichen Arbeit: In einigen Heimen fehlen ruhige Räume zum Lernen. Die Mindeststandards sollten solche Räume vorsehen.",
            WeighingOutcome.Accepted,
            "Übernommen: Die Mindeststandards nennen nun einen Lern- und Ruheraum je Unterkunft."),
        new(9, 9, StatementTarget.Measure, "3.7", true, "",
            "Der Stadtbezirksbeirat regt an, Nachbarschaftsdialoge schon vor der Eröffnung einer Unterkunft zu führen.",
            WeighingOutcome.Noted,
            "Die Anregung entspricht bereits der geplanten Praxis und wird bei der Umsetzung berücksichtigt."),
        new(7, 7, StatementTarget.FieldOfAction, "7", true, "",
            "Migrantenorganisationen brauchen eine verlässliche Grundförderung, nicht nur Projektmittel. Bitte nehmen Sie eine Maßnahme zur Strukturförderung auf.",
            WeighingOutcome.NotAccepted,
            "Eine dauerhafte Grundförderung kann der Fachplan nicht festlegen; sie ist eine Entscheidung des Stadtrats im Haushalt. Der Hinweis wird an die Haushaltsberatungen weitergegeben."),
        new(1, 1, StatementTarget.Measure, "2.1", true, "",
            "Die frühe Kompetenzfeststellung sollte mit dem Jobcenter abgestimmt werden, damit Ergebnisse nicht doppelt erhoben werden.",
            WeighingOutcome.PartlyAccepted,
            "Die Abstimmung mit dem Jobcenter wird aufgenommen. Ein gemeinsames Erhebungsverfahren prüft die Stadt mit dem Jobcenter bis Ende 2019."),
    ];

    /// <summary>Adds the version, the closed round with its weighed statements and the measure change they
    /// caused, to the demo plan (saved; called inside the demo's seeding transaction).</summary>
    public static async Task AddAsync(IServiceProvider services, PlanwerkDbContext db, Plan plan, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<PlanwerkUser>>();
        var editor = await db.Users.Where(u => u.Email == DemoContent.EditorEmail).Select(u => new { u.Id, u.DisplayName }).SingleAsync(ct);
        var stakeholders = await db.Stakeholders.OrderBy(s => s.Id).ToListAsync(ct);
        var byName = stakeholders.ToDictionary(s => s.Name);
        var organisations = DemoStakeholders.All.Select(o => byName[o.Name]).ToList();

        // The submitters: example persons without a password (they cannot sign in), each a member of
        // "their" organisation and named like its example contact.
        var people = new Dictionary<int, PlanwerkUser>();
        foreach (var person in Examples.Select(e => e.Person).Distinct())
        {
            var number = (person + 1).ToString(CultureInfo.InvariantCulture);
            var user = new PlanwerkUser
            {
                UserName = $"beispielperson{number}@example.org",
                Email = $"beispielperson{number}@example.org",
                EmailConfirmed = true,
                DisplayName = "Beispielperson " + number,
            };
            var result = await users.CreateAsync(user);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            people[person] = user;
            db.StakeholderMembers.Add(new StakeholderMember { StakeholderId = organisations[person].Id, UserId = user.Id, JoinedAt = At(2018, 11, 1) });
        }

        // The draft as it was consulted, frozen before the measures were modified.
        var document = await PlanDocument.LoadAsync(db, plan.Id, ct) ?? throw new InvalidOperationException("The demo plan is missing.");
        var version = new PlanVersion
        {
            PlanId = plan.Id,
            Name = VersionName,
            Note = "Beispielinhalt: die Fassung, zu der alle Beteiligten Stellung nehmen konnten. Datum der Fassung erfunden.",
            CreatedAt = At(2019, 1, 10, 12, 0),
            CreatedByUserId = editor.Id,
            CreatedByName = editor.DisplayName,
            Document = Encoding.UTF8.GetString(document.ToJson()),
        };
        db.PlanVersions.Add(version);
        var round = new ConsultationRound
        {
            PlanId = plan.Id,
            PlanVersion = version,
            Title = RoundTitle,
            Description = """
                Im ersten Quartal 2019 konnten alle am Fachplan beteiligten Akteure zu den geplanten Maßnahmen Stellung nehmen;
                die Maßnahmen wurden daraufhin überarbeitet, am 20.03.2019 war der Plan fertig.

                *Beispielinhalt: Die genauen Daten dieser Runde, die Stellungnahmen, ihre Einreichenden und die Abwägung sind
                für die Demo erfunden.*
                """,
            OpensAt = OpensAt,
            ClosesAt = ClosesAt,
            Audience = RoundAudience.InvitedOrganisations,
            CreatedAt = At(2019, 1, 10, 12, 0),
            ReminderSentAt = At(2019, 2, 25, 9, 0),
            WeighingPublishedAt = PublishedAt,
            InvitedStakeholders = organisations.Select(o => new RoundInvitedStakeholder { StakeholderId = o.Id }).ToList(),
        };
        db.ConsultationRounds.Add(round);
        await db.SaveChangesAsync(ct);

        // The change the first statement caused, made like an editor's edit so the history records it.
        var measure = await db.Measures.Include(m => m.Organisations).SingleAsync(m => m.PlanId == plan.Id && m.Number == "1.1", ct);
        measure.Description += "\nZusätzlich gibt es offene Lerncafés in Stadtteilen mit vielen Gewährleistungswohnungen, gemeinsam mit den Netzwerken der Sprachpatenschaften.";
        var network = organisations.Single(o => o.Name == "Beispiel-Netzwerk Sprachpatenschaften");
        MeasureOrganisations.Assign(measure, measure.Organisations.Where(o => o.Role == MeasureOrganisationRole.Lead).Select(o => (int?)o.OrganisationId).FirstOrDefault(),
            [.. measure.Organisations.Where(o => o.Role == MeasureOrganisationRole.Partner).OrderBy(o => o.Position).Select(o => o.OrganisationId), network.Id]);
        var author = db.Author;
        db.Author = new ChangeAuthor { UserId = editor.Id, UserName = editor.DisplayName, Reason = "Stellungnahme B1-0001 aus der Beteiligung zum Maßnahmenplan übernommen (Beispielinhalt)" };
        await db.SaveChangesAsync(ct);
        db.Author = author;
        var change = await db.ChangeRecords.Where(r => r.EntityType == ChangeEntityTypes.Measure && r.EntityId == measure.Id && r.Action == ChangeAction.Updated)
            .OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync(ct);
        // The history stamps the moment of seeding; the demo tells the change as made in March 2019.
        await db.ChangeRecords.Where(r => r.Id == change).ExecuteUpdateAsync(s => s.SetProperty(r => r.At, ChangedAt), ct);

        for (var i = 0; i < Examples.Length; i++)
        {
            var e = Examples[i];
            var (targetRef, label) = Target(document, e.Target, e.Part);
            var submitted = OpensAt.AddDays(3 + i * 4).AddHours(9 + i % 5);
            var statement = new Statement
            {
                RoundId = round.Id,
                ReceiptNumber = "B1-" + (i + 1).ToString("0000", CultureInfo.InvariantCulture),
                Target = e.Target,
                TargetRef = targetRef,
                TargetLabel = label,
                Quote = e.Quote,
                Text = e.Text + "\n\n" + ExampleNote,
                AuthorUserId = people[e.Person].Id,
                AuthorName = people[e.Person].DisplayName,
                StakeholderId = e.Organisation is int o ? organisations[o].Id : null,
                ConsentToPublish = e.Consent,
                SubmittedAt = submitted,
                Outcome = e.Outcome,
                Reasons = e.Reasons,
                WeighedByUserId = editor.Id,
                WeighedByName = editor.DisplayName,
                WeighedAt = At(2019, 3, 5 + i % 10, 14, 0),
            };
            if (e.LinksTheChange) statement.ChangeLinks.Add(new StatementChangeLink { ChangeRecordId = change });
            db.Statements.Add(statement);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The reference and the label of a target in the consulted version.</summary>
    private static (int? Ref, string Label) Target(PlanDocument document, StatementTarget target, string? part)
    {
        switch (target)
        {
            case StatementTarget.Measure:
                var (_, measure) = document.AllMeasures().Single(x => x.Measure.Number == part);
                return (measure.Key, $"Maßnahme {measure.Number} {measure.Title}");
            case StatementTarget.FieldOfAction:
                var field = document.Fields.Single(f => f.Number.ToString(CultureInfo.InvariantCulture) == part);
                return (field.Number, $"Teilbereich {field.Number}: {field.Title}");
            default:
                return (null, "Gesamter Plan");
        }
    }
}
