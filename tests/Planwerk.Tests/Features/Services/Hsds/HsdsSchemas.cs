using System.Text.Json;
using Json.Schema;

namespace Planwerk.Tests.Features.Services.Hsds;

/// <summary>The standard's schemas from <c>../shared/standards/hsds/schema/</c>: the compiled ones for services,
/// organisations and services at locations, and the plain ones for taxonomies and terms (with the schemas they refer to).</summary>
public static class HsdsSchemas
{
    public const string Service = "compiled/service.json";
    public const string ServiceList = "compiled/service_list.json";
    public const string Organisation = "compiled/organization.json";
    public const string ServiceAtLocation = "compiled/service_at_location.json";
    public const string Taxonomy = "taxonomy.json";
    public const string TaxonomyTerm = "taxonomy_term.json";

    private static readonly Uri Base = new("https://example.org/hsds/");

    private static readonly Lazy<Dictionary<string, JsonSchema>> Schemas = new(() =>
    {
        var folder = Folder();
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft07.With([], allowUnknownKeywords: true) };
        var result = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        // Referred-to schemas first, so that a reference finds its target when the next one is built.
        foreach (var name in new[] { "metadata.json", Taxonomy, TaxonomyTerm, Service, ServiceList, Organisation, ServiceAtLocation })
        {
            var uri = new Uri(Base, name);
            var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(folder, name)), options, uri);
            options.SchemaRegistry.Register(uri, schema);
            result[name] = schema;
        }
        return result;
    });

    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "shared", "standards", "hsds", "schema");
            if (File.Exists(Path.Combine(path, Service))) return path;
        }
        throw new InvalidOperationException("shared/standards/hsds/schema/ not found above the test assembly.");
    }

    /// <summary>Fails with every error and the object when <paramref name="value"/> does not validate against <paramref name="schema"/>.</summary>
    public static void AssertValid(string schema, JsonElement value, string where)
    {
        var result = Schemas.Value[schema].Evaluate(value, new EvaluationOptions { RequireFormatValidation = true, OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, $"{where} is not a valid {schema}:\n" + string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))) + "\n" + value);
    }

    /// <summary>The standard's page envelope: every field there with its type, and <c>size</c> the number of contents.</summary>
    public static JsonElement.ArrayEnumerator AssertPage(JsonElement page, string where)
    {
        foreach (var name in new[] { "total_items", "total_pages", "page_number", "size" })
            Assert.True(page.TryGetProperty(name, out var n) && n.ValueKind == JsonValueKind.Number, $"{where}: {name} missing");
        foreach (var name in new[] { "first_page", "last_page", "empty" })
            Assert.True(page.TryGetProperty(name, out var b) && b.ValueKind is JsonValueKind.True or JsonValueKind.False, $"{where}: {name} missing");
        var contents = page.GetProperty("contents");
        Assert.Equal(contents.GetArrayLength(), page.GetProperty("size").GetInt32());
        Assert.Equal(contents.GetArrayLength() == 0, page.GetProperty("empty").GetBoolean());
        return contents.EnumerateArray();
    }
}
