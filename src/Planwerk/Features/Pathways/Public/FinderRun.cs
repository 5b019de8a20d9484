using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Services.PublicPages;

namespace Planwerk.Features.Pathways.PublicPages;

/// <summary>The finder's answers read from the address and, when there are any and they do not contradict each other,
/// the person's pathway: what the finder page, its print view and its PDF show. Reads only: nothing about the person is
/// written anywhere. A fixed number of queries: the content languages, the districts, the current publications (and
/// the documents not yet in memory), the facts of the admitted steps' services (three narrow queries), the
/// chosen services (split in five, plus two for names in the language) and the shown steps' measures.</summary>
public sealed record FinderRun(ContentChoice Choice, FinderAnswers Answers, IReadOnlyList<(int Id, string Name)> Districts,
    IReadOnlyList<FoundPathway> Found, bool Asked)
{
    public static async Task<FinderRun> LoadAsync(PlanwerkDbContext db, PublishedPathways published, TimeProvider clock,
        string? situation, string? age, string? children, string? district, string? lang, CancellationToken ct)
    {
        var choice = await ContentChoice.ResolveAsync(db, lang, ct);
        var districts = (await db.Districts.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(ct))
            .Select(d => (d.Id, d.Name)).ToList();
        var answers = FinderAnswers.Read(situation, age, children, district, districts.Select(d => d.Id).ToHashSet());
        var asked = new[] { situation, age, children, district }.Any(v => v is not null);
        if (!asked || answers.IsContradictory) return new FinderRun(choice, answers, districts, [], asked);

        var pathways = await published.ListAsync(db, ct);
        var admitted = pathways.Where(p => Finder.Admits(p.Conditions, answers)).SelectMany(p => p.AllSteps)
            .Where(s => Finder.Admits(s.Conditions, answers)).ToList();
        var facts = await PathwayLiveReads.FactsAsync(db, admitted.SelectMany(s => s.ServiceIds).ToList(), ct);
        var chosen = Finder.Choose(pathways, answers, choice.Language, facts);
        var shown = chosen.SelectMany(p => p.Steps).ToList();
        var services = await PathwayLiveReads.ServicesAsync(db, shown.SelectMany(s => s.ServiceIds).ToList(), choice.Language, clock, ct);
        var measures = await PathwayLiveReads.MeasuresAsync(db, shown.SelectMany(s => s.Step.MeasureIds).ToList(), ct);
        return new FinderRun(choice, answers, districts, Finder.Show(chosen, services, measures), asked);
    }

    public string? DistrictName => Answers.DistrictId is int id ? Districts.FirstOrDefault(d => d.Id == id).Name : null;
}
