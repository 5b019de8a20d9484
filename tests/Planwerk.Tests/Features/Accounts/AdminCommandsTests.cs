using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Accounts;

public abstract class AdminCommandsTests(PlanwerkApp app)
{
    private static string NewSlug() => "c" + Guid.NewGuid().ToString("N")[..10];

    private static string NewEmail() => $"admin-{Guid.NewGuid():N}@example.org";

    private async Task<(bool Municipality, bool Account)> ExistsAsync(string slug, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlanwerkUser>>();
        return (await db.Municipalities.AnyAsync(m => m.Slug == slug), await users.FindByEmailAsync(email) is not null);
    }

    [Fact]
    public async Task Create_admin_makes_municipality_account_and_administration_and_the_admin_can_sign_in()
    {
        var slug = NewSlug();
        var email = NewEmail();

        var outcome = await AdminCommands.CreateAdministratorAsync(app.Services, slug, "Landeshauptstadt Prüfstadt", email, "IT-Abteilung", PlanwerkApp.Password);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal($"{email} ist Administrator/in der Kommune „Landeshauptstadt Prüfstadt“ (/{slug}).", outcome.Message);
        var client = await app.SignInAsync(email);
        var users = await client.GetAsync($"/{slug}/manage/users");
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        var page = await HtmlForms.ParseAsync(users);
        Assert.Contains("IT-Abteilung", page.QuerySelector("main table tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_short_password_is_refused_with_Identitys_German_message_and_nothing_is_created()
    {
        var slug = NewSlug();
        var email = NewEmail();

        var outcome = await AdminCommands.CreateAdministratorAsync(app.Services, slug, "Neue Kommune", email, email, "kurz");

        Assert.False(outcome.Succeeded);
        Assert.Contains("Das Passwort muss mindestens 10 Zeichen lang sein.", outcome.Message, StringComparison.Ordinal);
        Assert.Equal((false, false), await ExistsAsync(slug, email));
    }

    [Fact]
    public async Task A_new_municipality_needs_a_name_and_a_valid_address()
    {
        var email = NewEmail();

        var noName = await AdminCommands.CreateAdministratorAsync(app.Services, NewSlug(), null, email, email, PlanwerkApp.Password);
        var reserved = await AdminCommands.CreateAdministratorAsync(app.Services, "account", "Konto", email, email, PlanwerkApp.Password);
        var badSlug = await AdminCommands.CreateAdministratorAsync(app.Services, "<script>", "Kommune", email, email, PlanwerkApp.Password);

        Assert.False(noName.Succeeded);
        Assert.Contains("--name", noName.Message, StringComparison.Ordinal);
        Assert.Equal("Diese Kurzbezeichnung ist reserviert.", reserved.Message);
        Assert.False(badSlug.Succeeded);
        Assert.False((await ExistsAsync("x", email)).Account);
    }

    [Fact]
    public async Task An_existing_plan_editor_is_promoted_and_keeps_their_password()
    {
        var m = await app.CreateMunicipalityAsync();
        var editor = await m.AddMemberAsync(MunicipalityRole.PlanEditor);

        var outcome = await AdminCommands.CreateAdministratorAsync(app.Services, m.Slug, null, editor.Email!, "egal", "ein-anderes-Passwort-1");

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Contains("Passwort wurde nicht geändert", outcome.Message, StringComparison.Ordinal);
        var roles = await m.WithDbAsync(db => db.Memberships.Where(x => x.UserId == editor.Id).Select(x => x.Role).ToListAsync());
        Assert.Equal([MunicipalityRole.Administrator], roles);
        await app.SignInAsync(editor.Email!);
    }

    [Fact]
    public async Task Running_it_twice_changes_nothing_the_second_time()
    {
        var slug = NewSlug();
        var email = NewEmail();
        await AdminCommands.CreateAdministratorAsync(app.Services, slug, "Zweimal", email, email, PlanwerkApp.Password);

        var again = await AdminCommands.CreateAdministratorAsync(app.Services, slug, "Anderer Name", email, email, PlanwerkApp.Password);

        Assert.True(again.Succeeded, again.Message);
        Assert.Contains("„Zweimal“", again.Message, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>();
        db.CurrentMunicipalityId = await db.Municipalities.Where(x => x.Slug == slug).Select(x => x.Id).SingleAsync();
        Assert.Equal(1, await db.Memberships.CountAsync());
    }

    [Fact]
    public async Task The_command_reads_the_password_from_standard_input()
    {
        var slug = NewSlug();
        var email = NewEmail();
        using var output = new StringWriter();

        var exit = await AdminCommands.RunAsync(
            ["create-admin", "--municipality", slug, "--name", "Landeshauptstadt Eingabe", "--email", email, "--display-name", "Frau Eingabe"],
            new StringReader(PlanwerkApp.Password + "\n"), output,
            builder =>
            {
                builder.Configuration["Database:Provider"] = app.Provider.ToString();
                builder.Configuration["ConnectionStrings:Planwerk"] = app.ConnectionString;
                builder.Configuration["Demo:Enabled"] = "false";
            });

        Assert.True(exit == 0, output.ToString());
        Assert.Contains("Passwort: ", output.ToString(), StringComparison.Ordinal);
        Assert.Equal((true, true), await ExistsAsync(slug, email));
        await app.SignInAsync(email);
    }

    [Fact]
    public async Task The_command_without_its_arguments_explains_its_use()
    {
        using var output = new StringWriter();

        var exit = await AdminCommands.RunAsync(["create-admin", "--email", NewEmail()], new StringReader(""), output);

        Assert.Equal(2, exit);
        Assert.StartsWith("Aufruf: create-admin --municipality", output.ToString(), StringComparison.Ordinal);
    }
}

public sealed class AdminCommandsSqliteTests(SqliteApp app) : AdminCommandsTests(app), IClassFixture<SqliteApp>;

public sealed class AdminCommandsPostgresTests(PostgresApp app) : AdminCommandsTests(app), IClassFixture<PostgresApp>;
