namespace Planwerk.Features.Plans.Sections;

/// <summary>Which images sections may show: PNG, JPEG, GIF and WebP up to <see cref="MaxBytes"/>,
/// recognised by their content (the file's first bytes), never by name or by what the browser claims.</summary>
public static class ImageFiles
{
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>The content type of <paramref name="content"/>, or null when it is none of the allowed formats.</summary>
    public static string? DetectContentType(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8)) return "image/gif";
        if (content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }

    /// <summary>Whether <paramref name="contentType"/> is one of the allowed image types.</summary>
    public static bool IsAllowed(string? contentType) => contentType is "image/png" or "image/jpeg" or "image/gif" or "image/webp";

    /// <summary>The file name extension that goes with an allowed content type.</summary>
    public static string Extension(string contentType) => contentType switch
    {
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "image/gif" => ".gif",
        "image/webp" => ".webp",
        _ => throw new ArgumentOutOfRangeException(nameof(contentType), contentType, "Not an allowed image type."),
    };

    /// <summary>The name an uploaded file is kept under: without any folder part (either slash), without
    /// control characters, trimmed, at most <see cref="PlanImage.MaxFileNameLength"/> characters (the
    /// extension kept when it has to be shortened); "bild" when nothing is left.</summary>
    public static string SafeFileName(string? name)
    {
        var last = name is null ? "" : name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var cleaned = new string(last.Where(c => !char.IsControl(c) && c is not ('"' or '\u2028' or '\u2029')).ToArray()).Trim().Trim('.').Trim();
        if (cleaned.Length == 0) return "bild";
        if (cleaned.Length <= PlanImage.MaxFileNameLength) return cleaned;
        var extension = Path.GetExtension(cleaned);
        if (extension.Length > 10) extension = "";
        return cleaned[..(PlanImage.MaxFileNameLength - extension.Length)] + extension;
    }

    /// <summary>The name an image is served under: the kept name with the extension of its real type
    /// (a PNG uploaded as "foto.jpg" is served as "foto.png").</summary>
    public static string ServedFileName(string fileName, string contentType)
    {
        var stem = Path.GetFileNameWithoutExtension(SafeFileName(fileName)).Trim();
        return (stem.Length == 0 ? "bild" : stem) + Extension(contentType);
    }

    public static string FormatSize(long bytes) => Infrastructure.Files.FileSizes.Text(bytes);
}
