using System.Net;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Features.Plans.Versions;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Plans.Manage;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Plans.Manage.ManageTestData;

namespace Planwerk.Tests.Features.Plans.Versions;

/// <summary>Freezing, reading and comparing named versions over HTTP, on a real database.</summary>
public abstract class VersionPagesTests(PlanwerkApp app)
{
    private static string Manage(TestMunicipality m, int planId) => $"/{m.Slug}/manage/plans/{planId}/versions";

    private static string Public(TestMunicipality m, int planId) => $"/{m.Slug}/plans/{planId}/versions";

    /// <summary>Freezes through the real form; returns the new version's id.</summary>
    private static async Task<int> FreezeAsync(HttpClient editor, TestMunicipality m, int planId, string name, string? note = null)
    {
        var response = await editor.SubmitFormAsync(Manage(m, planId), new Dictionary<string, string?> { ["Input.Name"] = name, ["Input.Note"] = note }, "#freeze-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = response.RedirectTarget();
        Assert.StartsWith(Manage(m, planId) + "/", target, StringComparison.Ordinal);
        return int.Parse(target[(Manage(m, planId).Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task<int> SetPublicAsync(TestMunicipality m, int planId, bool isPublic = true) => m.WithDbAsync(async db =>
    {
        var plan = await db.Plans.SingleAsync(p => p.Id == planId);
        plan.IsPublic = isPublic;
        return 0;
    });

    private static Task<int> ChangeMeasureAsync(TestMunicipality m, int measureId, Action<Measure> change) => m.WithDbAsync(async db =>
    {
        change(await db.Measures.SingleAsync(x => x.Id == measureId));
        return 0;
    });

    /// <summary>Text a sighted reader sees: without the hidden words for screen readers.</summary>
    private static string Visible(IElement element)
    {
        var copy = (IElement)element.Clone();
        foreach (var hidden in copy.QuerySelectorAll(".visually-hidden").ToList()) hidden.Remove();
        return copy.TextContent;
    }

    [Fact]
    public async Task Editor_freezes_the_current_plan_as_a_named_version()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);

        var id = await FreezeAsync(editor, m, plan.Id, "  Erster Entwurf ", "Für die Verwaltung");

        var stored = await m.WithDbAsync(db => db.PlanVersions.AsNoTracking().SingleAsync(v => v.Id == id));
        var expected = await m.WithDbAsync(db => PlanDocument.LoadAsync(db, plan.Id));
        Assert.Equal("Erster Entwurf", stored.Name);
        Assert.Equal("Für die Verwaltung", stored.Note);
        Assert.Equal(plan.Id, stored.PlanId);
        Assert.StartsWith("Test user-", stored.CreatedByName, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetString(expected!.ToJson()), stored.Document);

        var page = await editor.GetDocumentAsync($"{Manage(m, plan.Id)}/{id}");
        Assert.Contains("Fassung „Erster Entwurf“ vom", page.GetElementById("version-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("nicht der aktuelle Stand", page.GetElementById("version-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Die Fassung „Erster Entwurf“ wurde festgehalten.", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main form[method=post]"));

        var list = await editor.GetDocumentAsync(Manage(m, plan.Id));
        var row = list.QuerySelector("table.versions tbody tr")!;
        Assert.Contains("Erster Entwurf", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Für die Verwaltung", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("weder geändert noch gelöscht", list.GetElementById("immutable-hint")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Freezing_needs_a_name_that_the_plan_does_not_have_yet()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync();
        var other = await m.PlanAsync(title: "Anderer Plan");
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        await FreezeAsync(editor, m, plan.Id, "Beteiligungsfassung");

        var empty = await HtmlForms.ParseAsync(await editor.SubmitFormAsync(Manage(m, plan.Id), new Dictionary<string, string?> { ["Input.Name"] = " " }, "#freeze-form"));
        empty.AssertFieldError("Input_Name", "Bitte geben Sie einen Namen für die Fassung an.");

        var taken = await HtmlForms.ParseAsync(await editor.SubmitFormAsync(Manage(m, plan.Id),
            new Dictionary<string, string?> { ["Input.Name"] = "Beteiligungsfassung", ["Input.Note"] = "meine Anmerkung" }, "#freeze-form"));
        taken.AssertFieldError("Input_Name", "Es gibt schon eine Fassung mit dem Namen „Beteiligungsfassung“.");
        Assert.Equal("meine Anmerkung", taken.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#Input_Note")!.Value);

        var tooLong = await HtmlForms.ParseAsync(await editor.SubmitFormAsync(Manage(m, plan.Id), new Dictionary<string, string?> { ["Input.Name"] = new string('x', 201) }, "#freeze-form"));
        tooLong.AssertFieldError("Input_Name", "höchstens 200 Zeichen");

        Assert.Equal(1, await m.WithDbAsync(db => db.PlanVersions.CountAsync(v => v.PlanId == plan.Id)));
        await FreezeAsync(editor, m, other.Id, "Beteiligungsfassung");
    }

    [Fact]
    public async Task A_version_stays_as_frozen_when_the_plan_changes_and_the_context_refuses_to_change_it()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var id = await FreezeAsync(editor, m, plan.Id, "Erster Entwurf");
        var frozen = await m.WithDbAsync(db => db.PlanVersions.AsNoTracking().Select(v => v.Document).SingleAsync());

        // Edited through the real measure form.
        var measureUrl = $"/{m.Slug}/manage/plans/{plan.Id}/measures/{plan.Field(1).MeasureIds[0]}";
        var saved = await editor.SubmitFormAsync(measureUrl, new Dictionary<string, string?> { ["Input.Title"] = "Ganz neuer Titel" }, "#measure-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Equal(frozen, await m.WithDbAsync(db => db.PlanVersions.AsNoTracking().Select(v => v.Document).SingleAsync()));
        var page = await editor.GetDocumentAsync($"{Manage(m, plan.Id)}/{id}");
        Assert.Contains("Maßnahme 1.1", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Ganz neuer Titel", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        await Assert.ThrowsAsync<InvalidOperationException>(() => m.WithDbAsync(async db =>
        {
            var version = await db.PlanVersions.SingleAsync(v => v.Id == id);
            version.Name = "Umbenannt";
            await db.SaveChangesAsync();
            return 0;
        }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => m.WithDbAsync(async db =>
        {
            db.PlanVersions.Remove(await db.PlanVersions.SingleAsync(v => v.Id == id));
            await db.SaveChangesAsync();
            return 0;
        }));
        Assert.Equal("Erster Entwurf", await m.WithDbAsync(db => db.PlanVersions.Select(v => v.Name).SingleAsync()));

        // There is no handler to change or delete a version.
        var token = await editor.AntiforgeryTokenAsync();
        var post = await editor.PostWithTokenAsync($"{Manage(m, plan.Id)}/{id}", token, new Dictionary<string, string> { ["Input.Name"] = "Umbenannt" });
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        var delete = await editor.PostWithTokenAsync($"{Manage(m, plan.Id)}/{id}?handler=Delete", token, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        Assert.Equal(frozen, await m.WithDbAsync(db => db.PlanVersions.AsNoTracking().Select(v => v.Document).SingleAsync()));
    }

    [Fact]
    public async Task Compare_shows_added_removed_moved_renumbered_and_changed_measures_with_the_changed_words_marked()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 2, fields: 2, measuresPerField: 3);
        await SetPublicAsync(m, plan.Id);
        var (f1, f2) = (plan.Field(1), plan.Field(2));
        await ChangeMeasureAsync(m, f1.MeasureIds[0], x => x.Title = "Sprachcafé im Stadtteil Nord");
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var first = await FreezeAsync(editor, m, plan.Id, "Erster Entwurf");

        await m.WithDbAsync(async db =>
        {
            var measures = await db.Measures.Where(x => x.PlanId == plan.Id).ToDictionaryAsync(x => x.Id);
            measures[f1.MeasureIds[0]].Title = "Sprachcafé im Rathaus Nord";            // changed word
            measures[f1.MeasureIds[0]].Status = MeasureStatus.InProgress;                 // changed choice
            measures[f1.MeasureIds[1]].FieldOfActionId = f2.Id;                          // moved to field 2
            measures[f1.MeasureIds[1]].Number = "2.4";
            measures[f1.MeasureIds[1]].Position = 4;
            measures[f1.MeasureIds[2]].Number = "1.2";                                   // renumbered
            db.Measures.Remove(measures[f2.MeasureIds[0]]);                              // removed
            db.Measures.Add(new Measure { PlanId = plan.Id, FieldOfActionId = f2.Id, Position = 5, Number = "2.5", Title = "Neue Lotsen", UpdatedAt = DateTimeOffset.UtcNow });
            (await db.Principles.SingleAsync(p => p.Id == plan.PrincipleIds[0])).Title = "Leitlinie eins für alle";
            (await db.FieldsOfAction.SingleAsync(f => f.Id == f2.Id)).Title = "Teilbereich Arbeit";
            return 0;
        });
        var second = await FreezeAsync(editor, m, plan.Id, "Beteiligungsfassung");

        // A visitor uses the public form.
        var visitor = app.CreateBrowserlikeClient();
        var response = await visitor.SubmitFormAsync(Public(m, plan.Id), new Dictionary<string, string?> { ["from"] = Id(first), ["to"] = Id(second) }, "#compare-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{Public(m, plan.Id)}/compare?from={first}&to={second}", response.RequestMessage!.RequestUri!.PathAndQuery);
        var page = await HtmlForms.ParseAsync(response);

        var counts = page.GetElementById("change-counts")!.TextContent;
        Assert.Contains("Maßnahmen hinzugefügt: 1", counts, StringComparison.Ordinal);
        Assert.Contains("Maßnahmen entfernt: 1", counts, StringComparison.Ordinal);
        Assert.Contains("Maßnahmen verschoben oder neu nummeriert: 2", counts, StringComparison.Ordinal);
        Assert.Contains("Maßnahmen geändert: 1", counts, StringComparison.Ordinal);
        Assert.Contains("2.5 Neue Lotsen", Visible(page.GetElementById("added-measures")!), StringComparison.Ordinal);
        Assert.Contains("2.1 Maßnahme 2.1", Visible(page.GetElementById("removed-measures")!), StringComparison.Ordinal);

        var changed = page.QuerySelectorAll("#changed-measures article").ToList();
        Assert.Equal(["1.1 Sprachcafé im Rathaus Nord", "1.2 Maßnahme 1.3", "2.4 Maßnahme 1.2"], changed.Select(a => a.QuerySelector("h3")!.TextContent.Trim()));
        var title = changed[0];
        Assert.Equal(["Stadtteil"], title.QuerySelectorAll("dd:first-of-type del").Select(Visible));
        Assert.Equal(["Rathaus"], title.QuerySelectorAll("dd:first-of-type ins").Select(Visible));
        Assert.Equal("Sprachcafé im StadtteilRathaus Nord", Visible(title.QuerySelector("dd")!).Trim());
        Assert.Equal("[entfernt: Stadtteil]", title.QuerySelector("dd del")!.TextContent);
        Assert.Contains("nicht begonnen", Visible(title.QuerySelectorAll("dd")[1]).ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Contains("von Handlungsfeld 1, Nummer 1.3, nach Handlungsfeld 1, Nummer 1.2", changed[1].QuerySelector(".moved")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("von Handlungsfeld 1, Nummer 1.2, nach Handlungsfeld 2, Nummer 2.4", changed[2].QuerySelector(".moved")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(changed[2].QuerySelectorAll("dl"));

        var principles = page.GetElementById("principle-changes-list")!;
        Assert.Equal(["eins für alle"], principles.QuerySelectorAll("ins").Select(Visible));
        Assert.Equal(["1"], principles.QuerySelectorAll("del").Select(Visible));
        var fields = page.GetElementById("field-changes-list")!;
        Assert.Equal(["2"], fields.QuerySelectorAll("del").Select(Visible));
        Assert.Equal(["Arbeit"], fields.QuerySelectorAll("ins").Select(Visible));
        Assert.Null(page.GetElementById("plan-facts"));
    }

    [Fact]
    public async Task A_version_compared_with_the_current_state_shows_what_changed_since()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var id = await FreezeAsync(editor, m, plan.Id, "Fassung für den Stadtrat");
        await m.WithDbAsync(async db =>
        {
            (await db.Plans.SingleAsync(p => p.Id == plan.Id)).Summary = "Eine neue Zusammenfassung";
            return 0;
        });

        var page = await editor.GetDocumentAsync($"{Manage(m, plan.Id)}/compare");
        Assert.Contains("„Fassung für den Stadtrat", page.GetElementById("compared")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("„aktueller Stand“", page.GetElementById("compared")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Eine neue Zusammenfassung", Visible(page.QuerySelector("#plan-facts ins")!));
        Assert.Equal(Id(id), page.QuerySelector("#compare-from option[selected]")!.GetAttribute("value"));
        Assert.Equal("current", page.QuerySelector("#compare-to option[selected]")!.GetAttribute("value"));

        var same = await editor.GetDocumentAsync($"{Manage(m, plan.Id)}/compare?from={id}&to={id}");
        Assert.NotNull(same.GetElementById("no-changes"));
    }

    [Fact]
    public async Task Hostile_text_in_a_comparison_and_a_version_is_escaped()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync();
        await SetPublicAsync(m, plan.Id);
        var measure = plan.Field(1).MeasureIds[0];
        await ChangeMeasureAsync(m, measure, x => { x.Title = HostileText.Script + " alt"; x.Goal = HostileText.RightToLeft; });
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var first = await FreezeAsync(editor, m, plan.Id, HostileText.Markup, HostileText.Script);
        await ChangeMeasureAsync(m, measure, x => { x.Title = HostileText.Script + " " + HostileText.Markup; x.Goal = HostileText.RightToLeft + " جديد"; });
        var second = await FreezeAsync(editor, m, plan.Id, HostileText.Script);

        var visitor = app.CreateBrowserlikeClient();
        foreach (var url in new[] { $"{Public(m, plan.Id)}/compare?from={first}&to={second}", $"{Public(m, plan.Id)}/{first}", Public(m, plan.Id), $"{Manage(m, plan.Id)}/compare?from={first}&to={second}" })
        {
            var client = url.Contains("/manage/", StringComparison.Ordinal) ? editor : visitor;
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(HostileText.Script, html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            var document = await HtmlForms.ParseAsync(response);
            Assert.Empty(document.QuerySelectorAll("main script, main img"));
        }
        var page = await visitor.GetDocumentAsync($"{Public(m, plan.Id)}/compare?from={first}&to={second}");
        var title = page.QuerySelector("#changed-measures article dd")!;
        Assert.Equal(["alt"], title.QuerySelectorAll("del").Select(Visible));
        Assert.Equal(HostileText.Script + " " + HostileText.Markup, Visible(title).Trim().Replace("alt", "", StringComparison.Ordinal));
        Assert.Equal(["جديد"], page.QuerySelectorAll("#changed-measures article dd")[1].QuerySelectorAll("ins").Select(Visible).Select(s => s.Trim()));
    }

    [Fact]
    public async Task Public_version_pages_show_public_plans_only()
    {
        var m = await app.CreateMunicipalityAsync();
        var open = await m.PlanAsync(title: "Öffentlicher Plan");
        var closed = await m.PlanAsync(title: "Interner Plan");
        await SetPublicAsync(m, open.Id);
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var openVersion = await FreezeAsync(editor, m, open.Id, "Erster Entwurf");
        var closedVersion = await FreezeAsync(editor, m, closed.Id, "Erster Entwurf");
        var visitor = app.CreateBrowserlikeClient();

        foreach (var url in new[] { Public(m, open.Id), $"{Public(m, open.Id)}/{openVersion}", $"{Public(m, open.Id)}/compare", $"{Public(m, open.Id)}/compare?from={openVersion}&to=current" })
            Assert.True((await visitor.GetAsync(url)).StatusCode == HttpStatusCode.OK, "GET " + url);
        foreach (var url in new[] { Public(m, closed.Id), $"{Public(m, closed.Id)}/{closedVersion}", $"{Public(m, closed.Id)}/compare", $"{Public(m, closed.Id)}/compare?from={closedVersion}&to=current" })
            Assert.True((await visitor.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, "GET " + url);
        // Editors read non-public plans' versions on the manage pages.
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"{Manage(m, closed.Id)}/{closedVersion}")).StatusCode);

        var planPage = await visitor.GetDocumentAsync($"/{m.Slug}/plans/{open.Id}");
        Assert.NotNull(planPage.QuerySelector($"a[href='{Public(m, open.Id)}/{openVersion}']"));
        Assert.NotNull(planPage.QuerySelector($"form[action='{Public(m, open.Id)}/compare']"));
        var list = await visitor.GetDocumentAsync(Public(m, open.Id));
        Assert.Contains("Erster Entwurf", list.QuerySelector("table.versions")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Test user-", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("non-member")]
    [InlineData("editor elsewhere")]
    public async Task Outsiders_can_neither_open_nor_post_the_manage_version_pages(string who)
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync();
        await SetPublicAsync(m, plan.Id);
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var id = await FreezeAsync(editor, m, plan.Id, "Erster Entwurf");
        var client = who switch
        {
            "anonymous" => app.CreateBrowserlikeClient(),
            "non-member" => await app.SignInAsync((await app.CreateUserAsync()).Email!),
            _ => await (await app.CreateMunicipalityAsync()).SignedInClientAsync(MunicipalityRole.PlanEditor),
        };
        var token = await client.AntiforgeryTokenAsync();
        var expected = who == "anonymous" ? "/account/login?" : "/account/access-denied";

        foreach (var url in new[] { Manage(m, plan.Id), $"{Manage(m, plan.Id)}/{id}", $"{Manage(m, plan.Id)}/compare" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.RedirectTarget().StartsWith(expected, StringComparison.Ordinal), $"{who}: GET {url}");
        }
        var post = await client.PostWithTokenAsync(Manage(m, plan.Id), token, new Dictionary<string, string> { ["Input.Name"] = "Eingeschleust" });
        Assert.True(post.StatusCode == HttpStatusCode.Redirect && post.RedirectTarget().StartsWith(expected, StringComparison.Ordinal), $"{who}: POST");
        Assert.Equal(["Erster Entwurf"], await m.WithDbAsync(db => db.PlanVersions.Select(v => v.Name).ToListAsync()));
    }

    [Fact]
    public async Task A_version_shows_its_sections_with_the_images_frozen_with_it()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync();
        var hidden = await m.PlanAsync(title: "Nicht öffentlich");
        await SetPublicAsync(m, plan.Id);
        await m.WithDbAsync(async db =>
        {
            foreach (var planId in new[] { plan.Id, hidden.Id })
            {
                db.PlanSections.Add(new Planwerk.Features.Plans.Sections.PlanSection { PlanId = planId, Position = 1, Title = HostileText.Script, Body = "Vorher **fett** ![" + HostileText.Markup + "](image:3) und ![fehlt](image:4)" });
                db.PlanImages.Add(new Planwerk.Features.Plans.Sections.PlanImage { PlanId = planId, Number = 3, FileName = "karte.gif", ContentType = "image/gif", Bytes = Transfer.TransferData.Gif, AltText = "Karte", CreatedAt = DateTimeOffset.UtcNow });
            }
            await db.SaveChangesAsync();
            return 0;
        });
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var id = await FreezeAsync(editor, m, plan.Id, "Mit Bild");
        var hiddenId = await FreezeAsync(editor, m, hidden.Id, "Verborgen");
        // The plan's image changes afterwards; the version keeps what was frozen.
        await m.WithDbAsync(async db =>
        {
            var image = await db.PlanImages.SingleAsync(i => i.PlanId == plan.Id);
            (image.Bytes, image.ContentType) = (Transfer.TransferData.Png, "image/png");
            await db.SaveChangesAsync();
            return 0;
        });
        var manageImage = $"{Manage(m, plan.Id)}/{id}/images/3";
        var publicImage = $"{Public(m, plan.Id)}/{id}/images/3";

        foreach (var (client, page, image) in new[] { (editor, $"{Manage(m, plan.Id)}/{id}", manageImage), (app.CreateBrowserlikeClient(), $"{Public(m, plan.Id)}/{id}", publicImage) })
        {
            var document = await client.GetDocumentAsync(page);
            var section = document.QuerySelector("section.plan-section")!;
            Assert.Equal(HostileText.Script, section.QuerySelector("h3")!.TextContent);
            Assert.NotNull(section.QuerySelector("strong"));
            var img = Assert.Single(section.QuerySelectorAll("img"));
            Assert.Equal((image, HostileText.Markup), (img.GetAttribute("src"), img.GetAttribute("alt")));
            Assert.Contains("fehlt", section.TextContent, StringComparison.Ordinal); // an image the version lacks: its words

            var response = await client.GetAsync(image);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(Transfer.TransferData.Gif, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal("image/gif", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
            // The public image of a frozen version never changes; the team's copy is a signed-in page and is never stored.
            if (image == publicImage) Assert.True(response.Headers.CacheControl!.MaxAge >= TimeSpan.FromDays(365), page);
            else Assert.True(response.Headers.CacheControl!.NoStore, page);
        }

        var visitor = app.CreateBrowserlikeClient();
        var elsewhere = await app.CreateMunicipalityAsync();
        var editorElsewhere = await elsewhere.SignedInClientAsync(MunicipalityRole.PlanEditor);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"{Public(m, plan.Id)}/{id}/images/4")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"{Public(m, hidden.Id)}/{hiddenId}/images/3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"{Public(m, plan.Id)}/{hiddenId}/images/3")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"{Manage(m, hidden.Id)}/{hiddenId}/images/3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editorElsewhere.GetAsync($"{Manage(elsewhere, plan.Id)}/{id}/images/3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"{Public(elsewhere, plan.Id)}/{id}/images/3")).StatusCode);
        var anonymous = await visitor.GetAsync($"{Manage(m, hidden.Id)}/{hiddenId}/images/3");
        Assert.True(anonymous.StatusCode == HttpStatusCode.Redirect && anonymous.RedirectTarget().StartsWith("/account/login?", StringComparison.Ordinal));
        var outsider = await editorElsewhere.GetAsync(manageImage);
        Assert.True(outsider.StatusCode == HttpStatusCode.Redirect && outsider.RedirectTarget().StartsWith("/account/access-denied", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ids_of_another_municipality_or_plan_find_nothing()
    {
        var a = await app.CreateMunicipalityAsync();
        var b = await app.CreateMunicipalityAsync();
        var planA = await a.PlanAsync();
        var otherA = await a.PlanAsync(title: "Zweiter Plan");
        var planB = await b.PlanAsync();
        await SetPublicAsync(a, planA.Id);
        await SetPublicAsync(a, otherA.Id);
        await SetPublicAsync(b, planB.Id);
        var editorA = await a.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var editorB = await b.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var versionA = await FreezeAsync(editorA, a, planA.Id, "A");
        var versionOtherA = await FreezeAsync(editorA, a, otherA.Id, "A2");
        var versionB = await FreezeAsync(editorB, b, planB.Id, "B");
        var visitor = app.CreateBrowserlikeClient();

        foreach (var url in new[]
        {
            $"{Public(a, planA.Id)}/{versionB}", $"{Public(a, planB.Id)}/{versionB}", $"{Public(a, planA.Id)}/{versionOtherA}",
            $"{Public(a, planA.Id)}/compare?from={versionB}&to=current", $"{Public(a, planA.Id)}/compare?from={versionA}&to={versionOtherA}",
            $"{Public(a, planA.Id)}/compare?from=x&to=current", Public(a, planB.Id),
        })
            Assert.True((await visitor.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, "GET " + url);
        foreach (var url in new[]
        {
            $"{Manage(a, planA.Id)}/{versionB}", $"{Manage(a, planB.Id)}/{versionB}", $"{Manage(a, planA.Id)}/compare?from={versionB}&to={versionA}", Manage(a, planB.Id),
        })
            Assert.True((await editorA.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, "GET " + url);
        var token = await editorA.AntiforgeryTokenAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await editorA.PostWithTokenAsync(Manage(a, planB.Id), token, new Dictionary<string, string> { ["Input.Name"] = "Eingeschleust" })).StatusCode);
        Assert.Equal(["B"], await b.WithDbAsync(db => db.PlanVersions.Select(v => v.Name).ToListAsync()));
    }

    [Fact]
    public async Task A_version_page_and_a_comparison_cost_the_same_queries_for_small_and_large_plans()
    {
        var m = await app.CreateMunicipalityAsync();
        var small = await m.PlanAsync(fields: 1, measuresPerField: 2);
        var large = await m.PlanAsync(fields: 5, measuresPerField: 30);
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        await SetPublicAsync(m, small.Id);
        await SetPublicAsync(m, large.Id);
        var ids = new Dictionary<int, (int First, int Second)>();
        foreach (var plan in new[] { small, large })
            ids[plan.Id] = (await FreezeAsync(editor, m, plan.Id, "Eins"), await FreezeAsync(editor, m, plan.Id, "Zwei"));

        var counter = new QueryCounter();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureServices(s => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(s, counter)));
        var client = counted.CreateClient();
        async Task<int> CountAsync(string url)
        {
            counter.Reset();
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, "GET " + url);
            return counter.Count;
        }
        string[] Urls(TestPlan plan) =>
        [
            $"{Public(m, plan.Id)}/{ids[plan.Id].First}",
            $"{Public(m, plan.Id)}/compare?from={ids[plan.Id].First}&to={ids[plan.Id].Second}",
            $"{Public(m, plan.Id)}/compare?from={ids[plan.Id].First}&to=current",
        ];
        var (smallUrls, largeUrls) = (Urls(small), Urls(large));
        // Each address once: a second request would come from the output cache.
        for (var i = 0; i < smallUrls.Length; i++)
        {
            var (smallCount, largeCount) = (await CountAsync(smallUrls[i]), await CountAsync(largeUrls[i]));
            Assert.True(smallCount == largeCount, $"{largeUrls[i]}: {smallCount} commands for 2 measures, {largeCount} for 150");
            if (i == 0) Assert.True(largeCount <= 2, $"version page: {largeCount} commands"); // at most the municipality and the version row
        }
    }
}

public sealed class VersionPagesSqliteTests(SqliteApp app) : VersionPagesTests(app), IClassFixture<SqliteApp>;

public sealed class VersionPagesPostgresTests(PostgresApp app) : VersionPagesTests(app), IClassFixture<PostgresApp>;
