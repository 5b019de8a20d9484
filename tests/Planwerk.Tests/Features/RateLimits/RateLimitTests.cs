using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Data;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.RateLimits;

/// <summary>The application with low limits and a one-minute window. The framework's fixed windows keep their
/// own time (a fake clock cannot move them), so a short window made the counts depend on how fast the machine
/// sent the posts: a window that ran out in the middle of a test's posts counted them afresh. Within a minute
/// every test here is done, so the counts are exact. A request names its client address in a header, so each
/// test chooses its own; requests without it come from a new address each time, so the helpers that sign
/// people in are never limited.</summary>
public abstract class RateLimitApp(DatabaseProvider provider) : PlanwerkApp(provider)
{
    public const int AccountForms = 3;
    public const int ParticipationWrites = 2;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private const string AddressHeader = "X-Test-Client-Address";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("RateLimits:AccountFormsPerMinute", AccountForms.ToString(CultureInfo.InvariantCulture)),
        new("RateLimits:ParticipationWritesPerMinute", ParticipationWrites.ToString(CultureInfo.InvariantCulture)),
        new("RateLimits:Window", Window.ToString("c", CultureInfo.InvariantCulture)),
    ];

    /// <summary>A browser-like client whose requests all come from <paramref name="address"/>.</summary>
    public HttpClient ClientFrom(string address)
    {
        var client = CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                var named = context.Request.Headers[AddressHeader].ToString();
                context.Connection.RemoteIpAddress = named.Length > 0 ? IPAddress.Parse(named) : new IPAddress(Guid.NewGuid().ToByteArray());
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class SqliteRateLimitApp() : RateLimitApp(DatabaseProvider.Sqlite);

public sealed class PostgresRateLimitApp() : RateLimitApp(DatabaseProvider.Postgres);

/// <summary>Account forms are limited per client address, participation writes per person; only posts
/// count, a refused post changes nothing and is answered with 429, Retry-After and a page that says to wait.</summary>
public abstract class RateLimitTests(RateLimitApp app)
{
    private const string WaitMessage = "Von Ihnen sind in kurzer Zeit sehr viele Formulare eingegangen. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.";

    private static async Task<TimeSpan> AssertRefusedAsync(HttpResponseMessage response, string message = WaitMessage)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta ?? throw new InvalidOperationException("429 without Retry-After seconds");
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), RateLimitApp.Window);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("main")?.TextContent ?? "", StringComparison.Ordinal);
        return retryAfter;
    }

    [Fact]
    public async Task Sign_in_posts_over_the_limit_from_one_address_are_refused_and_told_when_to_come_back()
    {
        var user = await app.CreateUserAsync();
        var client = app.ClientFrom("203.0.113.10");
        for (var i = 0; i < RateLimitApp.AccountForms; i++)
        {
            // Each submission also reads the login page first: GETs are not counted.
            var wrong = await client.SubmitLoginAsync($"nobody-{i}@example.org", "Falsches-Passwort-1");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        // The right password does not help over the limit, and nothing of the refused sign-in is applied.
        var refused = await client.SubmitLoginAsync(user.Email!, PlanwerkApp.Password);
        await AssertRefusedAsync(refused);
        Assert.False(await client.IsSignedInAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/forgot-password")).StatusCode);

        // The limit covers all account forms of the address together.
        var forgot = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string?> { ["Input.Email"] = user.Email });
        await AssertRefusedAsync(forgot);

        // Another address is not affected.
        var other = app.ClientFrom("203.0.113.11");
        Assert.Equal("/account", (await other.SubmitLoginAsync(user.Email!, PlanwerkApp.Password)).RedirectTarget());
    }

    [Fact]
    public async Task The_refusal_page_speaks_English_to_those_who_chose_it()
    {
        var client = app.ClientFrom("203.0.113.20");
        await client.GetAsync("/language/en?returnUrl=/");
        for (var i = 0; i < RateLimitApp.AccountForms; i++)
        {
            var sent = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string?> { ["Input.Email"] = $"nobody-{i}@example.org" });
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var refused = await client.SubmitFormAsync("/account/register", new Dictionary<string, string?> { ["Input.Email"] = "new@example.org" });
        await AssertRefusedAsync(refused, "We have received a great many forms from you in a short time. Please wait a minute and then try again.");
        Assert.Contains("Too many requests", (await HtmlForms.ParseAsync(refused)).Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Participation_writes_over_the_limit_are_refused_per_person_and_nothing_is_saved()
    {
        var m = await app.CreateMunicipalityAsync();
        var now = DateTimeOffset.UtcNow;
        var roundId = await m.AddCommentableRoundAsync(now.AddHours(-1), now.AddDays(7));
        var url = string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/consultations/{roundId}/comments");
        var first = await app.CreateUserAsync();
        var second = await app.CreateUserAsync();
        var firstClient = await app.SignInAsync(first.Email!);
        var secondClient = await app.SignInAsync(second.Email!);
        Task<HttpResponseMessage> PostAsync(HttpClient client, string text) =>
            client.SubmitFormAsync(url, new Dictionary<string, string?> { ["Comment.Text"] = text }, "#comment-form");

        for (var i = 0; i < RateLimitApp.ParticipationWrites; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(firstClient, "Kommentar " + i)).StatusCode);
        }
        await AssertRefusedAsync(await PostAsync(firstClient, "Einer zu viel"));
        Assert.Equal(HttpStatusCode.OK, (await firstClient.GetAsync(url)).StatusCode);

        // Another person is not affected.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(secondClient, "Von jemand anderem")).StatusCode);

        var texts = await m.WithDbAsync(db => db.RoundComments.OrderBy(c => c.Id).Select(c => c.Text).ToListAsync());
        Assert.Equal(["Kommentar 0", "Kommentar 1", "Von jemand anderem"], texts);
    }
}

public sealed class RateLimitSqliteTests(SqliteRateLimitApp app) : RateLimitTests(app), IClassFixture<SqliteRateLimitApp>;

public sealed class RateLimitPostgresTests(PostgresRateLimitApp app) : RateLimitTests(app), IClassFixture<PostgresRateLimitApp>;
