using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Services.Content;

/// <summary>A service's texts and those of its locations in one content language, beside the German source. Signed-in
/// people reach it; the plan team may translate every service, members of an organisation its services, nobody else
/// (403). A service of another municipality is not found here.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ServiceTranslationEditModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l) : TranslationPageModel(db, cache, clock, l)
{
    public int ServiceId { get; private set; }

    public string ServiceName { get; private set; } = "";

    public string OrganisationName { get; private set; } = "";

    public override string LanguageUrl(string code) => ContentUrls.ServiceTranslation(Municipality.Slug, ServiceId, code);

    public async Task<IActionResult> OnGetAsync(int id, string lang, CancellationToken ct)
    {
        if (await RefuseAsync(id, ct) is { } refused) return refused;
        if (!await LoadAsync(lang, ct)) return NotFound();
        FillFromStored();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string lang, CancellationToken ct)
    {
        if (await RefuseAsync(id, ct) is { } refused) return refused;
        return await SaveAsync(lang, Text["Die Übersetzung wurde gespeichert."], ContentUrls.ServiceTranslation(Municipality.Slug, id, lang.Trim().ToLowerInvariant()), ct);
    }

    /// <summary>404 for a service not in this municipality, 403 for someone who may not change it.</summary>
    private async Task<IActionResult?> RefuseAsync(int id, CancellationToken ct)
    {
        var service = await Db.HelpServices.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.Id, s.Name, s.OrganisationId, Organisation = s.Organisation!.Name }).FirstOrDefaultAsync(ct);
        if (service is null) return NotFound();
        if (!await ServiceEditors.MayEditAsync(Db, authorization, User, service.OrganisationId, ct)) return Forbid();
        (ServiceId, ServiceName, OrganisationName) = (service.Id, service.Name, service.Organisation);
        return null;
    }

    protected override async Task<IReadOnlyList<SourceText>?> LoadSourcesAsync(CancellationToken ct)
    {
        var service = await TranslatableTexts.ServiceRows(Db.HelpServices.Where(s => s.Id == ServiceId)).FirstOrDefaultAsync(ct);
        if (service is null) return null;
        var locations = await TranslatableTexts.LocationRows(Db.ServiceAtLocations.Where(a => a.ServiceId == ServiceId)).ToListAsync(ct);
        return [.. TranslatableTexts.Of(service, Text), .. locations.SelectMany(o => TranslatableTexts.Of(o, Text))];
    }

    protected override async Task<bool> LockAsync(CancellationToken ct) =>
        await Db.HelpServices.Where(s => s.Id == ServiceId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Version, s => s.Version), ct) == 1;

    public Crumb[] Crumbs() =>
    [
        new(Text["Verwaltung"], ManageUrl()), new(Text["Hilfeangebote"], ContentUrls.Services(Municipality.Slug)),
        new(ServiceName, ContentUrls.Service(Municipality.Slug, ServiceId)),
        new(Text["Übersetzungen"], ContentUrls.ServiceTranslations(Municipality.Slug, ServiceId)), new(Language.Name),
    ];
}
