using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Services.Hsds;

/// <summary>A translated text of an object in HSDS terms: its HSDS field name, whether it is older than its German source.</summary>
public sealed record HsdsTranslation(string Language, string Field, string Text, bool Outdated, DateTimeOffset TranslatedAt);

public sealed class HsdsOrganisation
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public string Email { get; init; } = "";
    public string Website { get; init; } = "";
    public string Phone { get; init; } = "";
    public string ContactPerson { get; init; } = "";
    public string Address { get; init; } = "";
}

public sealed class HsdsLocation
{
    public int RowId { get; init; }
    public Guid Id { get; init; }
    public Guid OrganisationId { get; init; }
    public string Name { get; init; } = "";
    public string Street { get; init; } = "";
    public string PostalCode { get; init; } = "";
    public string City { get; init; } = "";
    public string District { get; init; } = "";
    public decimal? Latitude { get; init; }
    public decimal? Longitude { get; init; }
    public string TransportNotes { get; init; } = "";
    public string Accessibility { get; init; } = "";
    public bool IsWheelchairAccessible { get; init; }
    public List<HsdsTranslation> Translations { get; init; } = [];
}

public sealed class HsdsTopic
{
    public int RowId { get; init; }
    public Guid Id { get; init; }
    public Guid? ParentId { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public int Position { get; init; }
    public List<HsdsTranslation> Translations { get; init; } = [];
}

public sealed record HsdsServiceAtLocation(Guid Id, Guid LocationId);

public sealed record HsdsSchedule(Guid Id, Guid? LocationId, DayOfWeek Weekday, TimeOnly Opens, TimeOnly Closes, DateOnly? ValidFrom, DateOnly? ValidTo, string Note);

public sealed record HsdsSpecialHours(Guid? LocationId, DateOnly From, DateOnly To, TimeOnly? Opens, TimeOnly? Closes, string Note);

public sealed record HsdsContact(Guid Id, string Name, string Title, string Email, string Phone, IReadOnlyList<string> PhoneLanguages);

public sealed class HsdsService
{
    public int RowId { get; init; }
    public Guid Id { get; init; }
    public Guid OrganisationId { get; init; }
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public ServiceStatus Status { get; init; }
    public string Url { get; init; } = "";
    public string Email { get; init; } = "";
    public ResidenceSituations Audience { get; init; }
    public int? MinimumAge { get; init; }
    public int? MaximumAge { get; init; }
    public string Eligibility { get; init; } = "";
    public bool IsFree { get; init; }
    public string Costs { get; init; } = "";
    public string HowToApply { get; init; } = "";
    public string DocumentsToBring { get; init; } = "";
    public string Accessibility { get; init; } = "";
    public bool IsRemoteOnly { get; init; }
    public DateOnly LastCheckedOn { get; init; }
    public bool IsExample { get; init; }
    public DateTimeOffset ModifiedAt { get; init; }
    public List<Guid> TopicIds { get; init; } = [];
    public List<string> Languages { get; init; } = [];
    public List<HsdsServiceAtLocation> Locations { get; init; } = [];
    public List<HsdsSchedule> Schedules { get; init; } = [];
    public List<HsdsSpecialHours> SpecialHours { get; init; } = [];
    public List<HsdsContact> Contacts { get; init; } = [];
    public List<HsdsTranslation> Translations { get; init; } = [];
}

/// <summary>A municipality's help-service directory, or a part of it, as HSDS sees it: organisations, locations, topics and
/// services with everything they hold, every id a UUID. Read from the database (<see cref="LoadAsync"/>) or from an
/// imported file; written as HSDS JSON or CSV by <see cref="HsdsJson"/> and <see cref="HsdsTables"/>.</summary>
public sealed class HsdsDirectory
{
    public List<HsdsOrganisation> Organisations { get; init; } = [];
    public List<HsdsLocation> Locations { get; init; } = [];
    public List<HsdsTopic> Topics { get; init; } = [];
    public List<HsdsService> Services { get; init; } = [];

    /// <summary>Field names of translated texts, Planwerk's (<see cref="ContentTranslation.Field"/>) to HSDS's.</summary>
    public static readonly IReadOnlyList<(string Planwerk, string Hsds)> ServiceFields =
    [
        (nameof(HelpService.Name), "name"), (nameof(HelpService.Description), "description"), (nameof(HelpService.Eligibility), "eligibility_description"),
        (nameof(HelpService.Costs), "fees_description"), (nameof(HelpService.HowToApply), "application_process"),
        (nameof(HelpService.DocumentsToBring), "required_documents"), (nameof(HelpService.Accessibility), "accessibility_description"),
    ];

    public static readonly IReadOnlyList<(string Planwerk, string Hsds)> LocationFields =
        [(nameof(ServiceLocation.Name), "name"), (nameof(ServiceLocation.TransportNotes), "transportation"), (nameof(ServiceLocation.Accessibility), "accessibility")];

    public static readonly IReadOnlyList<(string Planwerk, string Hsds)> TopicFields =
        [(nameof(ServiceTopic.Name), "name"), (nameof(ServiceTopic.Description), "description")];

    public static IReadOnlyList<(string Planwerk, string Hsds)> FieldsOf(string kind) => kind switch
    {
        ContentKinds.Service => ServiceFields,
        ContentKinds.Location => LocationFields,
        _ => TopicFields,
    };

    /// <summary>The given services with their organisations, places (of their links and hours), every topic, and the
    /// translations into <paramref name="language"/> (every language for null, none for German): eleven SQL commands
    /// whatever the number of services. With <paramref name="whole"/> every organisation and place of the directory is
    /// read too, also those without a service.</summary>
    public static async Task<HsdsDirectory> LoadAsync(PlanwerkDbContext db, IQueryable<HelpService> services, string? language, bool whole, CancellationToken ct)
    {
        services = services.AsNoTracking();
        var rows = await services.Select(s => new
        {
            s.Id, s.Uid, OrganisationUid = s.Organisation!.Uid, s.Name, s.Description, s.Status, s.Url, s.Email, s.Audience, s.MinimumAge, s.MaximumAge,
            s.Eligibility, s.IsFree, s.Costs, s.HowToApply, s.DocumentsToBring, s.Accessibility, s.IsRemoteOnly, s.LastCheckedOn, s.IsExample, s.ModifiedAt,
        }).ToListAsync(ct);
        var topicLinks = await services.SelectMany(s => s.Topics, (s, t) => new { ServiceId = s.Id, t.Uid }).ToListAsync(ct);
        var languages = await services.SelectMany(s => s.Languages, (s, l) => new { l.ServiceId, l.Code }).ToListAsync(ct);
        var links = await services.SelectMany(s => s.Locations, (s, a) => new { a.ServiceId, a.Uid, a.LocationId, LocationUid = a.Location!.Uid }).ToListAsync(ct);
        var schedules = await services.SelectMany(s => s.Schedules, (s, h) => new
        {
            h.ServiceId, h.Uid, h.LocationId, LocationUid = (Guid?)h.Location!.Uid, h.Weekday, h.Opens, h.Closes, h.ValidFrom, h.ValidTo, h.Note,
        }).ToListAsync(ct);
        var specials = await services.SelectMany(s => s.SpecialHours, (s, h) => new
        {
            h.ServiceId, h.LocationId, LocationUid = (Guid?)h.Location!.Uid, h.From, h.To, h.Opens, h.Closes, h.Note,
        }).ToListAsync(ct);
        var contacts = await services.SelectMany(s => s.Contacts, (s, c) => new { c.ServiceId, c.Uid, c.Position, c.Id, c.Name, c.Title, c.Email, c.Phone, c.PhoneLanguages })
            .ToListAsync(ct);

        var locationIds = links.Select(l => l.LocationId).Concat(schedules.Where(h => h.LocationId != null).Select(h => h.LocationId!.Value))
            .Concat(specials.Where(h => h.LocationId != null).Select(h => h.LocationId!.Value)).Distinct().ToList();
        var locationQuery = whole ? db.ServiceLocations.AsNoTracking() : db.ServiceLocations.AsNoTracking().Where(l => locationIds.Contains(l.Id));
        var locations = await locationQuery.Select(l => new
        {
            l.Id, l.Uid, OrganisationUid = l.Organisation!.Uid, l.Name, l.Street, l.PostalCode, l.City, District = l.District == null ? "" : l.District.Name,
            l.Latitude, l.Longitude, l.TransportNotes, l.Accessibility, l.IsWheelchairAccessible,
        }).ToListAsync(ct);

        var organisationUids = rows.Select(r => r.OrganisationUid).Concat(locations.Select(l => l.OrganisationUid)).Distinct().ToList();
        var organisations = await db.Stakeholders.AsNoTracking()
            .Where(o => organisationUids.Contains(o.Uid))
            .Select(o => new HsdsOrganisation
            {
                Id = o.Uid, Name = o.Name, Description = o.Description, Email = o.Email, Website = o.Website, Phone = o.Phone, ContactPerson = o.ContactPerson, Address = o.Address,
            }).ToListAsync(ct);

        var topics = await db.ServiceTopics.AsNoTracking()
            .Select(t => new { t.Id, t.Uid, ParentUid = t.ParentId == null ? (Guid?)null : t.Parent!.Uid, t.Code, t.Name, t.Description, t.Position })
            .ToListAsync(ct);

        var serviceIds = rows.Select(r => r.Id).ToList();
        var locationRowIds = locations.Select(l => l.Id).ToList();
        var translations = language == ContentLanguages.Source ? [] : await db.ContentTranslations.AsNoTracking()
            .Where(t => language == null || t.Language == language)
            .Where(t => (t.Kind == ContentKinds.Service && serviceIds.Contains(t.EntityId)) || (t.Kind == ContentKinds.Location && locationRowIds.Contains(t.EntityId))
                || t.Kind == ContentKinds.Topic)
            .Select(t => new { t.Kind, t.EntityId, t.Language, t.Field, t.Text, t.SourceFingerprint, t.TranslatedAt })
            .ToListAsync(ct);
        var translationsOf = translations.ToLookup(t => (t.Kind, t.EntityId));

        List<HsdsTranslation> Translated(string kind, int id, Func<string, string> source) =>
            translationsOf[(kind, id)]
                .Select(t => (Row: t, Hsds: FieldsOf(kind).FirstOrDefault(f => f.Planwerk == t.Field).Hsds))
                .Where(t => t.Hsds is not null)
                .Select(t => new HsdsTranslation(t.Row.Language, t.Hsds, t.Row.Text, t.Row.SourceFingerprint != ServiceTexts.Fingerprint(source(t.Row.Field)), t.Row.TranslatedAt))
                .OrderBy(t => t.Language, StringComparer.Ordinal).ThenBy(t => Order(kind, t.Field))
                .ToList();

        var topicsOf = topicLinks.ToLookup(t => t.ServiceId, t => t.Uid);
        var languagesOf = languages.ToLookup(l => l.ServiceId, l => l.Code);
        var linksOf = links.ToLookup(l => l.ServiceId);
        var schedulesOf = schedules.ToLookup(h => h.ServiceId);
        var specialsOf = specials.ToLookup(h => h.ServiceId);
        var contactsOf = contacts.ToLookup(c => c.ServiceId);

        return new HsdsDirectory
        {
            Organisations = organisations.OrderBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.Id).ToList(),
            Locations = locations.Select(l => new HsdsLocation
            {
                RowId = l.Id, Id = l.Uid, OrganisationId = l.OrganisationUid, Name = l.Name, Street = l.Street, PostalCode = l.PostalCode, City = l.City,
                District = l.District, Latitude = l.Latitude, Longitude = l.Longitude, TransportNotes = l.TransportNotes, Accessibility = l.Accessibility,
                IsWheelchairAccessible = l.IsWheelchairAccessible,
                Translations = Translated(ContentKinds.Location, l.Id, f => f switch
                {
                    nameof(ServiceLocation.Name) => l.Name,
                    nameof(ServiceLocation.TransportNotes) => l.TransportNotes,
                    _ => l.Accessibility,
                }),
            }).OrderBy(l => l.Name, StringComparer.Ordinal).ThenBy(l => l.Id).ToList(),
            Topics = TreeOrder(topics.Select(t => new HsdsTopic
            {
                RowId = t.Id, Id = t.Uid, ParentId = t.ParentUid, Code = t.Code, Name = t.Name, Description = t.Description, Position = t.Position,
                Translations = Translated(ContentKinds.Topic, t.Id, f => f == nameof(ServiceTopic.Name) ? t.Name : t.Description),
            }).ToList()),
            Services = rows.Select(s => new HsdsService
            {
                RowId = s.Id, Id = s.Uid, OrganisationId = s.OrganisationUid, Name = s.Name, Description = s.Description, Status = s.Status, Url = s.Url, Email = s.Email,
                Audience = s.Audience, MinimumAge = s.MinimumAge, MaximumAge = s.MaximumAge, Eligibility = s.Eligibility, IsFree = s.IsFree, Costs = s.Costs,
                HowToApply = s.HowToApply, DocumentsToBring = s.DocumentsToBring, Accessibility = s.Accessibility, IsRemoteOnly = s.IsRemoteOnly,
                LastCheckedOn = s.LastCheckedOn, IsExample = s.IsExample, ModifiedAt = s.ModifiedAt,
                TopicIds = topicsOf[s.Id].Distinct().OrderBy(u => u).ToList(),
                Languages = languagesOf[s.Id].Distinct().Order(StringComparer.Ordinal).ToList(),
                Locations = linksOf[s.Id].Select(a => new HsdsServiceAtLocation(a.Uid, a.LocationUid)).OrderBy(a => a.Id).ToList(),
                Schedules = schedulesOf[s.Id].Select(h => new HsdsSchedule(h.Uid, h.LocationId == null ? null : h.LocationUid, h.Weekday, h.Opens, h.Closes, h.ValidFrom, h.ValidTo, h.Note))
                    .OrderBy(h => h.LocationId).ThenBy(h => ((int)h.Weekday + 6) % 7).ThenBy(h => h.Opens).ThenBy(h => h.Id).ToList(),
                SpecialHours = specialsOf[s.Id].Select(h => new HsdsSpecialHours(h.LocationId == null ? null : h.LocationUid, h.From, h.To, h.Opens, h.Closes, h.Note))
                    .OrderBy(h => h.From).ThenBy(h => h.To).ThenBy(h => h.LocationId).ThenBy(h => h.Opens).ThenBy(h => h.Closes).ThenBy(h => h.Note, StringComparer.Ordinal).ToList(),
                Contacts = contactsOf[s.Id].OrderBy(c => c.Position).ThenBy(c => c.Id)
                    .Select(c => new HsdsContact(c.Uid, c.Name, c.Title, c.Email, c.Phone, LanguageCodes.Parse(c.PhoneLanguages).Known)).ToList(),
                Translations = Translated(ContentKinds.Service, s.Id, f => f switch
                {
                    nameof(HelpService.Name) => s.Name,
                    nameof(HelpService.Description) => s.Description,
                    nameof(HelpService.Eligibility) => s.Eligibility,
                    nameof(HelpService.Costs) => s.Costs,
                    nameof(HelpService.HowToApply) => s.HowToApply,
                    nameof(HelpService.DocumentsToBring) => s.DocumentsToBring,
                    _ => s.Accessibility,
                }),
            }).ToList(),
        };
    }

    private static int Order(string kind, string hsdsField)
    {
        var fields = FieldsOf(kind);
        for (var i = 0; i < fields.Count; i++) if (fields[i].Hsds == hsdsField) return i;
        return fields.Count;
    }

    /// <summary>Parents before their children, siblings by position and code: the order of the topic list.</summary>
    public static List<HsdsTopic> TreeOrder(List<HsdsTopic> topics)
    {
        var children = topics.ToLookup(t => t.ParentId);
        var known = topics.Select(t => t.Id).ToHashSet();
        var ordered = new List<HsdsTopic>(topics.Count);
        void Add(Guid? parent)
        {
            foreach (var t in children[parent].OrderBy(t => t.Position).ThenBy(t => t.Code, StringComparer.Ordinal).ThenBy(t => t.Id))
            {
                ordered.Add(t);
                Add(t.Id);
            }
        }
        Add(null);
        // A topic whose parent is not in the list (cannot happen in the database) is still listed.
        foreach (var orphan in topics.Where(t => t.ParentId is { } p && !known.Contains(p)).OrderBy(t => t.Code, StringComparer.Ordinal))
        {
            ordered.Add(orphan);
            Add(orphan.Id);
        }
        return ordered;
    }
}
