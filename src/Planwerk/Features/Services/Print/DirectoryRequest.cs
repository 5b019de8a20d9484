using System.Globalization;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;

namespace Planwerk.Features.Services.Print;

/// <summary>The grouping and content language an address asks for, checked against the municipality's content
/// languages: German when none is named; an unknown grouping or language is a problem in words (answered with 400).</summary>
public sealed record DirectoryRequest(DirectoryGrouping By, string Language, string? Problem, IReadOnlyList<string> Languages)
{
    public static async Task<DirectoryRequest> ResolveAsync(PlanwerkDbContext db, string? by, string? lang, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var languages = new[] { ContentLanguages.Source }.Concat((await ContentLanguages.ListAsync(db, ct)).Select(c => c.Code)).ToList();
        var grouping = DirectoryDocument.ParseGrouping(by);
        if (grouping is null)
            return new(DirectoryGrouping.Topic, ContentLanguages.Source, string.Format(CultureInfo.CurrentCulture,
                l["Die Einteilung „{0}“ gibt es nicht. Möglich sind „topic“ (nach Thema) und „district“ (nach Stadtteil)."], by), languages);
        var language = string.IsNullOrWhiteSpace(lang) ? ContentLanguages.Source : lang.Trim().ToLowerInvariant();
        if (!languages.Contains(language))
            return new(grouping.Value, ContentLanguages.Source, string.Format(CultureInfo.CurrentCulture,
                l["Das Verzeichnis gibt es nicht in der Sprache „{0}“. Verfügbar sind: {1}."], lang, string.Join(", ", languages)), languages);
        return new(grouping.Value, language, null, languages);
    }
}
