using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Plans;
using Planwerk.Infrastructure.Localization;

namespace Planwerk.Tests.Infrastructure;

public sealed partial class LocalizationTests
{
    private static string SourceRoot([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "../../../src/Planwerk"));

    private static IStringLocalizer English()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        return services.GetRequiredService<IStringLocalizer<SharedResource>>();
    }

    /// <summary>Every German interface text in a view (L["..."]) has an English translation.</summary>
    [Fact]
    public void Every_interface_text_in_the_views_has_an_English_translation()
    {
        var keys = Directory.EnumerateFiles(SourceRoot(), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: Regex.Unescape(m.Groups[1].Value))))
            .ToList();
        Assert.NotEmpty(keys);
        var localizer = English();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Languages.English;
        try
        {
            var missing = keys.Where(k => localizer[k.Key].ResourceNotFound).Select(k => $"{k.File}: {k.Key}").Distinct().ToList();
            Assert.True(missing.Count == 0, "No English text for:\n" + string.Join("\n", missing));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Every_plan_state_measure_status_and_priority_has_an_English_word()
    {
        var localizer = English();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Languages.English;
        try
        {
            var words = Enum.GetValues<PlanState>().Select(PlanText.State)
                .Concat(Enum.GetValues<MeasureStatus>().Select(PlanText.Status))
                .Concat(Enum.GetValues<MeasurePriority>().Select(PlanText.Priority))
                .Concat(Enum.GetValues<DistrictKind>().Select(PlanText.DistrictKind));
            Assert.All(words, w => Assert.False(localizer[w].ResourceNotFound, $"No English for {w}"));
            Assert.Equal("Delayed", localizer[PlanText.Status(MeasureStatus.Delayed)].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [GeneratedRegex("""\bL\["((?:[^"\\]|\\.)+)"\s*[\],]""")]
    private static partial Regex LocalizerKey();
}
