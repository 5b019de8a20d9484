using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Plans;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Plans.Manage.ManageTestData;

namespace Planwerk.Tests.Features.Plans.Manage;

/// <summary>Who may open and post every page of the plan team: only plan editors and administrators
/// of the route's municipality. Everyone else is sent to sign in (anonymous) or refused (403), and
/// nothing changes.</summary>
public abstract class ManagePermissionTests(PlanwerkApp app)
{
    /// <summary>A POST of one form: the page it is on, the form, what to fill in, where it posts to.</summary>
    private sealed record Post(string Page, string Form, string Action, Dictionary<string, string?> Fields, string? Direction = null);

    private sealed record Site(TestMunicipality M, IReadOnlyList<string> Pages, IReadOnlyList<Post> Posts);

    private async Task<Site> ArrangeAsync()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 3, fields: 2, measuresPerField: 2);
        var doomed = await m.PlanAsync(title: "Zu löschen", principles: 0, fields: 0);
        var emptyField = await m.WithDbAsync(async db =>
        {
            var field = new FieldOfAction { PlanId = plan.Id, Number = 3, Position = 3, Title = "Leer" };
            db.FieldsOfAction.Add(field);
            await db.SaveChangesAsync();
            return field.Id;
        });
        var district = await m.DistrictAsync("Altstadt");
        var doomedDistrict = await m.DistrictAsync("Neustadt");
        var p = $"/{m.Slug}/manage/plans/{plan.Id}";
        var (f1, f2) = (plan.Field(1), plan.Field(2));
        var pages = new[]
        {
            $"/{m.Slug}/manage", $"/{m.Slug}/manage/plans/new", p, $"{p}/delete",
            $"{p}/principles/new", $"{p}/principles/{plan.PrincipleIds[0]}", $"{p}/principles/{plan.PrincipleIds[2]}/delete",
            $"{p}/fields/new", $"{p}/fields/{f1.Id}", $"{p}/fields/{emptyField}/delete",
            $"{p}/measures/new?fieldId={f1.Id}", $"{p}/measures/{f1.MeasureIds[0]}", $"{p}/measures/{f2.MeasureIds[1]}/delete",
            $"/{m.Slug}/manage/districts", $"/{m.Slug}/manage/districts/{district}",
        };
        var none = new Dictionary<string, string?>();
        var posts = new[]
        {
            new Post($"/{m.Slug}/manage/plans/new", "#plan-form", $"/{m.Slug}/manage/plans/new", new() { ["Input.Title"] = "Neuer Plan" }),
            new Post(p, "#plan-form", p, new() { ["Input.Title"] = "Geänderter Titel" }),
            new Post(p, $"#move-principle-{plan.PrincipleIds[1]}", $"{p}?handler=MovePrinciple", none, "Up"),
            new Post(p, $"#move-field-{f2.Id}", $"{p}?handler=MoveField", none, "Up"),
            new Post(p, $"#move-measure-{f1.MeasureIds[1]}", $"{p}?handler=MoveMeasure", none, "Up"),
            new Post(p, "#renumber", $"{p}?handler=Renumber", none),
            new Post($"{p}/principles/new", "#principle-form", $"{p}/principles/new", new() { ["Input.Title"] = "Neue Leitlinie" }),
            new Post($"{p}/principles/{plan.PrincipleIds[0]}", "#principle-form", $"{p}/principles/{plan.PrincipleIds[0]}", new() { ["Input.Title"] = "Geändert" }),
            new Post($"{p}/fields/new", "#field-form", $"{p}/fields/new", new() { ["Input.Title"] = "Neuer Teilbereich" }),
            new Post($"{p}/fields/{f1.Id}", "#field-form", $"{p}/fields/{f1.Id}", new() { ["Input.Title"] = "Geändert" }),
            new Post($"{p}/measures/new?fieldId={f1.Id}", "#measure-form", $"{p}/measures/new?fieldId={f1.Id}", new() { ["Input.Title"] = "Neue Maßnahme" }),
            new Post($"{p}/measures/{f1.MeasureIds[0]}", "#measure-form", $"{p}/measures/{f1.MeasureIds[0]}", new() { ["Input.Title"] = "Geändert" }),
            new Post($"/{m.Slug}/manage/districts", "#district-form", $"/{m.Slug}/manage/districts", new() { ["Input.Name"] = "Pieschen" }),
            new Post($"/{m.Slug}/manage/districts/{district}", "#district-form", $"/{m.Slug}/manage/districts/{district}", new() { ["Input.Name"] = "Altstadt-Mitte" }),
            new Post($"/{m.Slug}/manage/districts/{doomedDistrict}", "#district-delete-form", $"/{m.Slug}/manage/districts/{doomedDistrict}?handler=Delete", none),
            new Post($"{p}/measures/{f2.MeasureIds[1]}/delete", "#delete-form", $"{p}/measures/{f2.MeasureIds[1]}/delete", none),
            new Post($"{p}/principles/{plan.PrincipleIds[2]}/delete", "#delete-form", $"{p}/principles/{plan.PrincipleIds[2]}/delete", none),
            new Post($"{p}/fields/{emptyField}/delete", "#delete-form", $"{p}/fields/{emptyField}/delete", none),
            new Post($"/{m.Slug}/manage/plans/{doomed.Id}/delete", "#delete-form", $"/{m.Slug}/manage/plans/{doomed.Id}/delete", none),
        };
        return new Site(m, pages, posts);
    }

    [Theory]
    [InlineData(Visitor.Anonymous)]
    [InlineData(Visitor.Resident)]
    [InlineData(Visitor.OtherPlanEditor)]
    public async Task Outsiders_can_neither_open_nor_post_any_manage_page(Visitor visitor)
    {
        var site = await ArrangeAsync();
        var client = await PermissionMatrix.ClientAsync(app, site.M, visitor);
        var before = await site.M.SnapshotAsync();

        await PermissionMatrix.AssertAsync(client, visitor,
            site.Pages.Select(page => PermissionCheck.Get(page, Access.PlanEditor)).Concat(site.Posts.Select(post =>
            {
                var fields = post.Fields.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!);
                if (post.Direction is not null) fields["direction"] = post.Direction;
                return PermissionCheck.Post(post.Action, Access.PlanEditor, fields);
            })).ToList());

        Assert.Equal(before, await site.M.SnapshotAsync());
        if (visitor != Visitor.Anonymous) Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/account/access-denied")).StatusCode);
    }

    [Theory]
    [InlineData(Visitor.PlanEditor)]
    [InlineData(Visitor.Administrator)]
    public async Task Plan_editors_and_administrators_open_and_post_every_manage_page(Visitor visitor)
    {
        var site = await ArrangeAsync();
        var client = await PermissionMatrix.ClientAsync(app, site.M, visitor);
        var before = await site.M.SnapshotAsync();

        foreach (var page in site.Pages)
            Assert.True((await client.GetAsync(page)).StatusCode == HttpStatusCode.OK, $"GET {page}");
        foreach (var post in site.Posts)
        {
            var document = await client.GetDocumentAsync(post.Page);
            Assert.Equal(post.Action, document.QuerySelector(post.Form)?.GetAttribute("action") ?? post.Page);
            var response = await client.SubmitFormAsync(document, post.Page, post.Fields, post.Form, post.Direction is null ? null : "direction", post.Direction);
            var target = response.RedirectTarget();
            Assert.True(target.StartsWith($"/{site.M.Slug}/manage", StringComparison.Ordinal), $"POST {post.Action} went to {target}");
        }

        Assert.NotEqual(before, await site.M.SnapshotAsync());
        Assert.Equal(["Geänderter Titel", "Neuer Plan"], await site.M.WithDbAsync(db => db.Plans.OrderBy(p => p.Title).Select(p => p.Title).ToListAsync()));
    }

    [Fact]
    public async Task An_editor_of_one_municipality_reaching_for_another_ones_ids_finds_nothing_and_changes_nothing()
    {
        var a = await app.CreateMunicipalityAsync();
        var b = await app.CreateMunicipalityAsync();
        var planA = await a.PlanAsync();
        var planB = await b.PlanAsync(title: "Plan von B");
        var districtB = await b.DistrictAsync("Bezirk von B");
        var editorA = await a.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var token = await editorA.AntiforgeryTokenAsync();
        var before = await b.SnapshotAsync();
        var basePath = $"/{a.Slug}/manage";
        var measureB = planB.Field(1).MeasureIds[0];

        var gets = new[]
        {
            $"{basePath}/plans/{planB.Id}", $"{basePath}/plans/{planB.Id}/delete", $"{basePath}/plans/{planB.Id}/measures/{measureB}",
            $"{basePath}/plans/{planA.Id}/measures/{measureB}", $"{basePath}/plans/{planA.Id}/fields/{planB.Field(1).Id}",
            $"{basePath}/plans/{planA.Id}/principles/{planB.PrincipleIds[0]}", $"{basePath}/plans/{planA.Id}/measures/{measureB}/delete",
            $"{basePath}/districts/{districtB}",
        };
        foreach (var url in gets)
            Assert.True((await editorA.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, $"GET {url}");

        var posts = new (string Url, Dictionary<string, string> Fields)[]
        {
            ($"{basePath}/plans/{planB.Id}", new() { ["Input.Title"] = "Gekapert" }),
            ($"{basePath}/plans/{planB.Id}?handler=Renumber", new()),
            ($"{basePath}/plans/{planB.Id}/delete", new() { ["Version"] = "0" }),
            ($"{basePath}/plans/{planA.Id}/measures/{measureB}", new() { ["Input.Title"] = "Gekapert", ["Input.Number"] = "1.1", ["Input.Progress"] = "0" }),
            ($"{basePath}/plans/{planB.Id}/measures/new", new() { ["Input.Title"] = "Eingeschleust", ["Input.FieldOfActionId"] = Id(planB.Field(1).Id), ["Input.Number"] = "1.9", ["Input.Progress"] = "0" }),
            ($"{basePath}/plans/{planA.Id}/fields/{planB.Field(2).Id}/delete", new() { ["Version"] = "0" }),
            ($"{basePath}/plans/{planA.Id}/principles/{planB.PrincipleIds[0]}", new() { ["Input.Title"] = "Gekapert", ["Input.Position"] = "1" }),
            ($"{basePath}/districts/{districtB}", new() { ["Input.Name"] = "Gekapert" }),
            ($"{basePath}/districts/{districtB}?handler=Delete", new()),
        };
        foreach (var (url, fields) in posts)
            Assert.True((await editorA.PostWithTokenAsync(url, token, fields)).StatusCode == HttpStatusCode.NotFound, $"POST {url}");

        // Ids of B inside A's own forms: refused as not on the list, or simply not found to move.
        var moved = await editorA.PostWithTokenAsync($"{basePath}/plans/{planA.Id}?handler=MoveMeasure", token, new Dictionary<string, string> { ["id"] = Id(planB.Field(1).MeasureIds[1]), ["direction"] = "Up" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var tampered = await editorA.PostWithTokenAsync($"{basePath}/plans/{planA.Id}/measures/new", token, new Dictionary<string, string>
        {
            ["Input.Title"] = "Eingeschleust", ["Input.FieldOfActionId"] = Id(planB.Field(1).Id), ["Input.Number"] = "1.9", ["Input.Progress"] = "0",
            ["Input.DistrictIds"] = Id(districtB), ["Input.PrincipleIds"] = Id(planB.PrincipleIds[0]),
        });
        Assert.Equal(HttpStatusCode.OK, tampered.StatusCode);
        var errors = (await HtmlForms.ParseAsync(tampered)).Errors();
        Assert.Contains(errors, e => e.Contains("Handlungsfeld: Bitte wählen Sie einen Eintrag aus der Liste.", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Bitte wählen Sie nur Stadtbezirke und Ortschaften aus der Liste.", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Leitlinien: Bitte wählen Sie nur Einträge dieses Plans aus der Liste.", StringComparison.Ordinal));

        Assert.Equal(before, await b.SnapshotAsync());
    }
}

public sealed class ManagePermissionSqliteTests(SqliteApp app) : ManagePermissionTests(app), IClassFixture<SqliteApp>;

public sealed class ManagePermissionPostgresTests(PostgresApp app) : ManagePermissionTests(app), IClassFixture<PostgresApp>;
