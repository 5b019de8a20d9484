using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Plans.History;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Plans.Manage;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Plans.Sections;

public abstract class SectionTests(PlanwerkApp app)
{
    [Fact]
    public async Task Editor_writes_reorders_and_deletes_sections_shown_escaped_on_the_public_page_and_recorded_in_history()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 1, fields: 1, measuresPerField: 1);
        await m.WithDbAsync(async db => { (await db.Plans.SingleAsync(p => p.Id == plan.Id)).IsPublic = true; return 0; });
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var p = $"/{m.Slug}/manage/plans/{plan.Id}";

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"{p}/sections/new", new Dictionary<string, string?>
        {
            ["Input.Title"] = "Vorwort " + HostileText.Script, ["Input.Body"] = "Ein **wichtiger** Text " + HostileText.Markup, ["Input.Reason"] = "Erster Entwurf",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"{p}/sections/new", new Dictionary<string, string?>
        {
            ["Input.Title"] = "Rückblick", ["Input.Body"] = HostileText.RightToLeft,
        })).StatusCode);
        var ids = await m.WithDbAsync(db => db.PlanSections.Where(s => s.PlanId == plan.Id).OrderBy(s => s.Position).Select(s => s.Id).ToListAsync());
        Assert.Equal(2, ids.Count);

        // Move "Rückblick" up.
        var list = await client.GetDocumentAsync($"{p}/sections");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(list, $"{p}/sections", new Dictionary<string, string?>(), $"#move-section-{ids[1]}", "direction", "Up")).StatusCode);
        var order = await m.WithDbAsync(db => db.PlanSections.Where(s => s.PlanId == plan.Id).OrderBy(s => s.Position).Select(s => s.Id).ToListAsync());
        Assert.Equal([ids[1], ids[0]], order);

        var page = await client.GetDocumentAsync($"/{m.Slug}/plans/{plan.Id}");
        var headings = page.QuerySelectorAll("section.plan-section h2").Select(h => h.TextContent).ToList();
        Assert.Equal(["Rückblick", "Vorwort " + HostileText.Script], headings);
        Assert.Empty(page.QuerySelectorAll("main script, main img"));
        Assert.NotNull(page.QuerySelector("section.plan-section strong"));

        // Delete with a reason.
        list = await client.GetDocumentAsync($"{p}/sections");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(list, $"{p}/sections", new Dictionary<string, string?> { ["reason"] = "Entfällt" }, $"#delete-section-{ids[0]}")).StatusCode);
        Assert.Equal(1, await m.WithDbAsync(db => db.PlanSections.CountAsync(s => s.PlanId == plan.Id)));

        var records = await m.WithDbAsync(db => db.ChangeRecords.AsNoTracking().Include(r => r.Fields)
            .Where(r => r.PlanId == plan.Id && r.EntityType == ChangeEntityTypes.Section).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal([ChangeAction.Created, ChangeAction.Created, ChangeAction.Updated, ChangeAction.Updated, ChangeAction.Deleted], records.Select(r => r.Action));
        Assert.Equal("Erster Entwurf", records[0].Reason);
        Assert.Equal("Vorwort " + HostileText.Script, records[0].Fields.Single(f => f.Field == "Title").NewValue);
        Assert.Equal(("Entfällt", ids[0]), (records[^1].Reason, records[^1].EntityId));
    }

    [Fact]
    public async Task A_stale_section_form_shows_both_versions_and_saves_nothing()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 0, fields: 0);
        var id = await m.WithDbAsync(async db =>
        {
            var s = new Planwerk.Features.Plans.Sections.PlanSection { PlanId = plan.Id, Position = 1, Title = "Vorwort", Body = "Alt" };
            db.PlanSections.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/plans/{plan.Id}/sections/{id}";
        var stale = await client.GetDocumentAsync(url);
        await m.WithDbAsync(async db => { (await db.PlanSections.SingleAsync(s => s.Id == id)).Body = "Von jemand anderem"; return 0; });

        var response = await client.SubmitFormAsync(stale, url, new Dictionary<string, string?> { ["Input.Title"] = "Vorwort", ["Input.Body"] = "Meine Fassung" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("Von jemand anderem", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Meine Fassung", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Von jemand anderem", await m.WithDbAsync(db => db.PlanSections.Where(s => s.Id == id).Select(s => s.Body).SingleAsync()));
    }

    [Theory]
    [InlineData(Visitor.Anonymous)]
    [InlineData(Visitor.Resident)]
    [InlineData(Visitor.OtherPlanEditor)]
    [InlineData(Visitor.PlanEditor)]
    public async Task Only_the_municipalitys_editors_open_the_section_and_image_pages(Visitor visitor)
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 0, fields: 0);
        var client = await PermissionMatrix.ClientAsync(app, m, visitor);
        await PermissionMatrix.AssertAsync(client, visitor,
        [
            PermissionCheck.Get($"/{m.Slug}/manage/plans/{plan.Id}/sections", Access.PlanEditor),
            PermissionCheck.Get($"/{m.Slug}/manage/plans/{plan.Id}/sections/new", Access.PlanEditor),
            PermissionCheck.Get($"/{m.Slug}/manage/plans/{plan.Id}/images", Access.PlanEditor),
        ]);
    }
}

public sealed class SectionSqliteTests(SqliteApp app) : SectionTests(app), IClassFixture<SqliteApp>;

public sealed class SectionPostgresTests(PostgresApp app) : SectionTests(app), IClassFixture<PostgresApp>;
