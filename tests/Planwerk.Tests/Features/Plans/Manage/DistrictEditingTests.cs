using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Plans;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Plans.Manage;

public abstract class DistrictEditingTests(PlanwerkApp app)
{
    [Fact]
    public async Task Editor_adds_renames_and_deletes_districts()
    {
        var m = await app.CreateMunicipalityAsync();
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var list = $"/{m.Slug}/manage/districts";

        var added = await client.SubmitFormAsync(list, new Dictionary<string, string?> { ["Input.Name"] = "Cossebaude", ["Input.Kind"] = nameof(DistrictKind.Locality) });
        var addedRtl = await client.SubmitFormAsync(list, new Dictionary<string, string?> { ["Input.Name"] = HostileText.RightToLeft });
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (added.StatusCode, addedRtl.StatusCode));
        var id = await m.WithDbAsync(db => db.Districts.Where(d => d.Name == "Cossebaude").Select(d => d.Id).SingleAsync());
        Assert.Equal(DistrictKind.Locality, await m.WithDbAsync(db => db.Districts.Where(d => d.Id == id).Select(d => d.Kind).SingleAsync()));
        var page = await client.GetDocumentAsync(list);
        Assert.Contains("„" + HostileText.RightToLeft + "“ wurde hinzugefügt.", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("tbody th"), th => th.TextContent == "Cossebaude");

        var renamed = await client.SubmitFormAsync($"{list}/{id}", new Dictionary<string, string?> { ["Input.Name"] = "Cossebaude " + HostileText.Script });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal("Cossebaude " + HostileText.Script, await m.WithDbAsync(db => db.Districts.Where(d => d.Id == id).Select(d => d.Name).SingleAsync()));
        Assert.Empty((await client.GetDocumentAsync(list)).QuerySelectorAll("main script"));

        var deleted = await client.SubmitFormAsync($"{list}/{id}", new Dictionary<string, string?>(), "#district-delete-form");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal([HostileText.RightToLeft], await m.WithDbAsync(db => db.Districts.Select(d => d.Name).ToListAsync()));
    }

    [Theory]
    [InlineData("", "Bitte geben Sie einen Namen für den Stadtbezirk oder die Ortschaft an.")]
    [InlineData("altstadt", "Den Namen „Altstadt“ gibt es in dieser Kommune schon.")]
    [InlineData(" Altstadt ", "Den Namen „Altstadt“ gibt es in dieser Kommune schon.")]
    [InlineData("{long}", "Der Name darf höchstens 200 Zeichen lang sein.")]
    [InlineData("Altstadt; Neustadt", "Der Name darf kein Semikolon (;) enthalten")]
    [InlineData(";", "Der Name darf kein Semikolon (;) enthalten")]
    public async Task A_missing_duplicate_too_long_or_semicolon_district_name_is_refused(string name, string expected)
    {
        var m = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        await m.DistrictAsync("Altstadt");
        await m.DistrictAsync("Neustadt");
        await other.DistrictAsync("Pieschen");
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var before = await m.SnapshotAsync();
        var value = name.Replace("{long}", HostileText.VeryLong, StringComparison.Ordinal);

        var add = await client.SubmitFormAsync($"/{m.Slug}/manage/districts", new Dictionary<string, string?> { ["Input.Name"] = value });
        var neustadt = await m.WithDbAsync(db => db.Districts.Where(d => d.Name == "Neustadt").Select(d => d.Id).SingleAsync());
        var rename = await client.SubmitFormAsync($"/{m.Slug}/manage/districts/{neustadt}", new Dictionary<string, string?> { ["Input.Name"] = value });

        foreach (var response in new[] { add, rename })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            (await HtmlForms.ParseAsync(response)).AssertFieldError("Input_Name", expected);
        }
        Assert.Equal(before, await m.SnapshotAsync());
    }

    [Fact]
    public async Task A_semicolon_in_a_district_name_is_explained_in_English_too()
    {
        var m = await app.CreateMunicipalityAsync();
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        await client.GetAsync($"/language/en?returnUrl=/{m.Slug}/manage/districts");

        var response = await client.SubmitFormAsync($"/{m.Slug}/manage/districts", new Dictionary<string, string?> { ["Input.Name"] = "Altstadt;Neustadt" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        (await HtmlForms.ParseAsync(response)).AssertFieldError("Input_Name", "The name must not contain a semicolon (;)");
        Assert.Equal(0, await m.WithDbAsync(db => db.Districts.CountAsync()));
    }

    [Fact]
    public async Task The_same_district_name_may_exist_in_another_municipality()
    {
        var m = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        await other.DistrictAsync("Altstadt");
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);

        var response = await client.SubmitFormAsync($"/{m.Slug}/manage/districts", new Dictionary<string, string?> { ["Input.Name"] = "Altstadt" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["Altstadt"], await m.WithDbAsync(db => db.Districts.Select(d => d.Name).ToListAsync()));
    }

    [Fact]
    public async Task A_district_that_measures_name_is_not_deleted()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(fields: 1, measuresPerField: 1);
        var district = await m.DistrictAsync("Prohlis");
        await m.WithDbAsync(async db =>
        {
            var measure = await db.Measures.Include(x => x.Districts).SingleAsync();
            measure.Districts.Add(await db.Districts.SingleAsync());
            return 0;
        });
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/districts/{district}";
        var page = await client.GetDocumentAsync(url);
        Assert.Null(page.QuerySelector("#district-delete-form"));
        Assert.Contains("1 Maßnahmen sind diesem Eintrag zugeordnet", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // Even a request that goes around the page is refused.
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#district-form input[name=__RequestVerificationToken]")!.Value;
        var response = await client.PostAsync(url + "?handler=Delete", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await HtmlForms.ParseAsync(response)).Errors(), e => e.Contains("„Prohlis“ ist noch 1 Maßnahmen zugeordnet", StringComparison.Ordinal));
        Assert.Equal(1, await m.WithDbAsync(db => db.Districts.CountAsync()));
        Assert.Equal(plan.Field(1).MeasureIds, await m.WithDbAsync(db => db.Measures.Where(x => x.Districts.Any()).Select(x => x.Id).ToListAsync()));
    }
}

public sealed class DistrictEditingSqliteTests(SqliteApp app) : DistrictEditingTests(app), IClassFixture<SqliteApp>;

public sealed class DistrictEditingPostgresTests(PostgresApp app) : DistrictEditingTests(app), IClassFixture<PostgresApp>;
