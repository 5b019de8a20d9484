using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Features.Municipalities;

namespace Planwerk.Tests.Infrastructure;

/// <summary>The real application on a real database, one per test class. Tests never share data:
/// each test makes its own municipality (<see cref="CreateMunicipalityAsync"/>).</summary>
public abstract class PlanwerkApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test-Passwort-123";

    protected PlanwerkApp(DatabaseProvider provider) => Provider = provider;

    public DatabaseProvider Provider { get; }
    /// <summary>The database; set before start by an app that shares another app's database (several instances).</summary>
    public string ConnectionString { get; protected set; } = "";
    public string MailPickupFolder { get; } = Path.Combine(Path.GetTempPath(), "planwerk-mail-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>Extra settings a test class needs (e.g. a real SMTP server).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    public virtual async Task InitializeAsync()
    {
        if (ConnectionString.Length == 0)
        {
            ConnectionString = Provider == DatabaseProvider.Postgres
                ? await PostgresServer.CreateDatabaseAsync()
                : $"Data Source={Path.Combine(Path.GetTempPath(), "planwerk-test-" + Guid.NewGuid().ToString("N")[..12] + ".db")}";
        }
        Start();
    }

    /// <summary>Builds and starts the host, which migrates the database. Browser tests start Kestrel instead.</summary>
    protected virtual void Start() => _ = Server;

    public new virtual async Task DisposeAsync() => await base.DisposeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Planwerk", ConnectionString);
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("PublicPageCache:CheckQueryKeys", "true");
        builder.UseSetting("Mail:PickupDirectory", MailPickupFolder);
        // The test server's own address, so links in mails lead back to it.
        builder.UseSetting("Planwerk:PublicAddress", "http://localhost");
        // Every test signs in and posts from the same address: only the rate limit tests set low limits.
        builder.UseSetting("RateLimits:AccountFormsPerMinute", "1000000");
        builder.UseSetting("RateLimits:ParticipationWritesPerMinute", "1000000");
        builder.UseSetting("SignInThrottle:FreeAddressFailures", "1000000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        // Hundreds of tests create users and sign in: hash passwords with the real algorithm but far fewer
        // rounds than in production, where the cost is meant to be felt. (Verification reads the round
        // count from each stored hash, so this changes nothing else.)
        builder.ConfigureServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
    }

    public HttpClient CreateBrowserlikeClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A new municipality with a unique address, for one test.</summary>
    public async Task<TestMunicipality> CreateMunicipalityAsync(string? name = null)
    {
        var slug = "t" + Guid.NewGuid().ToString("N")[..10];
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>();
        var municipality = new Municipality { Slug = slug, Name = name ?? "Teststadt " + slug, CreatedAt = DateTimeOffset.UtcNow };
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync();
        return new TestMunicipality(this, municipality.Id, slug, municipality.Name);
    }

    /// <summary>Runs <paramref name="work"/> with a DbContext scoped to the municipality, then saves.</summary>
    public async Task<T> InMunicipalityAsync<T>(int municipalityId, Func<PlanwerkDbContext, IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>();
        db.CurrentMunicipalityId = municipalityId;
        var result = await work(db, scope.ServiceProvider);
        await db.SaveChangesAsync();
        return result;
    }

    public async Task<PlanwerkUser> CreateUserAsync(string? email = null, string password = Password)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlanwerkUser>>();
        email ??= $"user-{Guid.NewGuid():N}@example.org";
        var user = new PlanwerkUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test " + email };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        return user;
    }
}

public sealed class SqliteApp() : PlanwerkApp(DatabaseProvider.Sqlite);

public sealed class PostgresApp() : PlanwerkApp(DatabaseProvider.Postgres);

/// <summary>A municipality made for one test, with shortcuts to add members and sign them in.</summary>
public sealed record TestMunicipality(PlanwerkApp App, int Id, string Slug, string Name)
{
    public Task<T> WithDbAsync<T>(Func<PlanwerkDbContext, Task<T>> work) => App.InMunicipalityAsync(Id, (db, _) => work(db));

    public async Task<PlanwerkUser> AddMemberAsync(MunicipalityRole role, string? email = null)
    {
        var user = await App.CreateUserAsync(email);
        await WithDbAsync(db =>
        {
            db.Memberships.Add(new MunicipalityMembership { UserId = user.Id, Role = role });
            return Task.FromResult(0);
        });
        return user;
    }

    /// <summary>A client signed in (through the real login form) as a new member with the role.</summary>
    public async Task<HttpClient> SignedInClientAsync(MunicipalityRole role)
    {
        var user = await AddMemberAsync(role);
        return await App.SignInAsync(user.Email!);
    }
}
