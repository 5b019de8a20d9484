using Microsoft.AspNetCore.Identity;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Features.Implementation;
using Planwerk.Features.Municipalities;
using Planwerk.Features.Participation.Stakeholders;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Transfer;

namespace Planwerk.Features.Demo;

public sealed class DemoOptions
{
    /// <summary>Adds the demo municipality and login to an empty database. Only in Development.</summary>
    public bool Enabled { get; set; }
}

/// <summary>The demo municipality, modelled on Dresden's Fachplan Asyl und Integration 2022. The
/// principles, districts and the plan's facts are real; the fields of action and the measures'
/// texts are invented and marked as example content. The plan itself is a plan document
/// (<see cref="PlanDocumentResource"/>) read through the same import the plan team uses.</summary>
public static class DemoContent
{
    public const string Slug = "dresden";
    public const string DemoEmail = "demo@planwerk.example";
    public const string DemoPassword = "Demo-Planwerk-2019";
    public const string EditorEmail = "redaktion@planwerk.example";
    /// <summary>A reporter of the office that leads measure 1.1: writes and submits that office's reports.</summary>
    public const string ReporterEmail = "bericht@planwerk.example";

    public static readonly string[] Districts = ["Altstadt", "Neustadt", "Pieschen", "Klotzsche", "Loschwitz", "Blasewitz", "Leuben", "Prohlis", "Plauen", "Cotta"];
    public static readonly string[] Localities = ["Altfranken", "Cossebaude", "Gompitz", "Langebrück", "Mobschatz", "Oberwartha", "Schönborn", "Schönfeld-Weißig", "Weixdorf"];

    /// <summary>Adds the demo municipality, its plans and the three demo accounts in one transaction, so a
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
        var reporter = await CreateUserAsync(users, ReporterEmail, "Demo-Bericht");

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
            IsPublic = true,
            UpdatedAt = now,
        };
        db.Plans.Add(predecessor);
        DemoLineage.AddPredecessorContent(db, predecessor, now);
        // The importer reads the districts from the database, so they are saved before it runs.
        await db.SaveChangesAsync(cancellationToken);

        var imported = await PlanImport.ImportAsync(db, PlanDocumentBytes(), now, plan =>
        {
            plan.Predecessor = predecessor;
            plan.IsPublic = true;
        }, createOrganisations: true, cancellationToken);
        if (!imported.Succeeded)
            throw new InvalidOperationException("The demo plan document was refused: " + string.Join("; ", imported.Problems.Select(p => $"{p.Column} {p.Message}")));
        // The import creates the plan's organisations unsorted; the ones that lead measures are the city's offices.
        await db.Stakeholders.Where(s => s.Kind == StakeholderKind.Other
                && db.MeasureOrganisations.Any(o => o.OrganisationId == s.Id && o.Role == MeasureOrganisationRole.Lead))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Kind, StakeholderKind.PublicAuthority), cancellationToken);
        var plan = await db.Plans.SingleAsync(p => p.Id == imported.PlanId, cancellationToken);
        var fields = await db.FieldsOfAction.Where(f => f.PlanId == plan.Id).OrderBy(f => f.Position).ToListAsync(cancellationToken);
        // Before the versions are frozen: the figures, the measures carried over and the retrospective are in the plan.
        await DemoStatistics.AddAsync(db, now, cancellationToken);
        await DemoLineage.AddAsync(db, plan, cancellationToken);
        DemoWorkshop.Add(db, plan, fields, now);
        await db.SaveChangesAsync(cancellationToken);
        await DemoConsultation.AddAsync(services, db, plan, cancellationToken);
        await DemoCouncil.AddAsync(db, plan, cancellationToken);
        // After the council: the timeline links the papers and meetings.
        await DemoTimeline.AddAsync(db, plan, cancellationToken);
        await DemoImplementation.AddAsync(db, plan, cancellationToken, reporter.Id);
        // After the registry and the plan: the services belong to its organisations, and measures name them.
        await DemoServices.AddAsync(db, plan, now, cancellationToken);
        // After the services and the plan: the pathways' steps name both.
        await DemoPathways.AddAsync(db, plan, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The demo plan as a "planwerk-plan" document, the file the export writes and the import
    /// reads: its principles, fields and measures, all marked as example content.</summary>
    public const string PlanDocumentResource = "Planwerk.Demo.Fachplan-Asyl-und-Integration-2022.json";

    public static byte[] PlanDocumentBytes()
    {
        using var stream = typeof(DemoContent).Assembly.GetManifestResourceStream(PlanDocumentResource)
            ?? throw new InvalidOperationException("The demo plan document is missing from the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static async Task<PlanwerkUser> CreateUserAsync(UserManager<PlanwerkUser> users, string email, string name)
    {
        var user = new PlanwerkUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        var result = await users.CreateAsync(user, DemoPassword);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        return user;
    }
}
