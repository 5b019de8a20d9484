using System.Globalization;
using Planwerk.Infrastructure.Localization;

namespace Planwerk.Tests.Infrastructure;

/// <summary>Formats as a German page or mail would, whatever the language of the machine running the tests.</summary>
public static class GermanText
{
    public static string Of(Func<string> format)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Languages.German;
        try
        {
            return format();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
