using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Accounts;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Lifecycle;
using Planwerk.Features.Plans.Lineage;
using Planwerk.Features.Services;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Features.Plans.PublicSite;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Plans.Manage.ManageTestData;

namespace Planwerk.Tests.Features.Plans.Lineage;

/// <summary>Plans of one line are linked both ways, on the public measure pages and in the read API, and a plan that
/// is not public is never named; carrying a measure over takes its help services along.</summary>
public abstract class LineageLinksTests(PlanwerkApp app)
{
    private sealed record Line(SeededPlan Earlier, SeededPlan Later, Measure Source, Measure Copy);

    /// <summary>An earlier plan whose third measure was carried into the later plan's first, and assessed.</summary>
    private static async Task<Line> LineAsync(TestMunicipality m, bool earlierPublic = true, bool laterPublic = true, Action<Plan>? later = null)
    {
        var earlier = await m.AddPlanAsync(title: "Fachplan Asyl 2014–2016 " + HostileText.Markup, isPublic: earlierPublic);
        var next = await m.AddPlanAsync(title: "Konzeption 2022 " + HostileText.RightToLeft, isPublic: laterPublic, plan: p =>
        {
            p.PredecessorId = earlier.Id;
            later?.Invoke(p);
        });
        var (source, copy) = (earlier.Measures[2], next.Measures[0]);
        await m.WithDbAsync(async db =>
        {
            (await db.Measures.SingleAsync(x => x.Id == copy.Id)).CarriedFromMeasureId = source.Id;
            var s = await db.Measures.SingleAsync(x => x.Id == source.Id);
            s.Outcome = MeasureOutcome.PartlyAchieved;
            s.OutcomeText = HostileText.Script;
            return await db.SaveChangesAsync();
        });
        return new Line(earlier, next, source, copy);
    }

    private static string MeasureUrl(TestMunicipality m, SeededPlan plan, Measure measure) => $"{plan.Url(m)}/measures/{measure.Id}";

    [Fact]
    public async Task Both_public_measure_pages_name_and_link_each_other_with_the_earlier_assessment_and_hostile_texts_stay_text()
    {
        var m = await app.CreateMunicipalityAsync();
        var line = await LineAsync(m);
        var client = app.CreateClient();

        var later = await client.GetDocumentAsync(MeasureUrl(m, line.Later, line.Copy));
        var from = later.QuerySelector("#lineage-from")!;
        Assert.StartsWith("Fortgeführt aus", from.TextContent.Trim(), StringComparison.Ordinal);
        var fromLink = from.QuerySelector("a")!;
        Assert.Equal(MeasureUrl(m, line.Earlier, line.Source), fromLink.GetAttribute("href"));
        Assert.Equal($"Maßnahme {line.Source.Number} von „Fachplan Asyl 2014–2016 {HostileText.Markup}“", fromLink.TextContent);
        Assert.Contains("teilweise erreicht", later.QuerySelector("#lineage-from-outcome")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HostileText.Script, later.QuerySelector("#lineage-from-text")!.TextContent);
        Assert.Null(later.QuerySelector("#lineage script, #lineage img"));
        Assert.Null(later.QuerySelector("#lineage-into"));

        var earlier = await client.GetDocumentAsync(MeasureUrl(m, line.Earlier, line.Source));
        var intoLink = earlier.QuerySelector("#lineage-into a")!;
        Assert.Equal(MeasureUrl(m, line.Later, line.Copy), intoLink.GetAttribute("href"));
        Assert.Equal($"Maßnahme {line.Copy.Number} von „Konzeption 2022 {HostileText.RightToLeft}“", intoLink.TextContent);
        Assert.Equal("auto", intoLink.GetAttribute("dir"));
        Assert.Contains("teilweise erreicht", earlier.QuerySelector("#lineage-outcome")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HostileText.Script, earlier.QuerySelector("#lineage-outcome-text")!.TextContent);
        Assert.Null(earlier.QuerySelector("#lineage script, #lineage img, #lineage-from"));

        // A measure without a line has no such section.
        var plain = await client.GetDocumentAsync(MeasureUrl(m, line.Earlier, line.Earlier.Measures[0]));
        Assert.Null(plain.QuerySelector("#lineage"));
    }

    [Fact]
    public async Task A_continuation_that_is_not_public_is_neither_named_nor_linked()
    {
        var m = await app.CreateMunicipalityAsync();
        var line = await LineAsync(m, laterPublic: false);

        var response = await app.CreateClient().GetAsync(MeasureUrl(m, line.Earlier, line.Source));
        var body = await response.Content.ReadAsStringAsync();
        var page = await HtmlForms.ParseAsync(response);

        Assert.Equal("Wird in einem späteren Plan fortgeführt, der noch nicht veröffentlicht ist.", page.QuerySelector("#lineage-into")!.TextContent);
        Assert.Null(page.QuerySelector("#lineage-into a"));
        Assert.DoesNotContain("Konzeption 2022", body, StringComparison.Ordinal);
        Assert.DoesNotContain($"/plans/{line.Later.Id}", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_origin_that_is_not_public_is_neither_named_nor_linked_and_its_assessment_is_not_shown()
    {
        var m = await app.CreateMunicipalityAsync();
        var line = await LineAsync(m, earlierPublic: false);

        var response = await app.CreateClient().GetAsync(MeasureUrl(m, line.Later, line.Copy));
        var body = await response.Content.ReadAsStringAsync();
        var page = await HtmlForms.ParseAsync(response);

        Assert.Equal("Fortgeführt aus einem früheren Plan, der nicht veröffentlicht ist.", page.QuerySelector("#lineage-from")!.TextContent);
        Assert.Null(page.QuerySelector("#lineage a"));
        Assert.Null(page.QuerySelector("#lineage-from-outcome, #lineage-from-text"));
        Assert.DoesNotContain("Fachplan Asyl", body, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(1)", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_adopted_plans_measure_page_shows_the_line_read_live()
    {
        var m = await app.CreateMunicipalityAsync();
        var line = await LineAsync(m, later: p => p.State = PlanState.InDeliberation);
        await m.WithDbAsync(async db =>
        {
            await PlanLifecycle.AdoptAsync(db, line.Later.Id, new DateOnly(2022, 7, 5), "Beschluss des Stadtrates", DateTimeOffset.UtcNow, null, "Rat", CancellationToken.None);
            return await db.SaveChangesAsync();
        });

        var page = await app.CreateClient().GetDocumentAsync(MeasureUrl(m, line.Later, line.Copy));

        Assert.NotNull(page.QuerySelector("#adopted-note"));
        Assert.Equal(MeasureUrl(m, line.Earlier, line.Source), page.QuerySelector("#lineage-from a")!.GetAttribute("href"));
        Assert.Equal(HostileText.Script, page.QuerySelector("#lineage-from-text")!.TextContent);
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task The_API_gives_measures_their_origin_continuation_and_assessment_and_plans_their_public_neighbours()
    {
        var m = await app.CreateMunicipalityAsync();
        var line = await LineAsync(m);
        var hidden = await m.AddPlanAsync(title: "Entwurf 2025", isPublic: false, plan: p => p.PredecessorId = line.Later.Id);
        var client = app.CreateClient();
        var api = $"/api/v1/municipalities/{m.Slug}/plans";

        var copy = await JsonAsync(client, $"{api}/{line.Later.Id}/measures/{line.Copy.Id}");
        var carriedFrom = copy.GetProperty("carriedFrom");
        Assert.Equal((line.Source.Id, line.Source.Number, line.Earlier.Id, "Fachplan Asyl 2014–2016 " + HostileText.Markup),
            (carriedFrom.GetProperty("id").GetInt32(), carriedFrom.GetProperty("number").GetString(), carriedFrom.GetProperty("planId").GetInt32(), carriedFrom.GetProperty("planTitle").GetString()));
        Assert.Equal(JsonValueKind.Null, copy.GetProperty("continuedIn").ValueKind);
        Assert.Equal(JsonValueKind.Null, copy.GetProperty("outcome").ValueKind);
        Assert.Equal("", copy.GetProperty("outcomeText").GetString());

        var source = await JsonAsync(client, $"{api}/{line.Earlier.Id}/measures/{line.Source.Id}");
        Assert.Equal(line.Copy.Id, source.GetProperty("continuedIn").GetProperty("id").GetInt32());
        Assert.Equal(line.Later.Id, source.GetProperty("continuedIn").GetProperty("planId").GetInt32());
        Assert.Equal(JsonValueKind.Null, source.GetProperty("carriedFrom").ValueKind);
        Assert.Equal(("PartlyAchieved", HostileText.Script), (source.GetProperty("outcome").GetString(), source.GetProperty("outcomeText").GetString()));

        // The same fields in the plan's and the list's measures.
        var list = await JsonAsync(client, $"{api}/{line.Earlier.Id}/measures");
        Assert.Equal(line.Copy.Id, list.EnumerateArray().Single(x => x.GetProperty("id").GetInt32() == line.Source.Id).GetProperty("continuedIn").GetProperty("id").GetInt32());

        var earlierPlan = await JsonAsync(client, $"{api}/{line.Earlier.Id}");
        Assert.Equal(JsonValueKind.Null, earlierPlan.GetProperty("predecessor").ValueKind);
        var successor = Assert.Single(earlierPlan.GetProperty("successors").EnumerateArray());
        Assert.Equal((line.Later.Id, "Konzeption 2022 " + HostileText.RightToLeft), (successor.GetProperty("id").GetInt32(), successor.GetProperty("title").GetString()));
        var sourceInPlan = earlierPlan.GetProperty("fields").EnumerateArray().SelectMany(f => f.GetProperty("measures").EnumerateArray()).Single(x => x.GetProperty("id").GetInt32() == line.Source.Id);
        Assert.Equal("PartlyAchieved", sourceInPlan.GetProperty("outcome").GetString());

        // The later plan's successor is a draft: it never appears.
        var laterPlan = await JsonAsync(client, $"{api}/{line.Later.Id}");
        Assert.Equal((line.Earlier.Id, line.Earlier.Id), (laterPlan.GetProperty("predecessor").GetProperty("id").GetInt32(), laterPlan.GetProperty("predecessorId").GetInt32()));
        Assert.Empty(laterPlan.GetProperty("successors").EnumerateArray());
        Assert.DoesNotContain("Entwurf 2025", laterPlan.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(hidden.Id, await m.WithDbAsync(db => db.Plans.Where(p => p.PredecessorId == line.Later.Id).Select(p => p.Id).SingleAsync()));
    }

    [Fact]
    public async Task The_API_never_names_a_plan_that_is_not_public_at_either_end_of_a_line()
    {
        var m = await app.CreateMunicipalityAsync();
        var hiddenOrigin = await LineAsync(m, earlierPublic: false);
        var hiddenContinuation = await LineAsync(m, laterPublic: false);
        var client = app.CreateClient();
        var api = $"/api/v1/municipalities/{m.Slug}/plans";

        var copy = await JsonAsync(client, $"{api}/{hiddenOrigin.Later.Id}/measures/{hiddenOrigin.Copy.Id}");
        Assert.Equal(JsonValueKind.Null, copy.GetProperty("carriedFrom").ValueKind);
        var plan = await JsonAsync(client, $"{api}/{hiddenOrigin.Later.Id}");
        Assert.Equal(JsonValueKind.Null, plan.GetProperty("predecessor").ValueKind);
        Assert.Equal(JsonValueKind.Null, plan.GetProperty("predecessorId").ValueKind);
        var summary = (await JsonAsync(client, api)).EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == hiddenOrigin.Later.Id);
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("predecessorId").ValueKind);

        var source = await JsonAsync(client, $"{api}/{hiddenContinuation.Earlier.Id}/measures/{hiddenContinuation.Source.Id}");
        Assert.Equal(JsonValueKind.Null, source.GetProperty("continuedIn").ValueKind);
        var earlierPlan = await JsonAsync(client, $"{api}/{hiddenContinuation.Earlier.Id}");
        Assert.Empty(earlierPlan.GetProperty("successors").EnumerateArray());
        Assert.DoesNotContain("Konzeption 2022", earlierPlan.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_line_fields()
    {
        var document = await JsonAsync(app.CreateClient(), "/openapi/v1.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var measure = schemas.EnumerateObject().Single(s => s.Name.EndsWith("MeasureDto", StringComparison.Ordinal) && !s.Name.Contains("Lineage", StringComparison.Ordinal)).Value.GetProperty("properties");
        foreach (var name in new[] { "carriedFrom", "continuedIn", "outcome", "outcomeText" })
            Assert.True(measure.TryGetProperty(name, out var property) && property.GetRawText().Contains("description", StringComparison.Ordinal), name);
        var plan = schemas.EnumerateObject().Single(s => s.Name.EndsWith("PlanDto", StringComparison.Ordinal) && !s.Name.Contains("Summary", StringComparison.Ordinal)).Value.GetProperty("properties");
        foreach (var name in new[] { "predecessor", "successors" })
            Assert.True(plan.TryGetProperty(name, out var property) && property.GetRawText().Contains("description", StringComparison.Ordinal), name);
    }

    [Fact]
    public async Task A_measure_page_and_the_measure_endpoint_cost_the_same_commands_with_a_line_as_without()
    {
        var m = await app.CreateMunicipalityAsync();
        var line = await LineAsync(m);
        var counter = new QueryCounter();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(counter)));
        var client = counted.CreateClient();

        async Task<int> CountAsync(string url)
        {
            counter.Reset();
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
            return counter.Count;
        }

        var api = $"/api/v1/municipalities/{m.Slug}/plans";
        var plainPage = await CountAsync(MeasureUrl(m, line.Earlier, line.Earlier.Measures[0]));
        var plainApi = await CountAsync($"{api}/{line.Earlier.Id}/measures/{line.Earlier.Measures[0].Id}");
        Assert.Equal(plainPage, await CountAsync(MeasureUrl(m, line.Earlier, line.Source)));
        Assert.Equal(plainPage, await CountAsync(MeasureUrl(m, line.Later, line.Copy)));
        Assert.Equal(plainApi, await CountAsync($"{api}/{line.Earlier.Id}/measures/{line.Source.Id}"));
        Assert.Equal(plainApi, await CountAsync($"{api}/{line.Later.Id}/measures/{line.Copy.Id}"));
        Assert.True(plainPage <= 9, $"{plainPage} commands");
    }

    private static Task<int> ServiceAsync(TestMunicipality m, int organisation, string name) => m.WithDbAsync(async db =>
    {
        var service = new HelpService { OrganisationId = organisation, Name = name, LastCheckedOn = new DateOnly(2026, 1, 1) };
        db.HelpServices.Add(service);
        await db.SaveChangesAsync();
        return service.Id;
    });

    [Fact]
    public async Task Carrying_a_measure_over_takes_its_help_services_along_on_both_pages()
    {
        var m = await app.CreateMunicipalityAsync();
        var organisation = await m.AddStakeholderAsync("Beratungsstelle");
        var (a, b) = (await ServiceAsync(m, organisation, "Asylverfahrensberatung"), await ServiceAsync(m, organisation, "Sprachcafé " + HostileText.Script));
        var earlier = await m.PlanAsync(title: "Früher");
        var (first, second) = (earlier.Field(1).MeasureIds[0], earlier.Field(2).MeasureIds[0]);
        await m.WithDbAsync(db =>
        {
            db.MeasureServices.AddRange(new MeasureService { MeasureId = first, ServiceId = a }, new MeasureService { MeasureId = first, ServiceId = b },
                new MeasureService { MeasureId = second, ServiceId = b });
            return db.SaveChangesAsync();
        });
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);

        var continued = await client.SubmitFormAsync($"/{m.Slug}/manage/plans/{earlier.Id}/continue", new Dictionary<string, string?>
        {
            ["Input.Title"] = "Später",
            ["Input.PeriodStart"] = "2023",
            ["Input.PeriodEnd"] = "2025",
            ["Input.FieldIds"] = HtmlForms.Many(Id(earlier.Field(1).Id), Id(earlier.Field(2).Id)),
            ["Input.MeasureIds"] = Id(first),
        }, "#continue-form");
        Assert.Equal(HttpStatusCode.Redirect, continued.StatusCode);
        var later = await m.WithDbAsync(db => db.Plans.Where(p => p.PredecessorId == earlier.Id).Select(p => new { p.Id, Field = p.Fields.Where(f => f.Number == 2).Select(f => f.Id).Single() }).SingleAsync());

        var carried = await client.SubmitFormAsync($"/{m.Slug}/manage/plans/{later.Id}/carry",
            new Dictionary<string, string?> { [$"Targets[{second}]"] = Id(later.Field) }, "#carry-form");
        Assert.Equal(HttpStatusCode.Redirect, carried.StatusCode);

        var links = await m.WithDbAsync(db => db.MeasureServices.AsNoTracking().Where(x => x.Measure!.PlanId == later.Id)
            .Select(x => new { From = x.Measure!.CarriedFromMeasureId!.Value, x.ServiceId }).ToListAsync());
        Assert.Equal(new List<(int, int)> { (first, a), (first, b), (second, b) }, links.Select(x => (x.From, x.ServiceId)).Order().ToList());
        // The earlier measures keep theirs.
        Assert.Equal(3, await m.WithDbAsync(db => db.MeasureServices.CountAsync(x => x.Measure!.PlanId == earlier.Id)));
    }
}

public sealed class LineageLinksSqliteTests(SqliteApp app) : LineageLinksTests(app), IClassFixture<SqliteApp>;

public sealed class LineageLinksPostgresTests(PostgresApp app) : LineageLinksTests(app), IClassFixture<PostgresApp>;
