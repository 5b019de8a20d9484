using System.Globalization;

namespace Planwerk.Features.Services.PublicPages;

/// <summary>Small pieces the public service pages share.</summary>
public static class PublicServiceText
{
    public static string Directory(string m) => "/" + m + "/services";

    public static string Service(string m, int id, string? lang) => Manage.ServiceUrls.Public(m, id) + (lang is null ? "" : "?lang=" + Uri.EscapeDataString(lang));

    public static string Organisation(string m, int id, string? lang) =>
        "/" + m + "/organisations/" + id.ToString(CultureInfo.InvariantCulture) + "/services" + (lang is null ? "" : "?lang=" + Uri.EscapeDataString(lang));

    /// <summary>A plain text's paragraphs (separated by blank lines).</summary>
    public static IReadOnlyList<string> Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The non-empty lines of a text (documents to bring are one per line).</summary>
    public static IReadOnlyList<string> Lines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A language's name in the interface language (German or English), or its code when it is not known.</summary>
    public static string LanguageName(string code) =>
        LanguageCodes.Find(code)?.NameIn(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ?? code;

    /// <summary>Words of the interface language for residence situations, ages, weekdays: the printed directory's labels in German or English.</summary>
    public static Print.DirectoryLabels InterfaceLabels
    {
        get
        {
            var ui = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "de";
            return Print.DirectoryLabels.For(ui, ui);
        }
    }
}
