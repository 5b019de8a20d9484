using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Plans;
using Planwerk.Tests.Features.Plans.PublicSite;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Api;

public abstract class PlanApiTests(PlanwerkApp app)
{
    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Municipalities_are_listed_with_their_addresses()
    {
        var m = await app.CreateMunicipalityAsync("Apistadt");
        var list = await GetJsonAsync(app.CreateClient(), "/api/v1/municipalities");

        var mine = list.EnumerateArray().Single(e => e.GetProperty("slug").GetString() == m.Slug);
        Assert.Equal("Apistadt", mine.GetProperty("name").GetString());
        Assert.Equal($"/api/v1/municipalities/{m.Slug}", mine.GetProperty("url").GetString());

        var one = await GetJsonAsync(app.CreateClient(), $"/api/v1/municipalities/{m.Slug}");
        Assert.Equal(m.Slug, one.GetProperty("slug").GetString());
    }

    [Fact]
    public async Task A_municipalitys_plans_are_only_its_public_ones()
    {
        var m = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        var open = await m.AddPlanAsync(title: "Offen", fields: 1, measuresPerField: 4);
        await m.AddPlanAsync(title: "Intern", isPublic: false);
        await other.AddPlanAsync(title: "Woanders");

        var plans = await GetJsonAsync(app.CreateClient(), $"/api/v1/municipalities/{m.Slug}/plans");

        var only = Assert.Single(plans.EnumerateArray());
        Assert.Equal(open.Id, only.GetProperty("id").GetInt32());
        Assert.Equal("Offen", only.GetProperty("title").GetString());
        Assert.Equal(2019, only.GetProperty("periodStart").GetInt32());
        Assert.Equal("Adopted", only.GetProperty("state").GetString());
        Assert.Equal(4, only.GetProperty("measureCount").GetInt32());
        Assert.Equal($"/api/v1/municipalities/{m.Slug}/plans/{open.Id}", only.GetProperty("url").GetString());
    }

    [Fact]
    public async Task One_plan_comes_with_its_principles_fields_and_all_measures_in_one_call()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 2, measuresPerField: 3, measure: x =>
        {
            x.StartDate = new DateOnly(2019, 7, 1);
            x.EstimatedCost = 2_400_000.5m;
            x.Priority = MeasurePriority.High;
        });

        var plan = await GetJsonAsync(app.CreateClient(), $"/api/v1/municipalities/{m.Slug}/plans/{seeded.Id}");

        Assert.Equal(seeded.Id, plan.GetProperty("id").GetInt32());
        Assert.Equal("Fachplan Teststadt", plan.GetProperty("title").GetString());
        Assert.Equal("Der Plan in *Kürze*.", plan.GetProperty("summary").GetString());
        Assert.Equal(["Integration von Anfang an", "Teilhabe durch Beteiligung"],
            plan.GetProperty("principles").EnumerateArray().Select(p => p.GetProperty("title").GetString()));
        var fields = plan.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal([1, 2], fields.Select(f => f.GetProperty("number").GetInt32()));
        Assert.Equal(["2.1", "2.2", "2.3"], fields[1].GetProperty("measures").EnumerateArray().Select(x => x.GetProperty("number").GetString()));

        var first = fields[0].GetProperty("measures")[0];
        var expected = seeded.Measures[0];
        Assert.Equal(expected.Id, first.GetProperty("id").GetInt32());
        Assert.Equal(seeded.Fields[0].Id, first.GetProperty("fieldOfActionId").GetInt32());
        Assert.Equal("Maßnahme 1.1", first.GetProperty("title").GetString());
        Assert.Equal("Sozialamt", first.GetProperty("responsibleOffice").GetString());
        Assert.Equal("2019-07-01", first.GetProperty("startDate").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("endDate").ValueKind);
        Assert.Equal(2_400_000.5m, first.GetProperty("estimatedCost").GetDecimal());
        Assert.Equal("High", first.GetProperty("priority").GetString());
        Assert.Equal(expected.Status.ToString(), first.GetProperty("status").GetString());
        Assert.Equal([seeded.Principles[0].Id], first.GetProperty("principleIds").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(seeded.Districts.Select(d => d.Name).Order(StringComparer.Ordinal), first.GetProperty("districts").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Fields_measures_and_one_measure_have_their_own_addresses()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 2, measuresPerField: 2);
        var client = app.CreateClient();
        var baseUrl = $"/api/v1/municipalities/{m.Slug}/plans/{seeded.Id}";

        var fields = await GetJsonAsync(client, baseUrl + "/fields");
        Assert.Equal(2, fields.GetArrayLength());
        var field = await GetJsonAsync(client, $"{baseUrl}/fields/{seeded.Fields[1].Id}");
        Assert.Equal(["2.1", "2.2"], field.GetProperty("measures").EnumerateArray().Select(x => x.GetProperty("number").GetString()));
        var measures = await GetJsonAsync(client, baseUrl + "/measures");
        Assert.Equal(["1.1", "1.2", "2.1", "2.2"], measures.EnumerateArray().Select(x => x.GetProperty("number").GetString()));
        var measure = await GetJsonAsync(client, $"{baseUrl}/measures/{seeded.Measures[3].Id}");
        Assert.Equal("2.2", measure.GetProperty("number").GetString());
        Assert.Equal(seeded.Fields[1].Id, measure.GetProperty("fieldOfActionId").GetInt32());
    }

    [Fact]
    public async Task Plans_that_are_not_public_answer_404_at_every_address()
    {
        var m = await app.CreateMunicipalityAsync();
        var hidden = await m.AddPlanAsync(isPublic: false);
        var client = app.CreateClient();
        var baseUrl = $"/api/v1/municipalities/{m.Slug}/plans/{hidden.Id}";

        foreach (var url in new[] { baseUrl, baseUrl + "/fields", $"{baseUrl}/fields/{hidden.Fields[0].Id}", baseUrl + "/measures", $"{baseUrl}/measures/{hidden.Measures[0].Id}" })
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
    }

    [Fact]
    public async Task Another_municipalitys_plan_under_this_municipalitys_address_answers_404()
    {
        var mine = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        var theirs = await other.AddPlanAsync(title: "Fremd");
        var client = app.CreateClient();
        var baseUrl = $"/api/v1/municipalities/{mine.Slug}/plans/{theirs.Id}";

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/municipalities/{other.Slug}/plans/{theirs.Id}")).StatusCode);
        foreach (var url in new[] { baseUrl, baseUrl + "/fields", $"{baseUrl}/fields/{theirs.Fields[0].Id}", baseUrl + "/measures", $"{baseUrl}/measures/{theirs.Measures[0].Id}" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {(int)response.StatusCode}");
            Assert.DoesNotContain("Fremd", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var list = await GetJsonAsync(client, $"/api/v1/municipalities/{mine.Slug}/plans");
        Assert.Equal(0, list.GetArrayLength());
    }

    [Fact]
    public async Task Unknown_municipality_answers_404()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/municipalities/gibt-es-nicht-" + Guid.NewGuid().ToString("N")[..6] + "/plans");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task OpenAPI_document_describes_every_read_API_path()
    {
        var document = await GetJsonAsync(app.CreateClient(), "/openapi/v1.json");
        var described = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Where(p => p.StartsWith("/api/v1", StringComparison.Ordinal)).ToHashSet();

        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => p.StartsWith("/api/v1", StringComparison.Ordinal))
            .Select(p => System.Text.RegularExpressions.Regex.Replace(p, @"\{(\w+)(:[^}]*)?\}", "{$1}"))
            .ToHashSet();

        Assert.True(mapped.Count >= 8, "Expected the read API's routes, found: " + string.Join(", ", mapped));
        Assert.Equal(mapped.Order(StringComparer.Ordinal), described.Order(StringComparer.Ordinal));
        Assert.Equal("Planwerk Read API", document.GetProperty("info").GetProperty("title").GetString());
    }
}

public sealed class PlanApiSqliteTests(SqliteApp app) : PlanApiTests(app), IClassFixture<SqliteApp>;

public sealed class PlanApiPostgresTests(PostgresApp app) : PlanApiTests(app), IClassFixture<PostgresApp>;
