using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Localization;

namespace Planwerk.Tests.Features.Plans.Manage;

/// <summary>The views' texts are checked by LocalizationTests; the plan team's pages also say things
/// from code (validation messages, field names, notices, rule messages). Each has an English text too.</summary>
public sealed partial class ManageTextsTests
{
    private static string ManageFolder([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "../../../../../src/Planwerk/Features/Plans/Manage"));

    [Fact]
    public void Every_German_text_the_manage_code_shows_has_an_English_translation()
    {
        var keys = Directory.EnumerateFiles(ManageFolder(), "*.cs")
            .SelectMany(f => CodeKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: Regex.Unescape(m.Groups["key"].Value))))
            .Distinct()
            .ToList();
        Assert.True(keys.Count > 50, $"Only {keys.Count} texts found; the pattern no longer matches the code.");
        var localizer = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider()
            .GetRequiredService<IStringLocalizer<SharedResource>>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Languages.English;
        try
        {
            var missing = keys.Where(k => localizer[k.Key].ResourceNotFound).Select(k => $"{k.File}: {k.Key}").ToList();
            Assert.True(missing.Count == 0, "No English text for:\n" + string.Join("\n", missing));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    // localizer["..."], ErrorMessage = "...", Name = "..." (of Display) and the rules' messages: the
    // const strings with a space in them (the others are names, not texts).
    [GeneratedRegex(@"(?:localizer\[|ErrorMessage = |\bName = )""(?<key>(?:[^""\\]|\\.)+)""|const string \w+ = ""(?<key>[^""]* [^""]*)""")]
    private static partial Regex CodeKey();
}
