using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Planwerk.Tests.Features.Council.OParl;

/// <summary>The official OParl 1.1 JSON Schemas from the shared standards folder, and a check of an object
/// against its type's schema. The schemas name embedded objects with a non-standard <c>"schema": "File.json"</c>
/// hint instead of <c>$ref</c>, so the check follows those hints itself and validates every embedded object
/// (and every object in an embedded array) against its own schema. Formats are asserted: <c>date-time</c>,
/// <c>date</c>, and OParl's <c>url</c> (an absolute http or https URL).</summary>
public static class OParlSchemas
{
    private static readonly Lazy<string> Folder = new(FindFolder);
    private static readonly Dictionary<string, (JsonSchema Schema, JsonElement Raw)> Loaded = [];
    private static readonly Lock Gate = new();

    private static readonly EvaluationOptions Evaluation = CreateOptions();

    /// <summary>The schemas name no draft; they are written in draft-04/07 style and carry documentation
    /// keywords of their own ("references", "backreference", "cardinality", "schema"), which must be allowed.</summary>
    private static readonly Dialect Dialect = Dialect.Draft07.With([], allowUnknownKeywords: true);

    private static EvaluationOptions CreateOptions()
    {
        var formats = new FormatRegistry();
        var options = new EvaluationOptions { RequireFormatValidation = true, OutputFormat = OutputFormat.List, FormatRegistry = formats };
        formats.Register(new PredicateFormat("url", e =>
            e.ValueKind != JsonValueKind.String
            || (Uri.TryCreate(e.GetString(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))));
        return options;
    }

    /// <summary>shared/standards/oparl/schema lies beside the repository (../shared from the repository root),
    /// wherever the repository was cloned: look in every folder above the test assembly.</summary>
    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "standards", "oparl", "schema");
            if (File.Exists(Path.Combine(candidate, "System.json"))) return candidate;
        }
        throw new InvalidOperationException(
            $"The OParl schemas were not found: no folder above {AppContext.BaseDirectory} holds shared/standards/oparl/schema/System.json. " +
            "They belong beside the repository, in ../shared/standards/oparl/schema.");
    }

    public static string ExamplesFolder => Path.Combine(Path.GetDirectoryName(Folder.Value)!, "examples");

    private static (JsonSchema Schema, JsonElement Raw) Get(string objectType)
    {
        lock (Gate)
        {
            if (Loaded.TryGetValue(objectType, out var found)) return found;
            var path = Path.Combine(Folder.Value, objectType + ".json");
            if (!File.Exists(path)) throw new InvalidOperationException($"No OParl schema for type {objectType} at {path}.");
            var text = File.ReadAllText(path);
            var schema = JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect }, new Uri("https://schema.oparl.org/1.1/" + objectType + ".json"));
            var loaded = (schema, JsonDocument.Parse(text).RootElement.Clone());
            Loaded[objectType] = loaded;
            return loaded;
        }
    }

    /// <summary>The problems of <paramref name="value"/> as an OParl object of <paramref name="objectType"/>,
    /// each with the JSON path where it is; empty when it validates, embedded objects included.</summary>
    public static IReadOnlyList<string> Problems(JsonElement value, string objectType, string path = "$")
    {
        var problems = new List<string>();
        var (schema, raw) = Get(objectType);
        var result = schema.Evaluate(value, Evaluation);
        if (!result.IsValid)
        {
            var details = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{path}{d.InstanceLocation}: {e.Key}: {e.Value}")).ToList();
            problems.AddRange(details.Count > 0 ? details : [$"{path}: not a valid {objectType}"]);
        }
        if (value.ValueKind != JsonValueKind.Object || !raw.TryGetProperty("properties", out var properties)) return problems;
        foreach (var property in properties.EnumerateObject())
        {
            if (!value.TryGetProperty(property.Name, out var embedded)) continue;
            if (property.Value.TryGetProperty("schema", out var one) && embedded.ValueKind == JsonValueKind.Object)
                problems.AddRange(Problems(embedded, TypeOf(one), $"{path}.{property.Name}"));
            if (property.Value.TryGetProperty("items", out var items) && items.TryGetProperty("schema", out var each) && embedded.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var element in embedded.EnumerateArray())
                    problems.AddRange(Problems(element, TypeOf(each), $"{path}.{property.Name}[{i++}]"));
            }
        }
        return problems;
    }

    private static string TypeOf(JsonElement schemaHint) => Path.GetFileNameWithoutExtension(schemaHint.GetString()!);

    /// <summary>Fails with every problem listed unless the object validates.</summary>
    public static void AssertValid(JsonElement value, string objectType, string where)
    {
        var problems = Problems(value, objectType);
        Assert.True(problems.Count == 0, $"{where} is not a valid OParl {objectType}:\n" + string.Join("\n", problems) + "\n" + value);
    }

    /// <summary>The object type named by an object's <c>type</c>, e.g. "Meeting".</summary>
    public static string TypeName(JsonElement value)
    {
        var type = value.GetProperty("type").GetString()!;
        Assert.StartsWith("https://schema.oparl.org/1.1/", type);
        return type["https://schema.oparl.org/1.1/".Length..];
    }

    public static JsonNode Node(JsonElement value) => JsonNode.Parse(value.GetRawText())!;
}
