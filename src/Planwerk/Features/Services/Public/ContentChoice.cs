using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Services.PublicPages;

/// <summary>A language a reader can choose for the directory's content: its code and its own name.</summary>
public sealed record ContentOption(string Code, string Name)
{
    public string Direction => ContentLanguages.Direction(Code);
}

/// <summary>The content language a public page shows (<c>?lang=ar</c>): German when none is named, and German with
/// <see cref="Unknown"/> set when the municipality does not write its content in the one named. The interface language
/// (German or English) is chosen apart from it; the page is laid out in the content language's direction.</summary>
public sealed record ContentChoice(string Language, IReadOnlyList<ContentOption> Options, string? Unknown)
{
    public string Direction => ContentLanguages.Direction(Language);

    public bool IsRightToLeft => Direction == "rtl";

    public bool IsSource => Language == ContentLanguages.Source;

    public string Name => Options.FirstOrDefault(o => o.Code == Language)?.Name ?? Language;

    /// <summary>The value of <c>lang</c> in addresses: nothing for German.</summary>
    public string? Query => IsSource ? null : Language;

    public static async Task<ContentChoice> ResolveAsync(PlanwerkDbContext db, string? lang, CancellationToken ct)
    {
        var options = new List<ContentOption> { new(ContentLanguages.Source, LanguageCodes.Find(ContentLanguages.Source)!.NativeName) };
        options.AddRange((await ContentLanguages.ListAsync(db, ct)).Select(c => new ContentOption(c.Code, c.Name)));
        if (string.IsNullOrWhiteSpace(lang)) return new(ContentLanguages.Source, options, null);
        var asked = lang.Trim().ToLowerInvariant();
        return options.Any(o => o.Code == asked) ? new(asked, options, null) : new(ContentLanguages.Source, options, lang.Trim());
    }
}
