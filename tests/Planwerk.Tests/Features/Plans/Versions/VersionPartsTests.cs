using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Data;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Lifecycle;
using Planwerk.Features.Plans.Sections;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Features.Plans.Versions;
using Planwerk.Tests.Features.Plans.PublicSite;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Plans.Versions;

/// <summary>A frozen version is also kept in parts (head, sections, each field's measure list, each measure, each image),
/// which give back exactly what its document holds; the adopted plan's pages and a version's image read only the parts
/// they show; versions frozen before parts existed get theirs at start-up.</summary>
public abstract class VersionPartsTests(PlanwerkApp app)
{
    private static readonly string HostileTitle = HostileText.Script + " " + HostileText.RightToLeft;

    private sealed record Frozen(SeededPlan Plan, int VersionId);

    /// <summary>A public plan of two fields with three measures each (the first with a hostile title), a section showing
    /// image 3, adopted; afterwards the first measure's title changes, so the adopted pages differ from the working state.</summary>
    private async Task<Frozen> AdoptAsync(TestMunicipality m)
    {
        var plan = await m.AddPlanAsync(plan: p => p.State = PlanState.InDeliberation, measure: x =>
        {
            if (x.Number == "1.1") (x.Title, x.Goal) = (HostileTitle, HostileText.Markup + new string('z', 5000));
        });
        var versionId = await m.WithDbAsync(async db =>
        {
            db.PlanSections.Add(new PlanSection { PlanId = plan.Id, Position = 1, Title = HostileText.Script, Body = "Vorher ![Karte](image:3) nachher" });
            db.PlanImages.Add(new PlanImage { PlanId = plan.Id, Number = 3, FileName = "karte.gif", ContentType = "image/gif", Bytes = Transfer.TransferData.Gif, AltText = "Karte", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            await PlanLifecycle.AdoptAsync(db, plan.Id, new DateOnly(2019, 7, 5), "Beschluss des Stadtrates", DateTimeOffset.UtcNow, null, "Rat", CancellationToken.None);
            await db.SaveChangesAsync();
            var measure = await db.Measures.SingleAsync(x => x.PlanId == plan.Id && x.Number == "1.1");
            measure.Title = "Neu formuliert nach dem Beschluss";
            await db.SaveChangesAsync();
            return await db.Plans.Where(p => p.Id == plan.Id).Select(p => p.AdoptedVersionId!.Value).SingleAsync();
        });
        return new Frozen(plan, versionId);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, PlanDocument.JsonOptions);

    [Fact]
    public async Task Adopting_a_plan_keeps_its_version_in_parts_that_give_back_what_the_document_holds()
    {
        var m = await app.CreateMunicipalityAsync();
        var (plan, versionId) = await AdoptAsync(m);
        var (document, parts) = await m.WithDbAsync(async db => (
            await db.PlanVersions.Where(v => v.Id == versionId).Select(v => v.Document).SingleAsync(),
            await db.PlanVersionParts.Where(p => p.VersionId == versionId).OrderBy(p => p.Id).ToListAsync()));
        var whole = VersionDocument.Read(document).Plan;

        Assert.Equal([PlanVersionPartKind.Head, PlanVersionPartKind.Sections, PlanVersionPartKind.Field, PlanVersionPartKind.Field, PlanVersionPartKind.Image],
            parts.Where(p => p.Kind != PlanVersionPartKind.Measure).Select(p => p.Kind));
        Assert.Equal(whole.AllMeasures().Select(x => x.Measure.Key!.Value), parts.Where(p => p.Kind == PlanVersionPartKind.Measure).Select(p => p.Key));
        Assert.All(parts, p => Assert.Equal(m.Id, p.MunicipalityId));
        // No part holds the whole plan: the longest is the measure with the long goal.
        Assert.All(parts.Where(p => p.Kind != PlanVersionPartKind.Measure || p.Key != plan.Measures[0].Key), p => Assert.True(p.Content.Length < 2000, p.Kind + ": " + p.Content.Length));
        var image = Assert.Single(parts, p => p.Kind == PlanVersionPartKind.Image);
        Assert.Equal(3, image.Key);
        Assert.Equal(Transfer.TransferData.Gif, image.Data);

        var outline = VersionParts.Assemble(parts.Select(p => new VersionPartRow(p.Kind, p.Position, p.Key, p.Content)))!;
        Assert.Equal(Json(whole with { Fields = [], Images = [] }), Json(outline.Plan with { Fields = [], Images = [] }));
        Assert.Equal(whole.Fields.Select(f => (f.Number, f.Title, f.Description)), outline.Plan.Fields.Select(f => (f.Number, f.Title, f.Description)));
        Assert.Equal(whole.AllMeasures().Select(x => (x.Measure.Key, x.Measure.Number, x.Measure.Title, x.Measure.Status, x.Measure.Progress, x.Measure.IsExample)),
            outline.Plan.AllMeasures().Select(x => (x.Measure.Key, x.Measure.Number, x.Measure.Title, x.Measure.Status, x.Measure.Progress, x.Measure.IsExample)));
        Assert.Equal(HostileTitle, outline.Plan.Fields[0].Measures[0].Title);
        Assert.Equal(whole.AllMeasures().Select(x => (x.Field.Number, Json(x.Measure))), outline.Measures.Select(x => (x.Field.Number, Json(x.Measure))));
        Assert.Equal([(3, "image/gif", "karte.gif", "Karte")], outline.Plan.Images.Select(i => (i.Number, i.ContentType, i.FileName, i.AltText)));
    }

    [Fact]
    public async Task The_adopted_pages_and_a_version_image_read_their_parts_never_the_whole_document()
    {
        var m = await app.CreateMunicipalityAsync();
        var (plan, versionId) = await AdoptAsync(m);
        var log = new CommandLog();
        await using var logged = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(log)));
        var client = logged.CreateClient();

        async Task<HttpResponseMessage> GetAsync(string url)
        {
            log.Clear();
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
            Assert.DoesNotContain(log.Commands, CommandLog.ReadsVersionDocument);
            Assert.Contains(log.Commands, c => c.Contains("\"PlanVersionParts\"", StringComparison.Ordinal));
            return response;
        }

        var first = plan.Measures[0];
        var planPage = await (await GetAsync(plan.Url(m))).Content.ReadAsStringAsync();
        Assert.Contains(WebUtility.HtmlEncode(HostileText.Script), planPage, StringComparison.Ordinal);
        Assert.DoesNotContain(HostileText.Script, planPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Neu formuliert nach dem Beschluss", planPage, StringComparison.Ordinal);
        Assert.Contains($"/{m.Slug}/plans/{plan.Id}/versions/{versionId}/images/3", planPage, StringComparison.Ordinal);
        var fieldPage = await (await GetAsync($"{plan.Url(m)}/fields/{first.FieldOfActionId}")).Content.ReadAsStringAsync();
        Assert.Contains("Maßnahme 1.2", fieldPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Neu formuliert nach dem Beschluss", fieldPage, StringComparison.Ordinal);
        var measurePage = await (await GetAsync($"{plan.Url(m)}/measures/{first.Id}")).Content.ReadAsStringAsync();
        Assert.Contains(HostileText.RightToLeft, measurePage, StringComparison.Ordinal);
        Assert.DoesNotContain(HostileText.Script, measurePage, StringComparison.Ordinal);
        Assert.Contains(new string('z', 5000), measurePage, StringComparison.Ordinal);
        var image = await GetAsync($"/{m.Slug}/plans/{plan.Id}/versions/{versionId}/images/3");
        Assert.Equal(Transfer.TransferData.Gif, await image.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/gif", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{m.Slug}/plans/{plan.Id}/versions/{versionId}/images/4")).StatusCode);
    }

    [Fact]
    public async Task Versions_frozen_before_parts_existed_get_them_at_start_up()
    {
        var m = await app.CreateMunicipalityAsync();
        var (plan, versionId) = await AdoptAsync(m);
        static object Row(PlanVersionPart p) => (p.Kind, p.Position, p.Key, p.Content, Convert.ToBase64String(p.Data ?? []));
        var written = await m.WithDbAsync(async db =>
        {
            var rows = await db.PlanVersionParts.AsNoTracking().Where(p => p.VersionId == versionId).OrderBy(p => p.Kind).ThenBy(p => p.Position).ToListAsync();
            // As before the migration: the version without parts, and one more whose document no page could read.
            await db.PlanVersionParts.Where(p => p.VersionId == versionId).ExecuteDeleteAsync();
            db.PlanVersions.Add(new PlanVersion { PlanId = plan.Id, Name = "Unlesbar", Document = "kein JSON", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return rows.Select(Row).ToList();
        });
        Assert.Equal(0, await m.WithDbAsync(db => db.PlanVersionParts.CountAsync(p => p.Version!.PlanId == plan.Id)));

        await app.Services.InitializeDatabaseAsync();

        var filled = await m.WithDbAsync(db => db.PlanVersionParts.AsNoTracking().Where(p => p.VersionId == versionId).OrderBy(p => p.Kind).ThenBy(p => p.Position).ToListAsync());
        Assert.Equal(written, filled.Select(Row).ToList());
        Assert.Equal(0, await m.WithDbAsync(db => db.PlanVersionParts.CountAsync(p => p.Version!.Name == "Unlesbar")));
        // Nothing is written twice: a second start finds nothing to fill (the unreadable version stays without parts).
        Assert.Equal(0, await m.WithDbAsync(db => VersionParts.FillMissingAsync(db)));
        Assert.Equal(written.Count, await m.WithDbAsync(db => db.PlanVersionParts.CountAsync(p => p.VersionId == versionId)));

        var page = await app.CreateBrowserlikeClient().GetDocumentAsync($"{plan.Url(m)}/measures/{plan.Measures[0].Id}");
        Assert.EndsWith(HostileTitle, page.QuerySelector("h1")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Beschlossene Fassung vom 05.07.2019", page.QuerySelector("#adopted-note")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class VersionPartsSqliteTests(SqliteApp app) : VersionPartsTests(app), IClassFixture<SqliteApp>;

public sealed class VersionPartsPostgresTests(PostgresApp app) : VersionPartsTests(app), IClassFixture<PostgresApp>;
