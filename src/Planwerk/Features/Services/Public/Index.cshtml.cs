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

/// <summary>The public directory of a municipality's help services: a search and filters combined with AND (a GET form),
/// the number of results and a page of them, the content in a chosen language. A fixed number of queries whatever the
/// number of services (see <see cref="ServiceDirectoryQuery"/>), plus the filter choices, the translations, the hours
/// of the shown page and the check interval.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName, VaryByQueryKeys = ["q", "topic", "district", "language", "situation", "age", "free", "accessible", "open", "page", "lang"])]
public sealed class ServiceDirectoryModel(PlanwerkDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>Oldest age the filter takes; anything beyond is ignored.</summary>
    public const int MaxAge = 120;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "topic")] public int? Topic { get; set; }
    [BindProperty(SupportsGet = true, Name = "district")] public int? District { get; set; }
    [BindProperty(SupportsGet = true, Name = "language")] public string? Language { get; set; }
    [BindProperty(SupportsGet = true, Name = "situation")] public ResidenceSituations? Situation { get; set; }
    [BindProperty(SupportsGet = true, Name = "age")] public int? Age { get; set; }
    [BindProperty(SupportsGet = true, Name = "free")] public bool Free { get; set; }
    [BindProperty(SupportsGet = true, Name = "accessible")] public bool Accessible { get; set; }
    [BindProperty(SupportsGet = true, Name = "open")] public bool Open { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "lang")] public string? Lang { get; set; }

    public sealed record Result(DirectoryEntry Entry, ShownText Name, IReadOnlyList<ShownText> Topics, bool IsOpen, bool IsOverdue);

    public ContentChoice Choice { get; private set; } = null!;
    public DirectoryPage Found { get; private set; } = null!;
    public IReadOnlyList<Result> Results { get; private set; } = [];
    public IReadOnlyList<(int Id, ShownText Name, int Depth)> TopicChoices { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> DistrictChoices { get; private set; } = [];
    public IReadOnlyList<string> LanguageChoices { get; private set; } = [];
    public string Slug { get; private set; } = "";
    public bool AnyFilter => !string.IsNullOrWhiteSpace(Q) || Topic is not null || District is not null || !string.IsNullOrWhiteSpace(Language)
        || Situation is not null || Age is not null || Free || Accessible || Open;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Slug = HttpContext.RequiredMunicipality().Slug;
        Choice = await ContentChoice.ResolveAsync(db, Lang, ct);
        if (Age is < 0 or > MaxAge) Age = null;
        if (Situation is { } s && (s == ResidenceSituations.None || !Manage.ServiceEntry.IsSingle(s))) Situation = null;
        Q = Q?.Trim();
        Language = string.IsNullOrWhiteSpace(Language) ? null : Language.Trim().ToLowerInvariant();

        var topics = await TopicTree.LoadShapeAsync(db, ct);
        var topicTexts = await ServiceTexts.LoadAsync(db, ContentKinds.Topic, topics.All.Select(t => t.Id).ToList(), Choice.Language, ct);
        TopicChoices = topics.Flatten().Select(t => (t.Node.Id, topicTexts.Of(t.Node.Id, nameof(ServiceTopic.Name), t.Node.Name), t.Depth)).ToList();
        DistrictChoices = (await db.Districts.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(ct))
            .Select(d => (d.Id, d.Name)).ToList();
        var listed = db.Set<ServiceListing>().Where(l => l.IsListed);
        var offered = await db.ServiceLanguages.AsNoTracking()
            .Where(l => listed.Any(x => x.ServiceId == l.ServiceId))
            .Select(l => l.Code).Distinct().ToListAsync(ct);
        if (Language is not null && !offered.Contains(Language)) offered.Add(Language);
        LanguageChoices = offered.OrderBy(PublicServiceText.LanguageName, StringComparer.CurrentCulture).ToList();

        Found = await ServiceDirectoryQuery.FindAsync(db, new DirectoryFilter
        {
            Query = Q, TopicId = Topic, DistrictId = District, Language = Language, Situation = Situation, Age = Age,
            FreeOnly = Free, AccessibleOnly = Accessible, OpenNow = Open, Page = PageNumber,
        }, clock, ct);

        var ids = Found.Entries.Select(e => e.Id).ToList();
        var names = await ServiceTexts.LoadAsync(db, ContentKinds.Service, ids, Choice.Language, ct);
        var today = BerlinTime.Today(clock);
        var schedules = (await db.ServiceSchedules.AsNoTracking().Where(h => ids.Contains(h.ServiceId)).ToListAsync(ct)).ToLookup(h => h.ServiceId);
        var special = (await db.SpecialHours.AsNoTracking().Where(h => ids.Contains(h.ServiceId) && h.To >= today.AddDays(-1)).ToListAsync(ct)).ToLookup(h => h.ServiceId);
        var months = await PublicServiceReads.CheckMonthsAsync(db, HttpContext, ct);
        var local = BerlinTime.ToLocal(clock.GetUtcNow());
        var topicNames = TopicChoices.ToDictionary(t => t.Id, t => t.Name);
        Results = Found.Entries.Select(e => new Result(e,
            names.Of(e.Id, nameof(HelpService.Name), e.Name),
            e.TopicIds.Where(topicNames.ContainsKey).Select(t => topicNames[t]).ToList(),
            e.Status == ServiceStatus.Active && OpeningHours.IsOpen(schedules[e.Id], special[e.Id], local),
            ServiceChecks.IsOverdue(e.LastCheckedOn, today, months))).ToList();
        return Page();
    }

    /// <summary>This page's address with the current search and filters, on another page of results or in another content language.</summary>
    public string Address(int? page = null, string? lang = "") 
    {
        var query = new List<KeyValuePair<string, string?>>();
        void Add(string key, object? value) { if (value is not null && value as string != "") query.Add(new(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture))); }
        Add("q", Q);
        Add("topic", Topic);
        Add("district", District);
        Add("language", Language);
        Add("situation", Situation);
        Add("age", Age);
        if (Free) Add("free", "true");
        if (Accessible) Add("accessible", "true");
        if (Open) Add("open", "true");
        if ((page ?? 1) > 1) Add("page", page);
        Add("lang", lang == "" ? Choice.Query : lang == ContentLanguages.Source ? null : lang);
        return PublicServiceText.Directory(Slug) + Microsoft.AspNetCore.Http.QueryString.Create(query).ToUriComponent();
    }
}
