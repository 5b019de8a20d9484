using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Municipalities;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Accounts;

/// <summary>Commands run instead of the web server, e.g.
/// <c>dotnet run --project src/Planwerk -- create-admin --municipality dresden --name "Landeshauptstadt Dresden" --email it@dresden.example</c>.
/// The password is read from standard input (or PLANWERK_ADMIN_PASSWORD), never from the command line.</summary>
public static class AdminCommands
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string> { "create-admin" };

    /// <summary>The flag that also makes the account an installation administrator (<see cref="Policies.InstallationAdministrator"/>).</summary>
    public const string InstallationAdministratorFlag = "--installation-administrator";

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, Action<WebApplicationBuilder>? configure = null)
    {
        var installationAdministrator = args.Contains(InstallationAdministratorFlag, StringComparer.Ordinal);
        var options = ParseOptions(args.Skip(1).Where(a => a != InstallationAdministratorFlag));
        if (!options.TryGetValue("municipality", out var slug) || !options.TryGetValue("email", out var email))
        {
            await output.WriteLineAsync("Aufruf: create-admin --municipality <kurzname> --email <adresse> [--name <Name der Kommune>] [--display-name <Name der Person>] [--installation-administrator]");
            await output.WriteLineAsync("Das Passwort wird von der Standardeingabe gelesen oder aus PLANWERK_ADMIN_PASSWORD.");
            return 2;
        }

        var builder = WebApplication.CreateBuilder([.. args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal))]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configure?.Invoke(builder);
        builder.Services.AddPlanwerk(builder.Configuration, builder.Environment);
        await using var app = builder.Build();
        await app.Services.InitializeDatabaseAsync();

        var password = Environment.GetEnvironmentVariable("PLANWERK_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteAsync("Passwort: ");
            password = (await input.ReadLineAsync())?.Trim();
        }

        var result = await CreateAdministratorAsync(app.Services, slug, options.GetValueOrDefault("name"), email,
            options.GetValueOrDefault("display-name") ?? email, password ?? "", installationAdministrator);
        await output.WriteLineAsync(result.Message);
        return result.Succeeded ? 0 : 1;
    }

    public sealed record Outcome(bool Succeeded, string Message);

    /// <summary>Creates the municipality if it does not exist yet, the account if it does not exist
    /// yet, and makes the account an administrator of the municipality. All of it or nothing: a refused
    /// password leaves neither a municipality nor an account behind. An existing account keeps its
    /// password, an existing municipality its name (renaming is done on <c>/admin/municipalities</c>;
    /// the answer says so when <c>--name</c> differs). With <paramref name="installationAdministrator"/>
    /// the account also becomes an installation administrator.</summary>
    public static async Task<Outcome> CreateAdministratorAsync(IServiceProvider services, string slug, string? municipalityName, string email, string displayName, string password,
        bool installationAdministrator = false)
    {
        // The command speaks German, whatever the machine's language (Identity's messages included).
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Languages.German;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlanwerkUser>>();

        slug = slug.Trim().ToLowerInvariant();
        email = email.Trim();
        displayName = string.IsNullOrWhiteSpace(displayName) ? email : displayName.Trim();
        if (Municipality.ValidateSlug(slug) is string slugError) return new(false, slugError);
        if (displayName.Length > 200) return new(false, "Der Name der Person darf höchstens 200 Zeichen lang sein.");

        await using var transaction = await db.Database.BeginTransactionAsync();
        var municipality = await db.Municipalities.FirstOrDefaultAsync(m => m.Slug == slug);
        var nameIgnored = municipality is not null && !string.IsNullOrWhiteSpace(municipalityName) && municipalityName.Trim() != municipality.Name;
        if (municipality is null)
        {
            if (string.IsNullOrWhiteSpace(municipalityName))
                return new(false, $"Die Kommune „{slug}“ gibt es noch nicht; geben Sie mit --name ihren Namen an.");
            if (municipalityName.Trim().Length > 200) return new(false, "Der Name der Kommune darf höchstens 200 Zeichen lang sein.");
            municipality = new Municipality { Slug = slug, Name = municipalityName.Trim(), CreatedAt = DateTimeOffset.UtcNow };
            db.Municipalities.Add(municipality);
            await db.SaveChangesAsync();
        }
        db.CurrentMunicipalityId = municipality.Id;

        var user = await users.FindByEmailAsync(email);
        var existing = user is not null;
        if (user is null)
        {
            user = new PlanwerkUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
                return new(false, "Das Konto wurde nicht angelegt: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        // One role per person and municipality: a plan editor is promoted, not given a second row.
        var memberships = await db.Memberships.Where(m => m.UserId == user.Id).ToListAsync();
        if (!memberships.Any(m => m.Role == MunicipalityRole.Administrator))
        {
            db.Memberships.RemoveRange(memberships);
            db.Memberships.Add(new MunicipalityMembership { UserId = user.Id, Role = MunicipalityRole.Administrator });
            await db.SaveChangesAsync();
        }
        var grantInstallation = installationAdministrator
            && !(await users.GetClaimsAsync(user)).Any(c => c.Type == Policies.InstallationAdministratorClaim);
        if (grantInstallation)
        {
            var granted = await users.AddClaimAsync(user, new System.Security.Claims.Claim(Policies.InstallationAdministratorClaim, "true"));
            if (!granted.Succeeded)
                return new(false, "Das Konto wurde nicht zum Installationsadministrator: " + string.Join(" ", granted.Errors.Select(e => e.Description)));
        }
        await transaction.CommitAsync();
        return new(true, $"{email} ist Administrator/in der Kommune „{municipality.Name}“ (/{municipality.Slug})."
            + (installationAdministrator ? " Das Konto verwaltet außerdem die Kommunen dieser Installation (/admin/municipalities)." : "")
            + (existing ? " Das Konto gab es schon; sein Passwort wurde nicht geändert." : "")
            + (nameIgnored ? $" Die Kommune gab es schon; ihr Name bleibt „{municipality.Name}“ (--name wird nur für eine neue Kommune verwendet; umbenennen unter /admin/municipalities)." : ""));
    }

    private static Dictionary<string, string> ParseOptions(IEnumerable<string> args)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? key = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal) && !arg.Contains('=', StringComparison.Ordinal)) key = arg[2..];
            else if (key is not null) { result[key] = arg; key = null; }
        }
        return result;
    }
}
