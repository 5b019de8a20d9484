using System.Text.RegularExpressions;

namespace Planwerk.Features.Municipalities;

/// <summary>A municipality (Kommune): the tenant. Its slug is the first segment of all its addresses.</summary>
public sealed partial class Municipality
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public bool IsDemo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A help service not checked for this many months is flagged publicly and its organisation reminded.</summary>
    public int ServiceCheckMonths { get; set; } = 12;

    /// <summary>First path segments that belong to the installation, so no municipality may take them.</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "api", "oparl", "account", "admin", "health", "openapi", "language", "css", "js", "lib", "img", "favicon.ico", "robots.txt", "error",
        "impressum", "datenschutz", "barrierefreiheit",
    };

    public static string? ValidateSlug(string? slug)
    {
        if (string.IsNullOrWhiteSpace(slug)) return "Bitte geben Sie eine Kurzbezeichnung für die Adresse an.";
        if (!SlugPattern().IsMatch(slug)) return "Die Kurzbezeichnung darf nur Kleinbuchstaben a–z, Ziffern und Bindestriche enthalten (2–40 Zeichen).";
        if (ReservedSlugs.Contains(slug)) return "Diese Kurzbezeichnung ist reserviert.";
        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex SlugPattern();
}
