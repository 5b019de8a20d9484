using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Services.Content;

/// <summary>A service's translation state per content language (complete, missing n, outdated n), with a link to each
/// language's side-by-side page. Same access as the translation pages.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ServiceTranslationsModel(PlanwerkDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    public int ServiceId { get; private set; }

    public string ServiceName { get; private set; } = "";

    public IReadOnlyList<(ContentLanguage Language, TranslationState State)> States { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var service = await db.HelpServices.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Id, s.Name, s.OrganisationId }).FirstOrDefaultAsync(ct);
        if (service is null) return NotFound();
        if (!await ServiceEditors.MayEditAsync(db, authorization, User, service.OrganisationId, ct)) return Forbid();
        (ServiceId, ServiceName) = (service.Id, service.Name);
        await ContentLanguages.EnsureDefaultsAsync(db, ct);
        var languages = await ContentLanguages.ListAsync(db, ct);
        var row = await TranslatableTexts.ServiceRows(db.HelpServices.Where(s => s.Id == id)).FirstAsync(ct);
        var locations = await TranslatableTexts.LocationRows(db.ServiceAtLocations.Where(a => a.ServiceId == id)).ToListAsync(ct);
        IReadOnlyList<SourceText> sources = [.. TranslatableTexts.Of(row, l), .. locations.SelectMany(o => TranslatableTexts.Of(o, l))];
        var stored = await TranslatableTexts.StoredAsync(db, null, [id], locations.Select(o => o.Id).ToList(), [], ct, withText: false);
        States = languages.Select(language => (language, TranslationState.Of(new TranslationSheet(language.Code, sources,
            stored.GetValueOrDefault(language.Code) ?? TranslatableTexts.None)))).ToList();
        return Page();
    }

    public Crumb[] Crumbs() =>
    [
        new(l["Verwaltung"], ManageUrl()), new(l["Hilfeangebote"], ContentUrls.Services(Municipality.Slug)),
        new(ServiceName, ContentUrls.Service(Municipality.Slug, ServiceId)), new(l["Übersetzungen"]),
    ];
}
