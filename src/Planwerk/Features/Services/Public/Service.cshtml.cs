using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Services.Content;
using Planwerk.Features.Services.Directory;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Tenancy;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Services.PublicPages;

/// <summary>The public page of one listed help service (active or temporarily closed) in the chosen content language:
/// its texts, topics, places, hours, contacts, the organisation and the plan's measures behind it. Another
/// municipality's service, or one not listed, is not found. A fixed number of queries: the service with its parts
/// (split), the translations of service, places and topics, the measures, the content languages and the check interval.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName, VaryByQueryKeys = ["lang"])]
public sealed class ServicePageModel(PlanwerkDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "lang")] public string? Lang { get; set; }

    public sealed record Place(ServiceLocation Location, ShownText Name, ShownText TransportNotes, ShownText Accessibility, IReadOnlyList<ServiceSchedule> Hours);

    public sealed record Contact(ServiceContact Row, IReadOnlyList<string> PhoneLanguages);

    public sealed record BehindMeasure(int PlanId, int MeasureId, string Number, string Title, string Plan);

    public ContentChoice Choice { get; private set; } = null!;
    public HelpService Service { get; private set; } = null!;
    public Translations Texts { get; private set; } = null!;
    public IReadOnlyList<ShownText> Topics { get; private set; } = [];
    public IReadOnlyList<Place> Places { get; private set; } = [];
    /// <summary>Hours of the service as such (a phone line), not of a place.</summary>
    public IReadOnlyList<ServiceSchedule> ServiceHours { get; private set; } = [];
    /// <summary>Days with other hours from yesterday on, with the place's name where they hold for one place.</summary>
    public IReadOnlyList<(SpecialHours Hours, ShownText? Place)> Exceptions { get; private set; } = [];
    public IReadOnlyList<Contact> Contacts { get; private set; } = [];
    public IReadOnlyList<BehindMeasure> Measures { get; private set; } = [];
    public bool IsOpen { get; private set; }
    public bool IsOverdue { get; private set; }
    public string Slug { get; private set; } = "";

    /// <summary>The service's text of a field in the chosen language, or the German one marked as such.</summary>
    public ShownText Text(string field, string source) => Texts.Of(Service.Id, field, source);

    public bool AnyFallback { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Slug = HttpContext.RequiredMunicipality().Slug;
        var service = await ServiceDirectoryQuery.Listed(db.HelpServices.AsNoTracking()).Where(s => s.Id == id)
            .Include(s => s.Organisation)
            .Include(s => s.Topics)
            .Include(s => s.Languages)
            .Include(s => s.Locations).ThenInclude(a => a.Location).ThenInclude(l => l!.District)
            .Include(s => s.Schedules)
            .Include(s => s.SpecialHours)
            .Include(s => s.Contacts)
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);
        if (service is null) return NotFound();
        Service = service;
        Choice = await ContentChoice.ResolveAsync(db, Lang, ct);

        var today = BerlinTime.Today(clock);
        Texts = await ServiceTexts.LoadAsync(db, ContentKinds.Service, [service.Id], Choice.Language, ct);
        var locations = service.Locations.Where(a => a.Location is not null).Select(a => a.Location!).OrderBy(l => l.Name, StringComparer.CurrentCulture).ToList();
        var placeTexts = await ServiceTexts.LoadAsync(db, ContentKinds.Location, locations.Select(l => l.Id).ToList(), Choice.Language, ct);
        var topicTexts = await ServiceTexts.LoadAsync(db, ContentKinds.Topic, service.Topics.Select(t => t.Id).ToList(), Choice.Language, ct);

        Topics = service.Topics.OrderBy(t => t.Position).ThenBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => topicTexts.Of(t.Id, nameof(ServiceTopic.Name), t.Name)).ToList();
        static bool Current(ServiceSchedule h, DateOnly day) => h.ValidTo is null || h.ValidTo >= day;
        static IEnumerable<ServiceSchedule> Week(IEnumerable<ServiceSchedule> rows) => rows.OrderBy(h => ((int)h.Weekday + 6) % 7).ThenBy(h => h.Opens);
        Places = locations.Select(l => new Place(l,
            placeTexts.Of(l.Id, nameof(ServiceLocation.Name), l.Name),
            placeTexts.Of(l.Id, nameof(ServiceLocation.TransportNotes), l.TransportNotes),
            placeTexts.Of(l.Id, nameof(ServiceLocation.Accessibility), l.Accessibility),
            Week(service.Schedules.Where(h => h.LocationId == l.Id && Current(h, today))).ToList())).ToList();
        ServiceHours = Week(service.Schedules.Where(h => (h.LocationId is null || locations.All(l => l.Id != h.LocationId)) && Current(h, today))).ToList();
        var placeNames = Places.ToDictionary(p => p.Location.Id, p => p.Name);
        Exceptions = service.SpecialHours.Where(h => h.To >= today).OrderBy(h => h.From).ThenBy(h => h.LocationId)
            .Select(h => (h, h.LocationId is int at && placeNames.TryGetValue(at, out var name) ? name : (ShownText?)null)).ToList();
        Contacts = service.Contacts.OrderBy(c => c.Position)
            .Select(c => new Contact(c, LanguageCodes.Parse(c.PhoneLanguages).Known)).ToList();
        Measures = await db.MeasureServices.AsNoTracking()
            .Where(x => x.ServiceId == service.Id && x.Measure!.Plan!.IsPublic)
            .OrderBy(x => x.Measure!.Plan!.Title).ThenBy(x => x.Measure!.Position)
            .Select(x => new BehindMeasure(x.Measure!.PlanId, x.MeasureId, x.Measure.Number, x.Measure.Title, x.Measure.Plan!.Title))
            .ToListAsync(ct);
        IsOpen = service.Status == ServiceStatus.Active && OpeningHours.IsOpen(service.Schedules, service.SpecialHours, BerlinTime.ToLocal(clock.GetUtcNow()));
        IsOverdue = ServiceChecks.IsOverdue(service.LastCheckedOn, today, await PublicServiceReads.CheckMonthsAsync(db, HttpContext, ct));
        AnyFallback = !Choice.IsSource && (new[] { nameof(HelpService.Name), nameof(HelpService.Description), nameof(HelpService.Eligibility),
                nameof(HelpService.Costs), nameof(HelpService.HowToApply), nameof(HelpService.DocumentsToBring), nameof(HelpService.Accessibility) }
            .Any(f => Text(f, Source(f)).IsFallback) || Topics.Any(t => t.IsFallback)
            || Places.Any(p => p.Name.IsFallback || p.TransportNotes.IsFallback || p.Accessibility.IsFallback));
        return Page();
    }

    private string Source(string field) => field switch
    {
        nameof(HelpService.Name) => Service.Name,
        nameof(HelpService.Description) => Service.Description,
        nameof(HelpService.Eligibility) => Service.Eligibility,
        nameof(HelpService.Costs) => Service.Costs,
        nameof(HelpService.HowToApply) => Service.HowToApply,
        nameof(HelpService.DocumentsToBring) => Service.DocumentsToBring,
        _ => Service.Accessibility,
    };

    public string Address(string? lang) => PublicServiceText.Service(Slug, Service.Id, lang == ContentLanguages.Source ? null : lang);
}
