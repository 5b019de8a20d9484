using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Services.Content;

/// <summary>For the plan team: every service of the municipality and, per content language, whether it is translated
/// completely or how many texts are missing or outdated. Five queries whatever the number of services.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class TranslationOverviewModel(PlanwerkDbContext db, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    public sealed record Row(int Id, string Name, string Organisation, IReadOnlyList<TranslationState> States);

    public IReadOnlyList<ContentLanguage> Languages { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>Per language, how many services are not completely translated.</summary>
    public IReadOnlyDictionary<string, int> Incomplete { get; private set; } = new Dictionary<string, int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ContentLanguages.EnsureDefaultsAsync(db, ct);
        Languages = await ContentLanguages.ListAsync(db, ct);
        var services = await db.HelpServices.AsNoTracking().OrderBy(s => s.Organisation!.Name).ThenBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new
            {
                Row = new TranslatableTexts.ServiceRow(s.Id, s.Name, s.Description, s.Eligibility, s.Costs, s.HowToApply, s.DocumentsToBring, s.Accessibility),
                Organisation = s.Organisation!.Name,
            })
            .ToListAsync(ct);
        var locations = (await TranslatableTexts.LocationRows(db.ServiceAtLocations).ToListAsync(ct)).ToLookup(o => o.ServiceId);
        var stored = await TranslatableTexts.StoredAsync(db, null, null, null, [], ct, withText: false);
        Rows = services.Select(s =>
        {
            IReadOnlyList<SourceText> sources = [.. TranslatableTexts.Of(s.Row, l), .. locations[s.Row.Id].SelectMany(o => TranslatableTexts.Of(o, l))];
            var states = Languages.Select(language => TranslationState.Of(new TranslationSheet(language.Code, sources,
                stored.GetValueOrDefault(language.Code) ?? TranslatableTexts.None))).ToList();
            return new Row(s.Row.Id, s.Row.Name, s.Organisation, states);
        }).ToList();
        Incomplete = Languages.ToDictionary(x => x.Code, x => Rows.Count(r => !r.States.Single(s => s.Language == x.Code).IsComplete));
    }

    public Crumb[] Crumbs() => [new(l["Verwaltung"], ManageUrl()), new(l["Hilfeangebote"], ContentUrls.Services(Municipality.Slug)), new(l["Übersetzungen"])];
}
