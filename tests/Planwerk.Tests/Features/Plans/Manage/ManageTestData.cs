using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Plans;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Plans.Manage;

/// <summary>A plan made for one test: its id, its principles, and its fields with their measures in order.</summary>
public sealed record TestPlan(int Id, IReadOnlyList<int> PrincipleIds, IReadOnlyList<TestField> Fields)
{
    public TestField Field(int number) => Fields.Single(f => f.Number == number);
}

public sealed record TestField(int Id, int Number, IReadOnlyList<int> MeasureIds);

public static class ManageTestData
{
    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A plan with principles, fields numbered 1..n and measures "f.k", all in order.</summary>
    public static async Task<TestPlan> PlanAsync(this TestMunicipality m, int principles = 2, int fields = 2, int measuresPerField = 2, string title = "Testplan")
    {
        return await m.WithDbAsync(async db =>
        {
            var plan = new Plan { Title = title, PeriodStart = 2019, PeriodEnd = 2022, UpdatedAt = DateTimeOffset.UtcNow };
            db.Plans.Add(plan);
            var principleRows = Enumerable.Range(1, principles).Select(i => new Principle { Plan = plan, Position = i, Title = $"Leitlinie {i}" }).ToList();
            db.Principles.AddRange(principleRows);
            var fieldRows = Enumerable.Range(1, fields).Select(i => new FieldOfAction { Plan = plan, Position = i, Number = i, Title = $"Teilbereich {i}" }).ToList();
            db.FieldsOfAction.AddRange(fieldRows);
            var measures = fieldRows.SelectMany(f => Enumerable.Range(1, measuresPerField).Select(k => new Measure
            {
                Plan = plan, FieldOfAction = f, Position = k, Number = $"{f.Number}.{k}", Title = $"Maßnahme {f.Number}.{k}", UpdatedAt = DateTimeOffset.UtcNow,
            })).ToList();
            db.Measures.AddRange(measures);
            await db.SaveChangesAsync();
            return new TestPlan(plan.Id, principleRows.Select(p => p.Id).ToList(),
                fieldRows.Select(f => new TestField(f.Id, f.Number, measures.Where(x => x.FieldOfAction == f).Select(x => x.Id).ToList())).ToList());
        });
    }

    public static Task<int> DistrictAsync(this TestMunicipality m, string name, DistrictKind kind = DistrictKind.District) =>
        m.WithDbAsync(async db =>
        {
            var district = new District { Name = name, Kind = kind };
            db.Districts.Add(district);
            await db.SaveChangesAsync();
            return district.Id;
        });

    /// <summary>Every plan-related row of the municipality, with every column and link, as text:
    /// two snapshots are equal exactly when nothing was changed.</summary>
    public static Task<string> SnapshotAsync(this TestMunicipality m) => m.WithDbAsync(async db =>
    {
        var state = new
        {
            Plans = await db.Plans.AsNoTracking().OrderBy(p => p.Id).ToListAsync(),
            Principles = await db.Principles.AsNoTracking().OrderBy(p => p.Id).ToListAsync(),
            Fields = await db.FieldsOfAction.AsNoTracking().OrderBy(f => f.Id).ToListAsync(),
            Measures = await db.Measures.AsNoTracking().OrderBy(x => x.Id)
                .Select(x => new { Measure = x, Districts = x.Districts.Select(d => d.Id).OrderBy(d => d).ToList(), Principles = x.Principles.Select(p => p.Id).OrderBy(p => p).ToList(),
                    Organisations = x.Organisations.OrderBy(o => o.Id).Select(o => new { o.OrganisationId, o.Role, o.Position }).ToList() })
                .ToListAsync(),
            Districts = await db.Districts.AsNoTracking().OrderBy(d => d.Id).ToListAsync(),
            Organisations = await db.Stakeholders.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.Name, s.Kind }).ToListAsync(),
        };
        return JsonSerializer.Serialize(state);
    });

    public static Task<Measure> MeasureAsync(this TestMunicipality m, int id) =>
        m.WithDbAsync(db => db.Measures.AsNoTracking().Include(x => x.Districts).Include(x => x.Principles)
            .Include(x => x.Organisations.OrderBy(o => o.Role).ThenBy(o => o.Position)).ThenInclude(o => o.Organisation).AsSplitQuery().SingleAsync(x => x.Id == id));

    /// <summary>The names of a measure's lead and partners, as stored.</summary>
    public static (string? Lead, string[] Partners) Carriers(this Measure measure) =>
        (measure.Organisations.Where(o => o.Role == Planwerk.Features.Implementation.MeasureOrganisationRole.Lead).Select(o => o.Organisation!.Name).FirstOrDefault(),
            measure.Organisations.Where(o => o.Role == Planwerk.Features.Implementation.MeasureOrganisationRole.Partner).OrderBy(o => o.Position).Select(o => o.Organisation!.Name).ToArray());

    /// <summary>The error shown beside a field (its id is the field's id plus "-error").</summary>
    public static string FieldError(this IDocument document, string fieldId) =>
        document.QuerySelector($"#{fieldId}-error")?.TextContent.Trim() ?? "";

    /// <summary>Asserts the page refused the form with an error beside the field, containing the given
    /// words, and listed in the summary at the top with a link to the field.</summary>
    public static void AssertFieldError(this IDocument document, string fieldId, string expected)
    {
        Assert.Contains(expected, document.FieldError(fieldId), StringComparison.Ordinal);
        var link = document.QuerySelector($".error-summary a[href='#{fieldId}']");
        Assert.True(link is not null, $"The error summary has no link to #{fieldId}. Errors: {string.Join(" | ", document.Errors())}");
        Assert.Contains(expected, link!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.GetElementById(fieldId));
    }
}
