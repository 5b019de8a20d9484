using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Accounts;

/// <summary>The application with its clock in the test's hand, the production limits of failures per address,
/// and a test header that stands for the client's address, so one test can act from several places.</summary>
public abstract class ThrottleApp(DatabaseProvider provider) : ClockedApp(provider)
{
    public const string AddressHeader = "X-Test-Client-Address";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("SignInThrottle:FreeAddressFailures", new SignInThrottleOptions().FreeAddressFailures.ToString(CultureInfo.InvariantCulture))];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, proceed) =>
            {
                if (context.Request.Headers.TryGetValue(AddressHeader, out var address))
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                return proceed(context);
            });
            next(app);
        };
    }

    public HttpClient ClientFrom(string address)
    {
        var client = CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }
}

public sealed class SqliteThrottleApp() : ThrottleApp(DatabaseProvider.Sqlite);

public sealed class PostgresThrottleApp() : ThrottleApp(DatabaseProvider.Postgres);

/// <summary>Guessing is slowed down per account and per address, never by locking the account, and the
/// answers are the same whether an account exists or not.</summary>
public abstract class ThrottleTests(ThrottleApp app)
{
    private static int lastAddress;

    /// <summary>A documentation address (RFC 5737) no other test uses.</summary>
    private static string NewAddress() => "198.51.100." + Interlocked.Increment(ref lastAddress);

    private sealed record Answer(HttpStatusCode Status, string? RetryAfter, string Errors, string? Location);

    private static async Task<Answer> ReadAsync(HttpResponseMessage response)
    {
        var errors = response.Content.Headers.ContentType?.MediaType == "text/html"
            ? string.Join(" | ", (await HtmlForms.ParseAsync(response)).Errors())
            : "";
        return new Answer(response.StatusCode, response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(CultureInfo.InvariantCulture), errors, response.Headers.Location?.OriginalString);
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta ?? throw new InvalidOperationException("429 without Retry-After");

    [Fact]
    public async Task Wrong_passwords_for_an_existing_and_an_unknown_address_get_the_same_answers()
    {
        var user = await app.CreateUserAsync();
        var known = app.ClientFrom(NewAddress());
        var unknown = app.ClientFrom(NewAddress());
        var knownAnswers = new List<Answer>();
        var unknownAnswers = new List<Answer>();
        var nobody = "niemand-" + Guid.NewGuid().ToString("N")[..6] + "@example.org";

        for (var i = 0; i < 8; i++)
        {
            knownAnswers.Add(await ReadAsync(await known.SubmitLoginAsync(user.Email!, "Falsches-Passwort-" + i)));
            unknownAnswers.Add(await ReadAsync(await unknown.SubmitLoginAsync(nobody, "Falsches-Passwort-" + i)));
            if (i == 6) app.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(knownAnswers, unknownAnswers);
        Assert.All(knownAnswers.Take(5), a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(knownAnswers.Take(5), a => Assert.Equal("Die Anmeldung ist fehlgeschlagen. Bitte prüfen Sie E-Mail-Adresse und Passwort.", a.Errors));
        // The sixth attempt comes too early: refused with the time to wait, not a lock.
        Assert.Equal(HttpStatusCode.TooManyRequests, knownAnswers[5].Status);
        Assert.Equal("1", knownAnswers[5].RetryAfter);
        Assert.Equal("Zu viele fehlgeschlagene Versuche. Bitte versuchen Sie es in einer Sekunde erneut.", knownAnswers[5].Errors);
        Assert.Equal(HttpStatusCode.OK, knownAnswers[7].Status);
        Assert.Null(knownAnswers[7].Location);
    }

    [Fact]
    public async Task The_fifth_wrong_password_answers_alike_for_an_existing_and_an_unknown_address_from_one_client()
    {
        // One client, so the address counts too: a known and an unknown address tried in turn answer alike.
        var user = await app.CreateUserAsync();
        var client = app.ClientFrom(NewAddress());
        var unknownEmail = "unbekannt-" + Guid.NewGuid().ToString("N")[..6] + "@example.org";
        for (var i = 0; i < 5; i++)
        {
            var a = await ReadAsync(await client.SubmitLoginAsync(user.Email!, "Falsch-" + i));
            var b = await ReadAsync(await client.SubmitLoginAsync(unknownEmail, "Falsch-" + i));
            Assert.Equal(a, b);
        }
    }

    [Fact]
    public async Task The_owner_signs_in_from_another_address_after_twenty_failures_while_the_attacker_stays_slowed()
    {
        var m = await app.CreateMunicipalityAsync();
        var owner = await m.AddMemberAsync(MunicipalityRole.Administrator);
        var attacker = app.ClientFrom(NewAddress());

        var failures = 0;
        while (failures < 20)
        {
            var response = await attacker.SubmitLoginAsync(owner.Email!, "Geraten-" + failures);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) app.Clock.Advance(RetryAfter(response));
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                failures++;
            }
        }

        var ownerClient = app.ClientFrom(NewAddress());
        var first = await ownerClient.SubmitLoginAsync(owner.Email!, PlanwerkApp.Password);
        if (first.StatusCode == HttpStatusCode.TooManyRequests)
        {
            // A modest wait at most, never a lock.
            Assert.True(RetryAfter(first) <= new SignInThrottleOptions().AccountMaxDelay, $"The owner waits {RetryAfter(first)}");
            app.Clock.Advance(RetryAfter(first));
            first = await ownerClient.SubmitLoginAsync(owner.Email!, PlanwerkApp.Password);
        }
        Assert.Equal($"/{m.Slug}/manage", first.RedirectTarget());
        Assert.True(await ownerClient.IsSignedInAsync());

        // The attacker's address must still wait, far longer, even with the right password.
        var again = await attacker.SubmitLoginAsync(owner.Email!, PlanwerkApp.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.True(RetryAfter(again) > TimeSpan.FromMinutes(5), $"The attacker waits only {RetryAfter(again)}");
        Assert.False(await attacker.IsSignedInAsync());
    }

    [Fact]
    public async Task Wrong_current_passwords_on_the_change_password_page_are_throttled()
    {
        var user = await app.CreateUserAsync();
        var client = app.ClientFrom(NewAddress());
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitLoginAsync(user.Email!, PlanwerkApp.Password)).StatusCode);
        Dictionary<string, string?> Change(string current) => new()
        {
            ["Input.CurrentPassword"] = current,
            ["Input.Password"] = "Neues-Passwort-456",
            ["Input.ConfirmPassword"] = "Neues-Passwort-456",
        };

        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.SubmitFormAsync("/account/change-password", Change("Falsch-" + i));
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        var refused = await client.SubmitFormAsync("/account/change-password", Change(PlanwerkApp.Password));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains((await HtmlForms.ParseAsync(refused)).Errors(), e => e.StartsWith("Zu viele fehlgeschlagene Versuche.", StringComparison.Ordinal));

        app.Clock.Advance(RetryAfter(refused));
        Assert.Equal("/account", (await client.SubmitFormAsync("/account/change-password", Change(PlanwerkApp.Password))).RedirectTarget());
    }

    [Fact]
    public async Task Wrong_passwords_on_the_disable_two_factor_page_are_throttled()
    {
        var user = await app.CreateUserAsync();
        var client = app.ClientFrom(NewAddress());
        await client.SubmitLoginAsync(user.Email!, PlanwerkApp.Password);
        await EnableTwoFactorAsync(client);

        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.SubmitFormAsync("/account/two-factor/disable", new Dictionary<string, string?> { ["Input.Password"] = "Falsch-" + i });
            Assert.Contains((await HtmlForms.ParseAsync(wrong)).Errors(), e => e == "Das Passwort ist falsch.");
        }
        var refused = await client.SubmitFormAsync("/account/two-factor/disable", new Dictionary<string, string?> { ["Input.Password"] = PlanwerkApp.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(await TwoFactorEnabledAsync(user.Id));

        app.Clock.Advance(RetryAfter(refused));
        var off = await client.SubmitFormAsync("/account/two-factor/disable", new Dictionary<string, string?> { ["Input.Password"] = PlanwerkApp.Password });
        Assert.Equal("/account/two-factor", off.RedirectTarget());
        Assert.False(await TwoFactorEnabledAsync(user.Id));
    }

    [Fact]
    public async Task An_authenticator_code_is_accepted_once()
    {
        var user = await app.CreateUserAsync();
        var key = await EnableTwoFactorAsync(app.ClientFrom(NewAddress()), user.Email!);
        // The code of the next step: the one shown for the set-up was used there.
        var code = AccountTestSupport.CodeAt(key, app.Clock.GetUtcNow().AddSeconds(30));

        var first = app.ClientFrom(NewAddress());
        await first.SubmitLoginAsync(user.Email!, PlanwerkApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitFormAsync("/account/login-2fa", new Dictionary<string, string?> { ["Input.Code"] = code })).StatusCode);
        Assert.True(await first.IsSignedInAsync());

        var replay = app.ClientFrom(NewAddress());
        await replay.SubmitLoginAsync(user.Email!, PlanwerkApp.Password);
        var refused = await replay.SubmitFormAsync("/account/login-2fa", new Dictionary<string, string?> { ["Input.Code"] = code });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains((await HtmlForms.ParseAsync(refused)).Errors(), e => e.StartsWith("Der Code ist ungültig.", StringComparison.Ordinal));
        Assert.False(await replay.IsSignedInAsync());

        app.Clock.Advance(TimeSpan.FromSeconds(60));
        var later = await replay.SubmitFormAsync("/account/login-2fa", new Dictionary<string, string?> { ["Input.Code"] = AccountTestSupport.CodeAt(key, app.Clock.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        Assert.True(await replay.IsSignedInAsync());
    }

    [Fact]
    public async Task A_recovery_code_does_not_sign_in_while_the_account_must_wait()
    {
        var user = await app.CreateUserAsync();
        var (key, recoveryCodes) = await EnableTwoFactorWithCodesAsync(app.ClientFrom(NewAddress()), user.Email!);
        var client = app.ClientFrom(NewAddress());
        await client.SubmitLoginAsync(user.Email!, PlanwerkApp.Password);
        var wrong = AccountTestSupport.WrongCode(key, app.Clock.GetUtcNow().UtcDateTime);
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.SubmitFormAsync("/account/login-2fa", new Dictionary<string, string?> { ["Input.Code"] = wrong })).StatusCode);

        var refused = await client.SubmitFormAsync("/account/login-recovery", new Dictionary<string, string?> { ["Input.RecoveryCode"] = recoveryCodes[0] });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.False(await client.IsSignedInAsync());
        app.Clock.Advance(RetryAfter(refused));
        var used = await client.SubmitFormAsync("/account/login-recovery", new Dictionary<string, string?> { ["Input.RecoveryCode"] = recoveryCodes[0] });
        Assert.Equal("/account", used.RedirectTarget());
    }

    [Fact]
    public async Task A_recovery_code_does_not_sign_in_a_locked_account()
    {
        var user = await app.CreateUserAsync();
        var (_, recoveryCodes) = await EnableTwoFactorWithCodesAsync(app.ClientFrom(NewAddress()), user.Email!);
        var client = app.ClientFrom(NewAddress());
        await client.SubmitLoginAsync(user.Email!, PlanwerkApp.Password);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlanwerkUser>>();
            var stored = await users.FindByIdAsync(user.Id);
            await users.SetLockoutEndDateAsync(stored!, app.Clock.GetUtcNow().AddHours(1));
        }

        var refused = await client.SubmitFormAsync("/account/login-recovery", new Dictionary<string, string?> { ["Input.RecoveryCode"] = recoveryCodes[0] });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains((await HtmlForms.ParseAsync(refused)).Errors(), e => e.StartsWith("Dieser Wiederherstellungscode ist ungültig", StringComparison.Ordinal));
        Assert.False(await client.IsSignedInAsync());
    }

    private async Task<string> EnableTwoFactorAsync(HttpClient client, string? email = null) =>
        (await EnableTwoFactorWithCodesAsync(client, email)).Key;

    private async Task<(string Key, IReadOnlyList<string> Codes)> EnableTwoFactorWithCodesAsync(HttpClient client, string? email)
    {
        if (email is not null) await client.SubmitLoginAsync(email, PlanwerkApp.Password);
        var page = await client.GetDocumentAsync("/account/two-factor/enable");
        var key = page.QuerySelector("#shared-key")!.TextContent;
        var response = await client.SubmitFormAsync(page, "/account/two-factor/enable", new Dictionary<string, string?> { ["Input.Code"] = AccountTestSupport.CodeAt(key, app.Clock.GetUtcNow()) });
        var result = await HtmlForms.ParseAsync(response);
        var codes = result.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    private async Task<bool> TwoFactorEnabledAsync(string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>();
        return db.Users.Single(u => u.Id == userId).TwoFactorEnabled;
    }
}

public sealed class ThrottleSqliteTests(SqliteThrottleApp app) : ThrottleTests(app), IClassFixture<SqliteThrottleApp>;

public sealed class ThrottlePostgresTests(PostgresThrottleApp app) : ThrottleTests(app), IClassFixture<PostgresThrottleApp>;
