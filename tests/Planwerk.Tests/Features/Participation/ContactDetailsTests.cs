using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Participation;

/// <summary>An organisation's contact edits its contact details; other members cannot.</summary>
public abstract class ContactDetailsTests(PlanwerkApp app)
{
    [Fact]
    public async Task Contact_edits_the_contact_details_and_a_plain_member_finds_no_such_page()
    {
        var m = await app.CreateMunicipalityAsync();
        var id = await m.AddStakeholderAsync("Beispiel-Sprachnetzwerk");
        var contact = await app.CreateUserAsync();
        var plain = await app.CreateUserAsync();
        await m.AddStakeholderMemberAsync(id, contact.Id, contact: true);
        await m.AddStakeholderMemberAsync(id, plain.Id);
        var url = string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/my-organisations/{id}");
        var publicUrl = $"/{m.Slug}/stakeholders";
        var anonymous = app.CreateBrowserlikeClient();
        Assert.DoesNotContain(HostileText.RightToLeft, (await anonymous.GetDocumentAsync(publicUrl)).Body!.TextContent, StringComparison.Ordinal);

        var plainClient = await app.SignInAsync(plain.Email!);
        Assert.Null((await plainClient.GetDocumentAsync($"/{m.Slug}/my-organisations")).QuerySelector($"#edit-contact-{id}"));
        Assert.Equal(HttpStatusCode.NotFound, (await plainClient.GetAsync(url)).StatusCode);
        var token = await plainClient.AntiforgeryTokenAsync();
        var refused = await plainClient.PostWithTokenAsync(url, token, new Dictionary<string, string> { ["Input.Phone"] = "0000", ["Input.Version"] = "0" });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        var contactClient = await app.SignInAsync(contact.Email!);
        var mine = await contactClient.GetDocumentAsync($"/{m.Slug}/my-organisations");
        Assert.Equal(url, mine.QuerySelector($"#edit-contact-{id}")!.GetAttribute("href"));
        var invalid = await contactClient.SubmitFormAsync(url, new Dictionary<string, string?> { ["Input.Website"] = HostileText.Script }, "#contact-details-form");
        Assert.Contains("Bitte geben Sie die Website als vollständige Adresse an, z. B. https://example.org.", (await HtmlForms.ParseAsync(invalid)).Errors());
        Assert.DoesNotContain(HostileText.Script, await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await contactClient.SubmitFormAsync(url, new Dictionary<string, string?>
        {
            ["Input.ContactPerson"] = HostileText.RightToLeft,
            ["Input.Phone"] = HostileText.Script,
        }, "#contact-details-form");
        Assert.Equal($"/{m.Slug}/my-organisations", saved.RedirectTarget());
        var stored = await m.WithDbAsync(db => db.Stakeholders.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal(HostileText.RightToLeft, stored.ContactPerson);
        Assert.Equal(HostileText.Script, stored.Phone);
        Assert.Equal(1, stored.Version);

        // The public list was evicted and shows the change, escaped.
        var response = await anonymous.GetAsync(publicUrl);
        Assert.DoesNotContain(HostileText.Script, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(HostileText.RightToLeft, (await HtmlForms.ParseAsync(response)).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contact_s_stale_edit_is_refused_with_both_states_and_keeps_the_input()
    {
        var m = await app.CreateMunicipalityAsync();
        var id = await m.AddStakeholderAsync("Beispiel-Elternverein");
        var contact = await app.CreateUserAsync();
        await m.AddStakeholderMemberAsync(id, contact.Id, contact: true);
        var url = string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/my-organisations/{id}");
        var client = await app.SignInAsync(contact.Email!);
        var form = await client.GetDocumentAsync(url);

        await m.WithDbAsync(async db =>
        {
            var s = await db.Stakeholders.SingleAsync(x => x.Id == id);
            s.Phone = "0351 111";
            await db.SaveChangesAsync();
            return 0;
        });
        var response = await client.SubmitFormAsync(form, url, new Dictionary<string, string?> { ["Input.Phone"] = "0351 222", ["Input.Address"] = HostileText.RightToLeft }, "#contact-details-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        var conflict = page.QuerySelector(".conflict-table")!.TextContent;
        Assert.Contains("0351 111", conflict, StringComparison.Ordinal);
        Assert.Contains("Telefon", conflict, StringComparison.Ordinal);
        Assert.Contains("Anschrift", conflict, StringComparison.Ordinal);
        Assert.Equal("0351 222", page.QuerySelector("#Input_Phone")!.GetAttribute("value"));
        Assert.Equal("0351 111", await m.WithDbAsync(db => db.Stakeholders.Where(x => x.Id == id).Select(x => x.Phone).SingleAsync()));

        var again = await client.SubmitFormAsync(page, url, new Dictionary<string, string?>(), "#contact-details-form");
        Assert.Equal($"/{m.Slug}/my-organisations", again.RedirectTarget());
        var stored = await m.WithDbAsync(db => db.Stakeholders.AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal("0351 222", stored.Phone);
        Assert.Equal(HostileText.RightToLeft, stored.Address);
    }
}

public sealed class ContactDetailsSqliteTests(SqliteApp app) : ContactDetailsTests(app), IClassFixture<SqliteApp>;

public sealed class ContactDetailsPostgresTests(PostgresApp app) : ContactDetailsTests(app), IClassFixture<PostgresApp>;
