using System.Globalization;

namespace Planwerk.Infrastructure.Files;

/// <summary>A file size as people read it, in the interface language's numbers: "0,8 KB" and "1,2 MB" in
/// German, "0.8 KB" and "1.2 MB" in English.</summary>
public static class FileSize
{
    public static string Text(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024d * 1024d)).ToString("0.#", CultureInfo.CurrentCulture) + " MB"
        : (bytes / 1024d).ToString("0.#", CultureInfo.CurrentCulture) + " KB";
}
