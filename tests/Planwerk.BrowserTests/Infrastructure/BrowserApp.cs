using Microsoft.Playwright;
using Planwerk.Data;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.BrowserTests.Infrastructure;

/// <summary>The real application on Kestrel at a free loopback port, and a real Chromium
/// (Debian's, at /usr/bin/chromium or CHROMIUM_PATH) driven through Playwright.</summary>
public sealed class BrowserApp() : PlanwerkApp(DatabaseProvider.Sqlite)
{
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    protected override void Start()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
            throw new InvalidOperationException($"Chromium not found at {executable}. The test command installs it (apt-get install -y chromium).");
        playwright = await Playwright.CreateAsync();
        // Assertions that wait (page arrived, element shows) get as long as actions and navigations do: on a busy
        // two-core machine a page now and then takes more than the 5 seconds assertions wait by default.
        Assertions.SetDefaultExpectTimeout(15_000);
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // Root in a container cannot use Chromium's sandbox; the rest keeps it off the closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>A fresh browser context (own cookies) with a page, addressing the app.</summary>
    public async Task<IPage> NewPageAsync(string? locale = "de-DE")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = locale });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }
}
