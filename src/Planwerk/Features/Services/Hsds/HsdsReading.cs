using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Planwerk.Features.Services.Hsds;

/// <summary>What reading an HSDS file found: its problems, the ids it declares and the references between its objects.
/// References are checked once the whole file is read (<see cref="CheckReferences"/>), so a file may name an object before it
/// comes; a reference to an object that is not in the file is a problem at the referring field.</summary>
public sealed class HsdsReading
{
    public const string Organization = "organization";
    public const string Location = "location";
    public const string Service = "service";
    public const string ServiceAtLocation = "service_at_location";
    public const string Schedule = "schedule";
    public const string Contact = "contact";
    public const string TaxonomyTerm = "taxonomy_term";

    public List<HsdsProblem> Problems { get; } = [];

    private readonly Dictionary<(string Kind, Guid Id), HsdsPlace> declared = [];
    private readonly List<(string Kind, Guid Id, HsdsPlace Place, string Field)> references = [];

    public HsdsReading()
    {
        foreach (var term in ResidenceTerms.All) declared[(TaxonomyTerm, term.Id)] = new HsdsPlace("taxonomy_terms", null);
    }

    public void Problem(HsdsPlace place, string? field, string message, params string[] arguments) => Problems.Add(HsdsProblem.At(place, field, message, arguments));

    /// <summary>Records an object's id; false (and a problem) when the id was declared before for the same kind of object.</summary>
    public bool Declare(string kind, Guid id, HsdsPlace place)
    {
        if (declared.TryGetValue((kind, id), out var first))
        {
            Problem(place, "id", HsdsTexts.DuplicateId, HsdsIds.Text(id), first.ToString());
            return false;
        }
        declared[(kind, id)] = place;
        return true;
    }

    public HsdsPlace? PlaceOf(string kind, Guid id) => declared.TryGetValue((kind, id), out var place) ? place : null;

    public void Refer(string kind, Guid? id, HsdsPlace place, string field)
    {
        if (id is { } value) references.Add((kind, value, place, field));
    }

    public void CheckReferences()
    {
        foreach (var (kind, id, place, field) in references)
        {
            if (!declared.ContainsKey((kind, id))) Problem(place, field, HsdsTexts.Dangling, HsdsIds.Text(id), kind);
        }
    }
}

public enum HsdsValueKind
{
    Text,
    Number,
    Boolean,
}

/// <summary>The fields of one object read from a file (a JSON object or a CSV row), parsed and checked: each problem is
/// reported at the object's place and the field's name, and the value is then null.</summary>
public abstract class HsdsFields(HsdsReading reading, HsdsPlace place)
{
    public HsdsPlace Place => place;

    public HsdsReading Reading => reading;

    /// <summary>The field's value as text, or null when it is absent or empty; a value of the wrong JSON type is reported.</summary>
    protected abstract string? Raw(string field, HsdsValueKind expected);

    public abstract bool Has(string field);

    public void Problem(string field, string message, params string[] arguments) => reading.Problem(place, field, message, arguments);

    public string Text(string field, int max, bool required = false)
    {
        var value = Raw(field, HsdsValueKind.Text) ?? "";
        if (required && value.Trim().Length == 0) Problem(field, HsdsTexts.Required);
        else if (value.Length > max) Problem(field, HsdsTexts.TooLong, Count(value.Length), Count(max));
        return value;
    }

    public Guid? Id(string field, bool required)
    {
        var value = Raw(field, HsdsValueKind.Text);
        if (value is null || value.Trim().Length == 0)
        {
            if (required) Problem(field, HsdsTexts.Required);
            return null;
        }
        if (Guid.TryParseExact(value.Trim(), "D", out var id)) return id;
        Problem(field, HsdsTexts.NotAnId, Cut(value));
        return null;
    }

    public int? Age(string field)
    {
        var value = Raw(field, HsdsValueKind.Number);
        if (value is null) return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var age) && age <= 150) return age;
        Problem(field, HsdsTexts.NotAnAge, Cut(value));
        return null;
    }

    public decimal? Number(string field)
    {
        var value = Raw(field, HsdsValueKind.Number);
        if (value is null) return null;
        if (decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number)) return number;
        Problem(field, HsdsTexts.NotANumber, Cut(value));
        return null;
    }

    public bool? Boolean(string field)
    {
        var value = Raw(field, HsdsValueKind.Boolean);
        if (value is null) return null;
        if (value.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
        if (value.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
        Problem(field, HsdsTexts.NotABoolean, Cut(value));
        return null;
    }

    public DateOnly? Date(string field, bool required = false)
    {
        var value = Raw(field, HsdsValueKind.Text);
        if (value is null)
        {
            if (required) Problem(field, HsdsTexts.Required);
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        Problem(field, HsdsTexts.NotADate, Cut(value));
        return null;
    }

    public TimeOnly? Time(string field, bool required = false)
    {
        var value = Raw(field, HsdsValueKind.Text);
        if (value is null)
        {
            if (required) Problem(field, HsdsTexts.Required);
            return null;
        }
        if (TimeOnly.TryParseExact(value, ["HH':'mm", "HH':'mm':'ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        Problem(field, HsdsTexts.NotATime, Cut(value));
        return null;
    }

    public DateTimeOffset? Moment(string field)
    {
        var value = Raw(field, HsdsValueKind.Text);
        if (value is null) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment)
            && value.Contains('T', StringComparison.Ordinal)) return moment;
        Problem(field, HsdsTexts.NotAMoment, Cut(value));
        return null;
    }

    /// <summary>An ISO 639 code the language list knows, normalised; null and a problem otherwise.</summary>
    public string? Language(string field, bool required = true)
    {
        var value = Raw(field, HsdsValueKind.Text);
        if (value is null || value.Trim().Length == 0)
        {
            if (required) Problem(field, HsdsTexts.Required);
            return null;
        }
        if (LanguageCodes.Find(value) is { } language) return language.Code;
        Problem(field, HsdsTexts.UnknownLanguage, Cut(value));
        return null;
    }

    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A wrong value as a message quotes it: at most 80 characters.</summary>
    public static string Cut(string value) => value.Length > 80 ? value[..80] + "…" : value;
}

/// <summary>The fields of a JSON object.</summary>
public sealed class JsonFields(JsonObject o, HsdsReading reading, HsdsPlace place) : HsdsFields(reading, place)
{
    public override bool Has(string field) => o[field] is not null;

    protected override string? Raw(string field, HsdsValueKind expected)
    {
        var node = o[field];
        if (node is null) return null;
        var kind = node.GetValueKind();
        switch (expected)
        {
            case HsdsValueKind.Text when kind == JsonValueKind.String:
                var text = node.GetValue<string>();
                return text.Length == 0 ? null : text;
            case HsdsValueKind.Number when kind == JsonValueKind.Number:
                return node.ToJsonString();
            case HsdsValueKind.Boolean when kind is JsonValueKind.True or JsonValueKind.False:
                return kind == JsonValueKind.True ? "true" : "false";
            default:
                Problem(field, HsdsTexts.WrongType, expected switch { HsdsValueKind.Text => "string", HsdsValueKind.Number => "number", _ => "boolean" });
                return null;
        }
    }

    /// <summary>The objects of an array property, each with its place (<c>services[3].contacts[0]</c>); a property that is not an
    /// array of objects is reported.</summary>
    public IEnumerable<JsonFields> Objects(string field) => Array(o, field, Reading, Place.Where, this);

    public static IEnumerable<JsonFields> Array(JsonObject parent, string field, HsdsReading reading, string prefix, JsonFields? owner)
    {
        var node = parent[field];
        if (node is null) yield break;
        var where = prefix.Length == 0 ? field : prefix + "." + field;
        if (node is not JsonArray array)
        {
            reading.Problem(new HsdsPlace(prefix.Length == 0 ? field : prefix, null), owner is null ? null : field, HsdsTexts.WrongType, "array");
            yield break;
        }
        if (array.Count > HsdsImport.MaxObjects)
        {
            reading.Problem(new HsdsPlace(where, null), null, HsdsTexts.TooManyObjects, Count(HsdsImport.MaxObjects));
            yield break;
        }
        for (var i = 0; i < array.Count; i++)
        {
            var place = new HsdsPlace(where + "[" + Count(i) + "]", null);
            if (array[i] is JsonObject item) yield return new JsonFields(item, reading, place);
            else reading.Problem(place, null, HsdsTexts.WrongType, "object");
        }
    }
}
