using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Planwerk.Infrastructure.Editing;

/// <summary>Small steps the input classes of the forms share when they check themselves.</summary>
public static class FormChecks
{
    /// <summary>Whether the field already has a message (then a second one would only repeat it).</summary>
    public static bool HasErrors(this ModelStateDictionary state, string key) => state.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    /// <summary>A date the browser sent that could not be read (not one out of range, whose message stays) gets
    /// <paramref name="message"/>, which names the field, instead of the framework's.</summary>
    public static void NameUnreadableDate(this ModelStateDictionary state, string key, string message)
    {
        if (state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 && entry.AttemptedValue is { Length: > 0 } text
            && !DateOnly.TryParse(text, CultureInfo.CurrentCulture, out _) && !DateOnly.TryParse(text, CultureInfo.InvariantCulture, out _))
        {
            entry.Errors.Clear();
            state.AddModelError(key, message);
        }
    }
}
