using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Planwerk.Infrastructure.Localization;

/// <summary>Marker for the shared interface texts. Keys are the German texts themselves (German is
/// the interface's first language); <c>SharedResource.en.resx</c> holds the English ones.</summary>
public sealed class SharedResource;

public static class Languages
{
    public static readonly CultureInfo German = CultureInfo.GetCultureInfo("de");
    /// <summary>British English: day before month, as German readers of an English page expect.</summary>
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    public static readonly IReadOnlyList<CultureInfo> Supported = [German, English];

    public static IServiceCollection AddPlanwerkLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(German);
            o.SupportedCultures = [.. Supported];
            o.SupportedUICultures = [.. Supported];
            // A chosen language is kept in a cookie; without one, German. The browser's
            // Accept-Language is not followed, so every address shows the same page to everyone
            // until they choose otherwise (and cached pages stay correct).
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>GET /language/{culture}?returnUrl=...: stores the choice and goes back. A plain link, so it works without JavaScript.</summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/language/{culture}", (string culture, string? returnUrl, HttpContext context) =>
        {
            var chosen = Supported.FirstOrDefault(c => c.Name == culture || c.TwoLetterISOLanguageName == culture);
            if (chosen is null) return Results.NotFound();
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            var target = !string.IsNullOrEmpty(returnUrl) && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
                ? returnUrl : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
