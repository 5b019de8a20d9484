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

    /// <summary>The file name extension that goes with an allowed content type.</summary>
    public static string Extension(string contentType) => contentType switch
    {
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "image/gif" => ".gif",
        "image/webp" => ".webp",
        _ => throw new ArgumentOutOfRangeException(nameof(contentType), contentType, "Not an allowed image type."),
    };
}
