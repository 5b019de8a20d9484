using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Services;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Pathways;

/// <summary>The municipality's published pathways in the read API (<c>/api/v1</c>): everyone may read them (anonymous);
/// only current publications are shown, never drafts or withdrawn pathways. Texts come with every translation; the
/// services and measures a step names are read live, and only listed services and measures of public plans appear.</summary>
public static class PathwayApi
{
    [Description("A text in German (the source) with its translations by language code (BCP 47; easy German is de-x-ls). A translation marked outdated was made from an earlier German text.")]
    public sealed record TextDto(string De, IReadOnlyDictionary<string, TranslationDto> Translations);

    public sealed record TranslationDto(string Text, bool Outdated);

    [Description("For whom a pathway or step is. Residence situations: AsylumSeekers, ToleratedPersons, RecognisedRefugees, TemporaryProtection (section 24 Residence Act), EuCitizens, OtherMigrants. Children: Any, WithChildren, WithoutChildren.")]
    public sealed record ConditionsDto(IReadOnlyList<string> ResidenceSituations, int? MinimumAge, int? MaximumAge, string Children);

    public sealed record PathwaySummaryDto(Guid Uid, string Code, TextDto Title, TextDto Summary, ConditionsDto Conditions, int StageCount, int StepCount, bool IsExample, string Url, string Page);

    public sealed record PathwayDto(Guid Uid, string Code, TextDto Title, TextDto Summary, ConditionsDto Conditions, bool IsExample, string Page, IReadOnlyList<StageDto> Stages);

    public sealed record StageDto(Guid Uid, TextDto Title, TextDto Summary, IReadOnlyList<StepDto> Steps);

    [Description("A step. The same step (same uid) can stand in several pathways.")]
    public sealed record StepDto(Guid Uid, TextDto Title, TextDto WhatToDo, TextDto Why,
        [property: Description("Documents to bring, one per line.")] TextDto DocumentsToBring,
        TextDto Deadlines, TextDto WaitingTime, TextDto Tips, ConditionsDto Conditions,
        [property: Description("Help services where the step is done, in the step's order: listed services only (active or temporarily closed). The full entry is in the HSDS API under its uid.")] IReadOnlyList<ServiceLinkDto> Services,
        [property: Description("Measures of the municipality's public plans meant to make this step easier, with their current status and progress.")] IReadOnlyList<MeasureLinkDto> Measures);

    public sealed record ServiceLinkDto(Guid Uid, string Name, string Status, string Page);

    public sealed record MeasureLinkDto(int Id, int PlanId, string Number, string Title, string Status, int Progress, string Url);

    public static IEndpointRouteBuilder MapPathwayApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/municipalities/{municipality}").AllowAnonymous().WithTags("Pathways").CacheOutput(PublicPageCache.PolicyName);

        api.MapGet("/pathways", async (HttpContext context, PlanwerkDbContext db, PublishedPathways published, CancellationToken ct) =>
            {
                var slug = context.RequiredMunicipality().Slug;
                var pathways = await published.ListAsync(db, ct);
                return pathways.Select(p => new PathwaySummaryDto(p.Uid, p.Code, Text(p.Title), Text(p.Summary), Conditions(p.Conditions),
                    p.Stages.Count, p.AllSteps.Count(), p.IsExample, $"/api/v1/municipalities/{slug}/pathways/{p.Code}", $"/{slug}/pathways/{p.Code}")).ToList();
            })
            .WithName("ListPathways").WithSummary("The municipality's published integration pathways, in the municipality's order.");

        api.MapGet("/pathways/{code}", async Task<Results<Ok<PathwayDto>, NotFound>> (string code, HttpContext context, PlanwerkDbContext db, PublishedPathways published, CancellationToken ct) =>
            {
                var slug = context.RequiredMunicipality().Slug;
                var pathway = await published.FindAsync(db, code, ct);
                if (pathway is null) return TypedResults.NotFound();
                var serviceIds = pathway.AllSteps.SelectMany(s => s.ServiceIds).Distinct().ToList();
                var measureIds = pathway.AllSteps.SelectMany(s => s.MeasureIds).Distinct().ToList();
                var services = await db.HelpServices.AsNoTracking()
                    .Where(s => serviceIds.Contains(s.Id) && (s.Status == ServiceStatus.Active || s.Status == ServiceStatus.TemporarilyClosed))
                    .Select(s => new { s.Id, s.Uid, s.Name, s.Status }).ToDictionaryAsync(s => s.Id, ct);
                var measures = await db.Measures.AsNoTracking().Where(m => measureIds.Contains(m.Id) && m.Plan!.IsPublic)
                    .Select(m => new { m.Id, m.PlanId, m.Number, m.Title, m.Status, m.Progress }).ToDictionaryAsync(m => m.Id, ct);
                var stages = pathway.Stages.Select(stage => new StageDto(stage.Uid, Text(stage.Title), Text(stage.Summary), stage.Steps.Select(step => new StepDto(
                    step.Uid, Text(step.Title), Text(step.WhatToDo), Text(step.Why), Text(step.DocumentsToBring), Text(step.Deadlines), Text(step.WaitingTime), Text(step.Tips),
                    Conditions(step.Conditions),
                    step.ServiceIds.Where(services.ContainsKey).Select(id => services[id])
                        .Select(s => new ServiceLinkDto(s.Uid, s.Name, s.Status.ToString(), Services.Manage.ServiceUrls.Public(slug, s.Id))).ToList(),
                    step.MeasureIds.Where(measures.ContainsKey).Select(id => measures[id])
                        .Select(m => new MeasureLinkDto(m.Id, m.PlanId, m.Number, m.Title, m.Status.ToString(), m.Progress, $"/{slug}/plans/{m.PlanId}/measures/{m.Id}")).ToList()
                    )).ToList())).ToList();
                return TypedResults.Ok(new PathwayDto(pathway.Uid, pathway.Code, Text(pathway.Title), Text(pathway.Summary), Conditions(pathway.Conditions),
                    pathway.IsExample, $"/{slug}/pathways/{pathway.Code}", stages));
            })
            .WithName("GetPathway").WithSummary("One published pathway: its stages and steps in order, each step with its services and measures.");

        return app;
    }

    private static TextDto Text(PublishedText text) => new(text.Source, text.Translations.ToDictionary(t => t.Key, t => new TranslationDto(t.Value.Text, t.Value.Outdated)));

    private static ConditionsDto Conditions(PathwayConditions c) => new(
        Enum.GetValues<ResidenceSituations>().Where(s => s != ResidenceSituations.None && s != ResidenceSituations.Everybody && c.Audience.HasFlag(s)).Select(s => s.ToString()).ToList(),
        c.MinimumAge, c.MaximumAge, c.Children.ToString());
}
