using System.Net;
using System.Text.Json;
using Json.Schema;
using Planwerk.Features.Demo;
using Planwerk.Tests.Features.Demo;

namespace Planwerk.Tests.Features.Services;

/// <summary>The demo's directory through the HSDS API: every service, fully nested, validates against the standard's compiled schema.</summary>
public abstract class HsdsApiTests(DemoApp app)
{
    private static readonly Lazy<JsonSchema> ServiceSchema = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "shared", "standards", "hsds", "schema", "compiled", "service.json");
            if (File.Exists(path))
                return JsonSchema.FromText(File.ReadAllText(path), new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft07.With([], allowUnknownKeywords: true) },
                    new Uri("https://example.org/hsds/compiled/service.json"));
        }
        throw new InvalidOperationException("shared/standards/hsds/schema/compiled/service.json not found above the test assembly.");
    });

    [Fact]
    public async Task Every_demo_service_fully_nested_validates_against_the_compiled_hsds_service_schema()
    {
        var client = app.CreateClient();
        var page = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/municipalities/{DemoContent.Slug}/hsds/services?per_page=500&full=true")).RootElement;
        Assert.Equal(page.GetProperty("total_items").GetInt32(), page.GetProperty("size").GetInt32());
        Assert.True(page.GetProperty("size").GetInt32() >= 35);
        Assert.True(page.GetProperty("first_page").GetBoolean() && page.GetProperty("last_page").GetBoolean());
        var options = new EvaluationOptions { RequireFormatValidation = true, OutputFormat = OutputFormat.List };
        foreach (var service in page.GetProperty("contents").EnumerateArray())
        {
            var result = ServiceSchema.Value.Evaluate(service, options);
            Assert.True(result.IsValid, "Invalid service: " + string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))) + "\n" + service);
        }
    }

    [Fact]
    public async Task An_unknown_municipality_and_an_unknown_service_answer_404()
    {
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/municipalities/gibt-es-nicht/hsds/services")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/municipalities/{DemoContent.Slug}/hsds/services/{Guid.NewGuid()}")).StatusCode);
    }
}

public sealed class HsdsApiSqliteTests(DemoSqliteApp app) : HsdsApiTests(app), IClassFixture<DemoSqliteApp>;

public sealed class HsdsApiPostgresTests(DemoPostgresApp app) : HsdsApiTests(app), IClassFixture<DemoPostgresApp>;
