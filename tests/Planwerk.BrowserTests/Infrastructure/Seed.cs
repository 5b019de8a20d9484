using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Implementation;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.BrowserTests.Infrastructure;

public sealed record SeededPlan(int PlanId, int FieldId, int MeasureId, int OtherMeasureId);

public static class Seed
{
    /// <summary>A public plan with two principles, two fields and hostile text in every kind of field.</summary>
    public static Task<SeededPlan> PlanAsync(TestMunicipality m, string title = "Aktionsplan Integration") => m.WithDbAsync(async db =>
    {
        var district = new District { Name = "Prohlis", Kind = DistrictKind.District };
        var plan = new Plan { Title = title, PeriodStart = 2022, PeriodEnd = 2026, State = PlanState.InImplementation, IsPublic = true, Summary = "Ein **Plan** für alle. " + HostileText.Script };
        var p1 = new Principle { Plan = plan, Position = 1, Title = "Integration von Anfang an", Description = HostileText.RightToLeft };
        var p2 = new Principle { Plan = plan, Position = 2, Title = "Teilhabe durch Beteiligung" };
        var f1 = new FieldOfAction { Plan = plan, Number = 1, Position = 1, Title = "Sprache", Description = "Deutsch lernen." };
        var f2 = new FieldOfAction { Plan = plan, Number = 2, Position = 2, Title = HostileText.RightToLeft };
        async Task<Stakeholder> OrganisationAsync(string name, StakeholderKind kind) =>
            await db.Stakeholders.FirstOrDefaultAsync(s => s.Name == name) ?? new Stakeholder { Name = name, Kind = kind };
        var office = await OrganisationAsync("Sozialamt", StakeholderKind.PublicAuthority);
        var partner = await OrganisationAsync(HostileText.RightToLeft, StakeholderKind.MigrantOrganisation);
        var m1 = new Measure
        {
            Plan = plan, FieldOfAction = f1, Position = 1, Number = "1.1", Title = "Sprachkurse in den Stadtteilen " + HostileText.Script,
            Goal = "Alle Neuankommenden lernen Deutsch.", Description = "- Kurse\n- Kinderbetreuung\n\n" + HostileText.Markup,
            TargetGroups = "Geflüchtete",
            Organisations = [new() { Organisation = office, Role = MeasureOrganisationRole.Lead }, new() { Organisation = partner, Role = MeasureOrganisationRole.Partner, Position = 1 }],
            StartDate = new DateOnly(2022, 1, 1), EndDate = new DateOnly(2024, 12, 31), EstimatedCost = 125000.50m,
            Status = MeasureStatus.InProgress, Progress = 40, IsExample = true, Principles = [p1, p2], Districts = [district],
        };
        var m2 = new Measure { Plan = plan, FieldOfAction = f2, Position = 1, Number = "2.1", Title = HostileText.VeryLong[..480], Status = MeasureStatus.Delayed, Progress = 10 };
        // Indicators of the plan and of a measure, one with values (its chart and table) and one without.
        var housing = new Indicator
        {
            Plan = plan, Name = "Anteil in eigener Wohnung " + HostileText.Script, Unit = "%", Definition = HostileText.RightToLeft, Source = "Sozialamt",
            BaselineValue = 38, BaselineOn = new DateOnly(2021, 12, 31), TargetValue = 60, TargetOn = new DateOnly(2026, 12, 31), Position = 1,
            Values = [new() { On = new DateOnly(2022, 12, 31), Value = 41.5m, Note = HostileText.Markup }, new() { On = new DateOnly(2023, 12, 31), Value = 49 }],
        };
        var waiting = new Indicator
        {
            Plan = plan, Measure = m1, FieldOfAction = f1, Name = HostileText.RightToLeft, Direction = IndicatorDirection.LowerIsBetter,
            BaselineValue = 42, BaselineOn = new DateOnly(2021, 12, 31), TargetValue = 14, TargetOn = new DateOnly(2026, 12, 31), Position = 2,
        };
        db.AddRange(district, plan, p1, p2, f1, f2, m1, m2, housing, waiting);
        await db.SaveChangesAsync();
        return new SeededPlan(plan.Id, f1.Id, m1.Id, m2.Id);
    });
}
