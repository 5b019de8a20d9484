using System.Globalization;

namespace Planwerk.Infrastructure.Files;

/// <summary>Sizes of files and limits as people read them, in the interface's culture: "2 GB", "12,5 MB", "850 KB".</summary>
public static class FileSizes
{
    private const long Kilo = 1024, Mega = Kilo * 1024, Giga = Mega * 1024;

    public static string Format(long bytes) => bytes switch
    {
        >= Giga => (bytes / (double)Giga).ToString("0.#", CultureInfo.CurrentCulture) + " GB",
        >= Mega => (bytes / (double)Mega).ToString("0.#", CultureInfo.CurrentCulture) + " MB",
        _ => Math.Max(bytes == 0 ? 0 : 1, (bytes + Kilo - 1) / Kilo).ToString(CultureInfo.CurrentCulture) + " KB",
    };
}
