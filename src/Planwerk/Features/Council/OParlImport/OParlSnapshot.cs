using System.Globalization;
using System.Text.Json;

namespace Planwerk.Features.Council.OParlImport;

/// <summary>Everything the source says about one paper, read completely before anything is written: the paper, its
/// files with their bytes, its consultations, and the organizations, meetings and agenda items they name.</summary>
public sealed class OParlSnapshot
{
    public required SourcePaper Paper { get; init; }
    public Dictionary<string, SourceOrganization> Organizations { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, SourceMeeting> Meetings { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, SourceAgendaItem> AgendaItems { get; } = new(StringComparer.Ordinal);
    /// <summary>Addresses the source answered as gone (404, 410, <c>deleted: true</c>).</summary>
    public HashSet<string> Gone { get; } = new(StringComparer.Ordinal);
}

public sealed record SourcePaper(string Id, DateTimeOffset? Modified, string Reference, string Name, string PaperType, DateOnly? Date,
    IReadOnlyList<SourceFile> Files, IReadOnlyList<SourceConsultation> Consultations);

public sealed record SourceFile(string Id, DateTimeOffset? Modified, string Name, string FileName, string MimeType, byte[] Content);

public sealed record SourceConsultation(string Id, DateTimeOffset? Modified, string? Organization, string? Meeting, string? AgendaItem,
    string Role, bool Authoritative, IReadOnlyList<string> Keywords);

public sealed record SourceOrganization(string Id, DateTimeOffset? Modified, string Name, string ShortName, string Classification,
    DateOnly? StartDate, DateOnly? EndDate, string Website);

public sealed record SourceMeeting(string Id, DateTimeOffset? Modified, string Name, DateTimeOffset? Start, DateTimeOffset? End,
    string Location, string State, bool Cancelled, string? Organization);

public sealed record SourceAgendaItem(string Id, DateTimeOffset? Modified, string Number, int? Order, string Name, bool Public, string Result);

/// <summary>Reads the fields of an OParl object, naming the object and field when one has the wrong JSON type.</summary>
public readonly struct OParlFields(JsonElement element, string url)
{
    public string Url => url;

    public string Id => Text("id") is { Length: > 0 } id ? id : throw Wrong("id", "fehlt");

    public string? Text(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Wrong(name, "ist kein Text");
    }

    public bool? Bool(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Wrong(name, "ist kein Wahrheitswert"),
        };
    }

    public int? Number(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : throw Wrong(name, "ist keine ganze Zahl");
    }

    public DateTimeOffset? Moment(string name) =>
        Text(name) is { } text
            ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m.ToUniversalTime() : throw Wrong(name, "ist kein Zeitpunkt")
            : null;

    public DateOnly? Date(string name) =>
        Text(name) is { } text
            ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
                : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? DateOnly.FromDateTime(m.Date) : throw Wrong(name, "ist kein Datum")
            : null;

    /// <summary>A field that is an object or the URL of one: the embedded object or the URL.</summary>
    public (JsonElement? Embedded, string? Url) Reference(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return (null, null);
        return value.ValueKind switch
        {
            JsonValueKind.Object => (value, null),
            JsonValueKind.String => (null, value.GetString()),
            _ => throw Wrong(name, "ist weder ein Objekt noch eine Adresse"),
        };
    }

    /// <summary>An array of objects or URLs.</summary>
    public IReadOnlyList<(JsonElement? Embedded, string? Url)> References(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Array) throw Wrong(name, "ist keine Liste");
        var list = new List<(JsonElement?, string?)>();
        foreach (var item in value.EnumerateArray())
            list.Add(item.ValueKind switch
            {
                JsonValueKind.Object => (item, null),
                JsonValueKind.String => (null, item.GetString()),
                _ => throw Wrong(name, "enthält etwas, das weder ein Objekt noch eine Adresse ist"),
            });
        return list;
    }

    public IReadOnlyList<string> Strings(string name)
    {
        var list = new List<string>();
        foreach (var (_, url) in References(name)) list.Add(url ?? throw Wrong(name, "ist keine Liste von Texten"));
        return list;
    }

    public OParlSourceException Wrong(string field, string what) => new(url, $"Das Feld „{field}“ {what}.");
}
