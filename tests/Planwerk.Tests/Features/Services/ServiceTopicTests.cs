using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Services;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Services;

/// <summary>The topic list: a tree with each topic's services; the plan team adds topics and sub-topics (code unique and
/// well-formed, name required), renames and moves them (never under themselves), reorders siblings, deletes only unused
/// ones, takes over the default list, and translates names and descriptions side by side. Nobody else may.</summary>
public abstract class ServiceTopicTests(PlanwerkApp app)
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string List(TestMunicipality m) => $"/{m.Slug}/manage/services/topics";

    private static string Edit(TestMunicipality m, int id) => $"/{m.Slug}/manage/services/topics/{Id(id)}";

    private static string Translation(TestMunicipality m, int id, string language) => Edit(m, id) + "/translations/" + language;

    private static Task<List<(string Code, string Name, string? Parent, int Position)>> StoredAsync(TestMunicipality m) =>
        m.WithDbAsync(async db => (await db.ServiceTopics.AsNoTracking().OrderBy(t => t.Code)
            .Select(t => new { t.Code, t.Name, Parent = t.Parent == null ? null : t.Parent.Code, t.Position }).ToListAsync())
            .Select(t => (t.Code, t.Name, t.Parent, t.Position)).ToList());

    /// <summary>The codes in the tree as shown, a sub-topic as "parent/child".</summary>
    private static async Task<List<string>> ShownAsync(HttpClient client, TestMunicipality m)
    {
        var page = await client.GetDocumentAsync(List(m));
        return page.QuerySelectorAll("#topics li").Select(li =>
        {
            var code = li.QuerySelector(".meta")!.TextContent.Split(')')[0].TrimStart('(');
            var parent = li.ParentElement!.ParentElement is { LocalName: "li" } p ? p.QuerySelector(".meta")!.TextContent.Split(')')[0].TrimStart('(') + "/" : "";
            return parent + code;
        }).ToList();
    }

    [Fact]
    public async Task An_empty_list_takes_over_the_default_topics_with_their_English_names()
    {
        var m = await app.CreateMunicipalityAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var response = await editor.SubmitFormAsync(List(m), new Dictionary<string, string?>(), "#defaults-form");
        Assert.Equal(List(m), response.RedirectTarget());
        var shown = await ShownAsync(editor, m);
        Assert.Equal(16, shown.Count);
        Assert.Equal("asylum", shown[0]);
        Assert.Equal("asylum/asylum-counselling", shown[1]);
        Assert.Contains("language/language-courses", shown);
        Assert.Null((await editor.GetDocumentAsync(List(m))).QuerySelector("#defaults-form"));
        Assert.Equal(16, await m.WithDbAsync(db => db.ContentTranslations.CountAsync(t => t.Kind == ContentKinds.Topic && t.Language == "en")));
        // Taking them over again adds nothing.
        var token = await editor.AntiforgeryTokenAsync();
        await editor.PostWithTokenAsync(List(m) + "?handler=Defaults", token, new Dictionary<string, string>());
        Assert.Equal(16, (await StoredAsync(m)).Count);
    }

    [Fact]
    public async Task The_plan_team_adds_topics_and_sub_topics_and_bad_input_is_refused_at_its_field()
    {
        var m = await app.CreateMunicipalityAsync();
        var housing = await m.AddTopicAsync("housing", "Wohnen");
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var name = "Wohnberatung " + HostileText.Script + " " + HostileText.RightToLeft;
        var response = await editor.SubmitFormAsync(List(m) + "?parent=" + Id(housing), new Dictionary<string, string?>
        {
            ["Input.Code"] = "housing-advice", ["Input.Name"] = name, ["Input.Description"] = "Hilfe bei der Wohnungssuche",
        }, "#topic-form");
        Assert.StartsWith(List(m) + "#topic-", response.RedirectTarget(), StringComparison.Ordinal);
        Assert.Contains(("housing-advice", name, "housing", 0), await StoredAsync(m));
        var html = await (await editor.GetAsync(List(m))).Content.ReadAsStringAsync();
        Assert.DoesNotContain(HostileText.Script, html, StringComparison.Ordinal);
        Assert.Equal(["housing", "housing/housing-advice"], await ShownAsync(editor, m));

        foreach (var (field, value, message) in new[]
        {
            ("Input.Code", "", "Bitte geben Sie ein Kürzel an"),
            ("Input.Code", "Wohnen Beratung", "Kleinbuchstaben"),
            ("Input.Code", "HOUSING", "hat schon ein anderes Thema"),
            ("Input.Code", new string('a', 61), "höchstens 60"),
            ("Input.Name", " ", "Bitte geben Sie einen Namen an"),
            ("Input.Name", HostileText.VeryLong, "höchstens 200"),
            ("Input.ParentId", "999999", "gibt es nicht"),
        })
        {
            var values = new Dictionary<string, string?> { ["Input.Code"] = "health", ["Input.Name"] = "Gesundheit", [field] = value };
            if (field == "Input.ParentId")
            {
                var token = await editor.AntiforgeryTokenAsync();
                response = await editor.PostWithTokenAsync(List(m), token, values.ToDictionary(v => v.Key, v => v.Value!));
            }
            else
            {
                response = await editor.SubmitFormAsync(List(m), values, "#topic-form");
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await HtmlForms.ParseAsync(response);
            var error = page.QuerySelector("#" + field.Replace('.', '_') + "-error")!.TextContent;
            Assert.True(error.Contains(message, StringComparison.Ordinal), $"{field}={value}: {error}");
        }
        Assert.Equal(2, (await StoredAsync(m)).Count);
    }

    [Fact]
    public async Task A_topic_is_renamed_and_moved_but_never_under_itself_and_a_stale_form_shows_the_conflict()
    {
        var m = await app.CreateMunicipalityAsync();
        var work = await m.AddTopicAsync("work", "Arbeit", position: 0);
        var recognition = await m.AddTopicAsync("work-recognition", "Anerkennung", work);
        var language = await m.AddTopicAsync("language", "Sprache", position: 1);
        await m.AddTopicAsync("language-courses", "Sprachkurse", language);
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);

        // Not under itself, nor under its own sub-topic; neither is offered.
        var form = await editor.GetDocumentAsync(Edit(m, work));
        var offered = form.QuerySelectorAll("#Input_ParentId option").Select(o => o.GetAttribute("value")).ToList();
        Assert.DoesNotContain(Id(work), offered);
        Assert.DoesNotContain(Id(recognition), offered);
        Assert.Contains(Id(language), offered);
        var token = await editor.AntiforgeryTokenAsync();
        var version = await m.WithDbAsync(db => db.ServiceTopics.Where(t => t.Id == work).Select(t => t.Version).SingleAsync());
        var response = await editor.PostWithTokenAsync(Edit(m, work), token, new Dictionary<string, string> { ["Input.Name"] = "Arbeit", ["Input.ParentId"] = Id(recognition), ["Input.Version"] = Id(version) });
        Assert.Contains((await HtmlForms.ParseAsync(response)).Errors(), e => e.Contains("nicht unter sich selbst", StringComparison.Ordinal));
        Assert.Contains(("work", "Arbeit", (string?)null, 0), await StoredAsync(m));

        // Renamed and moved under "language", at its end.
        response = await editor.SubmitFormAsync(Edit(m, work), new Dictionary<string, string?> { ["Input.Name"] = "Arbeit und Ausbildung", ["Input.ParentId"] = Id(language) }, "#topic-form");
        Assert.Equal(Edit(m, work), response.RedirectTarget());
        Assert.Contains(("work", "Arbeit und Ausbildung", "language", 1), await StoredAsync(m));
        Assert.Equal(["language", "language/language-courses", "language/work", "work/work-recognition"], await ShownAsync(editor, m));

        // A form loaded before someone else's save shows theirs beside the input, and keeps the stored name.
        var stale = await editor.GetDocumentAsync(Edit(m, work));
        await m.WithDbAsync(async db =>
        {
            (await db.ServiceTopics.SingleAsync(t => t.Id == work)).Name = "Beruf";
            return await db.SaveChangesAsync();
        });
        response = await editor.SubmitFormAsync(stale, Edit(m, work), new Dictionary<string, string?> { ["Input.Name"] = "Arbeit" }, "#topic-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conflict = (await HtmlForms.ParseAsync(response)).QuerySelectorAll(".conflict-table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(conflict, r => r.Contains("Arbeit", StringComparison.Ordinal) && r.Contains("Beruf", StringComparison.Ordinal));
        Assert.Contains(("work", "Beruf", "language", 1), await StoredAsync(m));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(Edit(m, 999999))).StatusCode);
    }

    [Fact]
    public async Task Siblings_move_up_and_down_within_their_parent()
    {
        var m = await app.CreateMunicipalityAsync();
        var health = await m.AddTopicAsync("health", "Gesundheit", position: 0);
        await m.AddTopicAsync("health-doctors", "Ärzte", health, 0);
        await m.AddTopicAsync("health-mental", "Psyche", health, 1);
        await m.AddTopicAsync("family", "Familie", position: 1);
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var mental = await m.WithDbAsync(db => db.ServiceTopics.Where(t => t.Code == "health-mental").Select(t => t.Id).SingleAsync());
        var response = await editor.SubmitFormAsync(List(m), new Dictionary<string, string?>(), "#move-topic-" + Id(mental), "direction", "Up");
        Assert.StartsWith(List(m), response.RedirectTarget(), StringComparison.Ordinal);
        Assert.Equal(["health", "health/health-mental", "health/health-doctors", "family"], await ShownAsync(editor, m));
        await editor.SubmitFormAsync(List(m), new Dictionary<string, string?>(), "#move-topic-" + Id(health), "direction", "Down");
        Assert.Equal(["family", "health", "health/health-mental", "health/health-doctors"], await ShownAsync(editor, m));
    }

    [Fact]
    public async Task A_topic_is_deleted_with_its_translations_only_when_no_service_and_no_sub_topic_uses_it()
    {
        var m = await app.CreateMunicipalityAsync();
        var family = await m.AddTopicAsync("family", "Familie");
        var childcare = await m.AddTopicAsync("childcare", "Kinderbetreuung", family);
        var legal = await m.AddTopicAsync("legal", "Rechtsberatung");
        var organisation = await m.AddStakeholderAsync();
        var (service, _) = await m.AddServiceAsync(organisation, withLocation: false);
        await m.WithDbAsync(async db =>
        {
            var row = await db.HelpServices.Include(s => s.Topics).SingleAsync(s => s.Id == service);
            row.Topics.Add(await db.ServiceTopics.SingleAsync(t => t.Id == legal));
            db.ContentTranslations.Add(new ContentTranslation { Kind = ContentKinds.Topic, EntityId = childcare, Language = "en", Field = "Name", Text = "Childcare", SourceFingerprint = ServiceTexts.Fingerprint("Kinderbetreuung") });
            return await db.SaveChangesAsync();
        });
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var page = await editor.GetDocumentAsync(List(m));
        Assert.Null(page.QuerySelector("#delete-topic-" + Id(legal)));
        Assert.Null(page.QuerySelector("#delete-topic-" + Id(family)));
        Assert.Contains("1 Hilfeangebote", page.QuerySelector("#topic-" + Id(legal))!.TextContent, StringComparison.Ordinal);

        var token = await editor.AntiforgeryTokenAsync();
        foreach (var (id, reason) in new[] { (legal, "1 Hilfeangebote"), (family, "1 Unterthemen") })
        {
            var response = await editor.PostWithTokenAsync(List(m) + "?handler=Delete", token, new Dictionary<string, string> { ["id"] = Id(id) });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains((await HtmlForms.ParseAsync(response)).Errors(), e => e.Contains("kann nicht gelöscht werden", StringComparison.Ordinal) && e.Contains(reason, StringComparison.Ordinal));
        }
        Assert.Equal(3, (await StoredAsync(m)).Count);

        var deleted = await editor.SubmitFormAsync(List(m), new Dictionary<string, string?>(), "#delete-topic-" + Id(childcare));
        Assert.Equal(List(m), deleted.RedirectTarget());
        Assert.Equal(["family", "legal"], (await StoredAsync(m)).Select(t => t.Code));
        Assert.Equal(0, await m.WithDbAsync(db => db.ContentTranslations.CountAsync()));
        // Now unused, the parent can go too.
        Assert.Equal(List(m), (await editor.SubmitFormAsync(List(m), new Dictionary<string, string?>(), "#delete-topic-" + Id(family))).RedirectTarget());
        Assert.Equal(["legal"], (await StoredAsync(m)).Select(t => t.Code));
    }

    [Fact]
    public async Task Topic_names_and_descriptions_are_translated_side_by_side_and_outdated_after_a_rename()
    {
        var m = await app.CreateMunicipalityAsync();
        var topic = await m.AddTopicAsync("psychosocial", "Psychosoziale Hilfe");
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var page = await editor.GetDocumentAsync(Translation(m, topic, "fa"));
        var field = $"#Texts_Topic-{Id(topic)}-Name_";
        Assert.Equal(("fa", "rtl"), (page.QuerySelector(field)!.GetAttribute("lang"), page.QuerySelector(field)!.GetAttribute("dir")));
        Assert.Equal("de", page.QuerySelector(field + "-source")!.GetAttribute("lang"));
        // The empty German description is nothing to translate.
        Assert.Single(page.QuerySelectorAll("fieldset.translation-pair"));

        var response = await editor.SubmitFormAsync(Translation(m, topic, "fa"), new Dictionary<string, string?> { [$"Texts[Topic-{Id(topic)}-Name]"] = "کمک روانی-اجتماعی " + HostileText.Script }, "#translation-form");
        Assert.Equal(Translation(m, topic, "fa"), response.RedirectTarget());
        Assert.Equal("کمک روانی-اجتماعی " + HostileText.Script, await m.WithDbAsync(db => db.ContentTranslations.Where(t => t.Language == "fa").Select(t => t.Text).SingleAsync()));
        Assert.Equal("vollständig", (await editor.GetDocumentAsync(Edit(m, topic))).QuerySelector("#state-fa td")!.TextContent.Trim());

        await editor.SubmitFormAsync(Edit(m, topic), new Dictionary<string, string?> { ["Input.Name"] = "Psychosoziale Beratung", ["Input.Description"] = "Bei Belastung und Trauma" }, "#topic-form");
        var edit = await editor.GetDocumentAsync(Edit(m, topic));
        Assert.Equal("fehlt: 1, veraltet: 1", edit.QuerySelector("#state-fa td")!.TextContent.Trim());
        page = await editor.GetDocumentAsync(Translation(m, topic, "fa"));
        Assert.NotNull(page.QuerySelector($"#Texts_Topic-{Id(topic)}-Name_-outdated"));
        Assert.Equal("Psychosoziale Beratung", page.QuerySelector(field + "-source")!.TextContent);
    }

    [Fact]
    public async Task Only_plan_editors_and_administrators_keep_the_topic_list()
    {
        var m = await app.CreateMunicipalityAsync();
        var topic = await m.AddTopicAsync("meeting", "Begegnung");
        var version = await m.WithDbAsync(db => db.ServiceTopics.Where(t => t.Id == topic).Select(t => t.Version).SingleAsync());
        foreach (var visitor in Enum.GetValues<Visitor>())
        {
            var client = await PermissionMatrix.ClientAsync(app, m, visitor);
            // The posts are refused for everyone admitted (a code taken, a missing name, a stale page), so nothing changes.
            await PermissionMatrix.AssertAsync(client, visitor, [
                PermissionCheck.Get(List(m), Access.PlanEditor),
                PermissionCheck.Post(List(m), Access.PlanEditor, new() { ["Input.Code"] = "meeting", ["Input.Name"] = "Neu" }, HttpStatusCode.OK),
                PermissionCheck.Post(List(m) + "?handler=Move", Access.PlanEditor, new() { ["id"] = "999999", ["direction"] = "Up" }, HttpStatusCode.NotFound),
                PermissionCheck.Post(List(m) + "?handler=Delete", Access.PlanEditor, new() { ["id"] = "999999" }, HttpStatusCode.NotFound),
                PermissionCheck.Post(List(m) + "?handler=Defaults", Access.PlanEditor, new(), HttpStatusCode.Redirect),
                PermissionCheck.Get(Edit(m, topic), Access.PlanEditor),
                PermissionCheck.Post(Edit(m, topic), Access.PlanEditor, new() { ["Input.Name"] = "", ["Input.Version"] = Id(version) }, HttpStatusCode.OK),
                PermissionCheck.Get(Translation(m, topic, "en"), Access.PlanEditor),
                PermissionCheck.Post(Translation(m, topic, "en"), Access.PlanEditor, new() { ["Token"] = "stale", [$"Texts[Topic-{Id(topic)}-Name]"] = "Meeting" }, HttpStatusCode.OK),
            ]);
        }
        Assert.Equal([("meeting", "Begegnung", (string?)null, 0)], await StoredAsync(m));
        Assert.Equal(0, await m.WithDbAsync(db => db.ContentTranslations.CountAsync()));
        // Another municipality's plan team does not find the topic under its own address.
        var other = await app.CreateMunicipalityAsync();
        var otherEditor = await other.SignedInClientAsync(MunicipalityRole.PlanEditor);
        Assert.Equal(HttpStatusCode.NotFound, (await otherEditor.GetAsync(Edit(other, topic))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherEditor.GetAsync(Translation(other, topic, "en"))).StatusCode);
    }
}

public sealed class ServiceTopicSqliteTests(SqliteApp app) : ServiceTopicTests(app), IClassFixture<SqliteApp>;

public sealed class ServiceTopicPostgresTests(PostgresApp app) : ServiceTopicTests(app), IClassFixture<PostgresApp>;
