using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;

namespace Planwerk.Infrastructure.Security;

/// <summary>Settings under <c>Proxy</c>: the reverse proxies whose forwarded headers Planwerk trusts.
/// Without any, forwarded headers are ignored and the connection's address and scheme count.</summary>
public sealed class ProxyOptions
{
    /// <summary>Addresses of the proxies, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>How Planwerk runs behind a TLS-terminating reverse proxy: X-Forwarded-For, -Proto and -Host
/// are taken only from the configured proxies (so the rate limits count the real client), and with an
/// https public address every request is sent to https, answered with HSTS, and every cookie is
/// <c>Secure</c>.</summary>
public static class ReverseProxy
{
    public static IServiceCollection AddPlanwerkReverseProxy(this IServiceCollection services, IConfiguration configuration, PublicAddress address)
    {
        var proxy = configuration.GetSection("Proxy").Get<ProxyOptions>() ?? new ProxyOptions();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Only the proxies named here; the framework's default (loopback) is not trusted silently.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var entry in proxy.KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p)))
                o.KnownProxies.Add(IPAddress.TryParse(entry.Trim(), out var ip) ? ip
                    : throw new InvalidOperationException($"Proxy:KnownProxies: '{entry}' is no IP address."));
            foreach (var entry in proxy.KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n)))
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(entry.Trim(), out var network) ? network
                    : throw new InvalidOperationException($"Proxy:KnownNetworks: '{entry}' is no network in CIDR notation (e.g. 10.0.0.0/24)."));
            // A forwarded host is accepted only when it is the installation's own.
            o.AllowedHosts = [address.Root.Host];
        });
        services.AddSingleton(new TrustedProxies(proxy.KnownProxies.Length + proxy.KnownNetworks.Length > 0));
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = address.IsHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.HttpOnly = HttpOnlyPolicy.None;
            o.MinimumSameSitePolicy = SameSiteMode.Unspecified;
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });
        return services;
    }

    /// <summary>First in the pipeline: the forwarded headers of trusted proxies, the redirect to https,
    /// HSTS and the cookie policy.</summary>
    public static IApplicationBuilder UsePlanwerkReverseProxy(this IApplicationBuilder app, PublicAddress address, bool development)
    {
        if (app.ApplicationServices.GetRequiredService<TrustedProxies>().Any) app.UseForwardedHeaders();
        if (address.IsHttps && !development)
        {
            app.Use((context, next) =>
            {
                // Health probes come straight to the container, often over plain http.
                if (context.Request.IsHttps || context.Request.Path.StartsWithSegments("/health")) return next(context);
                context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
                context.Response.Headers.Location = address.Link(context.Request.Path.Value + context.Request.QueryString.Value);
                return Task.CompletedTask;
            });
            app.UseHsts();
        }
        app.UseCookiePolicy();
        return app;
    }

    private sealed record TrustedProxies(bool Any);
}
