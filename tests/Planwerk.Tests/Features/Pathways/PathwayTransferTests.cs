using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Pathways;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Features.Services;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Features.Plans.PublicSite;
using Planwerk.Tests.Features.Services;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Pathways;

/// <summary>Pathways in the plan document: the plan team's export carries every pathway's working state, the open-data
/// export only what is published; an import into another municipality creates them as drafts with the same uids,
/// linked to the new plan's measures and to the services with the same uid, and exports to the same bytes; a broken
/// document names each problem at its place and creates nothing.</summary>
public abstract class PathwayTransferTests(PlanwerkApp app)
{
    private sealed record Source(TestMunicipality M, int PlanId, Guid ServiceUid, Guid OtherServiceUid);

    private async Task<Source> SourceAsync()
    {
        var m = await app.CreateMunicipalityAsync();
        var organisation = await m.AddStakeholderAsync("Beratungsstelle");
        var (serviceId, _) = await m.AddServiceAsync(organisation, "Asylverfahrensberatung " + HostileText.RightToLeft);
        var (otherId, _) = await m.AddServiceAsync(organisation, "Gibt es nur hier");
        // Statuses and progress as an import accepts them.
        var plan = await m.AddPlanAsync(fields: 2, measuresPerField: 2, measure: x => { x.Status = Planwerk.Features.Plans.MeasureStatus.InProgress; x.Progress = 50; });
        var uids = await m.WithDbAsync(async db =>
        {
            var shared = new PathwayStep
            {
                Title = "Beraten lassen " + HostileText.Script, WhatToDo = HostileText.Markup, Why = HostileText.VeryLong[..3900], DocumentsToBring = "Ausweis\nBescheid",
                Audience = ResidenceSituations.AsylumSeekers | ResidenceSituations.ToleratedPersons, MinimumAge = 16, MaximumAge = 17, Children = ChildrenCondition.WithoutChildren,
            };
            shared.Services.Add(new PathwayStepService { ServiceId = otherId, Position = 0 });
            shared.Services.Add(new PathwayStepService { ServiceId = serviceId, Position = 1 });
            shared.Measures.Add(new PathwayStepMeasure { MeasureId = plan.Measures[3].Id });
            shared.Measures.Add(new PathwayStepMeasure { MeasureId = plan.Measures[0].Id });
            var school = new PathwayStep { Title = "Schule", Children = ChildrenCondition.WithChildren, IsExample = true };
            var first = new Pathway { Code = "neu-hier", Title = "Neu hier", Summary = "Für alle, die neu sind.", Audience = ResidenceSituations.AsylumSeekers };
            first.Stages.Add(new PathwayStage { Title = "Ankommen", Summary = "Die ersten Tage", Position = 0, Steps = [new PathwayStageStep { Step = shared, Position = 0 }, new PathwayStageStep { Step = school, Position = 1 }] });
            var second = new Pathway { Code = "familie", Title = "Familie", Children = ChildrenCondition.WithChildren, Position = 1 };
            second.Stages.Add(new PathwayStage { Title = "Kinder", Steps = [new PathwayStageStep { Step = school }] });
            second.Stages.Add(new PathwayStage { Title = "Beratung", Position = 1, Steps = [new PathwayStageStep { Step = shared }] });
            db.Pathways.AddRange(first, second);
            await db.SaveChangesAsync();
            void Translate(string kind, int id, string language, string field, string text, string source) => db.ContentTranslations.Add(new ContentTranslation
            {
                Kind = kind, EntityId = id, Language = language, Field = field, Text = text,
                SourceFingerprint = ServiceTexts.Fingerprint(source), TranslatedAt = DateTimeOffset.UtcNow,
            });
            Translate(PathwayTexts.PathwayKind, first.Id, "ar", nameof(Pathway.Title), "جديد هنا", first.Title);
            Translate(PathwayTexts.PathwayKind, first.Id, PathwayTexts.EasyGerman, nameof(Pathway.Title), "Sie sind neu hier.", first.Title);
            Translate(PathwayTexts.StageKind, first.Stages[0].Id, "uk", nameof(PathwayStage.Title), "Прибуття", "Ankommen");
            // Made from an earlier German text: outdated, and it stays outdated through export and import.
            Translate(PathwayTexts.StepKind, shared.Id, "ar", nameof(PathwayStep.WhatToDo), "احصل على استشارة", "Früherer Text");
            Translate(PathwayTexts.StepKind, shared.Id, "en", nameof(PathwayStep.Title), "Get advice " + HostileText.Script, shared.Title);
            await db.SaveChangesAsync();
            await PathwayPublishing.PublishAsync(db, first, DateTimeOffset.UtcNow);
            return (await db.HelpServices.Where(s => s.Id == serviceId).Select(s => s.Uid).SingleAsync(), await db.HelpServices.Where(s => s.Id == otherId).Select(s => s.Uid).SingleAsync());
        });
        return new Source(m, plan.Id, uids.Item1, uids.Item2);
    }

    private static string Export(TestMunicipality m, int planId) => $"/{m.Slug}/manage/plans/{planId}/transfer/export.json";

    [Fact]
    public async Task A_plan_document_with_pathways_imported_elsewhere_exports_to_the_same_bytes()
    {
        var source = await SourceAsync();
        var editor = await source.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var exported = await editor.GetByteArrayAsync(Export(source.M, source.PlanId));
        var json = JsonNode.Parse(exported)!;
        Assert.Equal(["neu-hier", "familie"], json["pathways"]!["pathways"]!.AsArray().Select(p => (string?)p!["code"]));
        Assert.Equal(2, json["pathways"]!["steps"]!.AsArray().Count);

        // The other city has the same services (as its directory import keeps their uids), and its own organisation names.
        var target = await app.CreateMunicipalityAsync();
        var organisation = await target.AddStakeholderAsync("Beratungsstelle");
        await target.WithDbAsync(db =>
        {
            db.HelpServices.Add(new HelpService { Uid = source.ServiceUid, OrganisationId = organisation, Name = "Asylverfahrensberatung " + HostileText.RightToLeft, LastCheckedOn = new DateOnly(2026, 1, 1) });
            db.HelpServices.Add(new HelpService { Uid = source.OtherServiceUid, OrganisationId = organisation, Name = "Gibt es nur hier", LastCheckedOn = new DateOnly(2026, 1, 1) });
            return Task.FromResult(0);
        });
        var result = await target.WithDbAsync(db => PlanImport.ImportAsync(db, exported, DateTimeOffset.UtcNow, createOrganisations: true));
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(new PathwayImportCounts(2, 0, 0), result.Pathways);

        var targetEditor = await target.SignedInClientAsync(MunicipalityRole.PlanEditor);
        Assert.Equal(Encoding.UTF8.GetString(exported), Encoding.UTF8.GetString(await targetEditor.GetByteArrayAsync(Export(target, result.PlanId))));
        // Imported as drafts: nothing is public until the plan team publishes.
        Assert.All(await target.WithDbAsync(db => db.Pathways.Select(p => p.Status).ToListAsync()), s => Assert.Equal(PathwayStatus.Draft, s));
        var outdated = await target.WithDbAsync(async db =>
        {
            var step = await db.PathwaySteps.SingleAsync(s => s.Title.StartsWith("Beraten"));
            var translations = await ServiceTexts.LoadAsync(db, PathwayTexts.StepKind, [step.Id], "ar");
            return translations.Of(step.Id, nameof(PathwayStep.WhatToDo), step.WhatToDo);
        });
        Assert.True(outdated.IsOutdated);
    }

    [Fact]
    public async Task The_open_data_export_carries_only_published_pathways_as_published()
    {
        var source = await SourceAsync();
        await source.M.WithDbAsync(async db =>
        {
            (await db.Plans.SingleAsync(p => p.Id == source.PlanId)).IsPublic = true;
            (await db.Pathways.SingleAsync(p => p.Code == "neu-hier")).Title = "Noch nicht veröffentlicht";
            return 0;
        });
        using var anonymous = app.CreateClient();

        var json = JsonNode.Parse(await anonymous.GetByteArrayAsync($"/{source.M.Slug}/plans/{source.PlanId}/export.json"))!;

        var only = Assert.Single(json["pathways"]!["pathways"]!.AsArray());
        Assert.Equal("Neu hier", (string?)only!["title"]);
        var editor = await source.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var working = JsonNode.Parse(await editor.GetByteArrayAsync(Export(source.M, source.PlanId)))!;
        Assert.Equal("Noch nicht veröffentlicht", (string?)working["pathways"]!["pathways"]![0]!["title"]);
    }

    [Fact]
    public async Task Services_the_municipality_lacks_are_left_out_and_pathways_it_has_are_skipped()
    {
        var source = await SourceAsync();
        var editor = await source.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var exported = await editor.GetByteArrayAsync(Export(source.M, source.PlanId));
        var target = await app.CreateMunicipalityAsync();

        var first = await target.WithDbAsync(db => PlanImport.ImportAsync(db, exported, DateTimeOffset.UtcNow, createOrganisations: true));
        Assert.Equal(new PathwayImportCounts(2, 0, 2), first.Pathways);
        Assert.Equal(0, await target.WithDbAsync(db => db.PathwayStepServices.CountAsync()));
        // The measure links go to the new plan's measures, by key.
        var linked = await target.WithDbAsync(db => db.PathwayStepMeasures.Select(l => new { l.Measure!.PlanId, l.Measure.Number }).ToListAsync());
        Assert.All(linked, l => Assert.Equal(first.PlanId, l.PlanId));
        Assert.Equal(["1.1", "2.2"], linked.Select(l => l.Number).Order());

        var second = await target.WithDbAsync(db => PlanImport.ImportAsync(db, exported, DateTimeOffset.UtcNow, createOrganisations: true));
        Assert.True(second.Succeeded);
        Assert.Equal(new PathwayImportCounts(0, 2, 0), second.Pathways);
        Assert.Equal(2, await target.WithDbAsync(db => db.Pathways.CountAsync()));
        Assert.Equal(2, await target.WithDbAsync(db => db.PathwaySteps.CountAsync()));
    }

    [Fact]
    public async Task A_broken_pathway_part_names_each_problem_at_its_place_and_creates_nothing()
    {
        var source = await SourceAsync();
        var editor = await source.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var json = JsonNode.Parse(await editor.GetByteArrayAsync(Export(source.M, source.PlanId)))!;
        var pathways = json["pathways"]!;
        pathways["steps"]![0]!["title"] = "  ";
        pathways["steps"]![0]!["measures"]!.AsArray().Add(999);
        pathways["steps"]![0]!["translations"]!.AsArray().Add(new JsonObject { ["language"] = "xx", ["field"] = "Secret", ["text"] = HostileText.Script });
        pathways["pathways"]![1]!["code"] = "Neu Hier!";
        pathways["pathways"]![0]!["stages"]![0]!["steps"]!.AsArray().Add(Guid.NewGuid().ToString());
        pathways["pathways"]![1]!["maximumAge"] = 3;
        pathways["pathways"]![1]!["minimumAge"] = 9;
        var target = await app.CreateMunicipalityAsync();

        var result = await target.WithDbAsync(db => PlanImport.ImportAsync(db, Encoding.UTF8.GetBytes(json.ToJsonString()), DateTimeOffset.UtcNow, createOrganisations: true));

        Assert.False(result.Succeeded);
        var problems = result.Problems.Select(p => p.Column + " " + p.Text()).ToList();
        Assert.Contains(problems, p => p.StartsWith("$.pathways.steps[0].title ", StringComparison.Ordinal) && p.Contains(ImportTexts.Required, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.pathways.steps[0].measures[2] ", StringComparison.Ordinal) && p.Contains("Schlüssel 999", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.pathways.steps[0].translations[", StringComparison.Ordinal) && p.Contains("„xx“", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(".field ", StringComparison.Ordinal) && p.Contains("„Secret“", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.pathways.pathways[1].code ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.pathways.pathways[0].stages[0].steps[2] ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.pathways.pathways[1].maximumAge ", StringComparison.Ordinal));
        Assert.Equal(0, await target.WithDbAsync(db => db.Plans.CountAsync()));
        Assert.Equal(0, await target.WithDbAsync(db => db.Pathways.CountAsync()));
        Assert.Equal(0, await target.WithDbAsync(db => db.PathwaySteps.CountAsync()));
    }

    [Fact]
    public async Task The_import_page_says_what_became_of_the_pathways()
    {
        var source = await SourceAsync();
        var editor = await source.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var exported = await editor.GetByteArrayAsync(Export(source.M, source.PlanId));
        var target = await app.CreateMunicipalityAsync();
        var client = await target.SignedInClientAsync(MunicipalityRole.PlanEditor);

        var page = await client.GetDocumentAsync($"/{target.Slug}/manage/plans/import");
        var form = (IHtmlFormElement)page.QuerySelector("main form[enctype='multipart/form-data']")!;
        using var body = new MultipartFormDataContent();
        body.Add(new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken");
        var file = new ByteArrayContent(exported);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        body.Add(file, "Upload", "plan.json");
        body.Add(new StringContent("true"), "CreateOrganisations");
        var response = await client.PostAsync($"/{target.Slug}/manage/plans/import", body);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var notice = (await client.GetDocumentAsync(response.Headers.Location!.OriginalString)).QuerySelector(".notice")!.TextContent;
        Assert.Contains("Integrationswege: 2 als Entwurf angelegt", notice, StringComparison.Ordinal);
        Assert.Contains("2 Verweise auf Hilfeangebote, die es hier nicht gibt, wurden weggelassen.", notice, StringComparison.Ordinal);
    }
}

public sealed class PathwayTransferSqliteTests(SqliteApp app) : PathwayTransferTests(app), IClassFixture<SqliteApp>;

public sealed class PathwayTransferPostgresTests(PostgresApp app) : PathwayTransferTests(app), IClassFixture<PostgresApp>;
