using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Pathways;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Features.Plans.Manage;
using Planwerk.Tests.Features.Services;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Pathways.Manage;

/// <summary>Writing pathways as the plan team and counsellors do, through the real forms: a pathway's fields, its stages
/// and shared steps, a step's services and measures; every refusal with a message at the field and nothing changed; a
/// stale form shown as a conflict; each change one history record.</summary>
public abstract class PathwayEditingTests(PlanwerkApp app)
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Pathways(TestMunicipality m) => $"/{m.Slug}/manage/pathways";

    [Fact]
    public async Task A_counsellor_creates_and_edits_a_pathway_and_each_change_is_one_history_record()
    {
        var m = await app.CreateMunicipalityAsync();
        var counsellor = await m.SignedInClientAsync(MunicipalityRole.Counsellor);
        var title = "Neu angekommen " + HostileText.Script;
        var created = await counsellor.SubmitFormAsync($"{Pathways(m)}/new", new Dictionary<string, string?>
        {
            ["Input.Title"] = title, ["Input.Code"] = "neu-angekommen", ["Input.Summary"] = HostileText.RightToLeft,
            ["Input.Audience"] = HtmlForms.Many("AsylumSeekers", "TemporaryProtection"), ["Input.MinimumAge"] = "18", ["Input.Children"] = "WithChildren",
        }, "#pathway-form");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var pathway = await m.WithDbAsync(db => db.Pathways.AsNoTracking().SingleAsync());
        Assert.Equal((title, "neu-angekommen", HostileText.RightToLeft, PathwayStatus.Draft), (pathway.Title, pathway.Code, pathway.Summary, pathway.Status));
        Assert.Equal(Planwerk.Features.Services.ResidenceSituations.AsylumSeekers | Planwerk.Features.Services.ResidenceSituations.TemporaryProtection, pathway.Audience);
        Assert.Equal((18, (int?)null, ChildrenCondition.WithChildren), (pathway.MinimumAge!.Value, pathway.MaximumAge, pathway.Children));

        var page = await counsellor.GetDocumentAsync(created.RedirectTarget());
        Assert.Equal(title, page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Contains(HostileText.Script, page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("h1 script"));
        Assert.Null(page.QuerySelector("a[href$='/publish']"));

        var edited = await counsellor.SubmitFormAsync(created.RedirectTarget(), new Dictionary<string, string?> { ["Input.Title"] = "Asylantrag gestellt", ["Input.Audience"] = null }, "#pathway-form");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        pathway = await m.PathwayAsync(pathway.Id);
        Assert.Equal(("Asylantrag gestellt", Planwerk.Features.Services.ResidenceSituations.Everybody), (pathway.Title, pathway.Audience));

        Assert.Equal(2, await m.RecordCountAsync("Pathway", pathway.Id));
        var history = await m.HistoryAsync("Pathway", pathway.Id);
        Assert.Contains(("Created", "Code", null, "neu-angekommen"), history);
        Assert.Contains(("Updated", "Title", title, "Asylantrag gestellt"), history);
        Assert.Contains(("Updated", "Audience", "Asylsuchende; Vorübergehender Schutz (§ 24 AufenthG)", "alle"), history);
        var historyPage = await counsellor.GetDocumentAsync($"{Pathways(m)}/{Id(pathway.Id)}/history");
        Assert.Equal(2, historyPage.QuerySelectorAll("#history > li").Length);
        Assert.Contains("Asylantrag gestellt", historyPage.QuerySelector("#history")!.TextContent, StringComparison.Ordinal);
        Assert.Null(historyPage.QuerySelector("#history script"));
    }

    [Fact]
    public async Task Bad_pathway_input_gets_a_message_naming_the_field_and_nothing_is_saved()
    {
        var m = await app.CreateMunicipalityAsync();
        await m.AddPathwayAsync("schon-da", "Schon da");
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        async Task<IReadOnlyList<string>> ErrorsAsync(Dictionary<string, string?> values)
        {
            var response = await editor.SubmitFormAsync($"{Pathways(m)}/new", values, "#pathway-form");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await HtmlForms.ParseAsync(response)).Errors();
        }

        var errors = await ErrorsAsync(new() { ["Input.Title"] = " ", ["Input.Code"] = "Neu Weg" + HostileText.Markup, ["Input.MinimumAge"] = "130", ["Input.MaximumAge"] = "5" });
        Assert.Contains("Titel: Bitte geben Sie einen Titel an.", errors);
        Assert.Contains(errors, e => e.StartsWith("Adresskürzel: Bitte verwenden Sie nur Kleinbuchstaben", StringComparison.Ordinal));
        Assert.Contains("Mindestalter: Bitte geben Sie ein Alter zwischen 0 und 120 an.", errors);
        Assert.Contains("Adresskürzel: „finder“ ist für eine andere Seite reserviert. Bitte wählen Sie ein anderes Kürzel.",
            await ErrorsAsync(new() { ["Input.Title"] = "Finder", ["Input.Code"] = "finder" }));
        Assert.Contains("Adresskürzel: „schon-da“ hat schon ein anderer Integrationsweg. Bitte wählen Sie ein anderes Kürzel.",
            await ErrorsAsync(new() { ["Input.Title"] = "Doppelt", ["Input.Code"] = "schon-da" }));
        Assert.Contains("Höchstalter: Das Höchstalter liegt unter dem Mindestalter.",
            await ErrorsAsync(new() { ["Input.Title"] = "Alter", ["Input.Code"] = "alter", ["Input.MinimumAge"] = "30", ["Input.MaximumAge"] = "20" }));
        Assert.Contains(await ErrorsAsync(new() { ["Input.Title"] = HostileText.VeryLong, ["Input.Code"] = "lang" }), e => e.StartsWith("Titel: Bitte kürzen Sie den Text auf höchstens 300 Zeichen", StringComparison.Ordinal));
        Assert.Equal(1, await m.WithDbAsync(db => db.Pathways.CountAsync()));
        Assert.Equal(0, await m.WithDbAsync(db => db.ChangeRecords.CountAsync()));
    }

    [Fact]
    public async Task Stages_and_steps_are_added_reordered_shared_and_removed_and_the_outline_is_in_the_history()
    {
        var m = await app.CreateMunicipalityAsync();
        var (pathwayId, _) = await m.AddPathwayAsync();
        var (otherId, otherStages) = await m.AddPathwayAsync("arbeit-suchen", "Arbeit suchen", ("Arbeit", []));
        var counsellor = await m.SignedInClientAsync(MunicipalityRole.Counsellor);
        var stages = $"{Pathways(m)}/{Id(pathwayId)}/stages";

        Assert.Equal(HttpStatusCode.Redirect, (await counsellor.SubmitFormAsync(stages, new Dictionary<string, string?> { ["NewStage.Title"] = "Ankommen" }, "#add-stage-form")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await counsellor.SubmitFormAsync(stages, new Dictionary<string, string?> { ["NewStage.Title"] = "Wohnen" }, "#add-stage-form")).StatusCode);
        var stageIds = await m.WithDbAsync(db => db.PathwayStages.Where(s => s.PathwayId == pathwayId).OrderBy(s => s.Position).Select(s => s.Id).ToListAsync());

        // New steps straight into the first stage.
        foreach (var title in new[] { "Wohnsitz anmelden", "Konto eröffnen " + HostileText.Markup })
        {
            var response = await counsellor.SubmitFormAsync($"{Pathways(m)}/steps/new?stage={Id(stageIds[0])}", new Dictionary<string, string?> { ["Input.Title"] = title }, "#step-form");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        Assert.Equal([["Wohnsitz anmelden", "Konto eröffnen " + HostileText.Markup], []], await m.OutlineAsync(pathwayId));

        var page = await counsellor.GetDocumentAsync(stages);
        var firstUse = page.QuerySelector($"#stage-{stageIds[0]} .steps li")!.Id!;
        Assert.Equal(HttpStatusCode.Redirect, (await counsellor.SubmitFormAsync(page, stages, new Dictionary<string, string?>(), "#move-" + firstUse.Replace("use-", "step-", StringComparison.Ordinal), "direction", "Down")).StatusCode);
        Assert.Equal([["Konto eröffnen " + HostileText.Markup, "Wohnsitz anmelden"], []], await m.OutlineAsync(pathwayId));

        // The same step, shared into another pathway's stage.
        var stepId = await m.WithDbAsync(db => db.PathwaySteps.Where(s => s.Title == "Wohnsitz anmelden").Select(s => s.Id).SingleAsync());
        var otherPage = $"{Pathways(m)}/{Id(otherId)}/stages";
        Assert.Equal(HttpStatusCode.Redirect, (await counsellor.SubmitFormAsync(otherPage, new Dictionary<string, string?> { ["stepId"] = Id(stepId) }, $"#add-step-{otherStages[0]}")).StatusCode);
        Assert.Equal([["Wohnsitz anmelden"]], await m.OutlineAsync(otherId));
        var again = await counsellor.SubmitFormAsync(otherPage, new Dictionary<string, string?> { ["stepId"] = Id(stepId) }, $"#add-step-{otherStages[0]}");
        Assert.Contains("Vorhandener Schritt: „Wohnsitz anmelden“ steht schon in diesem Abschnitt.", (await HtmlForms.ParseAsync(again)).Errors());
        var stepPage = await counsellor.GetDocumentAsync($"{Pathways(m)}/steps/{Id(stepId)}");
        Assert.Equal(2, stepPage.QuerySelectorAll("#uses li").Length);
        Assert.Null(stepPage.QuerySelector("#delete-step-form"));

        // Taken out of a stage, the step stays; a stage removed keeps its steps too.
        page = await counsellor.GetDocumentAsync(otherPage);
        var use = page.QuerySelector($"#stage-{otherStages[0]} .steps li")!.Id!.Replace("use-", "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await counsellor.SubmitFormAsync(page, otherPage, new Dictionary<string, string?>(), $"#remove-step-{use}")).StatusCode);
        Assert.Equal([[]], await m.OutlineAsync(otherId));
        Assert.Equal(HttpStatusCode.Redirect, (await counsellor.SubmitFormAsync(stages, new Dictionary<string, string?>(), $"#remove-stage-{stageIds[0]}")).StatusCode);
        Assert.Equal([[]], await m.OutlineAsync(pathwayId));
        Assert.Equal(2, await m.WithDbAsync(db => db.PathwaySteps.CountAsync()));

        // Unused now, the step can be deleted.
        var deleted = await counsellor.SubmitFormAsync($"{Pathways(m)}/steps/{Id(stepId)}", new Dictionary<string, string?>(), "#delete-step-form");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await m.WithDbAsync(db => db.PathwaySteps.AnyAsync(s => s.Id == stepId)));
        Assert.Contains(("Deleted", "Title", "Wohnsitz anmelden", null), await m.HistoryAsync("PathwayStep", stepId));

        var structure = (await m.HistoryAsync("Pathway", pathwayId)).Where(h => h.Field == "Structure").ToList();
        Assert.Equal(6, structure.Count);
        Assert.Equal("1. Ankommen\n   1.1 Konto eröffnen " + HostileText.Markup + "\n   1.2 Wohnsitz anmelden\n2. Wohnen", structure[5].Old);
        Assert.Equal("1. Wohnen", structure[5].New);
    }

    [Fact]
    public async Task A_step_in_use_cannot_be_deleted_and_a_step_without_title_is_refused()
    {
        var m = await app.CreateMunicipalityAsync();
        var stepId = await m.AddStepAsync();
        await m.AddPathwayAsync(stages: ("Ankommen", [stepId]));
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var token = await editor.AntiforgeryTokenAsync();
        var version = (await m.StepAsync(stepId)).Version;
        var response = await editor.PostWithTokenAsync($"{Pathways(m)}/steps/{Id(stepId)}?handler=Delete", token, new Dictionary<string, string> { ["Version"] = Id(version) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Der Schritt steht noch in 1 Abschnitt(en) und kann nicht gelöscht werden. Nehmen Sie ihn zuerst aus den Abschnitten.", (await HtmlForms.ParseAsync(response)).Errors());
        Assert.True(await m.WithDbAsync(db => db.PathwaySteps.AnyAsync(s => s.Id == stepId)));

        var refused = await editor.SubmitFormAsync($"{Pathways(m)}/steps/{Id(stepId)}", new Dictionary<string, string?> { ["Input.Title"] = "", ["Input.Tips"] = HostileText.Script }, "#step-form");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var document = await HtmlForms.ParseAsync(refused);
        Assert.Contains("Titel des Schritts: Bitte geben Sie einen Titel an.", document.Errors());
        Assert.Equal(HostileText.Script, document.QuerySelector("#Input_Tips")!.TextContent);
        Assert.Equal("Wohnsitz anmelden", (await m.StepAsync(stepId)).Title);
        Assert.Equal(0, await m.RecordCountAsync("PathwayStep", stepId));
    }

    [Fact]
    public async Task A_step_names_services_in_order_and_measures_and_a_service_of_another_municipality_is_refused()
    {
        var m = await app.CreateMunicipalityAsync();
        var organisation = await m.AddStakeholderAsync("Beratungsverein");
        var (first, _) = await m.AddServiceAsync(organisation, "Asylverfahrensberatung", withLocation: false);
        var (second, _) = await m.AddServiceAsync(organisation, "Bürgerbüro " + HostileText.Script, withLocation: false);
        var elsewhere = await app.CreateMunicipalityAsync();
        var (foreign, _) = await elsewhere.AddServiceAsync(await elsewhere.AddStakeholderAsync(), "Fremdes Angebot", withLocation: false);
        var plan = await m.PlanAsync(title: "Integrationsplan");
        var stepId = await m.AddStepAsync();
        var counsellor = await m.SignedInClientAsync(MunicipalityRole.Counsellor);
        var url = $"{Pathways(m)}/steps/{Id(stepId)}";

        foreach (var service in new[] { first, second })
            Assert.Equal(HttpStatusCode.Redirect, (await counsellor.SubmitFormAsync(url, new Dictionary<string, string?> { ["serviceId"] = Id(service) }, "#add-service-form")).StatusCode);
        var page = await counsellor.GetDocumentAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await counsellor.SubmitFormAsync(page, url, new Dictionary<string, string?>(), $"#move-service-{Id(second)}", "direction", "Up")).StatusCode);
        Assert.Equal([second, first], (await m.StepAsync(stepId)).Services.Select(s => s.ServiceId).ToList());

        // Another municipality's service (or an unknown id) is refused with a message; nothing changes.
        var versionBefore = (await m.StepAsync(stepId)).Version;
        var token = await counsellor.AntiforgeryTokenAsync();
        foreach (var id in new[] { Id(foreign), "999999", "abc" })
        {
            var refused = await counsellor.PostWithTokenAsync(url + "?handler=AddService", token, new Dictionary<string, string> { ["Version"] = Id(versionBefore), ["serviceId"] = id });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var document = await HtmlForms.ParseAsync(refused);
            Assert.Contains("Hilfeangebot: Dieses Hilfeangebot gibt es in dieser Kommune nicht. Bitte wählen Sie eines aus der Liste.", document.FieldError("serviceId"));
        }
        var step = await m.StepAsync(stepId);
        Assert.Equal([second, first], step.Services.Select(s => s.ServiceId).ToList());
        Assert.Equal(versionBefore, step.Version);

        var measure = plan.Field(1).MeasureIds[0];
        Assert.Equal(HttpStatusCode.Redirect, (await counsellor.SubmitFormAsync(url, new Dictionary<string, string?> { ["measureId"] = Id(measure) }, "#add-measure-form")).StatusCode);
        page = await counsellor.GetDocumentAsync(url);
        Assert.Equal("1.1 Maßnahme 1.1 (Integrationsplan)", page.QuerySelector($"#measure-{Id(measure)} span")!.TextContent);
        Assert.Contains("Bürgerbüro " + HostileText.Script, page.QuerySelector("#linked-services")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#linked-services script"));

        var history = await m.HistoryAsync("PathwayStep", stepId);
        Assert.Contains(("Updated", "Services", "Asylverfahrensberatung (Beratungsverein)\nBürgerbüro " + HostileText.Script + " (Beratungsverein)",
            "Bürgerbüro " + HostileText.Script + " (Beratungsverein)\nAsylverfahrensberatung (Beratungsverein)"), history);
        Assert.Contains(("Updated", "Measures", null, "1.1 Maßnahme 1.1 (Integrationsplan)"), history);
        Assert.Equal(4, await m.RecordCountAsync("PathwayStep", stepId));
    }

    [Fact]
    public async Task A_stale_form_shows_the_conflict_and_overwrites_nothing()
    {
        var m = await app.CreateMunicipalityAsync();
        var stepId = await m.AddStepAsync();
        var (pathwayId, _) = await m.AddPathwayAsync(stages: ("Ankommen", [stepId]));
        var one = await m.SignedInClientAsync(MunicipalityRole.Counsellor);
        var two = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);

        var stepUrl = $"{Pathways(m)}/steps/{Id(stepId)}";
        var stale = await one.GetDocumentAsync(stepUrl);
        Assert.Equal(HttpStatusCode.Redirect, (await two.SubmitFormAsync(stepUrl, new Dictionary<string, string?> { ["Input.Title"] = "Anmelden (von zwei)" }, "#step-form")).StatusCode);
        var conflict = await one.SubmitFormAsync(stale, stepUrl, new Dictionary<string, string?> { ["Input.Title"] = "Anmelden (von eins)" }, "#step-form");
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var document = await HtmlForms.ParseAsync(conflict);
        Assert.Contains("Dieser Schritt wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand.", document.Errors());
        Assert.Equal("Anmelden (von eins)", document.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal("Anmelden (von zwei)", document.QuerySelector(".conflict-stored")!.TextContent);
        Assert.Equal("Anmelden (von zwei)", (await m.StepAsync(stepId)).Title);
        // The service form of the stale page carries the old version too.
        var staleLink = await one.SubmitFormAsync(stale, stepUrl, new Dictionary<string, string?> { ["serviceId"] = "" }, "#add-service-form");
        Assert.Contains("Dieser Schritt wurde inzwischen von jemand anderem geändert.", (await HtmlForms.ParseAsync(staleLink)).Errors()[0], StringComparison.Ordinal);

        var edit = $"{Pathways(m)}/{Id(pathwayId)}";
        var stalePathway = await one.GetDocumentAsync(edit);
        var staleStages = await one.GetDocumentAsync(edit + "/stages");
        Assert.Equal(HttpStatusCode.Redirect, (await two.SubmitFormAsync(edit, new Dictionary<string, string?> { ["Input.Summary"] = "Neu von zwei" }, "#pathway-form")).StatusCode);
        var pathwayConflict = await one.SubmitFormAsync(stalePathway, edit, new Dictionary<string, string?> { ["Input.Summary"] = "Neu von eins" }, "#pathway-form");
        Assert.Equal(HttpStatusCode.OK, pathwayConflict.StatusCode);
        Assert.Contains("Dieser Integrationsweg wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand.",
            (await HtmlForms.ParseAsync(pathwayConflict)).Errors());
        var stagesConflict = await one.SubmitFormAsync(staleStages, edit + "/stages", new Dictionary<string, string?> { ["NewStage.Title"] = "Zu spät" }, "#add-stage-form");
        Assert.Equal(HttpStatusCode.OK, stagesConflict.StatusCode);
        Assert.StartsWith("Dieser Integrationsweg wurde inzwischen von jemand anderem geändert.", (await HtmlForms.ParseAsync(stagesConflict)).Errors()[0], StringComparison.Ordinal);
        Assert.Equal("Neu von zwei", (await m.PathwayAsync(pathwayId)).Summary);
        Assert.Equal([["Anmelden (von zwei)"]], await m.OutlineAsync(pathwayId));
        Assert.Equal(1, await m.RecordCountAsync("Pathway", pathwayId));
    }

    [Fact]
    public async Task The_public_document_changes_only_when_the_plan_team_publishes_and_withdrawing_takes_it_back()
    {
        var m = await app.CreateMunicipalityAsync();
        var (pathwayId, _) = await m.AddPathwayAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var publish = $"{Pathways(m)}/{Id(pathwayId)}/publish";

        // Without a stage: refused with a message.
        var refused = await editor.SubmitFormAsync(publish, new Dictionary<string, string?>(), "#publish-form");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Der Integrationsweg kann so nicht veröffentlicht werden: Er hat noch keinen Abschnitt.", (await HtmlForms.ParseAsync(refused)).Errors());
        Assert.Empty(await m.PublishedAsync());

        // A step without a title (as an import could leave it): refused too.
        var stepId = await m.AddStepAsync("");
        await m.WithDbAsync(async db =>
        {
            var stage = new PathwayStage { PathwayId = pathwayId, Title = "Ankommen", Position = 0 };
            db.PathwayStages.Add(stage);
            await db.SaveChangesAsync();
            db.PathwayStageSteps.Add(new PathwayStageStep { StageId = stage.Id, StepId = stepId, Position = 0 });
            return 0;
        });
        refused = await editor.SubmitFormAsync(publish, new Dictionary<string, string?>(), "#publish-form");
        Assert.Contains("Der Integrationsweg kann so nicht veröffentlicht werden: Ein Schritt hat keinen Titel. Bitte geben Sie jedem Schritt einen Titel.", (await HtmlForms.ParseAsync(refused)).Errors());
        Assert.Empty(await m.PublishedAsync());

        await m.WithDbAsync(async db => (await db.PathwaySteps.FirstAsync(s => s.Id == stepId)).Title = "Wohnsitz anmelden");
        var preview = await editor.GetDocumentAsync(publish);
        Assert.Equal("de", preview.QuerySelector("#preview .preview")!.GetAttribute("lang"));
        Assert.Contains("Wohnsitz anmelden", preview.QuerySelector("#preview")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitFormAsync(preview, publish, new Dictionary<string, string?>(), "#publish-form")).StatusCode);
        var published = Assert.Single(await m.PublishedAsync());
        Assert.Equal("Wohnsitz anmelden", published.AllSteps.Single().Title.Source);

        // An edit waits for the next publication; the list says so.
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitFormAsync($"{Pathways(m)}/steps/{Id(stepId)}", new Dictionary<string, string?> { ["Input.Title"] = "Wohnung anmelden" }, "#step-form")).StatusCode);
        Assert.Equal("Wohnsitz anmelden", Assert.Single(await m.PublishedAsync()).AllSteps.Single().Title.Source);
        var list = await editor.GetDocumentAsync(Pathways(m));
        Assert.NotNull(list.QuerySelector($"#pathway-{Id(pathwayId)} .unpublished"));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitFormAsync(publish, new Dictionary<string, string?>(), "#publish-form")).StatusCode);
        Assert.Equal("Wohnung anmelden", Assert.Single(await m.PublishedAsync()).AllSteps.Single().Title.Source);
        list = await editor.GetDocumentAsync(Pathways(m));
        Assert.Null(list.QuerySelector($"#pathway-{Id(pathwayId)} .unpublished"));

        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitFormAsync(publish, new Dictionary<string, string?>(), "#withdraw-form")).StatusCode);
        Assert.Empty(await m.PublishedAsync());
        Assert.Equal(PathwayStatus.Withdrawn, (await m.PathwayAsync(pathwayId)).Status);
        var history = await m.HistoryAsync("Pathway", pathwayId);
        Assert.Contains(("Updated", "Status", "Entwurf", "veröffentlicht"), history);
        Assert.Contains(("Updated", "Publication", "Nr. 1", "Nr. 2"), history);
        Assert.Contains(("Updated", "Status", "veröffentlicht", "zurückgezogen"), history);
    }

    [Fact]
    public async Task Translations_are_saved_per_language_with_lang_and_dir_and_easy_german_can_be_added()
    {
        var m = await app.CreateMunicipalityAsync();
        var stepId = await m.AddStepAsync();
        var (pathwayId, stageIds) = await m.AddPathwayAsync(stages: ("Ankommen", [stepId]));
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var counsellor = await m.SignedInClientAsync(MunicipalityRole.Counsellor);

        var languages = await editor.GetDocumentAsync($"/{m.Slug}/manage/services/languages");
        Assert.NotNull(languages.QuerySelector("#Code option[value='de-x-ls']"));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitFormAsync(languages, $"/{m.Slug}/manage/services/languages", new Dictionary<string, string?> { ["Code"] = "de-x-ls" }, "#language-form")).StatusCode);

        var overview = await counsellor.GetDocumentAsync($"{Pathways(m)}/{Id(pathwayId)}/translations");
        Assert.NotNull(overview.QuerySelector("#language-de-x-ls a[lang='de-x-ls']"));
        Assert.NotNull(overview.QuerySelector("#language-ar a[dir='rtl']"));

        var arabic = $"{Pathways(m)}/{Id(pathwayId)}/translations/ar";
        var page = await counsellor.GetDocumentAsync(arabic);
        var titleField = page.QuerySelector($"#Texts_Pathway-{Id(pathwayId)}-Title_")!;
        Assert.Equal(("ar", "rtl"), (titleField.GetAttribute("lang"), titleField.GetAttribute("dir")));
        var stepField = page.QuerySelector($"#Texts_PathwayStep-{Id(stepId)}-WhatToDo_")!;
        Assert.Equal(("ar", "rtl"), (stepField.GetAttribute("lang"), stepField.GetAttribute("dir")));
        Assert.NotNull(page.QuerySelector($"#Texts_PathwayStage-{Id(stageIds[0])}-Title_"));
        var saved = await counsellor.SubmitFormAsync(page, arabic, new Dictionary<string, string?>
        {
            [$"Texts[Pathway-{Id(pathwayId)}-Title]"] = HostileText.RightToLeft,
            [$"Texts[PathwayStep-{Id(stepId)}-Title]"] = "تسجيل السكن " + HostileText.Script,
        }, "#translation-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var easy = $"{Pathways(m)}/{Id(pathwayId)}/translations/de-x-ls";
        page = await counsellor.GetDocumentAsync(easy);
        Assert.NotNull(page.QuerySelector("#easy-german-hint"));
        Assert.Equal(("de-x-ls", "ltr"), (page.QuerySelector($"#Texts_Pathway-{Id(pathwayId)}-Title_")!.GetAttribute("lang"), page.QuerySelector($"#Texts_Pathway-{Id(pathwayId)}-Title_")!.GetAttribute("dir")));
        Assert.Equal(HttpStatusCode.Redirect, (await counsellor.SubmitFormAsync(page, easy, new Dictionary<string, string?> { [$"Texts[Pathway-{Id(pathwayId)}-Title]"] = "Sie sind neu in der Stadt." }, "#translation-form")).StatusCode);

        var rows = await m.WithDbAsync(db => db.ContentTranslations.AsNoTracking().OrderBy(t => t.Language).ThenBy(t => t.Kind)
            .Select(t => new { t.Kind, t.EntityId, t.Language, t.Field, t.Text }).ToListAsync());
        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, r => r.Kind == PathwayTexts.StepKind && r.EntityId == stepId && r.Language == "ar" && r.Text == "تسجيل السكن " + HostileText.Script);
        Assert.Contains(rows, r => r.Kind == PathwayTexts.PathwayKind && r.Language == PathwayTexts.EasyGerman && r.Text == "Sie sind neu in der Stadt.");

        // The German title changes: the Arabic translation of it is marked outdated.
        await m.WithDbAsync(async db => (await db.Pathways.FirstAsync(p => p.Id == pathwayId)).Title = "Neu in der Stadt");
        page = await counsellor.GetDocumentAsync(arabic);
        Assert.NotNull(page.QuerySelector($"#Texts_Pathway-{Id(pathwayId)}-Title_-outdated"));
        Assert.Null(page.QuerySelector($"#Texts_PathwayStep-{Id(stepId)}-Title_-outdated"));
        Assert.Empty(await m.PublishedAsync());
    }

    [Fact]
    public async Task Another_municipality_sees_none_of_the_pathways_and_steps()
    {
        var m = await app.CreateMunicipalityAsync();
        var stepId = await m.AddStepAsync();
        var (pathwayId, stageIds) = await m.AddPathwayAsync(stages: ("Ankommen", [stepId]));
        var other = await app.CreateMunicipalityAsync();
        var outsider = await other.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var p = $"/{other.Slug}/manage/pathways";
        foreach (var url in new[] { $"{p}/{Id(pathwayId)}", $"{p}/{Id(pathwayId)}/stages", $"{p}/{Id(pathwayId)}/stages/{Id(stageIds[0])}", $"{p}/{Id(pathwayId)}/history",
                     $"{p}/{Id(pathwayId)}/publish", $"{p}/{Id(pathwayId)}/delete", $"{p}/{Id(pathwayId)}/translations", $"{p}/{Id(pathwayId)}/translations/en",
                     $"{p}/steps/{Id(stepId)}", $"{p}/steps/{Id(stepId)}/history", $"{p}/steps/new?stage={Id(stageIds[0])}" })
            Assert.True((await outsider.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        var list = await outsider.GetDocumentAsync(p);
        Assert.NotNull(list.QuerySelector("#no-pathways"));
        var steps = await outsider.GetDocumentAsync(p + "/steps");
        Assert.Null(steps.QuerySelector("#steps"));
        var token = await outsider.AntiforgeryTokenAsync();
        var version = (await m.PathwayAsync(pathwayId)).Version;
        var post = await outsider.PostWithTokenAsync($"{p}/{Id(pathwayId)}/stages?handler=AddStage", token, new Dictionary<string, string> { ["Version"] = Id(version), ["NewStage.Title"] = "Eingeschleust" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal([["Wohnsitz anmelden"]], await m.OutlineAsync(pathwayId));
    }
}

public sealed class PathwayEditingSqliteTests(SqliteApp app) : PathwayEditingTests(app), IClassFixture<SqliteApp>;

public sealed class PathwayEditingPostgresTests(PostgresApp app) : PathwayEditingTests(app), IClassFixture<PostgresApp>;
