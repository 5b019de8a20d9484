using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Implementation;
using Planwerk.Features.Plans;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Plans.Manage;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Implementation;

/// <summary>The municipality's catalogue of implementation statuses: the proposal is taken over once, statuses are added,
/// corrected and deleted, bad input is named and changes nothing, and only the municipality's plan team may touch it.</summary>
public abstract class StatusCatalogueTests(PlanwerkApp app)
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Task<List<ImplementationStatus>> StoredAsync(TestMunicipality m) =>
        m.WithDbAsync(db => db.ImplementationStatuses.AsNoTracking().OrderBy(s => s.Position).ToListAsync());

    private static Dictionary<string, string?> Form(string name, string kind = "InProgress", string progress = "", string position = "1", string nameEn = "", string description = "") => new()
    {
        ["Input.Name"] = name, ["Input.NameEn"] = nameEn, ["Input.Kind"] = kind, ["Input.DefaultProgress"] = progress,
        ["Input.Position"] = position, ["Input.Description"] = description,
    };

    [Fact]
    public async Task The_proposal_is_taken_over_once_into_an_empty_catalogue()
    {
        var m = await app.CreateMunicipalityAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/statuses";
        Assert.Equal(url, (await editor.GetDocumentAsync($"/{m.Slug}/manage")).QuerySelector("#statuses-link")!.GetAttribute("href"));
        var empty = await editor.GetDocumentAsync(url);
        Assert.Null(empty.QuerySelector("#statuses"));

        Assert.Equal(url, (await editor.SubmitFormAsync(url, new Dictionary<string, string?>(), "#proposal-form")).RedirectTarget());
        var stored = await StoredAsync(m);
        Assert.Equal(["Nicht begonnen", "In Vorbereitung", "In Umsetzung", "Verstetigt", "Abgeschlossen", "Verzögert", "Eingestellt"], stored.Select(s => s.Name));
        Assert.Equal((MeasureStatus.InProgress, 10, "In preparation"), (stored[1].Kind, stored[1].DefaultProgress, stored[1].NameEn));
        Assert.Null(stored[5].DefaultProgress);
        var list = await editor.GetDocumentAsync(url);
        Assert.Contains("Der vorgeschlagene Katalog mit 7 Status wurde übernommen.", list.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        var row = list.QuerySelector($"#status-{stored[1].Id}")!.TextContent;
        Assert.Contains("In Umsetzung", row, StringComparison.Ordinal); // its public kind
        Assert.Contains("10 %", row, StringComparison.Ordinal);
        Assert.Contains("keiner", list.QuerySelector($"#status-{stored[5].Id}")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("8", list.QuerySelector("#Input_Position")!.GetAttribute("value"));

        // Taken over again (a second tab, a replayed form): refused, nothing doubled.
        var token = await editor.AntiforgeryTokenAsync();
        var again = await editor.PostWithTokenAsync(url + "?handler=Proposal", token, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Der Vorschlag kann nur für einen leeren Katalog übernommen werden. Ergänzen Sie einzelne Status mit dem Formular.", (await HtmlForms.ParseAsync(again)).Errors());
        Assert.Equal(7, (await StoredAsync(m)).Count);
    }

    [Fact]
    public async Task A_status_is_added_and_bad_input_is_named_at_its_field_and_changes_nothing()
    {
        var m = await app.CreateMunicipalityAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/statuses";
        var name = "Geprüft " + HostileText.Script + " " + HostileText.RightToLeft;
        Assert.Equal(url, (await editor.SubmitFormAsync(url, Form(name, "Completed", "90", "3", "Checked"), "#status-form")).RedirectTarget());
        var html = await (await editor.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.DoesNotContain(HostileText.Script, html, StringComparison.Ordinal);
        var stored = Assert.Single(await StoredAsync(m));
        Assert.Equal((name, "Checked", MeasureStatus.Completed, (int?)90, 3), (stored.Name, stored.NameEn, stored.Kind, stored.DefaultProgress, stored.Position));

        async Task<IReadOnlyList<string>> ErrorsAsync(Dictionary<string, string?> form)
        {
            var response = await editor.SubmitFormAsync(url, form, "#status-form");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await HtmlForms.ParseAsync(response)).Errors();
        }

        Assert.Contains("Bitte geben Sie dem Status einen Namen.", await ErrorsAsync(Form("  ")));
        Assert.Contains("Einen Status „" + name.ToUpperInvariant() + "“ gibt es in dieser Kommune schon.", await ErrorsAsync(Form(name.ToUpperInvariant())));
        Assert.Contains("Der Name darf höchstens 80 Zeichen lang sein.", await ErrorsAsync(Form(new string('x', 81))));
        Assert.Contains("Vorgeschlagener Fortschritt: Bitte geben Sie eine ganze Zahl von 0 bis 100 an.", await ErrorsAsync(Form("Neu", progress: "120")));
        Assert.Contains("Bitte wählen Sie aus der Liste, wofür der Status öffentlich steht.", await ErrorsAsync(Form("Neu", kind: "Bogus")));
        Assert.Contains("Bitte wählen Sie aus der Liste, wofür der Status öffentlich steht.", await ErrorsAsync(Form("Neu", kind: "17")));
        Assert.Contains("Bitte geben Sie die Stelle in der Liste an (1 bis 999).", await ErrorsAsync(Form("Neu", position: "")));
        Assert.Contains("Die Beschreibung darf höchstens 500 Zeichen lang sein.", await ErrorsAsync(Form("Neu", description: new string('x', 501))));
        Assert.Single(await StoredAsync(m));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_with_both_states_and_a_status_can_be_deleted()
    {
        var m = await app.CreateMunicipalityAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/statuses";
        await editor.SubmitFormAsync(url, new Dictionary<string, string?>(), "#proposal-form");
        var id = (await StoredAsync(m))[1].Id;
        var editUrl = url + "/" + Id(id);
        var form = await editor.GetDocumentAsync(editUrl);

        var other = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        Assert.Equal(url, (await other.SubmitFormAsync(editUrl, new Dictionary<string, string?> { ["Input.DefaultProgress"] = "20" }, "#status-edit-form")).RedirectTarget());

        var stale = await editor.SubmitFormAsync(form, editUrl, new Dictionary<string, string?> { ["Input.Name"] = "In Planung" }, "#status-edit-form");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await HtmlForms.ParseAsync(stale);
        Assert.Contains("20", page.QuerySelector(".conflict-table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("In Planung", page.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal("In Vorbereitung", (await StoredAsync(m))[1].Name);

        Assert.Equal(url, (await editor.SubmitFormAsync(page, editUrl, new Dictionary<string, string?> { ["Input.DefaultProgress"] = "20" }, "#status-edit-form")).RedirectTarget());
        Assert.Equal(("In Planung", (int?)20), (await StoredAsync(m)).Where(s => s.Id == id).Select(s => (s.Name, s.DefaultProgress)).Single());

        Assert.Equal(url, (await editor.SubmitFormAsync(editUrl, new Dictionary<string, string?>(), "#status-delete-form")).RedirectTarget());
        Assert.DoesNotContain(await StoredAsync(m), s => s.Id == id);
        Assert.Equal(6, (await StoredAsync(m)).Count);
    }

    public static TheoryData<Visitor> Visitors() => PermissionMatrix.Visitors(
        Visitor.Anonymous, Visitor.Resident, Visitor.StakeholderMember, Visitor.PlanEditor, Visitor.Moderator, Visitor.CouncilClerk, Visitor.Administrator, Visitor.OtherAdministrator);

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Each_page_and_handler_admits_exactly_its_roles(Visitor visitor)
    {
        var m = await app.CreateMunicipalityAsync();
        var url = $"/{m.Slug}/manage/statuses";
        var ids = await m.WithDbAsync(async db =>
        {
            var kept = new ImplementationStatus { Name = "Bleibt", Position = 1 };
            var doomed = new ImplementationStatus { Name = "Zu löschen", Position = 2 };
            db.ImplementationStatuses.AddRange(kept, doomed);
            await db.SaveChangesAsync();
            return (kept.Id, doomed.Id);
        });
        var client = await PermissionMatrix.ClientAsync(app, m, visitor);
        await PermissionMatrix.AssertAsync(client, visitor,
        [
            PermissionCheck.Get(url, Access.PlanEditor),
            PermissionCheck.Get(url + "/" + Id(ids.Item1), Access.PlanEditor),
            PermissionCheck.Post(url, Access.PlanEditor, new() { ["Input.Name"] = "Neu " + visitor, ["Input.Kind"] = "Delayed", ["Input.Position"] = "5" }),
            PermissionCheck.Post(url + "/" + Id(ids.Item1), Access.PlanEditor, new() { ["Input.Name"] = "Geändert " + visitor, ["Input.Kind"] = "Delayed", ["Input.Position"] = "1", ["Input.Version"] = "0" }),
            PermissionCheck.Post(url + "/" + Id(ids.Item2) + "?handler=Delete", Access.PlanEditor),
        ]);
        var mayEdit = Access.PlanEditor(visitor);
        var names = (await StoredAsync(m)).Select(s => s.Name).ToList();
        Assert.Equal(mayEdit, names.Contains("Neu " + visitor));
        Assert.Equal(mayEdit, names.Contains("Geändert " + visitor));
        Assert.Equal(mayEdit, !names.Contains("Zu löschen"));
    }

    [Fact]
    public async Task Another_municipality_s_editor_sees_none_of_this_catalogue()
    {
        var m = await app.CreateMunicipalityAsync();
        var id = await m.WithDbAsync(async db =>
        {
            var status = new ImplementationStatus { Name = "Nur hier", Position = 1 };
            db.ImplementationStatuses.Add(status);
            await db.SaveChangesAsync();
            return status.Id;
        });
        var other = await app.CreateMunicipalityAsync();
        var editor = await other.SignedInClientAsync(MunicipalityRole.PlanEditor);
        Assert.DoesNotContain("Nur hier", await (await editor.GetAsync($"/{other.Slug}/manage/statuses")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/{other.Slug}/manage/statuses/{Id(id)}")).StatusCode);
        var token = await editor.AntiforgeryTokenAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await editor.PostWithTokenAsync($"/{other.Slug}/manage/statuses/{Id(id)}?handler=Delete", token, new Dictionary<string, string>())).StatusCode);
        Assert.Equal(1, await m.WithDbAsync(db => db.ImplementationStatuses.CountAsync(x => x.Id == id)));
    }
}

public sealed class StatusCatalogueSqliteTests(SqliteApp app) : StatusCatalogueTests(app), IClassFixture<SqliteApp>;

public sealed class StatusCataloguePostgresTests(PostgresApp app) : StatusCatalogueTests(app), IClassFixture<PostgresApp>;
