using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Infrastructure.Security;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Municipalities.Installation;

/// <summary>The installation administrator's page of municipalities: who may use it, creating and renaming,
/// and that the start page and the API list show the change at once.</summary>
public abstract class MunicipalitiesTests(PlanwerkApp app)
{
    private const string PageUrl = "/admin/municipalities";

    public enum Visitor
    {
        Anonymous,
        SignedInNonMember,
        PlanEditor,
        MunicipalityAdministrator,
    }

    private async Task<HttpClient> InstallationAdministratorAsync()
    {
        var user = await app.CreateUserAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlanwerkUser>>();
            await users.AddClaimAsync((await users.FindByIdAsync(user.Id))!, new Claim(Policies.InstallationAdministratorClaim, "true"));
        }
        return await app.SignInAsync(user.Email!);
    }

    private async Task<HttpClient> ClientAsync(Visitor visitor, TestMunicipality m) => visitor switch
    {
        Visitor.Anonymous => app.CreateBrowserlikeClient(),
        Visitor.SignedInNonMember => await app.SignInAsync((await app.CreateUserAsync()).Email!),
        Visitor.PlanEditor => await m.SignedInClientAsync(MunicipalityRole.PlanEditor),
        _ => await m.SignedInClientAsync(MunicipalityRole.Administrator),
    };

    private async Task<string?> NameOfAsync(string slug)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>().Municipalities
            .Where(m => m.Slug == slug).Select(m => m.Name).SingleOrDefaultAsync();
    }

    private static void AssertDenied(Visitor visitor, HttpResponseMessage response)
    {
        var target = response.RedirectTarget();
        var expected = visitor == Visitor.Anonymous ? "/account/login" : "/account/access-denied";
        Assert.True(target.StartsWith(expected, StringComparison.Ordinal), $"{visitor} was sent to {target}");
    }

    [Theory]
    [InlineData(Visitor.Anonymous)]
    [InlineData(Visitor.SignedInNonMember)]
    [InlineData(Visitor.PlanEditor)]
    [InlineData(Visitor.MunicipalityAdministrator)]
    public async Task Nobody_but_an_installation_administrator_sees_creates_or_renames_municipalities(Visitor visitor)
    {
        var own = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        var client = await ClientAsync(visitor, own);
        // The form and its token come from a page everyone may open, so the refusal is the policy's.
        var token = await client.AntiforgeryTokenAsync();
        var newSlug = "n" + Guid.NewGuid().ToString("N")[..10];

        AssertDenied(visitor, await client.GetAsync(PageUrl));
        AssertDenied(visitor, await client.PostWithTokenAsync(PageUrl + "?handler=Create", token,
            new Dictionary<string, string> { ["Input.Slug"] = newSlug, ["Input.Name"] = "Übernommen" }));
        foreach (var target in new[] { other, own })
        {
            var id = await target.WithDbAsync(db => db.Municipalities.Where(x => x.Slug == target.Slug).Select(x => x.Id).SingleAsync());
            AssertDenied(visitor, await client.PostWithTokenAsync(PageUrl + "?handler=Rename", token,
                new Dictionary<string, string> { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["name"] = "Übernommen" }));
        }

        Assert.Null(await NameOfAsync(newSlug));
        Assert.Equal(other.Name, await NameOfAsync(other.Slug));
        Assert.Equal(own.Name, await NameOfAsync(own.Slug));
    }

    [Fact]
    public async Task A_new_municipality_appears_at_once_on_the_start_page_and_in_the_api()
    {
        var visitor = app.CreateClient();
        // Both lists are now in the output cache.
        await visitor.GetStringAsync("/");
        await visitor.GetStringAsync("/api/v1/municipalities");
        var admin = await InstallationAdministratorAsync();
        var slug = "n" + Guid.NewGuid().ToString("N")[..10];
        var name = "Neustadt " + HostileText.Script;

        var created = await admin.SubmitFormAsync(PageUrl, new Dictionary<string, string?> { ["Input.Slug"] = slug, ["Input.Name"] = name }, "#create-municipality");

        Assert.Equal(PageUrl, created.RedirectTarget());
        Assert.Equal(name, await NameOfAsync(slug));
        var start = await visitor.GetDocumentAsync("/");
        Assert.Contains(start.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/" + slug && a.TextContent == name);
        var listed = await visitor.GetFromJsonAsync<List<Planwerk.Features.Plans.PlanApi.MunicipalityDto>>("/api/v1/municipalities");
        Assert.Contains(listed!, m => m.Slug == slug && m.Name == name);
        var page = await admin.GetStringAsync(PageUrl);
        Assert.DoesNotContain(HostileText.Script, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renamed_municipality_shows_its_new_name_at_once()
    {
        var m = await app.CreateMunicipalityAsync();
        var visitor = app.CreateClient();
        await visitor.GetStringAsync("/");
        await visitor.GetStringAsync("/api/v1/municipalities");
        var admin = await InstallationAdministratorAsync();
        var id = await m.WithDbAsync(db => db.Municipalities.Where(x => x.Slug == m.Slug).Select(x => x.Id).SingleAsync());

        var renamed = await admin.SubmitFormAsync(PageUrl, new Dictionary<string, string?> { ["name"] = "Umbenannt " + m.Slug }, "#rename-" + id);

        Assert.Equal(PageUrl, renamed.RedirectTarget());
        var start = await visitor.GetDocumentAsync("/");
        Assert.Contains(start.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/" + m.Slug && a.TextContent == "Umbenannt " + m.Slug);
        var listed = await visitor.GetFromJsonAsync<List<Planwerk.Features.Plans.PlanApi.MunicipalityDto>>("/api/v1/municipalities");
        Assert.Contains(listed!, x => x.Slug == m.Slug && x.Name == "Umbenannt " + m.Slug);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_messages_naming_the_fields_and_changes_nothing()
    {
        var existing = await app.CreateMunicipalityAsync();
        var admin = await InstallationAdministratorAsync();
        async Task<IReadOnlyList<string>> RefusedAsync(string slug, string name)
        {
            var response = await admin.SubmitFormAsync(PageUrl, new Dictionary<string, string?> { ["Input.Slug"] = slug, ["Input.Name"] = name }, "#create-municipality");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await HtmlForms.ParseAsync(response)).Errors();
        }

        Assert.Contains("Die Adresse /" + existing.Slug + " gehört schon einer anderen Kommune.", await RefusedAsync(existing.Slug, "Doppelt"));
        Assert.Contains("Diese Kurzbezeichnung ist reserviert.", await RefusedAsync("admin", "Reserviert"));
        Assert.Contains("Die Kurzbezeichnung darf nur Kleinbuchstaben a–z, Ziffern und Bindestriche enthalten (2–40 Zeichen).", await RefusedAsync(HostileText.Script, "Kaputt"));
        Assert.Contains("Bitte geben Sie den Namen der Kommune an.", await RefusedAsync("n" + Guid.NewGuid().ToString("N")[..10], " "));
        Assert.Contains("Der Name der Kommune darf höchstens 200 Zeichen lang sein.", await RefusedAsync("n" + Guid.NewGuid().ToString("N")[..10], HostileText.VeryLong));

        var id = await existing.WithDbAsync(db => db.Municipalities.Where(x => x.Slug == existing.Slug).Select(x => x.Id).SingleAsync());
        var emptyName = await admin.SubmitFormAsync(PageUrl, new Dictionary<string, string?> { ["name"] = "   " }, "#rename-" + id);
        Assert.Contains("Bitte geben Sie den Namen der Kommune an.", (await HtmlForms.ParseAsync(emptyName)).Errors());
        Assert.Equal(existing.Name, await NameOfAsync(existing.Slug));
    }

    [Fact]
    public async Task Create_admin_with_the_flag_makes_an_installation_administrator_and_says_when_it_keeps_a_name()
    {
        var m = await app.CreateMunicipalityAsync();
        var email = $"installation-{Guid.NewGuid():N}@example.org";

        var outcome = await AdminCommands.CreateAdministratorAsync(app.Services, m.Slug, "Ein anderer Name", email, email, PlanwerkApp.Password, installationAdministrator: true);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Contains($"ihr Name bleibt „{m.Name}“", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(m.Name, await NameOfAsync(m.Slug));
        var client = await app.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(PageUrl)).StatusCode);
    }
}

public sealed class MunicipalitiesSqliteTests(SqliteApp app) : MunicipalitiesTests(app), IClassFixture<SqliteApp>;

public sealed class MunicipalitiesPostgresTests(PostgresApp app) : MunicipalitiesTests(app), IClassFixture<PostgresApp>;
