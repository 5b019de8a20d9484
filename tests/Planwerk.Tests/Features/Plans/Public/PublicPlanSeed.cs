using Planwerk.Features.Plans;
using Planwerk.Tests.Infrastructure;
using Planwerk.Tests.Features.Implementation;

// "Public" is a keyword in Visual Basic (CA1716), so the folder's namespace says PublicSite.
namespace Planwerk.Tests.Features.Plans.PublicSite;

/// <summary>A plan as the public pages see it, saved straight into the database of one test's municipality.</summary>
public sealed record SeededPlan(Plan Plan, IReadOnlyList<Principle> Principles, IReadOnlyList<FieldOfAction> Fields, IReadOnlyList<Measure> Measures, IReadOnlyList<District> Districts)
{
    public int Id => Plan.Id;
    public string Url(TestMunicipality m) => $"/{m.Slug}/plans/{Plan.Id}";
}

public static class PublicPlanSeed
{
    /// <summary>A public plan with two principles, <paramref name="fields"/> fields and
    /// <paramref name="measuresPerField"/> measures in each, all in one SaveChanges.</summary>
    public static Task<SeededPlan> AddPlanAsync(this TestMunicipality m, int fields = 2, int measuresPerField = 3, bool isPublic = true,
        string title = "Fachplan Teststadt", Action<Plan>? plan = null, Action<Measure>? measure = null) =>
        m.WithDbAsync(async db =>
        {
            var p = new Plan { Title = title, PeriodStart = 2019, PeriodEnd = 2022, State = PlanState.Adopted, IsPublic = isPublic, Summary = "Der Plan in *Kürze*." };
            await p.KnowRegistryAsync(db);
            plan?.Invoke(p);
            var principles = new List<Principle>
            {
                new() { Plan = p, Position = 1, Title = "Integration von Anfang an", Description = "Ab dem ersten Tag." },
                new() { Plan = p, Position = 2, Title = "Teilhabe durch Beteiligung" },
            };
            var districts = new List<District>
            {
                new() { Name = "Altstadt " + Guid.NewGuid().ToString("N")[..4], Kind = DistrictKind.District },
                new() { Name = "Weixdorf " + Guid.NewGuid().ToString("N")[..4], Kind = DistrictKind.Locality },
            };
            var fieldList = new List<FieldOfAction>();
            var measures = new List<Measure>();
            var statuses = Enum.GetValues<MeasureStatus>();
            for (var f = 1; f <= fields; f++)
            {
                var field = new FieldOfAction { Plan = p, Number = f, Title = $"Handlungsfeld Nummer {f}", Description = $"Beschreibung von Feld {f}" };
                fieldList.Add(field);
                for (var i = 1; i <= measuresPerField; i++)
                {
                    var index = measures.Count;
                    var x = new Measure
                    {
                        Plan = p,
                        FieldOfAction = field,
                        Position = i,
                        Number = $"{f}.{i}",
                        Title = $"Maßnahme {f}.{i}",
                        Goal = "Ein Ziel",
                        Description = "Eine Beschreibung",
                        TargetGroups = "Geflüchtete",
                        Status = statuses[index % statuses.Length],
                        Progress = index * 10 % 101,
                        Principles = index % 2 == 0 ? [principles[0]] : [principles[0], principles[1]],
                        Districts = index % 3 == 0 ? [districts[0], districts[1]] : [],
                    };
                    x.CarriedBy("Sozialamt", "Freie Träger");
                    measure?.Invoke(x);
                    measures.Add(x);
                }
            }
            db.Plans.Add(p);
            db.Principles.AddRange(principles);
            db.Districts.AddRange(districts);
            db.FieldsOfAction.AddRange(fieldList);
            db.Measures.AddRange(measures);
            return new SeededPlan(p, principles, fieldList, measures, districts);
        });
}
