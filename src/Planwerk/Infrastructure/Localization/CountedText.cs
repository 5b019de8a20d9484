using Microsoft.Extensions.Localization;

namespace Planwerk.Infrastructure.Localization;

/// <summary>A number with its word: one and many are separate keys ("1 Maßnahme", "{0} Maßnahmen"), so
/// each language writes both forms its own way and no page says "1 Maßnahmen" or "1 results".</summary>
public static class CountedText
{
    public static string Count(this IStringLocalizer l, int count, string one, string many) =>
        count == 1 ? l[one].Value : l[many, count].Value;
}
