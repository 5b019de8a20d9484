using System.Globalization;

namespace Planwerk.Infrastructure.Files;

/// <summary>Sizes of files and limits as people read them, in the interface language's numbers.</summary>
public static class FileSizes
{
    private const long Kilo = 1024, Mega = Kilo * 1024, Giga = Mega * 1024;

    /// <summary>The size of a file: "0,8 KB" and "1,5 MB" in German, "0.8 KB" and "1.5 MB" in English.</summary>
    public static string Text(long bytes) => bytes >= Mega
        ? (bytes / (double)Mega).ToString("0.#", CultureInfo.CurrentCulture) + " MB"
        : (bytes / (double)Kilo).ToString("0.#", CultureInfo.CurrentCulture) + " KB";

    /// <summary>A limit or what is left of it: "2 GB", "12,5 MB", and whole kilobytes rounded up ("850 KB"),
    /// so that what is left never reads as 0 while a byte is still free.</summary>
    public static string Format(long bytes) => bytes switch
    {
        >= Giga => (bytes / (double)Giga).ToString("0.#", CultureInfo.CurrentCulture) + " GB",
        >= Mega => (bytes / (double)Mega).ToString("0.#", CultureInfo.CurrentCulture) + " MB",
        _ => Math.Max(bytes == 0 ? 0 : 1, (bytes + Kilo - 1) / Kilo).ToString(CultureInfo.CurrentCulture) + " KB",
    };
}
