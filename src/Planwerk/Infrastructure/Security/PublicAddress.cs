namespace Planwerk.Infrastructure.Security;

/// <summary>The address at which people reach this installation (<c>Planwerk:PublicAddress</c>, e.g.
/// <c>https://planwerk.dresden.de</c>). Every link in a mail is built from it, never from the request's
/// <c>Host</c>, so a forged header cannot put a foreign address into a password mail. An https address
/// also switches on the HTTPS redirect, HSTS and <c>Secure</c> cookies.</summary>
public sealed class PublicAddress
{
    public const string Setting = "Planwerk:PublicAddress";

    /// <summary>Used in Development when the setting is empty: the address of the launch profile.</summary>
    public const string DevelopmentDefault = "http://localhost:5080";

    public PublicAddress(Uri root) => Root = root;

    /// <summary>Scheme, host, port and the path the installation lives under, without a trailing slash.</summary>
    public Uri Root { get; }

    public bool IsHttps => Root.Scheme == Uri.UriSchemeHttps;

    /// <summary>An absolute address of <paramref name="pathAndQuery"/> (starting with "/") on this installation.</summary>
    public string Link(string pathAndQuery) => Root.GetLeftPart(UriPartial.Authority) + Root.AbsolutePath.TrimEnd('/') + pathAndQuery;

    /// <summary>The configured address, or (only in Development) the local default; otherwise the reason
    /// the installation may not start.</summary>
    public static (PublicAddress? Address, string? Error) Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var value = configuration[Setting]?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return environment.IsDevelopment()
                ? (new PublicAddress(new Uri(DevelopmentDefault)), null)
                : (null, $"{Setting} is not set. Set it to the address at which people reach this installation, e.g. "
                    + "https://planwerk.example.org (environment variable Planwerk__PublicAddress). Links in mails are built from it.");
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return (null, $"{Setting} must be an absolute http or https address without query, e.g. https://planwerk.example.org, not '{value}'.");
        }
        return (new PublicAddress(uri), null);
    }
}

public static class PublicAddressRegistration
{
    /// <summary>Registers the public address. When it is missing or wrong, the web server refuses to start
    /// with the reason (commands such as create-admin, which send no mail, still run).</summary>
    public static PublicAddress AddPublicAddress(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var (address, error) = PublicAddress.Read(configuration, environment);
        address ??= new PublicAddress(new Uri("http://localhost"));
        services.AddSingleton(address);
        services.AddOptions<PublicAddressCheck>().Validate(_ => error is null, error ?? "").ValidateOnStart();
        return address;
    }

    private sealed class PublicAddressCheck;
}
