using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Features.Municipalities;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Infrastructure.Instances;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Features.Plans.PublicSite;

namespace Planwerk.Tests.Infrastructure;

/// <summary>One instance of the application on a database another instance uses too (or used before, on SQLite).</summary>
public sealed class Instance : PlanwerkApp
{
    private readonly int? smtpPort;

    public Instance(DatabaseProvider provider, string connectionString, int? smtpPort = null) : base(provider)
    {
        ConnectionString = connectionString;
        this.smtpPort = smtpPort;
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => smtpPort is not { } port ? [] :
    [
        new("Mail:SmtpHost", "127.0.0.1"),
        new("Mail:SmtpPort", port.ToString(CultureInfo.InvariantCulture)),
        new("Mail:PickupDirectory", ""),
    ];

    public T HostedService<T>() => Services.GetServices<IHostedService>().OfType<T>().Single();

    /// <summary>A client whose cookies live in <paramref name="jar"/>, which clients of other instances may share, as a
    /// browser behind a load balancer would: each request may reach another instance.</summary>
    public HttpClient ClientWith(CookieContainer jar) => CreateDefaultClient(new CookieJar(jar));

    private sealed class CookieJar(CookieContainer jar) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            var cookies = jar.GetCookieHeader(uri);
            if (cookies.Length > 0) request.Headers.Add("Cookie", cookies);
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
                foreach (var cookie in set) jar.SetCookies(uri, cookie);
            return response;
        }
    }
}

/// <summary>Two instances on one throw-away PostgreSQL database, mailing to one SMTP server.</summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public SmtpTestServer Smtp { get; private set; } = null!;
    public Instance A { get; private set; } = null!;
    public Instance B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Smtp = await SmtpTestServer.StartAsync();
        var database = await PostgresServer.CreateDatabaseAsync();
        A = new Instance(DatabaseProvider.Postgres, database, Smtp.Port);
        await A.InitializeAsync();
        B = new Instance(DatabaseProvider.Postgres, database, Smtp.Port);
        await B.InitializeAsync();
        await Task.WhenAll(A.HostedService<CacheEvictionListener>().Listening, B.HostedService<CacheEvictionListener>().Listening).WaitAsync(TimeSpan.FromSeconds(20));
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>Several instances behind a load balancer without sticky sessions (docs/scaling.md): whichever instance a
/// request reaches, sign-ins and forms hold, cached pages follow edits made on another instance, and background work is
/// done once.</summary>
public sealed class MultiInstanceTests(TwoInstances apps) : IClassFixture<TwoInstances>
{
    private static readonly string Hostile = "<script>alert(1)</script> שלום " + new string('x', 150);

    private static async Task ExecuteAsync(string connectionString, string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_sign_in_form_loaded_on_one_instance_posts_on_the_other_and_its_cookie_is_accepted_by_both()
    {
        var m = await apps.A.CreateMunicipalityAsync();
        var user = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        var jar = new CookieContainer();
        var onA = apps.A.ClientWith(jar);
        var onB = apps.B.ClientWith(jar);

        // The form and its antiforgery cookie come from A; B checks the token.
        var form = await onA.GetDocumentAsync("/account/login");
        var signedIn = await onB.SubmitFormAsync(form, "/account/login", new Dictionary<string, string?>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = PlanwerkApp.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(jar.GetAllCookies(), c => c.Name == "planwerk.auth");

        // The cookie B issued opens the signed-in pages on A and on B; without it they send to the sign-in.
        foreach (var client in new[] { onA, onB })
        {
            var account = await client.GetAsync("/account");
            Assert.Equal(HttpStatusCode.OK, account.StatusCode);
            Assert.Contains(user.Email!, await account.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await apps.A.CreateDefaultClient().GetAsync("/account")).StatusCode);

        // Both instances use the one key stored in the database (not keys of their own in a folder).
        var keysA = apps.A.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => k.KeyId).ToList();
        var keysB = apps.B.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => k.KeyId).ToList();
        var stored = await apps.A.InMunicipalityAsync(m.Id, (db, _) => Task.FromResult(db.DataProtectionKeys.Select(k => k.FriendlyName ?? "").ToList()));
        Assert.Single(keysA);
        Assert.Equal(keysA, keysB);
        Assert.Equal(["key-" + keysA[0].ToString("D")], stored);
    }

    [Fact]
    public async Task Failed_sign_ins_on_several_instances_count_together()
    {
        var m = await apps.A.CreateMunicipalityAsync();
        var user = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        var free = new Planwerk.Features.Accounts.SignInThrottleOptions().FreeAccountFailures;
        async Task<HttpStatusCode> TryAsync(Instance instance) =>
            (await instance.CreateBrowserlikeClient().SubmitFormAsync("/account/login", new Dictionary<string, string?>
            {
                ["Input.Email"] = user.Email,
                ["Input.Password"] = "falsch " + Hostile,
            })).StatusCode;

        // The free failures spread over both instances, as a guesser behind a load balancer would.
        for (var i = 0; i < free; i++) Assert.Equal(HttpStatusCode.OK, await TryAsync(i % 2 == 0 ? apps.A : apps.B));

        Assert.Equal(HttpStatusCode.TooManyRequests, await TryAsync(apps.A));
        Assert.Equal(HttpStatusCode.TooManyRequests, await TryAsync(apps.B));
    }

    [Fact]
    public async Task An_edit_on_one_instance_changes_the_other_instances_cached_page_within_a_second()
    {
        var m = await apps.A.CreateMunicipalityAsync();
        var plan = await m.AddPlanAsync(title: "Alter Titel");
        var url = plan.Url(m);
        var visitorOnB = apps.B.CreateClient();
        Assert.Contains("Alter Titel", await visitorOnB.GetStringAsync(url), StringComparison.Ordinal);

        // B serves its cached copy: a change written past the application (which evicts nothing) does not show.
        await ExecuteAsync(apps.A.ConnectionString, "UPDATE \"Plans\" SET \"Title\" = $1 WHERE \"Id\" = $2", "Unbemerkt", plan.Plan.Id);
        var cached = await visitorOnB.GetStringAsync(url);
        Assert.Contains("Alter Titel", cached, StringComparison.Ordinal);
        Assert.DoesNotContain("Unbemerkt", cached, StringComparison.Ordinal);

        var editorOnA = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var saved = await editorOnA.SubmitFormAsync($"/{m.Slug}/manage/plans/{plan.Plan.Id.ToString(CultureInfo.InvariantCulture)}",
            new Dictionary<string, string?> { ["Input.Title"] = "Neuer Titel " + Hostile });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var watch = Stopwatch.StartNew();
        string page;
        do page = await visitorOnB.GetStringAsync(url);
        while (!page.Contains("Neuer Titel", StringComparison.Ordinal) && watch.Elapsed < TimeSpan.FromSeconds(1) && await Pause());
        Assert.Contains("Neuer Titel &lt;script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_instance_that_lost_its_listening_connection_listens_again_and_evicts_what_it_may_have_missed()
    {
        var m = await apps.A.CreateMunicipalityAsync();
        var plan = await m.AddPlanAsync(title: "Vor der Unterbrechung");
        var url = plan.Url(m);
        var visitorOnB = apps.B.CreateClient();
        Assert.Contains("Vor der Unterbrechung", await visitorOnB.GetStringAsync(url), StringComparison.Ordinal);
        var listener = apps.B.HostedService<CacheEvictionListener>();
        var before = listener.Reconnects;

        // The listening connections are cut; meanwhile the plan changes and no notification reaches B.
        await ExecuteAsync(apps.A.ConnectionString,
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()",
            CacheEvictionListener.ApplicationName);
        await ExecuteAsync(apps.A.ConnectionString, "UPDATE \"Plans\" SET \"Title\" = $1 WHERE \"Id\" = $2", "Nach der Unterbrechung", plan.Plan.Id);

        var watch = Stopwatch.StartNew();
        while (listener.Reconnects == before && watch.Elapsed < TimeSpan.FromSeconds(15)) await Task.Delay(50);
        Assert.True(listener.Reconnects > before, "B did not listen again");
        Assert.Contains("Nach der Unterbrechung", await visitorOnB.GetStringAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_due_reminder_is_mailed_once_when_both_instances_run_their_round_at_the_same_time()
    {
        var m = await apps.A.CreateMunicipalityAsync();
        var organisation = await m.AddStakeholderAsync("Verein " + Hostile);
        var members = new[] { await apps.A.CreateUserAsync(), await apps.B.CreateUserAsync() };
        foreach (var member in members) await m.AddStakeholderMemberAsync(organisation, member.Id);
        var now = DateTimeOffset.UtcNow;
        var title = "Runde " + Guid.NewGuid().ToString("N")[..8];
        await m.AddRoundAsync(now.AddMinutes(-5), now.AddDays(1), RoundAudience.InvitedOrganisations, [organisation], title: title);
        var onA = apps.A.HostedService<ConsultationReminderService>();
        var onB = apps.B.HostedService<ConsultationReminderService>();
        int Mails(string email) => apps.Smtp.MessagesTo(email).Count(x => (x.Subject ?? "").Contains(title, StringComparison.Ordinal));

        // While another instance runs the round, this instance skips its own.
        // A connection of its own (a pooled one would keep the session, and the lock, after it is closed).
        await using (var other = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(apps.A.ConnectionString) { Pooling = false }.ConnectionString))
        {
            await other.OpenAsync();
            await using var take = new NpgsqlCommand("SELECT pg_advisory_lock($1)", other);
            take.Parameters.Add(new NpgsqlParameter { Value = JobLocks.Key(ConsultationReminderService.Job) });
            await take.ExecuteNonQueryAsync();
            Assert.False(await onA.RunRoundAsync(CancellationToken.None));
            Assert.All(members, u => Assert.Equal(0, Mails(u.Email!)));
        }

        var ran = await Task.WhenAll(onA.RunRoundAsync(CancellationToken.None), onB.RunRoundAsync(CancellationToken.None));
        Assert.Contains(true, ran);
        foreach (var member in members) await apps.Smtp.WaitForMessageToAsync(member.Email!);
        // A later round on either instance finds the reminder sent.
        Assert.True(await onB.RunRoundAsync(CancellationToken.None));
        Assert.True(await onA.RunRoundAsync(CancellationToken.None));
        await Task.Delay(300);
        Assert.All(members, u => Assert.Equal(1, Mails(u.Email!)));
    }

    private static async Task<bool> Pause()
    {
        await Task.Delay(25);
        return true;
    }
}

/// <summary>One instance on SQLite, as before: the keys are in the database file, so a restart keeps every sign-in;
/// the cache needs nothing more than on one instance.</summary>
public sealed class SqliteKeyTests
{
    [Fact]
    public async Task A_sign_in_made_before_a_restart_is_accepted_after_it_and_the_keys_are_in_the_database_file()
    {
        var file = Path.Combine(Path.GetTempPath(), "planwerk-test-" + Guid.NewGuid().ToString("N")[..12] + ".db");
        var database = "Data Source=" + file;
        var jar = new CookieContainer();
        string email;
        var before = new Instance(DatabaseProvider.Sqlite, database);
        try
        {
            await before.InitializeAsync();
            var m = await before.CreateMunicipalityAsync();
            email = (await m.AddMemberAsync(MunicipalityRole.PlanEditor)).Email!;
            var client = before.ClientWith(jar);
            var signedIn = await client.SubmitFormAsync("/account/login", new Dictionary<string, string?>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = PlanwerkApp.Password,
            });
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);
        }
        finally
        {
            await before.DisposeAsync();
        }

        var after = new Instance(DatabaseProvider.Sqlite, database);
        try
        {
            await after.InitializeAsync();
            var account = await after.ClientWith(jar).GetAsync("/account");
            Assert.Equal(HttpStatusCode.OK, account.StatusCode);
            Assert.Contains(email, await account.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
            var keys = after.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => "key-" + k.KeyId.ToString("D")).ToList();
            await using var scope = after.Services.CreateAsyncScope();
            var stored = scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>().DataProtectionKeys.Select(k => k.FriendlyName ?? "").ToList();
            Assert.Single(stored);
            Assert.Equal(keys, stored);
            // One instance on SQLite: the framework's output cache store as it is, and nothing listening.
            Assert.IsNotType<SharedEvictionCacheStore>(after.Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>());
            Assert.Empty(after.Services.GetServices<IHostedService>().OfType<CacheEvictionListener>());
        }
        finally
        {
            await after.DisposeAsync();
        }
    }
}
