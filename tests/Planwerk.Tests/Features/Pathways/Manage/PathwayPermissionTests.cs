using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Pathways;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Features.Services;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Pathways.Manage;

/// <summary>Who may open and use every pathway page and handler, for every kind of visitor: plan editors, administrators
/// and counsellors write pathways, steps and translations; only plan editors and administrators publish, withdraw and
/// delete; nobody else of the municipality (moderator, clerk, organisation member, resident) and nobody of another
/// municipality; anonymous visitors are sent to sign in.</summary>
public abstract class PathwayPermissionTests(PlanwerkApp app)
{
    public static TheoryData<Visitor> Visitors => PermissionMatrix.Visitors();

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Counsellors_edit_but_only_the_plan_team_publishes_and_deletes(Visitor visitor)
    {
        var m = await app.CreateMunicipalityAsync();
        var organisation = await m.AddStakeholderAsync("Beratungsverein");
        var (serviceId, _) = await m.AddServiceAsync(organisation, withLocation: false);
        var step = await m.AddStepAsync("Wohnsitz anmelden");
        var linkStep = await m.AddStepAsync("Konto eröffnen");
        var translatedStep = await m.AddStepAsync("Sprachkurs finden");
        var unused = await m.AddStepAsync("Nicht gebraucht");
        var (edited, stages) = await m.AddPathwayAsync("bearbeitet", "Bearbeitet", ("Ankommen", [step]));
        var (structured, _) = await m.AddPathwayAsync("aufbau", "Aufbau", ("Ankommen", [linkStep]));
        var (toPublish, _) = await m.AddPathwayAsync("veroeffentlichen", "Veröffentlichen", ("Ankommen", [step]));
        var (toDelete, _) = await m.AddPathwayAsync("loeschen", "Löschen", ("Ankommen", [step]));
        var (translated, _) = await m.AddPathwayAsync("uebersetzt", "Übersetzt", ("Sprache", [translatedStep]));
        var versions = await m.WithDbAsync(db => db.Pathways.AsNoTracking().ToDictionaryAsync(p => p.Id, p => Id(p.Version)));
        var stepVersions = await m.WithDbAsync(db => db.PathwaySteps.AsNoTracking().ToDictionaryAsync(s => s.Id, s => Id(s.Version)));
        // The translation form's token, read as someone who may open it.
        var admin = await m.SignedInClientAsync(MunicipalityRole.Administrator);
        var token = (await admin.GetDocumentAsync($"/{m.Slug}/manage/pathways/{Id(translated)}/translations/en")).QuerySelector("input[name='Token']")!.GetAttribute("value")!;

        var client = await PermissionMatrix.ClientAsync(app, m, visitor);
        var p = $"/{m.Slug}/manage/pathways";
        await PermissionMatrix.AssertAsync(client, visitor,
        [
            PermissionCheck.Get(p, Access.PathwayEditors),
            PermissionCheck.Get($"{p}/new", Access.PathwayEditors),
            PermissionCheck.Get($"{p}/{Id(edited)}", Access.PathwayEditors),
            PermissionCheck.Get($"{p}/{Id(edited)}/stages", Access.PathwayEditors),
            PermissionCheck.Get($"{p}/{Id(edited)}/stages/{Id(stages[0])}", Access.PathwayEditors),
            PermissionCheck.Get($"{p}/{Id(edited)}/history", Access.PathwayEditors),
            PermissionCheck.Get($"{p}/{Id(edited)}/translations", Access.PathwayEditors),
            PermissionCheck.Get($"{p}/{Id(edited)}/translations/ar", Access.PathwayEditors),
            PermissionCheck.Get($"{p}/{Id(edited)}/publish", Access.PlanEditor),
            PermissionCheck.Get($"{p}/{Id(edited)}/delete", Access.PlanEditor),
            PermissionCheck.Get($"{p}/steps", Access.PathwayEditors),
            PermissionCheck.Get($"{p}/steps/new", Access.PathwayEditors),
            PermissionCheck.Get($"{p}/steps/new?stage={Id(stages[0])}", Access.PathwayEditors),
            PermissionCheck.Get($"{p}/steps/{Id(step)}", Access.PathwayEditors),
            PermissionCheck.Get($"{p}/steps/{Id(step)}/history", Access.PathwayEditors),
            PermissionCheck.Post($"{p}/new", Access.PathwayEditors, new() { ["Input.Title"] = "Neu von " + visitor, ["Input.Code"] = "neu-" + visitor.ToString().ToLowerInvariant() }),
            PermissionCheck.Post($"{p}/{Id(edited)}", Access.PathwayEditors, new() { ["Input.Title"] = "Geändert von " + visitor, ["Input.Code"] = "bearbeitet", ["Version"] = versions[edited] }),
            PermissionCheck.Post($"{p}/{Id(structured)}/stages?handler=AddStage", Access.PathwayEditors, new() { ["NewStage.Title"] = "Wohnen", ["Version"] = versions[structured] }),
            PermissionCheck.Post($"{p}/steps/new", Access.PathwayEditors, new() { ["Input.Title"] = "Schritt von " + visitor }),
            PermissionCheck.Post($"{p}/steps/{Id(step)}", Access.PathwayEditors, new() { ["Input.Title"] = "Anmelden", ["Version"] = stepVersions[step] }),
            PermissionCheck.Post($"{p}/steps/{Id(linkStep)}?handler=AddService", Access.PathwayEditors, new() { ["serviceId"] = Id(serviceId), ["Version"] = stepVersions[linkStep] }),
            PermissionCheck.Post($"{p}/steps/{Id(unused)}?handler=Delete", Access.PathwayEditors, new() { ["Version"] = stepVersions[unused] }),
            PermissionCheck.Post($"{p}/{Id(translated)}/translations/en", Access.PathwayEditors,
                new() { [$"Texts[Pathway-{Id(translated)}-Title]"] = "Translated", ["Token"] = token }),
            PermissionCheck.Post($"{p}/{Id(toPublish)}/publish", Access.PlanEditor, new() { ["Version"] = versions[toPublish] }),
            PermissionCheck.Post($"{p}/{Id(toDelete)}/delete", Access.PlanEditor, new() { ["Version"] = versions[toDelete] }),
        ]);

        var allowed = Access.PathwayEditors(visitor);
        Assert.Equal(allowed ? "Geändert von " + visitor : "Bearbeitet", (await m.PathwayAsync(edited)).Title);
        Assert.Equal(allowed ? 2 : 1, (await m.OutlineAsync(structured)).Count);
        Assert.Equal(allowed ? "Anmelden" : "Wohnsitz anmelden", (await m.StepAsync(step)).Title);
        Assert.Equal(allowed ? 1 : 0, (await m.StepAsync(linkStep)).Services.Count);
        Assert.Equal(!allowed, await m.WithDbAsync(db => db.PathwaySteps.AnyAsync(s => s.Id == unused)));
        Assert.Equal(allowed, await m.WithDbAsync(db => db.ContentTranslations.AnyAsync(t => t.Kind == PathwayTexts.PathwayKind && t.EntityId == translated)));
        Assert.Equal(allowed, await m.WithDbAsync(db => db.Pathways.AnyAsync(x => x.Code == "neu-" + visitor.ToString().ToLowerInvariant())));
        var publisher = Access.PlanEditor(visitor);
        Assert.Equal(publisher ? ["veroeffentlichen"] : Array.Empty<string>(), (await m.PublishedAsync()).Select(d => d.Code).ToArray());
        Assert.Equal(!publisher, await m.WithDbAsync(db => db.Pathways.AnyAsync(x => x.Id == toDelete)));
    }

    [Fact]
    public async Task A_counsellor_is_a_role_administrators_can_give_and_signs_in_to_the_pathways()
    {
        var m = await app.CreateMunicipalityAsync();
        var admin = await m.SignedInClientAsync(MunicipalityRole.Administrator);
        var users = await admin.GetDocumentAsync($"/{m.Slug}/manage/users");
        Assert.Contains(users.QuerySelectorAll("option[value='Counsellor']"), o => o.TextContent == "Berater/in");

        var counsellor = await m.AddMemberAsync(MunicipalityRole.Counsellor);
        var client = app.CreateBrowserlikeClient();
        var response = await client.SubmitLoginAsync(counsellor.Email!, PlanwerkApp.Password);
        Assert.Equal($"/{m.Slug}/manage/pathways", response.RedirectTarget());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{m.Slug}/manage/pathways")).StatusCode);
        var list = await client.GetDocumentAsync($"/{m.Slug}/manage/pathways");
        Assert.Null(list.QuerySelector("a[href$='/manage/services/languages']"));
    }
}

public sealed class PathwayPermissionSqliteTests(SqliteApp app) : PathwayPermissionTests(app), IClassFixture<SqliteApp>;

public sealed class PathwayPermissionPostgresTests(PostgresApp app) : PathwayPermissionTests(app), IClassFixture<PostgresApp>;
