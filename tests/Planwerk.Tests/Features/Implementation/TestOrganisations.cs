using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Implementation;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;

namespace Planwerk.Tests.Features.Implementation;

/// <summary>Seeds name who carries out a measure by the organisations' names: one organisation per name in the
/// municipality, taken from the registry when it has it, else created with the plan.</summary>
public static class TestOrganisations
{
    private static readonly ConditionalWeakTable<Plan, Dictionary<string, Stakeholder>> Known = new();

    /// <summary>Lets <see cref="CarriedBy"/> link the municipality's existing organisations for this plan's measures.</summary>
    public static async Task KnowRegistryAsync(this Plan plan, PlanwerkDbContext db)
    {
        var names = Known.GetOrCreateValue(plan);
        foreach (var s in await db.Stakeholders.ToListAsync()) names.TryAdd(s.Name, s);
    }

    /// <summary>Makes the organisation named <paramref name="lead"/> the lead of a measure being seeded (its
    /// <see cref="Measure.Plan"/> set) and the ones named <paramref name="partners"/> its partners.</summary>
    public static void CarriedBy(this Measure measure, string? lead, params string[] partners)
    {
        var names = Known.GetOrCreateValue(measure.Plan ?? throw new InvalidOperationException("The measure's plan is not set."));
        Stakeholder Of(string name) => names.TryGetValue(name, out var s) ? s : names[name] = new Stakeholder { Name = name, Kind = StakeholderKind.PublicAuthority };
        MeasureOrganisations.Assign(measure, lead is null ? null : Of(lead), partners.Select(Of).ToList());
    }
}
