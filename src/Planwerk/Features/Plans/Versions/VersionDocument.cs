using System.Text.Json;
using Planwerk.Features.Plans.Transfer;

namespace Planwerk.Features.Plans.Versions;

/// <summary>A narrative section as far as versions need it: how to find it again, its title and its text.</summary>
public sealed record SectionText(string Key, string Title, string Body);

/// <summary>A frozen plan read back from its JSON: the typed <see cref="PlanDocument"/> and the
/// narrative sections if the document has any. Sections are read from the JSON by name
/// ("sections", each with "title" and "body"/"markdown"/"text"), so versions frozen before
/// sections existed and after both read.</summary>
public sealed record VersionDocument(PlanDocument Plan, IReadOnlyList<SectionText> Sections)
{
    /// <summary>Reads stored text leniently: properties a later format adds are skipped, so an old
    /// version still opens when the format grows.</summary>
    private static readonly JsonSerializerOptions ReadOptions = new(PlanDocument.JsonOptions)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
        RespectRequiredConstructorParameters = false,
    };

    public static VersionDocument Read(string json)
    {
        var plan = JsonSerializer.Deserialize<PlanDocument>(json, ReadOptions)
            ?? throw new JsonException("A version holds no plan document.");
        using var parsed = JsonDocument.Parse(json);
        return new VersionDocument(plan, ReadSections(parsed.RootElement));
    }

    public static VersionDocument Of(PlanDocument plan) => Read(System.Text.Encoding.UTF8.GetString(plan.ToJson()));

    private static List<SectionText> ReadSections(JsonElement root)
    {
        var sections = new List<SectionText>();
        if (!root.TryGetProperty("sections", out var array) || array.ValueKind != JsonValueKind.Array) return sections;
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            index++;
            if (item.ValueKind != JsonValueKind.Object) continue;
            var key = Scalar(item, "id") ?? Scalar(item, "key") ?? Scalar(item, "position") ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var title = Scalar(item, "title") ?? Scalar(item, "heading") ?? "";
            var body = Scalar(item, "body") ?? Scalar(item, "markdown") ?? Scalar(item, "text") ?? Scalar(item, "content") ?? "";
            sections.Add(new SectionText(key, title, body));
        }
        return sections;
    }

    private static string? Scalar(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}
