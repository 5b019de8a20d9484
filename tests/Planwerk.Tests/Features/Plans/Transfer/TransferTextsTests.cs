using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Infrastructure.Localization;

namespace Planwerk.Tests.Features.Plans.Transfer;

public sealed class TransferTextsTests
{
    /// <summary>Import problems are shown through the localizer, so each needs an English text with the
    /// same placeholders.</summary>
    [Fact]
    public void Every_import_problem_and_column_help_has_an_English_text_with_the_same_placeholders()
    {
        var keys = typeof(ImportTexts).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)
            .Concat(MeasureColumns.All.Select(c => c.Help))
            .Append(MeasureImport.ExtraCells)
            .Append(ImportPlanModel.Created)
            .ToList();
        var localizer = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<SharedResource>>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Languages.English;
        try
        {
            foreach (var key in keys)
            {
                var english = localizer[key];
                Assert.False(english.ResourceNotFound, "No English for: " + key);
                Assert.Equal(Placeholders(key), Placeholders(english.Value));
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static List<string> Placeholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{\d\}").Select(m => m.Value).Order().Distinct().ToList();
}
