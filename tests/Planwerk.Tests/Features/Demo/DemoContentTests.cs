using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Features.Demo;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Demo;

/// <summary>What a fresh start in demo mode shows. Each test class gets its own empty database, which
/// the application fills with the demo content while it starts.</summary>
public abstract partial class DemoContentTests(DemoApp app)
{
    public const string PlanTitle = "Fachplan Asyl und Integration 2022";

    [Fact]
    public async Task Demo_plan_has_the_three_real_guiding_principles_in_order()
    {
        var titles = await InDemoAsync(db => db.Principles.Where(p => p.Plan!.Title == PlanTitle)
            .OrderBy(p => p.Position).Select(p => p.Title).ToListAsync());

        Assert.Equal(
            [
                "Integration von Anfang an – zeitlich begrenzt oder auf Dauer.",
                "Teilhabe durch Beteiligung – Wirksamkeit durch Personen- und Bedarfsorientierung.",
                "Zusammenhalt unterstützen – Stadtteile sowie Bürgerinnen und Bürger im Blick.",
            ],
            titles);
    }

    [Fact]
    public async Task Demo_plan_has_12_numbered_fields_and_66_example_measures_numbered_within_their_field()
    {
        var (fields, measures) = await InDemoAsync(async db =>
        {
            var fields = await db.FieldsOfAction.Where(f => f.Plan!.Title == PlanTitle).Select(f => new { f.Id, f.Number }).ToListAsync();
            var measures = await db.Measures.Where(m => m.Plan!.Title == PlanTitle)
                .Select(m => new { m.Number, m.Position, m.FieldOfActionId, m.IsExample, Principles = m.Principles.Count })
                .ToListAsync();
            return (fields, measures);
        });

        Assert.Equal(Enumerable.Range(1, 12), fields.Select(f => f.Number).Order());
        Assert.Equal(66, measures.Count);
        Assert.Equal(66, measures.Select(m => m.Number).Distinct().Count());
        var fieldNumber = fields.ToDictionary(f => f.Id, f => f.Number);
        Assert.All(measures, m => Assert.Equal($"{fieldNumber[m.FieldOfActionId]}.{m.Position}", m.Number));
        Assert.All(measures.GroupBy(m => m.FieldOfActionId), g => Assert.Equal(Enumerable.Range(1, g.Count()), g.Select(m => m.Position).Order()));
        Assert.All(measures, m => Assert.True(m.IsExample, $"Measure {m.Number} is not marked as example content."));
        Assert.All(measures, m => Assert.True(m.Principles >= 1, $"Measure {m.Number} serves no principle."));
    }

    /// <summary>The plan document holds the demo plan as the seeding code that preceded it built it
    /// (generated from that code's export); the consultation and the council's amendment then each add
    /// a sentence to one measure, as they did before.</summary>
    [Fact]
    public async Task Demo_plan_after_seeding_is_the_plan_document_imported_plus_the_two_changes_the_demo_tells()
    {
        var expected = PlanImport.Read(DemoContent.PlanDocumentBytes()).Document!;
        var seeded = await InDemoAsync(async db => (await PlanDocument.LoadAsync(db, await db.Plans.Where(p => p.Title == PlanTitle).Select(p => p.Id).SingleAsync()))!);

        Assert.Equal((12, 66, 3, 19), (seeded.Fields.Count, seeded.AllMeasures().Count(), seeded.Principles.Count, seeded.Districts.Count));
        Assert.Equal(Enumerable.Range(1, 66), seeded.AllMeasures().Select(x => x.Measure.Key!.Value).Order());
        Assert.All(seeded.AllMeasures(), x => Assert.True(x.Measure.IsExample, x.Measure.Number));
        Assert.Contains("*Die Texte der Teilbereiche und Maßnahmen in dieser Demo sind Beispielinhalte, nicht der Text der Stadt;", seeded.Summary, StringComparison.Ordinal);
        Assert.Equal("Sprache", seeded.Fields[0].Title);
        Assert.Equal("Interkulturelle Öffnung der Verwaltung", seeded.Fields[^1].Title);
        var first = seeded.Fields[0].Measures[0];
        Assert.Equal(("1.1", "Sozialamt", "Betreiber der Übergangswohnheime; Ehrenamtsinitiativen; Träger der freien Wohlfahrtspflege; Beispiel-Netzwerk Sprachpatenschaften"),
            (first.Number, first.Lead, first.Partners));

        // Take back the two later changes; what remains is the document, byte for byte.
        const string consultation = "\nZusätzlich gibt es offene Lerncafés in Stadtteilen mit vielen Gewährleistungswohnungen, gemeinsam mit den Netzwerken der Sprachpatenschaften.";
        const string partners = "; Beispiel-Netzwerk Sprachpatenschaften";
        const string amendment = "\nÜber den Stand der Umsetzung wird jährlich im Ausländerbeirat berichtet.";
        MeasureDocument Without(MeasureDocument m, string description, string partner = "")
        {
            Assert.EndsWith(description, m.Description, StringComparison.Ordinal);
            Assert.EndsWith(partner, m.Partners, StringComparison.Ordinal);
            return m with { Description = m.Description[..^description.Length], Partners = m.Partners[..^partner.Length] };
        }
        // And the retrospective, added in code beside the datasets it shows (it is not part of the plan document).
        var before = seeded with
        {
            Sections = seeded.Sections.Where(x => x.Title != DemoLineage.RetrospectiveTitle).ToList(),
            Fields = seeded.Fields.Select(f => f with
            {
                Measures = f.Measures.Select(m => m.Number switch
                {
                    "1.1" => Without(m, consultation, partners),
                    "2.1" => Without(m, amendment),
                    _ => m,
                }).ToList(),
            }).ToList(),
        };
        Assert.Equal(Encoding.UTF8.GetString(expected.ToJson()), Encoding.UTF8.GetString(before.ToJson()));
    }

    [Fact]
    public async Task Demo_plan_follows_its_predecessor_and_is_public_in_implementation()
    {
        var plans = await InDemoAsync(db => db.Plans.Select(p => new { p.Title, p.State, p.IsPublic, p.PeriodStart, p.PeriodEnd, Predecessor = p.Predecessor!.Title }).ToListAsync());

        var plan = Assert.Single(plans, p => p.Title == PlanTitle);
        Assert.Equal(("Fachplan Asyl 2014–2016", PlanState.InImplementation, true, 2019, 2022), (plan.Predecessor, plan.State, plan.IsPublic, plan.PeriodStart!.Value, plan.PeriodEnd!.Value));
        Assert.Equal(2, plans.Count);
    }

    [Fact]
    public async Task Demo_municipality_has_Dresdens_10_districts_and_9_localities()
    {
        var districts = await InDemoAsync(db => db.Districts.Select(d => new { d.Name, d.Kind }).ToListAsync());

        Assert.Equal(
            ["Altstadt", "Blasewitz", "Cotta", "Klotzsche", "Leuben", "Loschwitz", "Neustadt", "Pieschen", "Plauen", "Prohlis"],
            districts.Where(d => d.Kind == DistrictKind.District).Select(d => d.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["Altfranken", "Cossebaude", "Gompitz", "Langebrück", "Mobschatz", "Oberwartha", "Schönborn", "Schönfeld-Weißig", "Weixdorf"],
            districts.Where(d => d.Kind == DistrictKind.Locality).Select(d => d.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Migrationssozialarbeit_runs_from_July_2019_in_four_regions_across_the_whole_city()
    {
        var measure = await InDemoAsync(db => db.Measures.Where(m => m.Title.Contains("Migrationssozialarbeit") && m.Title.Contains("Fachleistungsstunden"))
            .Select(m => new { m.Description, m.Goal, m.StartDate, Districts = m.Districts.Select(d => d.Name).ToList() })
            .SingleAsync());

        Assert.Equal(new DateOnly(2019, 7, 1), measure.StartDate);
        Assert.Contains("Integrationsplan", measure.Goal, StringComparison.Ordinal);
        Assert.Contains("Fachleistungsstunden", measure.Description, StringComparison.Ordinal);
        Assert.Contains("Integrationsbüro", measure.Description, StringComparison.Ordinal);
        Assert.Contains("14.02.2019", measure.Description, StringComparison.Ordinal);
        Assert.Equal(19, measure.Districts.Count);
        var regions = RegionLine().Matches(measure.Description).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["districts"].Value.Split(", "));
        Assert.Equal(["Mitte", "Nord", "Süd", "West"], regions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Klotzsche", "Langebrück", "Loschwitz", "Neustadt", "Pieschen", "Schönborn", "Schönfeld-Weißig", "Weixdorf"], regions["Nord"].Order(StringComparer.Ordinal));
        Assert.Equal(["Altfranken", "Cossebaude", "Cotta", "Gompitz", "Mobschatz", "Oberwartha"], regions["West"].Order(StringComparer.Ordinal));
        Assert.Equal(["Altstadt", "Blasewitz", "Plauen"], regions["Mitte"].Order(StringComparer.Ordinal));
        Assert.Equal(["Leuben", "Prohlis"], regions["Süd"].Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Mentoring_by_refugees_and_the_counselling_model_projects_are_in_the_plan()
    {
        var titles = await InDemoAsync(db => db.Measures.Select(m => m.Title).ToListAsync());

        Assert.Contains(titles, t => t.Contains("Geflüchtete als Mentorinnen und Mentoren für Neuankommende", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("Modellprojekte zur interkulturellen Öffnung der Schuldner-, Familien- und Suchtberatung", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Demo_administrator_and_editor_sign_in_with_the_known_password_and_hold_their_roles()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlanwerkUser>>();
        var administrator = await users.FindByEmailAsync(DemoContent.DemoEmail);
        var editor = await users.FindByEmailAsync(DemoContent.EditorEmail);
        Assert.NotNull(administrator);
        Assert.NotNull(editor);
        Assert.True(await users.CheckPasswordAsync(administrator, DemoContent.DemoPassword));
        Assert.True(await users.CheckPasswordAsync(editor, DemoContent.DemoPassword));
        Assert.False(await users.CheckPasswordAsync(administrator, DemoContent.DemoPassword + "x"));

        var roles = await InDemoAsync(db => db.Memberships.Select(m => new { m.UserId, m.Role }).ToListAsync());
        Assert.Equal(MunicipalityRole.Administrator, Assert.Single(roles, r => r.UserId == administrator.Id).Role);
        Assert.Equal(MunicipalityRole.PlanEditor, Assert.Single(roles, r => r.UserId == editor.Id).Role);
    }

    [Fact]
    public async Task Demo_start_page_lists_the_plan_and_says_it_shows_example_content()
    {
        var page = await app.CreateClient().GetDocumentAsync("/" + DemoContent.Slug);

        Assert.Equal("Landeshauptstadt Dresden (Demo)", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.TextContent.Trim() == PlanTitle);
        Assert.Contains("Beispielinhalt", page.QuerySelector(".demo-banner")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains("66 Maßnahmen", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_api_returns_the_demo_plan_with_all_measures_marked_as_example()
    {
        var client = app.CreateClient();
        var plans = await client.GetFromJsonAsync<JsonElement>($"/api/v1/municipalities/{DemoContent.Slug}/plans");
        var id = plans.EnumerateArray().Single(p => p.GetProperty("title").GetString() == PlanTitle).GetProperty("id").GetInt32();

        var response = await client.GetAsync($"/api/v1/municipalities/{DemoContent.Slug}/plans/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plan = await response.Content.ReadFromJsonAsync<JsonElement>();
        var fields = plan.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(12, fields.Count);
        var measures = fields.SelectMany(f => f.GetProperty("measures").EnumerateArray()).ToList();
        Assert.Equal(66, measures.Count);
        Assert.All(measures, m => Assert.True(m.GetProperty("isExample").GetBoolean()));
        Assert.Contains("Beispielinhalte", plan.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_again_on_the_same_database_adds_nothing_twice()
    {
        await using (var restarted = app.WithWebHostBuilder(_ => { }))
        {
            _ = restarted.Server; // runs the start-up (migrations and demo seeding) once more
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>();
        Assert.Equal(1, await db.Municipalities.CountAsync(m => m.Slug == DemoContent.Slug));
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == DemoContent.DemoEmail));
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == DemoContent.EditorEmail));
        Assert.Equal(66 + DemoLineage.Measures.Length, await InDemoAsync(d => d.Measures.CountAsync()));
        Assert.Equal(3, await InDemoAsync(d => d.StatisticsDatasets.CountAsync()));
        Assert.Equal(1, await InDemoAsync(d => d.PlanSections.CountAsync(x => x.Kind == Planwerk.Features.Plans.Sections.PlanSectionKind.Retrospective)));
        Assert.Equal(2, await InDemoAsync(d => d.Plans.CountAsync()));
        Assert.Equal(19, await InDemoAsync(d => d.Districts.CountAsync()));
    }

    private async Task<T> InDemoAsync<T>(Func<PlanwerkDbContext, Task<T>> query)
    {
        int id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>().Municipalities
                .Where(m => m.Slug == DemoContent.Slug && m.IsDemo).Select(m => m.Id).SingleAsync();
        }
        return await app.InMunicipalityAsync(id, (db, _) => query(db));
    }

    [GeneratedRegex(@"^- \*\*(?<name>\w+)\*\*: (?<districts>.+)$", RegexOptions.Multiline)]
    private static partial Regex RegionLine();
}

public sealed class DemoContentSqliteTests(DemoSqliteApp app) : DemoContentTests(app), IClassFixture<DemoSqliteApp>;

public sealed class DemoContentPostgresTests(DemoPostgresApp app) : DemoContentTests(app), IClassFixture<DemoPostgresApp>;

/// <summary>A production (or staging) installation never gets the demo content or the demo login, even when
/// Demo:Enabled is set: only Development does.</summary>
public abstract class DemoInProductionTests(DemoApp app)
{
    [Fact]
    public async Task Outside_Development_demo_enabled_creates_no_demo_municipality_and_no_demo_login()
    {
        Assert.NotEqual("Development", app.EnvironmentName);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlanwerkUser>>();

        Assert.False(await db.Municipalities.AnyAsync(m => m.Slug == DemoContent.Slug || m.IsDemo));
        Assert.Null(await users.FindByEmailAsync(DemoContent.DemoEmail));
        Assert.Null(await users.FindByEmailAsync(DemoContent.EditorEmail));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/" + DemoContent.Slug)).StatusCode);
    }
}

public sealed class DemoInProductionSqliteTests(ProductionDemoSqliteApp app) : DemoInProductionTests(app), IClassFixture<ProductionDemoSqliteApp>;

public sealed class DemoInProductionPostgresTests(ProductionDemoPostgresApp app) : DemoInProductionTests(app), IClassFixture<ProductionDemoPostgresApp>;

public sealed class DemoInStagingSqliteTests(StagingDemoSqliteApp app) : DemoInProductionTests(app), IClassFixture<StagingDemoSqliteApp>;

public sealed class DemoInStagingPostgresTests(StagingDemoPostgresApp app) : DemoInProductionTests(app), IClassFixture<StagingDemoPostgresApp>;
