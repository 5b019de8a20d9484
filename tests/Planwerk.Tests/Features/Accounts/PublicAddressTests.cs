using Microsoft.AspNetCore.Hosting;
using Planwerk.Data;
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

/// <summary>Production (and any environment but Development) refuses to start without a public address.</summary>
public sealed class PublicAddressRequiredTests
{
    private sealed class UnaddressedApp(string environment) : PlanwerkApp(DatabaseProvider.Sqlite)
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Planwerk:PublicAddress", "")];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
        }
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Start_without_a_public_address_is_refused_with_the_setting_named(string environment)
    {
        await using var app = new UnaddressedApp(environment);

        var refused = await Record.ExceptionAsync(app.InitializeAsync);

        Assert.NotNull(refused);
        Assert.Contains("Planwerk:PublicAddress is not set", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_public_address_that_is_no_http_address_is_refused()
    {
        await using var app = new AddressedApp("ftp://planwerk.example");

        var refused = await Record.ExceptionAsync(app.InitializeAsync);

        Assert.NotNull(refused);
        Assert.True(refused.ToString().Contains("must be an absolute http or https address", StringComparison.Ordinal), refused.ToString());
    }

    private sealed class AddressedApp(string address) : PlanwerkApp(DatabaseProvider.Sqlite)
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Planwerk:PublicAddress", address)];
    }
}
