using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
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
        Assert.Equal("Sozialamt", first.GetProperty("lead").GetProperty("name").GetString());
        Assert.True(first.GetProperty("lead").GetProperty("id").GetInt32() > 0);
        Assert.Equal(["Freie Träger"], first.GetProperty("partners").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
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

    private static async Task<JsonElement> GetProblemAsync(HttpClient client, string url, HttpStatusCode expected)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == expected, $"GET {url} answered {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }

    [Fact]
    public async Task Measures_are_filtered_by_status_and_answered_in_pages_with_total_and_links()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 2, measuresPerField: 6, measure: x => x.Status = x.Number.EndsWith('1') || x.Number.EndsWith('2') ? MeasureStatus.Completed : MeasureStatus.InProgress);
        var client = app.CreateClient();
        var baseUrl = $"/api/v1/municipalities/{m.Slug}/plans/{seeded.Id}/measures";

        var completed = await GetJsonAsync(client, baseUrl + "?status=completed");
        Assert.Equal(["1.1", "1.2", "2.1", "2.2"], completed.EnumerateArray().Select(x => x.GetProperty("number").GetString()));
        var both = await GetJsonAsync(client, baseUrl + "?status=Completed,Delayed");
        Assert.Equal(4, both.GetArrayLength());

        var response = await client.GetAsync(baseUrl + "?status=InProgress&page=2&pageSize=3");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["1.6", "2.3", "2.4"], page.EnumerateArray().Select(x => x.GetProperty("number").GetString()));
        Assert.Equal("8", Assert.Single(response.Headers.GetValues("X-Total-Count")));
        var link = string.Join(",", response.Headers.GetValues("Link"));
        Assert.Contains($"<{baseUrl}?status=InProgress&page=3&pageSize=3>; rel=\"next\"", link, StringComparison.Ordinal);
        Assert.Contains($"<{baseUrl}?status=InProgress&page=1&pageSize=3>; rel=\"prev\"", link, StringComparison.Ordinal);

        var beyond = await GetJsonAsync(client, baseUrl + "?page=99&pageSize=500");
        Assert.Equal(0, beyond.GetArrayLength());
    }

    [Fact]
    public async Task Measures_can_be_searched_through_the_API_as_on_the_site()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 11, measuresPerField: 1, measure: x => x.Title = x.Number == "3.1" ? "Lerncafé " + HostileText.RightToLeft : "Anderes");
        var client = app.CreateClient();
        var baseUrl = $"/api/v1/municipalities/{m.Slug}/plans/{seeded.Id}/measures";

        Assert.Equal(["3.1"], (await GetJsonAsync(client, baseUrl + "?q=lerncafe")).EnumerateArray().Select(x => x.GetProperty("number").GetString()));
        Assert.Equal(["3.1"], (await GetJsonAsync(client, baseUrl + "?q=" + Uri.EscapeDataString(HostileText.RightToLeft))).EnumerateArray().Select(x => x.GetProperty("number").GetString()));
        Assert.Equal(["1.1"], (await GetJsonAsync(client, baseUrl + "?q=1.1")).EnumerateArray().Select(x => x.GetProperty("number").GetString()));
        Assert.Equal(0, (await GetJsonAsync(client, baseUrl + "?q=" + Uri.EscapeDataString(HostileText.Script))).GetArrayLength());
    }

    [Fact]
    public async Task Plans_are_filtered_by_state_and_paged()
    {
        var m = await app.CreateMunicipalityAsync();
        var adopted = await m.AddPlanAsync(title: "Beschlossen");
        var draft = await m.AddPlanAsync(title: "Entwurf");
        await m.WithDbAsync(async db =>
        {
            (await db.Plans.SingleAsync(p => p.Id == draft.Id)).State = PlanState.Draft;
            return await db.SaveChangesAsync();
        });
        var client = app.CreateClient();
        var url = $"/api/v1/municipalities/{m.Slug}/plans";

        Assert.Equal([draft.Id], (await GetJsonAsync(client, url + "?status=Draft")).EnumerateArray().Select(p => p.GetProperty("id").GetInt32()));
        Assert.Equal([adopted.Id], (await GetJsonAsync(client, url + "?status=adopted")).EnumerateArray().Select(p => p.GetProperty("id").GetInt32()));
        var response = await client.GetAsync(url + "?pageSize=1");
        Assert.Equal("2", Assert.Single(response.Headers.GetValues("X-Total-Count")));
        Assert.Equal(1, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("page=1.5", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("pageSize=99999999999999999999", "pageSize")]
    [InlineData("status=Fertig", "status")]
    [InlineData("status=1", "status")]
    [InlineData("status=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "status")]
    public async Task Bad_list_parameters_answer_400_problems_naming_the_parameter(string query, string parameter)
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync();
        var client = app.CreateClient();

        foreach (var url in new[] { $"/api/v1/municipalities/{m.Slug}/plans/{seeded.Id}/measures?{query}", $"/api/v1/municipalities/{m.Slug}/plans?{query}" })
        {
            var problem = await GetProblemAsync(client, url, HttpStatusCode.BadRequest);
            var errors = problem.GetProperty("errors");
            Assert.Equal([parameter], errors.EnumerateObject().Select(e => e.Name));
            Assert.StartsWith(parameter + " must be", errors.GetProperty(parameter)[0].GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("<script>", problem.GetRawText(), StringComparison.Ordinal);
        }
        var tooLong = await GetProblemAsync(client, $"/api/v1/municipalities/{m.Slug}/plans/{seeded.Id}/measures?q={new string('a', 201)}", HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("q", out _));
    }

    [Fact]
    public async Task Every_API_error_answers_problem_json()
    {
        var m = await app.CreateMunicipalityAsync();
        var hidden = await m.AddPlanAsync(isPublic: false);
        var client = app.CreateClient();

        foreach (var url in new[]
        {
            $"/api/v1/municipalities/gibt-es-nicht-{Guid.NewGuid():N}/plans",
            $"/api/v1/municipalities/{m.Slug}/plans/{hidden.Id}",
            $"/api/v1/municipalities/{m.Slug}/plans/{hidden.Id}/measures",
            $"/api/v1/municipalities/{m.Slug}/plans/{hidden.Id}/measures/{hidden.Measures[0].Id}",
            $"/api/v1/municipalities/{m.Slug}/plans/abc",
            "/api/v1/gibt-es-nicht",
        })
        {
            var problem = await GetProblemAsync(client, url, HttpStatusCode.NotFound);
            Assert.Equal("Not Found", problem.GetProperty("title").GetString());
        }
        var post = await client.PostAsync($"/api/v1/municipalities/{m.Slug}/plans", new StringContent(""));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal("application/problem+json", post.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenAPI_document_describes_the_list_parameters_and_problems()
    {
        var document = await GetJsonAsync(app.CreateClient(), "/openapi/v1.json");
        var measures = document.GetProperty("paths").GetProperty("/api/v1/municipalities/{municipality}/plans/{planId}/measures").GetProperty("get");
        var parameters = measures.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p);
        foreach (var name in new[] { "status", "q", "page", "pageSize" })
            Assert.False(string.IsNullOrWhiteSpace(parameters[name].GetProperty("description").GetString()), name);
        Assert.True(measures.GetProperty("responses").GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _));
    }

    [Fact]
    public async Task OpenAPI_document_describes_every_read_API_path()
    {
        var document = await GetJsonAsync(app.CreateClient(), "/openapi/v1.json");
        var described = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Where(p => p.StartsWith("/api/v1", StringComparison.Ordinal)).ToHashSet();

        static string Path(RouteEndpoint e) =>
            System.Text.RegularExpressions.Regex.Replace("/" + e.RoutePattern.RawText!.TrimStart('/'), @"\{(\w+)(:[^}]*)?\}", "{$1}");
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => Path(e).StartsWith("/api/v1", StringComparison.Ordinal)).ToList();
        // The HSDS API follows the standard's own OpenAPI document and Planwerk's profile (served at /api/v1/hsds-profile);
        // it is the only part of /api/v1 left out of this document.
        var left = endpoints.Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription == true)
            .Select(Path).ToList();
        Assert.NotEmpty(left);
        Assert.All(left, p => Assert.True(p == "/api/v1/hsds-profile" || p.StartsWith("/api/v1/municipalities/{municipality}/hsds", StringComparison.Ordinal), p));
        var mapped = endpoints.Select(Path).Except(left).ToHashSet();

        Assert.True(mapped.Count >= 8, "Expected the read API's routes, found: " + string.Join(", ", mapped));
        Assert.Equal(mapped.Order(StringComparer.Ordinal), described.Order(StringComparer.Ordinal));
        Assert.Equal("Planwerk Read API", document.GetProperty("info").GetProperty("title").GetString());
    }
}

public sealed class PlanApiSqliteTests(SqliteApp app) : PlanApiTests(app), IClassFixture<SqliteApp>;

public sealed class PlanApiPostgresTests(PostgresApp app) : PlanApiTests(app), IClassFixture<PostgresApp>;
