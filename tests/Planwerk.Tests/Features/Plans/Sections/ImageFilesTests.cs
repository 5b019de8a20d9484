using Planwerk.Features.Plans.Sections;

namespace Planwerk.Tests.Features.Plans.Sections;

public sealed class ImageFilesTests
{
    [Fact]
    public void Formats_are_recognised_by_content_only()
    {
        Assert.Equal("image/png", ImageFiles.DetectContentType(TestImages.Png));
        Assert.Equal("image/jpeg", ImageFiles.DetectContentType(TestImages.Jpeg));
        Assert.Equal("image/gif", ImageFiles.DetectContentType(TestImages.Gif));
        Assert.Equal("image/webp", ImageFiles.DetectContentType(TestImages.WebP));
        Assert.Null(ImageFiles.DetectContentType("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8));
        Assert.Null(ImageFiles.DetectContentType("<!DOCTYPE html>"u8));
        Assert.Null(ImageFiles.DetectContentType("%PDF-1.7"u8));
        Assert.Null(ImageFiles.DetectContentType("RIFF\0\0\0\0WAVEfmt "u8));
        Assert.Null(ImageFiles.DetectContentType([]));
    }

    [Theory]
    [InlineData("foto.jpg", "foto.jpg")]
    [InlineData(@"C:\Users\anna\Bilder\foto.jpg", "foto.jpg")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("  karte\u0000\r\n\"neu\".png  ", "karteneu.png")]
    [InlineData("", "bild")]
    [InlineData(null, "bild")]
    [InlineData("/", "bild")]
    [InlineData("...", "bild")]
    public void Kept_file_names_have_no_folder_parts_or_control_characters(string? name, string expected) =>
        Assert.Equal(expected, ImageFiles.SafeFileName(name));

    [Fact]
    public void Long_file_names_are_shortened_keeping_the_extension()
    {
        var name = ImageFiles.SafeFileName(new string('a', 400) + ".webp");
        Assert.Equal(PlanImage.MaxFileNameLength, name.Length);
        Assert.EndsWith("a.webp", name, StringComparison.Ordinal);
    }

    [Fact]
    public void Images_are_served_under_the_extension_of_their_real_type() =>
        Assert.Equal(["foto.png", "bild.gif", "karte neu.webp"],
            new[] { ImageFiles.ServedFileName("foto.jpg", "image/png"), ImageFiles.ServedFileName("", "image/gif"), ImageFiles.ServedFileName("karte \"neu\".jpg", "image/webp") });
}
