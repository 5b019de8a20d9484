namespace Planwerk.Features.Accounts;

/// <summary>A rough name for the browser and system of a session, read from its user agent, enough for a
/// person to recognise their own devices ("Firefox auf Windows"). Unknown parts stay empty.</summary>
public sealed record SessionDevice(string Browser, string System)
{
    public static SessionDevice FromUserAgent(string userAgent)
    {
        bool Has(string part) => userAgent.Contains(part, StringComparison.OrdinalIgnoreCase);
        var browser = Has("Edg/") ? "Edge"
            : Has("OPR/") || Has("Opera") ? "Opera"
            : Has("Firefox/") ? "Firefox"
            : Has("Chromium/") ? "Chromium"
            : Has("Chrome/") ? "Chrome"
            : Has("Safari/") ? "Safari"
            : "";
        var system = Has("Android") ? "Android"
            : Has("iPhone") || Has("iPad") ? "iOS"
            : Has("Windows") ? "Windows"
            : Has("Mac OS X") || Has("Macintosh") ? "macOS"
            : Has("CrOS") ? "ChromeOS"
            : Has("Linux") ? "Linux"
            : "";
        return new SessionDevice(browser, system);
    }
}
