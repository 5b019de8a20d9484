using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Pathways;
using Planwerk.Features.Plans;
using Planwerk.Features.Services;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Features.Plans.PublicSite;
using Planwerk.Tests.Features.Services;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Pathways;

/// <summary>The read API's pathways: only current publications, texts with every translation, each step's listed
/// services and its measures of public plans with their live status; drafts, withdrawn pathways and other
/// municipalities' pathways are not there.</summary>
public abstract class PathwayApiTests(PlanwerkApp app)
{
    private sealed record Seeded(TestMunicipality M, int ServiceId, int InactiveServiceId, Measure PublicMeasure, Measure HiddenMeasure);

    private async Task<Seeded> SeedAsync()
    {
        var m = await app.CreateMunicipalityAsync();
        var organisation = await m.AddStakeholderAsync("Träger " + HostileText.Script);
        var (serviceId, _) = await m.AddServiceAsync(organisation, "Beratung " + HostileText.RightToLeft);
        var (inactiveId, _) = await m.AddServiceAsync(organisation, "Eingestellt", status: ServiceStatus.Inactive);
        var publicPlan = await m.AddPlanAsync(fields: 1, measuresPerField: 2);
        var hiddenPlan = await m.AddPlanAsync(fields: 1, measuresPerField: 1, isPublic: false, title: "Entwurf");
        await m.WithDbAsync(async db =>
        {
            var step = new PathwayStep { Title = "Beraten lassen", WhatToDo = HostileText.Markup, Audience = ResidenceSituations.AsylumSeekers | ResidenceSituations.ToleratedPersons, MaximumAge = 17 };
            step.Services.Add(new PathwayStepService { ServiceId = serviceId, Position = 0 });
            step.Services.Add(new PathwayStepService { ServiceId = inactiveId, Position = 1 });
            step.Measures.Add(new PathwayStepMeasure { MeasureId = publicPlan.Measures[0].Id });
            step.Measures.Add(new PathwayStepMeasure { MeasureId = hiddenPlan.Measures[0].Id });
            var published = new Pathway { Code = "neu-hier", Title = "Neu hier", Children = ChildrenCondition.WithChildren };
            published.Stages.Add(new PathwayStage { Title = "Ankommen", Steps = [new PathwayStageStep { Step = step }] });
            var draft = new Pathway { Code = "entwurf", Title = "Noch nicht fertig" };
            var withdrawn = new Pathway { Code = "zurueck", Title = "Zurückgezogen" };
            db.Pathways.AddRange(published, draft, withdrawn);
            await db.SaveChangesAsync();
            db.ContentTranslations.Add(new ContentTranslation
            {
                Kind = PathwayTexts.PathwayKind, EntityId = published.Id, Language = "ar", Field = nameof(Pathway.Title), Text = "جديد هنا",
                SourceFingerprint = ServiceTexts.Fingerprint("Neu hier"), TranslatedAt = DateTimeOffset.UtcNow,
            });
            db.ContentTranslations.Add(new ContentTranslation
            {
                Kind = PathwayTexts.StepKind, EntityId = step.Id, Language = PathwayTexts.EasyGerman, Field = nameof(PathwayStep.Title), Text = "Gehen Sie zur Beratung.",
                SourceFingerprint = ServiceTexts.Fingerprint("Früherer Titel"), TranslatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            await PathwayPublishing.PublishAsync(db, published, DateTimeOffset.UtcNow);
            await PathwayPublishing.PublishAsync(db, withdrawn, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            PathwayPublishing.Withdraw(withdrawn);
            return 0;
        });
        return new Seeded(m, serviceId, inactiveId, publicPlan.Measures[0], hiddenPlan.Measures[0]);
    }

    [Fact]
    public async Task The_list_holds_only_published_pathways_with_their_texts_and_conditions()
    {
        var s = await SeedAsync();
        using var client = app.CreateClient();

        var list = await GetJsonAsync(client, $"/api/v1/municipalities/{s.M.Slug}/pathways");

        var only = Assert.Single(list.EnumerateArray());
        Assert.Equal("neu-hier", only.GetProperty("code").GetString());
        Assert.Equal("Neu hier", only.GetProperty("title").GetProperty("de").GetString());
        Assert.Equal("جديد هنا", only.GetProperty("title").GetProperty("translations").GetProperty("ar").GetProperty("text").GetString());
        Assert.Equal("WithChildren", only.GetProperty("conditions").GetProperty("children").GetString());
        Assert.Equal(1, only.GetProperty("stepCount").GetInt32());
        Assert.Equal($"/api/v1/municipalities/{s.M.Slug}/pathways/neu-hier", only.GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_pathway_gives_its_steps_with_listed_services_and_measures_of_public_plans_at_their_live_status()
    {
        var s = await SeedAsync();
        await s.M.WithDbAsync(async db =>
        {
            var measure = await db.Measures.SingleAsync(x => x.Id == s.PublicMeasure.Id);
            measure.Status = MeasureStatus.Delayed;
            measure.Progress = 35;
            return 0;
        });
        using var client = app.CreateClient();

        var pathway = await GetJsonAsync(client, $"/api/v1/municipalities/{s.M.Slug}/pathways/neu-hier");

        var step = Assert.Single(Assert.Single(pathway.GetProperty("stages").EnumerateArray()).GetProperty("steps").EnumerateArray());
        Assert.Equal(HostileText.Markup, step.GetProperty("whatToDo").GetProperty("de").GetString());
        Assert.Equal(["AsylumSeekers", "ToleratedPersons"], step.GetProperty("conditions").GetProperty("residenceSituations").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(17, step.GetProperty("conditions").GetProperty("maximumAge").GetInt32());
        var easy = step.GetProperty("title").GetProperty("translations").GetProperty(PathwayTexts.EasyGerman);
        Assert.True(easy.GetProperty("outdated").GetBoolean());
        var service = Assert.Single(step.GetProperty("services").EnumerateArray());
        Assert.Equal("Beratung " + HostileText.RightToLeft, service.GetProperty("name").GetString());
        Assert.Equal($"/{s.M.Slug}/services/{s.ServiceId}", service.GetProperty("page").GetString());
        var measure = Assert.Single(step.GetProperty("measures").EnumerateArray());
        Assert.Equal(s.PublicMeasure.Id, measure.GetProperty("id").GetInt32());
        Assert.Equal("Delayed", measure.GetProperty("status").GetString());
        Assert.Equal(35, measure.GetProperty("progress").GetInt32());
    }

    [Fact]
    public async Task Drafts_withdrawn_pathways_and_other_municipalities_pathways_are_not_found()
    {
        var s = await SeedAsync();
        var other = await app.CreateMunicipalityAsync();
        using var client = app.CreateClient();

        foreach (var code in new[] { "entwurf", "zurueck", "gibt-es-nicht", "%3Cscript%3E" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/municipalities/{s.M.Slug}/pathways/{code}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/municipalities/{other.Slug}/pathways/neu-hier")).StatusCode);
        Assert.Empty((await GetJsonAsync(client, $"/api/v1/municipalities/{other.Slug}/pathways")).EnumerateArray());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_pathway_paths()
    {
        using var client = app.CreateClient();
        var document = await GetJsonAsync(client, "/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/municipalities/{municipality}/pathways", out _));
        Assert.True(paths.TryGetProperty("/api/v1/municipalities/{municipality}/pathways/{code}", out var one));
        Assert.True(one.GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }
}

public sealed class PathwayApiSqliteTests(SqliteApp app) : PathwayApiTests(app), IClassFixture<SqliteApp>;

public sealed class PathwayApiPostgresTests(PostgresApp app) : PathwayApiTests(app), IClassFixture<PostgresApp>;
