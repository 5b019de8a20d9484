using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Council.OParl;

/// <summary>How OParl objects are written: camelCase names, no null properties, dates and moments as
/// the schema's <c>date</c> and <c>date-time</c> (ISO 8601 with the offset of Europe/Berlin).</summary>
public static class OParlJson
{
    public const string Version = "https://schema.oparl.org/1.1/";

    public static string TypeUri(string objectType) => Version + objectType;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Umlauts and other scripts stay readable; characters that matter in HTML are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string DateTime(DateTimeOffset moment) => BerlinTime.Iso(moment);

    public static string? DateTime(DateTimeOffset? moment) => moment is { } m ? DateTime(m) : null;

    public static string Date(DateOnly day) => BerlinTime.ExportDate(day);

    public static string? Date(DateOnly? day) => day is { } d ? Date(d) : null;

    public static string Date(DateTimeOffset moment) => BerlinTime.ExportDate(BerlinTime.Day(moment));

    public static IResult Json<T>(T value, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Json(value, Options, "application/json; charset=utf-8", statusCode);

    public static IResult Error(int statusCode, string message) => Json(new OParlError(message, statusCode), statusCode);

    public static IResult NotFound(string message = "Dieses Objekt gibt es nicht.") => Error(StatusCodes.Status404NotFound, message);
}
