using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Participation.Stakeholders;

namespace Planwerk.Features.Implementation;

/// <summary>The municipality's registry of organisations by name, as an import reads it: the exact (trimmed) name
/// first, else the one organisation whose name matches ignoring case. A name the registry lacks is either refused
/// by the import or, when its option says so, planned as a new organisation (kind <see cref="StakeholderKind.Other"/>)
/// that the import adds before its measures.</summary>
public sealed class OrganisationNames
{
    private readonly Dictionary<string, Stakeholder> exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Stakeholder>> ignoringCase = new(StringComparer.OrdinalIgnoreCase);

    private OrganisationNames(List<Stakeholder> known, bool createMissing)
    {
        CreateMissing = createMissing;
        foreach (var organisation in known) Add(organisation);
    }

    public bool CreateMissing { get; }

    /// <summary>The organisations this import creates, in the order it first met them.</summary>
    public List<Stakeholder> Created { get; } = [];

    /// <summary>One query: the ids and names of the registry, not tracked.</summary>
    public static async Task<OrganisationNames> LoadAsync(PlanwerkDbContext db, bool createMissing, CancellationToken ct) =>
        new(await db.Stakeholders.AsNoTracking().OrderBy(s => s.Id).Select(s => new Stakeholder { Id = s.Id, Name = s.Name }).ToListAsync(ct), createMissing);

    /// <summary>The organisation of that name; a planned new one when it is missing and the import creates them;
    /// null when it is missing and the import refuses it. Looked up by name, not searched, so an import of
    /// thousands of rows naming thousands of organisations stays linear.</summary>
    public Stakeholder? Find(string name)
    {
        var trimmed = name.Trim();
        var match = exact.GetValueOrDefault(trimmed)
            ?? (ignoringCase.TryGetValue(trimmed, out var alike) && alike is [var only] ? only : null);
        if (match is not null || !CreateMissing) return match;
        var created = new Stakeholder { Name = trimmed, Kind = StakeholderKind.Other };
        Add(created);
        Created.Add(created);
        return created;
    }

    /// <summary>The first organisation of a name wins the exact match, as the registry is read in the order of its ids.</summary>
    private void Add(Stakeholder organisation)
    {
        var trimmed = organisation.Name.Trim();
        exact.TryAdd(trimmed, organisation);
        if (ignoringCase.TryGetValue(trimmed, out var alike)) alike.Add(organisation);
        else ignoringCase[trimmed] = [organisation];
    }

    /// <summary>Saves the organisations planned so far, so that links can refer to them by id.</summary>
    public async Task SaveCreatedAsync(PlanwerkDbContext db, CancellationToken ct)
    {
        var unsaved = Created.Where(s => s.Id == 0).ToList();
        if (unsaved.Count == 0) return;
        db.Stakeholders.AddRange(unsaved);
        await db.SaveChangesAsync(ct);
    }
}
