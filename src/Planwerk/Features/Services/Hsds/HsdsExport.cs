using System.Text;
using Planwerk.Data;

namespace Planwerk.Features.Services.Hsds;

/// <summary>The whole help-service directory of the current municipality as one exchange file: HSDS 3.0 JSON
/// (<see cref="HsdsJson.Document"/>, texts in German with their translations) or the HSDS tabular package (a ZIP of CSV
/// files, <see cref="HsdsCsv"/>). Both hold the same data, so either can be imported again (<see cref="HsdsImport"/>);
/// the same directory always gives the same bytes. See docs/services-exchange.md.</summary>
public static class HsdsExport
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string ZipContentType = "application/zip";

    public static string JsonFileName(string municipality) => "hsds-" + municipality + ".json";

    public static string ZipFileName(string municipality) => "hsds-" + municipality + "-csv.zip";

    /// <summary>Every service, organisation with a service or place, place and topic of the municipality, with every translation.</summary>
    public static Task<HsdsDirectory> LoadAsync(PlanwerkDbContext db, CancellationToken ct) =>
        HsdsDirectory.LoadAsync(db, db.HelpServices, language: null, whole: true, ct);

    /// <summary>The directory as one HSDS JSON document, UTF-8 without byte order mark, ending in a line break.</summary>
    public static byte[] Json(HsdsDirectory directory, string profile) =>
        Encoding.UTF8.GetBytes(new HsdsJson(directory, null).Document(profile).ToJsonString(HsdsJson.Options) + "\n");

    public static async Task<byte[]> JsonAsync(PlanwerkDbContext db, string profile, CancellationToken ct) => Json(await LoadAsync(db, ct), profile);

    /// <summary>The directory as the HSDS tabular package: a ZIP of CSV files (<see cref="HsdsCsv.Write"/>).</summary>
    public static async Task<byte[]> ZipAsync(PlanwerkDbContext db, string profile, CancellationToken ct) =>
        HsdsCsv.Write(new HsdsJson(await LoadAsync(db, ct), null).Document(profile));
}
