using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Participation;

/// <summary>Keeping the registry: creating and editing organisations, what the public list shows, and
/// what is refused.</summary>
public abstract class StakeholderRegistryTests(PlanwerkApp app)
{
    private static Dictionary<string, string?> Fields(string name, string kind = "CivilSocietyInitiative", bool listed = true) => new()
    {
        ["Input.Name"] = name,
        ["Input.Kind"] = kind,
        ["Input.Description"] = HostileText.RightToLeft + " " + HostileText.Script,
        ["Input.Address"] = HostileText.Markup,
        ["Input.Website"] = "https://example.org/" + HostileText.Markup,
        ["Input.Email"] = "info@example.org",
        ["Input.Phone"] = HostileText.Script,
        ["Input.ContactPerson"] = HostileText.RightToLeft,
        ["Input.IsListed"] = listed ? "true" : null,
    };

    [Fact]
    public async Task Editor_creates_organisations_whose_hostile_text_is_stored_and_shown_escaped_and_only_listed_ones_are_public()
    {
        var m = await app.CreateMunicipalityAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var anonymous = app.CreateBrowserlikeClient();
        var publicUrl = $"/{m.Slug}/stakeholders";
        Assert.NotNull((await anonymous.GetDocumentAsync(publicUrl)).QuerySelector("#no-stakeholders"));

        var listedName = HostileText.Script + " Beispiel-Initiative";
        var created = await editor.SubmitFormAsync($"/{m.Slug}/manage/stakeholders/new", Fields(listedName), "#stakeholder-form");
        var editUrl = created.RedirectTarget();
        Assert.Matches($"^/{m.Slug}/manage/stakeholders/\\d+$", editUrl);
        var hidden = await editor.SubmitFormAsync($"/{m.Slug}/manage/stakeholders/new",
            Fields("Beispiel-Behörde nicht gelistet", "PublicAuthority", listed: false), "#stakeholder-form");
        Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);

        var stored = await m.WithDbAsync(db => db.Stakeholders.AsNoTracking().SingleAsync(s => s.Name == listedName));
        Assert.Equal(StakeholderKind.CivilSocietyInitiative, stored.Kind);
        Assert.Equal(HostileText.RightToLeft + " " + HostileText.Script, stored.Description);
        Assert.Equal(HostileText.Markup, stored.Address);
        Assert.Equal(HostileText.Script, stored.Phone);
        Assert.Equal(HostileText.RightToLeft, stored.ContactPerson);
        Assert.True(stored.IsListed);

        foreach (var (client, url) in new[] { (editor, editUrl), (editor, $"/{m.Slug}/manage/stakeholders"), (anonymous, publicUrl) })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(HostileText.Script, html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            var document = await HtmlForms.ParseAsync(response);
            Assert.Null(document.QuerySelector("main img, main script"));
        }

        // The public page was cached empty before; the saves evicted it.
        var publicPage = await anonymous.GetDocumentAsync(publicUrl);
        var section = publicPage.QuerySelector("#kind-CivilSocietyInitiative")!.ParentElement!;
        Assert.Equal("Zivilgesellschaftliche Initiative", section.QuerySelector("h2")!.TextContent);
        Assert.Equal(listedName, section.QuerySelector("h3")!.TextContent);
        Assert.Contains(HostileText.RightToLeft, section.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("nicht gelistet", publicPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(publicPage.QuerySelector("#kind-PublicAuthority"));

        var filtered = await editor.GetDocumentAsync($"/{m.Slug}/manage/stakeholders?kind=PublicAuthority");
        Assert.Equal(["Beispiel-Behörde nicht gelistet"], filtered.QuerySelectorAll("#stakeholders tbody th").Select(t => t.TextContent.Trim()));
        var searched = await editor.GetDocumentAsync($"/{m.Slug}/manage/stakeholders?q=" + Uri.EscapeDataString("<script>"));
        Assert.Equal([listedName], searched.QuerySelectorAll("#stakeholders tbody th").Select(t => t.TextContent.Trim()));
        var none = await editor.GetDocumentAsync($"/{m.Slug}/manage/stakeholders?q=%25");
        Assert.NotNull(none.QuerySelector("#no-stakeholders"));
    }

    [Fact]
    public async Task Invalid_input_names_every_wrong_field_and_changes_nothing()
    {
        var m = await app.CreateMunicipalityAsync();
        var existing = "Beispiel-Verband " + Guid.NewGuid().ToString("N")[..6];
        await m.AddStakeholderAsync(existing);
        var editor = await m.SignedInClientAsync(MunicipalityRole.Administrator);

        var fields = Fields("");
        fields["Input.Website"] = "keine Adresse";
        fields["Input.Email"] = "kein-at-zeichen";
        fields["Input.Description"] = HostileText.VeryLong;
        fields["Input.Kind"] = HostileText.Script;
        var refused = await editor.SubmitFormAsync($"/{m.Slug}/manage/stakeholders/new", fields, "#stakeholder-form");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await HtmlForms.ParseAsync(refused);
        var errors = page.Errors();
        Assert.Contains("Bitte geben Sie den Namen der Organisation an.", errors);
        Assert.Contains("Bitte geben Sie die Website als vollständige Adresse an, z. B. https://example.org.", errors);
        Assert.Contains("Bitte geben Sie eine gültige E-Mail-Adresse an.", errors);
        Assert.Contains("Die Kurzbeschreibung darf höchstens 2000 Zeichen lang sein.", errors);
        Assert.Contains("Bitte wählen Sie die Art aus der Liste.", errors);
        Assert.Equal(HostileText.VeryLong, page.QuerySelector("#Input_Description")!.TextContent.TrimStart('\n'));
        Assert.DoesNotContain(HostileText.Script, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var duplicate = await editor.SubmitFormAsync($"/{m.Slug}/manage/stakeholders/new", Fields(existing), "#stakeholder-form");
        Assert.Contains($"Den Akteur „{existing}“ gibt es in dieser Kommune schon.", (await HtmlForms.ParseAsync(duplicate)).Errors());

        var existingId = await m.WithDbAsync(db => db.Stakeholders.Select(s => s.Id).SingleAsync());
        var invite = await editor.SubmitFormAsync(string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/manage/stakeholders/{existingId}"),
            new Dictionary<string, string?> { ["Invite.Email"] = HostileText.Script }, "#invite-form");
        Assert.Contains("Bitte geben Sie eine gültige E-Mail-Adresse an.", (await HtmlForms.ParseAsync(invite)).Errors());

        Assert.Equal(1, await m.WithDbAsync(db => db.Stakeholders.CountAsync()));
        Assert.Equal(0, await m.WithDbAsync(db => db.StakeholderInvitations.CountAsync()));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_with_both_states_and_keeps_the_input()
    {
        var m = await app.CreateMunicipalityAsync();
        var id = await m.AddStakeholderAsync("Beispiel-Beirat");
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/manage/stakeholders/{id}");
        var form = await editor.GetDocumentAsync(url);

        await m.WithDbAsync(async db =>
        {
            var s = await db.Stakeholders.SingleAsync(x => x.Id == id);
            s.ContactPerson = "Geändert von jemand anderem";
            return 0;
        });
        var response = await editor.SubmitFormAsync(form, url, new Dictionary<string, string?> { ["Input.ContactPerson"] = "Meine Eingabe" }, "#stakeholder-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("Geändert von jemand anderem", page.QuerySelector(".conflict-table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Meine Eingabe", page.QuerySelector("#Input_ContactPerson")!.GetAttribute("value"));
        Assert.Equal("Geändert von jemand anderem", await m.WithDbAsync(db => db.Stakeholders.Where(x => x.Id == id).Select(x => x.ContactPerson).SingleAsync()));

        var again = await editor.SubmitFormAsync(page, url, new Dictionary<string, string?>(), "#stakeholder-form");
        Assert.Equal(url, again.RedirectTarget());
        Assert.Equal("Meine Eingabe", await m.WithDbAsync(db => db.Stakeholders.Where(x => x.Id == id).Select(x => x.ContactPerson).SingleAsync()));
    }
}

public sealed class StakeholderRegistrySqliteTests(SqliteApp app) : StakeholderRegistryTests(app), IClassFixture<SqliteApp>;

public sealed class StakeholderRegistryPostgresTests(PostgresApp app) : StakeholderRegistryTests(app), IClassFixture<PostgresApp>;
