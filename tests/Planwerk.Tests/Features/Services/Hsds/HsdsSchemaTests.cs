using System.Net;
using System.Text.Json;
using Planwerk.Features.Demo;
using Planwerk.Tests.Features.Demo;

namespace Planwerk.Tests.Features.Services.Hsds;

/// <summary>The demo's directory through every endpoint of the HSDS API, in German, Arabic and English: every object of
/// every list and every single object validates against the standard's schemas, and the lists use its page envelope.</summary>
public abstract class HsdsSchemaTests(DemoApp app)
{
    private static readonly string Root = $"/api/v1/municipalities/{DemoContent.Slug}/hsds";

    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(Root + url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Every object of a list, validated; their ids.</summary>
    private static async Task<List<string>> ListAsync(HttpClient client, string url, string schema)
    {
        var page = await GetAsync(client, url);
        var ids = new List<string>();
        foreach (var item in HsdsSchemas.AssertPage(page, url))
        {
            HsdsSchemas.AssertValid(schema, item, url);
            ids.Add(item.GetProperty("id").GetString()!);
        }
        Assert.Equal(page.GetProperty("total_items").GetInt32(), ids.Count);
        Assert.True(page.GetProperty("first_page").GetBoolean() && page.GetProperty("last_page").GetBoolean(), url);
        return ids;
    }

    [Fact]
    public async Task The_root_names_the_version_the_profile_and_the_openapi_document()
    {
        var client = app.CreateClient();
        foreach (var url in new[] { Root, Root + "/" })
        {
            var root = JsonDocument.Parse(await client.GetStringAsync(url)).RootElement;
            Assert.Equal("3.0", root.GetProperty("version").GetString());
            Assert.True(Uri.TryCreate(root.GetProperty("profile").GetString(), UriKind.Absolute, out var profile), url);
            Assert.EndsWith("/api/v1/hsds-profile", profile!.AbsolutePath, StringComparison.Ordinal);
            Assert.EndsWith("openapi.json", root.GetProperty("openapi_url").GetString(), StringComparison.Ordinal);
        }
        var text = await client.GetStringAsync("/api/v1/hsds-profile");
        Assert.Contains("modified_after", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task Every_object_of_every_endpoint_validates_against_the_hsds_schemas(string lang)
    {
        var client = app.CreateClient();
        var q = "per_page=500&lang=" + lang;

        var services = await ListAsync(client, "/services?" + q, HsdsSchemas.ServiceList);
        Assert.True(services.Count >= 35, $"{services.Count} demo services");
        Assert.Equal(services, await ListAsync(client, "/services?full=true&" + q, HsdsSchemas.Service));
        foreach (var id in services) HsdsSchemas.AssertValid(HsdsSchemas.Service, await GetAsync(client, $"/services/{id}?lang={lang}"), "service " + id);

        var organisations = await ListAsync(client, "/organizations?" + q, HsdsSchemas.Organisation);
        Assert.NotEmpty(organisations);
        Assert.Equal(organisations, await ListAsync(client, "/organizations?full=true&" + q, HsdsSchemas.Organisation));
        Assert.Equal(organisations, await ListAsync(client, "/organizations?full_service=true&" + q, HsdsSchemas.Organisation));
        foreach (var id in organisations)
        {
            HsdsSchemas.AssertValid(HsdsSchemas.Organisation, await GetAsync(client, $"/organizations/{id}?lang={lang}"), "organisation " + id);
            HsdsSchemas.AssertValid(HsdsSchemas.Organisation, await GetAsync(client, $"/organizations/{id}?full_service=true&lang={lang}"), "organisation " + id);
        }

        var links = await ListAsync(client, "/service_at_locations?" + q, HsdsSchemas.ServiceAtLocation);
        Assert.NotEmpty(links);
        Assert.Equal(links, await ListAsync(client, "/service_at_locations?full=true&" + q, HsdsSchemas.ServiceAtLocation));
        foreach (var id in links)
            HsdsSchemas.AssertValid(HsdsSchemas.ServiceAtLocation, await GetAsync(client, $"/service_at_locations/{id}?lang={lang}"), "service at location " + id);

        var taxonomies = await ListAsync(client, "/taxonomies?" + q, HsdsSchemas.Taxonomy);
        Assert.Equal(2, taxonomies.Count);
        foreach (var id in taxonomies) HsdsSchemas.AssertValid(HsdsSchemas.Taxonomy, await GetAsync(client, $"/taxonomies/{id}"), "taxonomy " + id);

        var terms = await ListAsync(client, "/taxonomy_terms?" + q, HsdsSchemas.TaxonomyTerm);
        Assert.True(terms.Count >= 11 + 6, $"{terms.Count} terms");
        foreach (var id in terms) HsdsSchemas.AssertValid(HsdsSchemas.TaxonomyTerm, await GetAsync(client, $"/taxonomy_terms/{id}?lang={lang}"), "term " + id);
    }

    [Fact]
    public async Task An_unknown_municipality_and_unknown_ids_answer_404()
    {
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/municipalities/gibt-es-nicht/hsds/services")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/municipalities/gibt-es-nicht/hsds")).StatusCode);
        foreach (var path in new[] { "services", "organizations", "service_at_locations", "taxonomies", "taxonomy_terms" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Root}/{path}/{Guid.NewGuid()}")).StatusCode);
    }
}

public sealed class HsdsSchemaSqliteTests(DemoSqliteApp app) : HsdsSchemaTests(app), IClassFixture<DemoSqliteApp>;

public sealed class HsdsSchemaPostgresTests(DemoPostgresApp app) : HsdsSchemaTests(app), IClassFixture<DemoPostgresApp>;
