using System.Text.Json.Nodes;
using Planwerk.Features.Participation.Stakeholders;

namespace Planwerk.Features.Services.Hsds;

/// <summary>Reads an HSDS 3.0 JSON document as <see cref="HsdsJson.Document"/> writes it (organisations with their locations,
/// services fully nested, taxonomy terms; also a top-level <c>locations</c> list) into a <see cref="HsdsDirectory"/>. Every
/// problem is reported at its JSON path and property; references are checked by <see cref="HsdsReading.CheckReferences"/>.</summary>
public static class HsdsJsonReader
{
    public static HsdsDirectory Read(JsonObject root, HsdsReading reading, DateTimeOffset now)
    {
        if (root["version"] is { } version && (version.GetValueKind() != System.Text.Json.JsonValueKind.String || !version.GetValue<string>().StartsWith("3.", StringComparison.Ordinal)))
            reading.Problem(new HsdsPlace("version", null), "version", HsdsTexts.VersionUnsupported, HsdsFields.Cut(version.ToJsonString()));

        var directory = new HsdsDirectory();
        foreach (var org in JsonFields.Array(root, "organizations", reading, "", null))
        {
            var organisation = Organisation(org, org.Objects("contacts").FirstOrDefault()?.Text("name", Stakeholder.MaxLineLength) ?? "",
                org.Objects("phones").FirstOrDefault()?.Text("number", Stakeholder.MaxLineLength) ?? "");
            if (organisation is null) continue;
            directory.Organisations.Add(organisation);
            foreach (var l in org.Objects("locations")) if (Location(l, organisation.Id, now) is { } location) directory.Locations.Add(location);
        }
        foreach (var l in JsonFields.Array(root, "locations", reading, "", null)) if (Location(l, null, now) is { } location) directory.Locations.Add(location);
        foreach (var s in JsonFields.Array(root, "services", reading, "", null)) if (Service(s, now) is { } service) directory.Services.Add(service);
        var position = new Dictionary<Guid, int>();
        foreach (var t in JsonFields.Array(root, "taxonomy_terms", reading, "", null))
        {
            if (Topic(t, position, now) is { } topic) directory.Topics.Add(topic);
        }
        return directory;
    }

    public static HsdsOrganisation? Organisation(HsdsFields f, string contactPerson, string phone)
    {
        var id = f.Id("id", required: true);
        var o = new HsdsOrganisation
        {
            Id = id ?? Guid.Empty, Name = f.Text("name", Stakeholder.MaxNameLength, required: true), Description = f.Text("description", Stakeholder.MaxDescriptionLength),
            Email = f.Text("email", Stakeholder.MaxLineLength), Website = f.Text(f.Has("website") ? "website" : "url", Stakeholder.MaxLineLength),
            Address = f.Text("address", Stakeholder.MaxLineLength), ContactPerson = contactPerson, Phone = phone,
        };
        return id is { } known && f.Reading.Declare(HsdsReading.Organization, known, f.Place) ? o : null;
    }

    private static HsdsLocation? Location(JsonFields f, Guid? organisation, DateTimeOffset now)
    {
        var address = f.Objects("addresses").FirstOrDefault();
        var accessibility = f.Objects("accessibility").FirstOrDefault();
        return Location(f, organisation, address?.Text("address_1", HelpService.MaxLineLength) ?? "", address?.Text("postal_code", 20) ?? "",
            address?.Text("city", 200) ?? "", accessibility?.Text("description", HelpService.MaxTextLength) ?? "", Translations(f.Objects("translations"), ContentKinds.Location, now));
    }

    public static HsdsLocation? Location(HsdsFields f, Guid? organisation, string street, string postalCode, string city, string accessibility, List<HsdsTranslation> translations)
    {
        var id = f.Id("id", required: true);
        var orgId = f.Id("organization_id", required: organisation is null) ?? organisation;
        f.Reading.Refer(HsdsReading.Organization, orgId, f.Place, "organization_id");
        var latitude = f.Number("latitude");
        if (latitude is < -90 or > 90) { f.Problem("latitude", HsdsTexts.NotALatitude, latitude.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)); latitude = null; }
        var longitude = f.Number("longitude");
        if (longitude is < -180 or > 180) { f.Problem("longitude", HsdsTexts.NotALongitude, longitude.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)); longitude = null; }
        var name = f.Text("name", ServiceLocation.MaxNameLength);
        if (name.Trim().Length == 0) name = street;
        if (name.Trim().Length == 0) f.Problem("name", HsdsTexts.Required);
        var location = new HsdsLocation
        {
            Id = id ?? Guid.Empty, OrganisationId = orgId ?? Guid.Empty, Name = name, Street = street, PostalCode = postalCode, City = city,
            District = f.Text("district", 200), Latitude = latitude, Longitude = longitude, TransportNotes = f.Text("transportation", HelpService.MaxTextLength),
            Accessibility = accessibility, IsWheelchairAccessible = f.Boolean("wheelchair_accessible") ?? false, Translations = translations,
        };
        return id is { } known && f.Reading.Declare(HsdsReading.Location, known, f.Place) ? location : null;
    }

    private static HsdsService? Service(JsonFields f, DateTimeOffset now)
    {
        var id = f.Id("id", required: true);
        var serviceId = id ?? Guid.Empty;
        var links = new List<HsdsServiceAtLocation>();
        var schedules = new List<HsdsSchedule>();
        var specials = new List<HsdsSpecialHours>();
        foreach (var h in f.Objects("schedules")) Schedule(h, null, h.Id("location_id", required: false), schedules, specials);
        foreach (var a in f.Objects("service_at_locations"))
        {
            var linkId = a.Id("id", required: true);
            var location = a.Id("location_id", required: true);
            a.Reading.Refer(HsdsReading.Location, location, a.Place, "location_id");
            if (a.Id("service_id", required: false) is { } sid && id is { } own && sid != own) a.Reading.Refer(HsdsReading.Service, sid, a.Place, "service_id");
            if (linkId is { } lid && location is { } loc && a.Reading.Declare(HsdsReading.ServiceAtLocation, lid, a.Place))
            {
                links.Add(new HsdsServiceAtLocation(lid, loc));
                foreach (var h in a.Objects("schedules")) Schedule(h, lid, loc, schedules, specials);
            }
        }
        var contacts = new List<HsdsContact>();
        foreach (var c in f.Objects("contacts"))
        {
            var phone = c.Objects("phones").FirstOrDefault();
            var phoneLanguages = phone?.Objects("languages").Select(x => x.Language("code")).OfType<string>().Distinct().ToList() ?? [];
            if (Contact(c, phone?.Text("number", 100) ?? "", phoneLanguages) is { } contact) contacts.Add(contact);
        }
        var languages = f.Objects("languages").Select(x => x.Language("code")).OfType<string>().Distinct().ToList();
        var free = f.Objects("cost_options").Any(o => o.Text("option", 1000).Equals("free", StringComparison.OrdinalIgnoreCase) || o.Number("amount") == 0);
        var documents = string.Join("\n", f.Objects("required_documents").Select(d => d.Text("document", HelpService.MaxLineLength)).Where(d => d.Trim().Length > 0));
        var (topics, audience) = Attributes(f.Objects("attributes"), id);
        return Service(f, now, links, schedules, specials, contacts, languages, free, documents, topics, audience, Translations(f.Objects("translations"), ContentKinds.Service, now));
    }

    public static HsdsService? Service(HsdsFields f, DateTimeOffset now, List<HsdsServiceAtLocation> links, List<HsdsSchedule> schedules, List<HsdsSpecialHours> specials,
        List<HsdsContact> contacts, List<string> languages, bool free, string documents, List<Guid> topics, ResidenceSituations audience, List<HsdsTranslation> translations)
    {
        var id = f.Id("id", required: true);
        var organisation = f.Id("organization_id", required: true);
        f.Reading.Refer(HsdsReading.Organization, organisation, f.Place, "organization_id");
        var statusText = f.Text("status", 40, required: true);
        var status = statusText switch
        {
            "active" => ServiceStatus.Active,
            "inactive" => ServiceStatus.Inactive,
            "defunct" => ServiceStatus.Defunct,
            "temporarily closed" => ServiceStatus.TemporarilyClosed,
            _ => (ServiceStatus?)null,
        };
        if (status is null && statusText.Trim().Length > 0) f.Problem("status", HsdsTexts.NotAStatus, HsdsFields.Cut(statusText));
        var min = f.Age("minimum_age");
        var max = f.Age("maximum_age");
        if (min is { } a && max is { } b && a > b) f.Problem("minimum_age", HsdsTexts.AgesReversed, HsdsFields.Count(a), HsdsFields.Count(b));
        if (documents.Length > HelpService.MaxTextLength) f.Problem("required_documents", HsdsTexts.TooLong, HsdsFields.Count(documents.Length), HsdsFields.Count(HelpService.MaxTextLength));
        var service = new HsdsService
        {
            Id = id ?? Guid.Empty, OrganisationId = organisation ?? Guid.Empty, Name = f.Text("name", HelpService.MaxNameLength, required: true),
            Description = f.Text("description", HelpService.MaxTextLength), Status = status ?? ServiceStatus.Active,
            Url = f.Text("url", HelpService.MaxLineLength), Email = f.Text("email", HelpService.MaxLineLength), Audience = audience, MinimumAge = min, MaximumAge = max,
            Eligibility = f.Text("eligibility_description", HelpService.MaxTextLength), IsFree = free, Costs = f.Text("fees_description", HelpService.MaxTextLength),
            HowToApply = f.Text("application_process", HelpService.MaxTextLength), DocumentsToBring = documents,
            Accessibility = f.Text("accessibility_description", HelpService.MaxTextLength), IsRemoteOnly = f.Boolean("remote_only") ?? false,
            LastCheckedOn = f.Date("assured_date") ?? DateOnly.FromDateTime(now.UtcDateTime), IsExample = f.Boolean("example") ?? false,
            ModifiedAt = f.Moment("last_modified") ?? now, TopicIds = topics, Languages = languages, Locations = links, Schedules = schedules,
            SpecialHours = specials, Contacts = contacts, Translations = translations,
        };
        return id is { } known && f.Reading.Declare(HsdsReading.Service, known, f.Place) ? service : null;
    }

    public static HsdsContact? Contact(HsdsFields c, string phone, List<string> phoneLanguages)
    {
        var id = c.Id("id", required: true);
        var contact = new HsdsContact(id ?? Guid.Empty, c.Text("name", HelpService.MaxLineLength), c.Text("title", HelpService.MaxLineLength),
            c.Text("email", HelpService.MaxLineLength), phone, phoneLanguages);
        return id is { } known && c.Reading.Declare(HsdsReading.Contact, known, c.Place) ? contact : null;
    }

    /// <summary>A weekly schedule (<c>freq</c> WEEKLY with one <c>byday</c>) or special hours (no <c>freq</c>), at
    /// <paramref name="location"/> or for the service as such.</summary>
    public static void Schedule(HsdsFields h, Guid? link, Guid? location, List<HsdsSchedule> schedules, List<HsdsSpecialHours> specials)
    {
        if (link is null) h.Reading.Refer(HsdsReading.Location, location, h.Place, "location_id");
        if (link is null && h.Id("service_at_location_id", required: false) is { } at) h.Reading.Refer(HsdsReading.ServiceAtLocation, at, h.Place, "service_at_location_id");
        var id = h.Id("id", required: true);
        var freq = h.Text("freq", 20);
        var from = h.Date("valid_from");
        var to = h.Date("valid_to");
        if (from is { } f && to is { } t && t < f) h.Problem("valid_to", HsdsTexts.EndBeforeStart, HsdsJson.Date(t), HsdsJson.Date(f));
        var note = h.Text("notes", ServiceSchedule.MaxNoteLength);
        if (freq.Length == 0)
        {
            if (from is null && !h.Has("valid_from")) h.Problem("valid_from", HsdsTexts.Required);
            var opens = h.Time("opens_at");
            var closes = h.Time("closes_at");
            if (h.Has("opens_at") != h.Has("closes_at")) h.Problem(h.Has("opens_at") ? "closes_at" : "opens_at", HsdsTexts.OnlyOneTime);
            if (opens is { } o && closes is { } c && c <= o) h.Problem("closes_at", HsdsTexts.ClosesBeforeOpens, HsdsJson.Time(c), HsdsJson.Time(o));
            if (from is { } start) specials.Add(new HsdsSpecialHours(location, start, to ?? start, opens, closes, note));
            return;
        }
        if (freq != "WEEKLY")
        {
            h.Problem("freq", HsdsTexts.UnsupportedFrequency, HsdsFields.Cut(freq));
            return;
        }
        var byday = h.Text("byday", 40, required: true);
        DayOfWeek? day = byday switch
        {
            "MO" => DayOfWeek.Monday, "TU" => DayOfWeek.Tuesday, "WE" => DayOfWeek.Wednesday, "TH" => DayOfWeek.Thursday, "FR" => DayOfWeek.Friday,
            "SA" => DayOfWeek.Saturday, "SU" => DayOfWeek.Sunday, _ => null,
        };
        if (day is null && byday.Length > 0) h.Problem("byday", HsdsTexts.NotAWeekday, HsdsFields.Cut(byday));
        var opensAt = h.Time("opens_at", required: true);
        var closesAt = h.Time("closes_at", required: true);
        if (opensAt is { } a && closesAt is { } b && b <= a) h.Problem("closes_at", HsdsTexts.ClosesBeforeOpens, HsdsJson.Time(b), HsdsJson.Time(a));
        if (id is { } known && day is { } d && opensAt is { } op && closesAt is { } cl && h.Reading.Declare(HsdsReading.Schedule, known, h.Place))
            schedules.Add(new HsdsSchedule(known, location, d, op, cl, from, to, note));
    }

    /// <summary>Topics and residence situations from a service's attributes.</summary>
    public static (List<Guid> Topics, ResidenceSituations Audience) Attributes(IEnumerable<HsdsFields> attributes, Guid? service)
    {
        var topics = new List<Guid>();
        var audience = ResidenceSituations.None;
        foreach (var a in attributes)
        {
            var entity = a.Text("link_entity", 40);
            if (entity.Length > 0 && entity != "service") a.Problem("link_entity", HsdsTexts.NotAServiceLink, HsdsFields.Cut(entity));
            if (a.Id("link_id", required: false) is { } link && service is { } own && link != own) a.Reading.Refer(HsdsReading.Service, link, a.Place, "link_id");
            var term = a.Id("taxonomy_term_id", required: true);
            if (term is not { } t) continue;
            if (ResidenceTerms.Find(t) is { } residence) audience |= residence.Flag;
            else
            {
                a.Reading.Refer(HsdsReading.TaxonomyTerm, t, a.Place, "taxonomy_term_id");
                if (!topics.Contains(t)) topics.Add(t);
            }
        }
        return (topics, audience);
    }

    /// <summary>A topic term; the residence situations' terms are Planwerk's fixed vocabulary and skipped.</summary>
    public static HsdsTopic? Topic(HsdsFields t, Dictionary<Guid, int> positions, DateTimeOffset now, List<HsdsTranslation>? translations = null)
    {
        var id = t.Id("id", required: true);
        if (id is { } residence && ResidenceTerms.Find(residence) is not null) return null;
        var parent = t.Id("parent_id", required: false);
        t.Reading.Refer(HsdsReading.TaxonomyTerm, parent, t.Place, "parent_id");
        var position = positions.GetValueOrDefault(parent ?? Guid.Empty);
        positions[parent ?? Guid.Empty] = position + 1;
        var topic = new HsdsTopic
        {
            Id = id ?? Guid.Empty, ParentId = parent, Code = t.Text("code", ServiceTopic.MaxCodeLength, required: true).Trim(),
            Name = t.Text("name", ServiceTopic.MaxNameLength, required: true), Description = t.Text("description", HelpService.MaxTextLength), Position = position,
            Translations = translations ?? (t is JsonFields j ? Translations(j.Objects("translations"), ContentKinds.Topic, now) : []),
        };
        return id is { } known && t.Reading.Declare(HsdsReading.TaxonomyTerm, known, t.Place) ? topic : null;
    }

    /// <summary>Planwerk's translations of an object's texts (profile): language, HSDS field, text, outdated, translated_at.</summary>
    public static List<HsdsTranslation> Translations(IEnumerable<HsdsFields> items, string kind, DateTimeOffset now)
    {
        var list = new List<HsdsTranslation>();
        var fields = HsdsDirectory.FieldsOf(kind).Select(x => x.Hsds).ToList();
        foreach (var x in items)
        {
            var language = x.Language("language");
            if (language == ContentLanguages.Source) { x.Problem("language", HsdsTexts.SourceLanguage); language = null; }
            var field = x.Text("field", ContentTranslation.MaxFieldLength, required: true);
            if (field.Length > 0 && !fields.Contains(field)) { x.Problem("field", HsdsTexts.UnknownTranslatedField, HsdsFields.Cut(field), string.Join(", ", fields)); field = ""; }
            var text = x.Text("text", HelpService.MaxTextLength, required: true);
            var outdated = x.Boolean("outdated") ?? false;
            var at = x.Moment("translated_at") ?? now;
            if (language is null || field.Length == 0 || text.Trim().Length == 0) continue;
            if (list.Any(t => t.Language == language && t.Field == field)) { x.Problem("field", HsdsTexts.DuplicateTranslation, field, language); continue; }
            list.Add(new HsdsTranslation(language, field, text, outdated, at));
        }
        return list;
    }
}
