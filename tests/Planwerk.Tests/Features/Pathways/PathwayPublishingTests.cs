using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Pathways;
using Planwerk.Features.Services;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Features.Services;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Pathways;

/// <summary>Publishing a pathway freezes its whole working state (stages, shared steps in order, conditions, service and
/// measure links, every translation with its outdated mark) as a numbered publication; the public reads only the current
/// publication, so later edits wait for the next one, and a withdrawn pathway is gone from the public; another
/// municipality's pathways never show.</summary>
public abstract class PathwayPublishingTests(PlanwerkApp app)
{
    [Fact]
    public async Task A_publication_freezes_the_working_state_and_later_edits_wait_for_the_next_one()
    {
        var m = await app.CreateMunicipalityAsync();
        var organisation = await m.AddStakeholderAsync("Beratungsverein");
        var (serviceId, _) = await m.AddServiceAsync(organisation, "Asylverfahrensberatung " + HostileText.Script);
        var pathwayId = await m.WithDbAsync(async db =>
        {
            var shared = new PathwayStep { Title = "Beraten lassen " + HostileText.RightToLeft, WhatToDo = HostileText.Markup, Audience = ResidenceSituations.AsylumSeekers, MaximumAge = 17 };
            shared.Services.Add(new PathwayStepService { ServiceId = serviceId });
            var second = new PathwayStep { Title = "Zum Arzt gehen", Children = ChildrenCondition.WithChildren };
            var pathway = new Pathway { Code = "neu-hier", Title = "Neu hier", Summary = HostileText.VeryLong[..3000] };
            pathway.Stages.Add(new PathwayStage { Title = "Zweite Stufe", Position = 1, Steps = [new PathwayStageStep { Step = shared, Position = 0 }] });
            pathway.Stages.Add(new PathwayStage { Title = "Erste Stufe", Position = 0, Steps = [new PathwayStageStep { Step = second, Position = 1 }, new PathwayStageStep { Step = shared, Position = 0 }] });
            db.Pathways.Add(pathway);
            await db.SaveChangesAsync();
            db.ContentTranslations.Add(new ContentTranslation
            {
                Kind = PathwayTexts.PathwayKind, EntityId = pathway.Id, Language = "ar", Field = nameof(Pathway.Title), Text = "جديد هنا",
                SourceFingerprint = ServiceTexts.Fingerprint("Neu hier"), TranslatedAt = DateTimeOffset.UtcNow,
            });
            db.ContentTranslations.Add(new ContentTranslation
            {
                Kind = PathwayTexts.StepKind, EntityId = second.Id, Language = "uk", Field = nameof(PathwayStep.Title), Text = "До лікаря",
                SourceFingerprint = ServiceTexts.Fingerprint("Zum Arzt"), TranslatedAt = DateTimeOffset.UtcNow,
            });
            return pathway.Id;
        });

        Assert.Empty(await ListAsync(m));
        await PublishAsync(m, pathwayId);

        var document = Assert.Single(await ListAsync(m));
        Assert.Equal("neu-hier", document.Code);
        Assert.Equal(["Erste Stufe", "Zweite Stufe"], document.Stages.Select(s => s.Title.Source));
        Assert.Equal(["Beraten lassen " + HostileText.RightToLeft, "Zum Arzt gehen"], document.Stages[0].Steps.Select(s => s.Title.Source));
        var shared = document.Stages[1].Steps.Single();
        Assert.Equal(document.Stages[0].Steps[0].StepId, shared.StepId);
        Assert.Equal([serviceId], shared.ServiceIds);
        Assert.Equal(HostileText.Markup, shared.WhatToDo.Source);
        Assert.Equal(new PathwayConditions(ResidenceSituations.AsylumSeekers, null, 17, ChildrenCondition.Any), shared.Conditions);
        Assert.Equal("جديد هنا", document.Title.In("ar").Text);
        Assert.False(document.Title.In("ar").IsOutdated);
        Assert.True(document.Title.In("uk").IsFallback);
        // Translated from an older German text: published, and marked as outdated.
        Assert.True(document.Stages[0].Steps[1].Title.In("uk").IsOutdated);

        await m.WithDbAsync(async db =>
        {
            var pathway = await db.Pathways.SingleAsync(p => p.Id == pathwayId);
            pathway.Title = "Neu in der Stadt";
            return 0;
        });
        Assert.Equal("Neu hier", Assert.Single(await ListAsync(m)).Title.Source);

        await PublishAsync(m, pathwayId);
        Assert.Equal("Neu in der Stadt", Assert.Single(await ListAsync(m)).Title.Source);
        var numbers = await m.WithDbAsync(db => db.PathwayPublications.Where(p => p.PathwayId == pathwayId).OrderBy(p => p.Number).Select(p => p.Number).ToListAsync());
        Assert.Equal([1, 2], numbers);
        // The German title changed after the Arabic was written: the new publication marks it outdated.
        Assert.True(Assert.Single(await ListAsync(m)).Title.In("ar").IsOutdated);
    }

    [Fact]
    public async Task A_withdrawn_pathway_is_gone_from_the_public_and_its_publications_stay()
    {
        var m = await app.CreateMunicipalityAsync();
        var pathwayId = await AddPathwayAsync(m, "zurueckgezogen");
        await PublishAsync(m, pathwayId);
        Assert.Single(await ListAsync(m));

        await m.WithDbAsync(async db =>
        {
            PathwayPublishing.Withdraw(await db.Pathways.SingleAsync(p => p.Id == pathwayId));
            return 0;
        });

        Assert.Empty(await ListAsync(m));
        Assert.Equal(PathwayStatus.Withdrawn, await m.WithDbAsync(db => db.Pathways.Where(p => p.Id == pathwayId).Select(p => p.Status).SingleAsync()));
        Assert.Equal(1, await m.WithDbAsync(db => db.PathwayPublications.CountAsync(p => p.PathwayId == pathwayId)));
    }

    [Fact]
    public async Task Another_municipality_sees_none_of_the_published_pathways()
    {
        var m = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        await PublishAsync(m, await AddPathwayAsync(m, "nur-hier"));
        await PublishAsync(other, await AddPathwayAsync(other, "dort"));

        Assert.Equal(["nur-hier"], (await ListAsync(m)).Select(p => p.Code));
        Assert.Equal(["dort"], (await ListAsync(other)).Select(p => p.Code));
    }

    [Theory]
    [InlineData(ResidenceSituations.AsylumSeekers, null, null, null, true)]
    [InlineData(ResidenceSituations.EuCitizens, null, null, null, false)]
    [InlineData(null, 18, 26, null, false)]
    [InlineData(null, 6, 17, null, true)]
    [InlineData(null, null, null, false, false)]
    [InlineData(null, null, null, true, true)]
    [InlineData(ResidenceSituations.AsylumSeekers, 0, 5, true, true)]
    public void Conditions_admit_answers_that_fit_and_answers_not_given(ResidenceSituations? situation, int? minimumAge, int? maximumAge, bool? children, bool admitted)
    {
        var conditions = new PathwayConditions(ResidenceSituations.AsylumSeekers | ResidenceSituations.ToleratedPersons, null, 17, ChildrenCondition.WithChildren);
        Assert.Equal(admitted, conditions.Admits(situation, minimumAge, maximumAge, children));
    }

    private Task<int> AddPathwayAsync(TestMunicipality m, string code) => m.WithDbAsync(async db =>
    {
        var pathway = new Pathway { Code = code, Title = "Weg " + code };
        pathway.Stages.Add(new PathwayStage { Title = "Stufe", Steps = [new PathwayStageStep { Step = new PathwayStep { Title = "Schritt" } }] });
        db.Pathways.Add(pathway);
        await db.SaveChangesAsync();
        return pathway.Id;
    });

    private Task<PathwayPublication> PublishAsync(TestMunicipality m, int pathwayId) => m.WithDbAsync(async db =>
    {
        var pathway = await db.Pathways.SingleAsync(p => p.Id == pathwayId);
        return (await PathwayPublishing.PublishAsync(db, pathway, DateTimeOffset.UtcNow))!;
    });

    private Task<IReadOnlyList<PathwayDocument>> ListAsync(TestMunicipality m) =>
        app.InMunicipalityAsync(m.Id, (db, services) => services.GetRequiredService<PublishedPathways>().ListAsync(db));
}

public sealed class PathwayPublishingSqliteTests(SqliteApp app) : PathwayPublishingTests(app), IClassFixture<SqliteApp>;

public sealed class PathwayPublishingPostgresTests(PostgresApp app) : PathwayPublishingTests(app), IClassFixture<PostgresApp>;
