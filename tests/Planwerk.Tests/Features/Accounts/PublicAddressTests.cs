using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Planwerk.Data;
using Planwerk.Infrastructure.Security;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Accounts;

/// <summary>An installation reached at http://planwerk.pruefstadt.example/beteiligung, mailing through a
/// real SMTP server.</summary>
public abstract class PublicAddressApp(DatabaseProvider provider) : MailingApp(provider)
{
    public const string Address = "http://planwerk.pruefstadt.example/beteiligung";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, new("Planwerk:PublicAddress", Address)];
}

public sealed class SqlitePublicAddressApp() : PublicAddressApp(DatabaseProvider.Sqlite);

public sealed class PostgresPublicAddressApp() : PublicAddressApp(DatabaseProvider.Postgres);

/// <summary>Links in mails come from the configured public address, never from the request's Host.</summary>
public abstract class PublicAddressTests(PublicAddressApp app)
{
    private HttpClient ClientWithForgedHost() =>
        app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("http://evil.example/"),
        });

    [Fact]
    public async Task Forgot_password_with_a_forged_Host_mails_a_link_to_the_configured_address()
    {
        var user = await app.CreateUserAsync();
        var client = ClientWithForgedHost();

        var response = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string?> { ["Input.Email"] = user.Email });

        Assert.Equal("/account/forgot-password?sent=true", response.RedirectTarget());
        var mail = await app.Smtp.WaitForMessageToAsync(user.Email!);
        Assert.DoesNotContain("evil.example", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(PublicAddressApp.Address + "/account/reset-password?userId=", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_with_a_forged_Host_mails_a_confirmation_link_to_the_configured_address()
    {
        var email = $"neu-{Guid.NewGuid():N}@example.org";
        var client = ClientWithForgedHost();

        await client.SubmitFormAsync("/account/register", new Dictionary<string, string?>
        {
            ["Input.DisplayName"] = HostileText.Script,
            ["Input.Email"] = email,
            ["Input.Password"] = "Drei-Worte-Fuer-Dresden-7",
            ["Input.ConfirmPassword"] = "Drei-Worte-Fuer-Dresden-7",
            ["Input.Consent"] = "true",
        }, "#register-form");

        var mail = await app.Smtp.WaitForMessageToAsync(email);
        Assert.DoesNotContain("evil.example", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(PublicAddressApp.Address + "/account/confirm-email?userId=", mail.TextBody, StringComparison.Ordinal);
    }
}

public sealed class PublicAddressSqliteTests(SqlitePublicAddressApp app) : PublicAddressTests(app), IClassFixture<SqlitePublicAddressApp>;

public sealed class PublicAddressPostgresTests(PostgresPublicAddressApp app) : PublicAddressTests(app), IClassFixture<PostgresPublicAddressApp>;

/// <summary>Production (and any environment but Development) refuses to start without a public address:
/// the host runs the registered start-up validation before anything else and stops with its message.</summary>
public sealed class PublicAddressRequiredTests
{
    private static Exception? StartValidation(string environment, string? address)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("Planwerk:PublicAddress", address)]).Build();
        var host = new Environment { EnvironmentName = environment };
        var services = new ServiceCollection();
        services.AddPublicAddress(configuration, host);
        using var provider = services.BuildServiceProvider();
        return Record.Exception(() => provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate());
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public void Start_without_a_public_address_is_refused_with_the_setting_named(string environment)
    {
        var refused = Assert.IsType<Microsoft.Extensions.Options.OptionsValidationException>(StartValidation(environment, null));

        Assert.Contains("Planwerk:PublicAddress is not set", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://planwerk.example")]
    [InlineData("planwerk.example")]
    [InlineData("https://planwerk.example/?a=b")]
    public void A_public_address_that_is_no_http_address_is_refused(string address)
    {
        var refused = Assert.IsType<Microsoft.Extensions.Options.OptionsValidationException>(StartValidation("Production", address));

        Assert.Contains("must be an absolute http or https address", refused.Message, StringComparison.Ordinal);
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "";
        public string ApplicationName { get; set; } = "Planwerk";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    [Fact]
    public void Development_starts_without_one_and_links_to_the_local_address()
    {
        Assert.Null(StartValidation("Development", null));
        Assert.Null(StartValidation("Production", "https://planwerk.dresden.de"));
    }
}
