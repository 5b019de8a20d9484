using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Services.Manage;

/// <summary>What an edit of a service may choose from: the organisations the editor may give it to, the topic list,
/// the districts, and the places the service is offered at now (a row may only edit one of these).</summary>
public sealed record ServiceChoices(
    IReadOnlyDictionary<int, string> Organisations,
    IReadOnlyDictionary<int, string> Topics,
    IReadOnlyDictionary<int, string> Districts,
    IReadOnlySet<int> Locations);

/// <summary>One problem of an entry, at its field: a German text key and its arguments.</summary>
public sealed record EntryProblem(string Key, string Text, params object[] Args);

/// <summary>One described part of an entry (for the conflict view, the review and the history): a stable field name,
/// its German label (a text key) and its value as text.</summary>
public sealed record EntryPart(string Field, string Label, string Value);

/// <summary>Reading a service into the form's shape, checking an entry, applying it (all of it, or nothing: the caller
/// saves once) and describing it as text.</summary>
public static class ServiceEntry
{
    public const int MaxRows = 50;

    public static IQueryable<HelpService> WithParts(IQueryable<HelpService> services) => services
        .Include(s => s.Topics).Include(s => s.Languages).Include(s => s.Locations).ThenInclude(a => a.Location)
        .Include(s => s.Schedules).Include(s => s.SpecialHours).Include(s => s.Contacts).AsSplitQuery();

    /// <summary>The stored service in the form's shape; null when it is not there.</summary>
    public static async Task<(ServiceInput Input, int Version, int OrganisationId, DateOnly LastCheckedOn)?> ReadAsync(PlanwerkDbContext db, int id, CancellationToken ct)
    {
        var service = await WithParts(db.HelpServices.AsNoTracking().Where(s => s.Id == id)).FirstOrDefaultAsync(ct);
        return service is null ? null : (ToInput(service), service.Version, service.OrganisationId, service.LastCheckedOn);
    }

    public static ServiceInput ToInput(HelpService s)
    {
        ServiceInput.HoursBlock Hours(int? locationId) => new()
        {
            Weekly = s.Schedules.Where(h => h.LocationId == locationId).OrderBy(h => ((int)h.Weekday + 6) % 7).ThenBy(h => h.Opens)
                .Select(h => new ServiceInput.WeeklyRow { Weekday = h.Weekday, Opens = h.Opens, Closes = h.Closes, ValidFrom = h.ValidFrom, ValidTo = h.ValidTo, Note = h.Note }).ToList(),
            Special = s.SpecialHours.Where(h => h.LocationId == locationId).OrderBy(h => h.From)
                .Select(h => new ServiceInput.SpecialRow { From = h.From, To = h.To, Opens = h.Opens, Closes = h.Closes, Note = h.Note }).ToList(),
        };
        return new ServiceInput
        {
            OrganisationId = s.OrganisationId, Name = s.Name, Description = s.Description, Status = s.Status, Url = s.Url, Email = s.Email,
            Audience = Enum.GetValues<ResidenceSituations>().Where(f => IsSingle(f) && s.Audience.HasFlag(f)).ToList(),
            MinimumAge = s.MinimumAge, MaximumAge = s.MaximumAge, Eligibility = s.Eligibility, IsFree = s.IsFree, Costs = s.Costs,
            HowToApply = s.HowToApply, DocumentsToBring = s.DocumentsToBring, Accessibility = s.Accessibility, IsRemoteOnly = s.IsRemoteOnly,
            TopicIds = s.Topics.Select(t => t.Id).Order().ToList(),
            Languages = string.Join(", ", s.Languages.Select(l => l.Code).Order(StringComparer.Ordinal)),
            Locations = s.Locations.Select(a => a.Location!).OrderBy(l => l.Name, StringComparer.Ordinal).ThenBy(l => l.Id).Select(l => new ServiceInput.LocationRow
            {
                Id = l.Id, Name = l.Name, Street = l.Street, PostalCode = l.PostalCode, City = l.City, DistrictId = l.DistrictId,
                Latitude = l.Latitude?.ToString(CultureInfo.InvariantCulture), Longitude = l.Longitude?.ToString(CultureInfo.InvariantCulture),
                TransportNotes = l.TransportNotes, Accessibility = l.Accessibility, IsWheelchairAccessible = l.IsWheelchairAccessible, Hours = Hours(l.Id),
            }).ToList(),
            ServiceHours = Hours(null),
            Contacts = s.Contacts.OrderBy(c => c.Position).Select(c => new ServiceInput.ContactRow
            {
                Name = c.Name, Title = c.Title, Email = c.Email, Phone = c.Phone, PhoneLanguages = c.PhoneLanguages,
            }).ToList(),
        };
    }

    /// <summary>The residence situations a person can tick (not <see cref="ResidenceSituations.None"/> or <see cref="ResidenceSituations.Everybody"/>).</summary>
    public static bool IsSingle(ResidenceSituations f) => f != ResidenceSituations.None && (f & (f - 1)) == 0;

    /// <summary>The choices of the municipality; <paramref name="organisations"/> are the ones this editor may choose.</summary>
    public static async Task<ServiceChoices> ChoicesAsync(PlanwerkDbContext db, IReadOnlyDictionary<int, string> organisations, int? serviceId, CancellationToken ct)
    {
        var topics = await db.ServiceTopics.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var locations = serviceId is int id
            ? (await db.ServiceAtLocations.AsNoTracking().Where(a => a.ServiceId == id).Select(a => a.LocationId).ToListAsync(ct)).ToHashSet()
            : [];
        return new ServiceChoices(organisations, topics, districts, locations);
    }

    /// <summary>Every problem of the entry at its field (keys below <paramref name="prefix"/>, e.g. <c>Input</c>).</summary>
    public static List<EntryProblem> Check(ServiceInput input, ServiceChoices choices, string prefix)
    {
        var problems = new List<EntryProblem>();
        void Add(string key, string text, params object[] args) => problems.Add(new EntryProblem(prefix + "." + key, text, args));
        void Length(string key, string? value, int max, string label)
        {
            if ((value?.Trim().Length ?? 0) > max) Add(key, "{0}: Bitte kürzen Sie den Text auf höchstens {1} Zeichen (jetzt {2}).", label, max, value!.Trim().Length);
        }
        if (input.OrganisationId is not int organisation || !choices.Organisations.ContainsKey(organisation))
            Add(nameof(input.OrganisationId), "Bitte wählen Sie die Organisation aus der Liste.");
        if (string.IsNullOrWhiteSpace(input.Name)) Add(nameof(input.Name), "Bitte geben Sie den Namen des Hilfeangebots an.");
        Length(nameof(input.Name), input.Name, HelpService.MaxNameLength, "Name");
        Length(nameof(input.Description), input.Description, HelpService.MaxTextLength, "Beschreibung");
        Length(nameof(input.Url), input.Url, HelpService.MaxLineLength, "Internetadresse");
        Length(nameof(input.Email), input.Email, HelpService.MaxLineLength, "E-Mail");
        Length(nameof(input.Eligibility), input.Eligibility, HelpService.MaxTextLength, "Weitere Voraussetzungen");
        Length(nameof(input.Costs), input.Costs, HelpService.MaxTextLength, "Kosten");
        Length(nameof(input.HowToApply), input.HowToApply, HelpService.MaxTextLength, "Zugang und Anmeldung");
        Length(nameof(input.DocumentsToBring), input.DocumentsToBring, HelpService.MaxTextLength, "Mitzubringende Unterlagen");
        Length(nameof(input.Accessibility), input.Accessibility, HelpService.MaxTextLength, "Barrierefreiheit");
        if (input.Url is { Length: > 0 } url && !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) | (uri is not null && uri.Scheme is not ("http" or "https")))
            Add(nameof(input.Url), "Bitte geben Sie eine vollständige Internetadresse an, die mit https:// beginnt.");
        if (!Enum.IsDefined(input.Status)) Add(nameof(input.Status), "Bitte wählen Sie den Status aus der Liste.");
        if (input.Audience.Any(a => !IsSingle(a) || !Enum.IsDefined(a))) Add(nameof(input.Audience), "Bitte wählen Sie nur Aufenthaltssituationen aus der Liste.");
        if (input.MinimumAge is < 0 or > 120) Add(nameof(input.MinimumAge), "Bitte geben Sie ein Alter zwischen 0 und 120 an.");
        if (input.MaximumAge is < 0 or > 120) Add(nameof(input.MaximumAge), "Bitte geben Sie ein Alter zwischen 0 und 120 an.");
        if (input.MinimumAge is int min && input.MaximumAge is int max && max < min)
            Add(nameof(input.MaximumAge), "Das Höchstalter liegt unter dem Mindestalter.");
        if (input.TopicIds.Any(t => !choices.Topics.ContainsKey(t))) Add(nameof(input.TopicIds), "Bitte wählen Sie nur Themen aus der Liste.");
        CheckCodes(nameof(input.Languages), input.Languages, Add);
        if (input.Locations.Count > MaxRows || input.Contacts.Count > MaxRows) Add(nameof(input.Locations), "Bitte geben Sie höchstens {0} Zeilen an.", MaxRows);
        for (var i = 0; i < input.Locations.Count; i++)
        {
            var row = input.Locations[i];
            var at = $"{nameof(input.Locations)}[{i}].";
            if (row.Id is int id && !choices.Locations.Contains(id)) Add(at + nameof(row.Name), "Dieser Ort gehört nicht zu diesem Hilfeangebot.");
            if (string.IsNullOrWhiteSpace(row.Name)) Add(at + nameof(row.Name), "Bitte geben Sie den Namen des Ortes an.");
            Length(at + nameof(row.Name), row.Name, ServiceLocation.MaxNameLength, "Name des Ortes");
            Length(at + nameof(row.Street), row.Street, HelpService.MaxLineLength, "Straße und Hausnummer");
            Length(at + nameof(row.PostalCode), row.PostalCode, 20, "Postleitzahl");
            Length(at + nameof(row.City), row.City, 200, "Ort");
            Length(at + nameof(row.TransportNotes), row.TransportNotes, HelpService.MaxTextLength, "Anfahrt");
            Length(at + nameof(row.Accessibility), row.Accessibility, HelpService.MaxTextLength, "Barrierefreiheit des Ortes");
            if (row.DistrictId is int district && !choices.Districts.ContainsKey(district)) Add(at + nameof(row.DistrictId), "Bitte wählen Sie den Stadtbezirk aus der Liste.");
            if (Coordinate(row.Latitude, 90) is null && !string.IsNullOrWhiteSpace(row.Latitude))
                Add(at + nameof(row.Latitude), "Bitte geben Sie die geografische Breite als Zahl zwischen -90 und 90 an (z. B. 51,0504).");
            if (Coordinate(row.Longitude, 180) is null && !string.IsNullOrWhiteSpace(row.Longitude))
                Add(at + nameof(row.Longitude), "Bitte geben Sie die geografische Länge als Zahl zwischen -180 und 180 an (z. B. 13,7373).");
            if (string.IsNullOrWhiteSpace(row.Latitude) != string.IsNullOrWhiteSpace(row.Longitude))
                Add(at + nameof(row.Longitude), "Bitte geben Sie Breite und Länge zusammen an oder keine von beiden.");
            CheckHours(at + nameof(row.Hours), row.Hours, Add);
        }
        CheckHours(nameof(input.ServiceHours), input.ServiceHours, Add);
        for (var i = 0; i < input.Contacts.Count; i++)
        {
            var row = input.Contacts[i];
            var at = $"{nameof(input.Contacts)}[{i}].";
            if (string.IsNullOrWhiteSpace(row.Name) && string.IsNullOrWhiteSpace(row.Phone) && string.IsNullOrWhiteSpace(row.Email))
                Add(at + nameof(row.Name), "Bitte geben Sie einen Namen, eine Telefonnummer oder eine E-Mail-Adresse an, oder entfernen Sie die Zeile.");
            Length(at + nameof(row.Name), row.Name, HelpService.MaxLineLength, "Name");
            Length(at + nameof(row.Title), row.Title, HelpService.MaxLineLength, "Funktion");
            Length(at + nameof(row.Email), row.Email, HelpService.MaxLineLength, "E-Mail");
            Length(at + nameof(row.Phone), row.Phone, 100, "Telefon");
            CheckCodes(at + nameof(row.PhoneLanguages), row.PhoneLanguages, Add);
        }
        return problems;
    }

    private static void CheckCodes(string key, string? codes, Action<string, string, object[]> add)
    {
        var (known, unknown) = LanguageCodes.Parse(codes);
        if (unknown.Count > 0)
            add(key, "Unbekannter Sprachcode: {0}. Bitte geben Sie ISO-639-Codes an, getrennt durch Kommas (z. B. de, ar, fa, uk).", [string.Join(", ", unknown.Select(u => "„" + u + "“"))]);
        else if (string.Join(",", known).Length > 200) add(key, "Bitte geben Sie weniger Sprachen an.", []);
    }

    private static void CheckHours(string at, ServiceInput.HoursBlock hours, Action<string, string, object[]> add)
    {
        if (hours.Weekly.Count > MaxRows || hours.Special.Count > MaxRows) add(at, "Bitte geben Sie höchstens {0} Zeilen an.", [MaxRows]);
        for (var i = 0; i < hours.Weekly.Count; i++)
        {
            var row = hours.Weekly[i];
            var key = $"{at}.Weekly[{i}].";
            if (!Enum.IsDefined(row.Weekday)) add(key + nameof(row.Weekday), "Bitte wählen Sie den Wochentag aus der Liste.", []);
            if (row.Opens is null) add(key + nameof(row.Opens), "Bitte geben Sie an, wann geöffnet wird.", []);
            if (row.Closes is null) add(key + nameof(row.Closes), "Bitte geben Sie an, wann geschlossen wird.", []);
            else if (row.Opens is { } opens && row.Closes <= opens)
                add(key + nameof(row.Closes), "Die Schließzeit ({0}) liegt nicht nach der Öffnungszeit ({1}).", [Time(row.Closes), Time(opens)]);
            if (row.ValidFrom is { } from && row.ValidTo is { } to && to < from)
                add(key + nameof(row.ValidTo), "Das Ende der Gültigkeit liegt vor ihrem Beginn.", []);
            if ((row.Note?.Trim().Length ?? 0) > ServiceSchedule.MaxNoteLength)
                add(key + nameof(row.Note), "{0}: Bitte kürzen Sie den Text auf höchstens {1} Zeichen (jetzt {2}).", ["Hinweis", ServiceSchedule.MaxNoteLength, row.Note!.Trim().Length]);
        }
        for (var i = 0; i < hours.Special.Count; i++)
        {
            var row = hours.Special[i];
            var key = $"{at}.Special[{i}].";
            if (row.From is null) add(key + nameof(row.From), "Bitte geben Sie den ersten Tag an.", []);
            if (row.From is { } from && row.To is { } to && to < from) add(key + nameof(row.To), "Der letzte Tag liegt vor dem ersten.", []);
            if ((row.Opens is null) != (row.Closes is null))
                add(key + nameof(row.Closes), "Bitte geben Sie Öffnungs- und Schließzeit an, oder keine von beiden (dann ist geschlossen).", []);
            else if (row.Opens is { } opens && row.Closes is { } closes && closes <= opens)
                add(key + nameof(row.Closes), "Die Schließzeit ({0}) liegt nicht nach der Öffnungszeit ({1}).", [Time(closes), Time(opens)]);
            if ((row.Note?.Trim().Length ?? 0) > SpecialHours.MaxNoteLength)
                add(key + nameof(row.Note), "{0}: Bitte kürzen Sie den Text auf höchstens {1} Zeichen (jetzt {2}).", ["Hinweis", SpecialHours.MaxNoteLength, row.Note!.Trim().Length]);
        }
    }

    public static string Time(TimeOnly? t) => t?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "";

    private static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A coordinate written with a dot or a comma, within ±<paramref name="limit"/>; null when empty or unreadable.</summary>
    public static decimal? Coordinate(string? text, int limit)
    {
        var t = text?.Trim().Replace(',', '.');
        if (string.IsNullOrEmpty(t) || !decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return null;
        return value < -limit || value > limit ? null : Math.Round(value, 6);
    }

    private static string Clean(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>Makes the tracked <paramref name="service"/> (loaded with <see cref="WithParts"/>, or new and added) what the
    /// checked <paramref name="input"/> says. Places no longer offered lose the service; a place no other service uses is
    /// removed with it. Nothing is saved here.</summary>
    public static async Task ApplyAsync(PlanwerkDbContext db, HelpService service, ServiceInput input, DateTimeOffset now, CancellationToken ct)
    {
        service.OrganisationId = input.OrganisationId!.Value;
        service.Name = Clean(input.Name);
        service.Description = Clean(input.Description);
        service.Status = input.Status;
        service.Url = Clean(input.Url);
        service.Email = Clean(input.Email);
        service.Audience = input.Audience.Aggregate(ResidenceSituations.None, (all, f) => all | f);
        service.MinimumAge = input.MinimumAge;
        service.MaximumAge = input.MaximumAge;
        service.Eligibility = Clean(input.Eligibility);
        service.IsFree = input.IsFree;
        service.Costs = Clean(input.Costs);
        service.HowToApply = Clean(input.HowToApply);
        service.DocumentsToBring = Clean(input.DocumentsToBring);
        service.Accessibility = Clean(input.Accessibility);
        service.IsRemoteOnly = input.IsRemoteOnly;
        // Always touched, so a change of topics, places or hours alone also gives the service a new version.
        service.ModifiedAt = now;

        var topicIds = input.TopicIds.Distinct().ToList();
        var topics = await db.ServiceTopics.Where(t => topicIds.Contains(t.Id)).ToListAsync(ct);
        service.Topics.RemoveAll(t => !topicIds.Contains(t.Id));
        service.Topics.AddRange(topics.Where(t => service.Topics.All(x => x.Id != t.Id)));

        var codes = LanguageCodes.Parse(input.Languages).Known;
        service.Languages.RemoveAll(l => !codes.Contains(l.Code));
        service.Languages.AddRange(codes.Where(c => service.Languages.All(l => l.Code != c)).Select(c => new ServiceLanguage { Code = c }));

        var kept = input.Locations.Where(r => r.Id is not null).Select(r => r.Id!.Value).ToHashSet();
        foreach (var link in service.Locations.Where(a => !kept.Contains(a.LocationId)).ToList())
        {
            service.Locations.Remove(link);
            db.ServiceAtLocations.Remove(link);
            var usedElsewhere = await db.ServiceAtLocations.AnyAsync(a => a.LocationId == link.LocationId && a.ServiceId != service.Id, ct);
            if (!usedElsewhere && link.Location is not null) db.ServiceLocations.Remove(link.Location);
        }
        // Weekly hours that stay as they were keep their row (and so their open-data id); special hours have no id of their own.
        var unmatched = service.Schedules.ToList();
        db.SpecialHours.RemoveRange(service.SpecialHours);
        service.SpecialHours.Clear();
        foreach (var row in input.Locations)
        {
            var location = row.Id is int id ? service.Locations.First(a => a.LocationId == id).Location! : null;
            if (location is null)
            {
                location = new ServiceLocation { OrganisationId = service.OrganisationId, Name = "" };
                service.Locations.Add(new ServiceAtLocation { Location = location });
            }
            location.Name = Clean(row.Name);
            location.Street = Clean(row.Street);
            location.PostalCode = Clean(row.PostalCode);
            location.City = Clean(row.City);
            location.DistrictId = row.DistrictId;
            location.Latitude = Coordinate(row.Latitude, 90);
            location.Longitude = location.Latitude is null ? null : Coordinate(row.Longitude, 180);
            if (location.Longitude is null) location.Latitude = null;
            location.TransportNotes = Clean(row.TransportNotes);
            location.Accessibility = Clean(row.Accessibility);
            location.IsWheelchairAccessible = row.IsWheelchairAccessible;
            AddHours(service, location, row.Hours, unmatched);
        }
        AddHours(service, null, input.ServiceHours, unmatched);
        foreach (var gone in unmatched)
        {
            service.Schedules.Remove(gone);
            db.ServiceSchedules.Remove(gone);
        }

        for (var i = 0; i < input.Contacts.Count; i++)
        {
            var row = input.Contacts[i];
            var contact = service.Contacts.FirstOrDefault(c => c.Position == i);
            if (contact is null) service.Contacts.Add(contact = new ServiceContact { Position = i });
            contact.Name = Clean(row.Name);
            contact.Title = Clean(row.Title);
            contact.Email = Clean(row.Email);
            contact.Phone = Clean(row.Phone);
            contact.PhoneLanguages = string.Join(",", LanguageCodes.Parse(row.PhoneLanguages).Known);
        }
        foreach (var extra in service.Contacts.Where(c => c.Position >= input.Contacts.Count).ToList())
        {
            service.Contacts.Remove(extra);
            db.ServiceContacts.Remove(extra);
        }
    }

    private static void AddHours(HelpService service, ServiceLocation? location, ServiceInput.HoursBlock hours, List<ServiceSchedule> unmatched)
    {
        foreach (var row in hours.Weekly)
        {
            var same = unmatched.FirstOrDefault(h => (location is null ? h.LocationId is null : location.Id != 0 && h.LocationId == location.Id)
                && h.Weekday == row.Weekday && h.Opens == row.Opens && h.Closes == row.Closes);
            if (same is not null)
            {
                unmatched.Remove(same);
                (same.ValidFrom, same.ValidTo, same.Note) = (row.ValidFrom, row.ValidTo, Clean(row.Note));
                continue;
            }
            service.Schedules.Add(new ServiceSchedule
            {
                Location = location, Weekday = row.Weekday, Opens = row.Opens!.Value, Closes = row.Closes!.Value,
                ValidFrom = row.ValidFrom, ValidTo = row.ValidTo, Note = Clean(row.Note),
            });
        }
        foreach (var row in hours.Special)
        {
            service.SpecialHours.Add(new SpecialHours
            {
                Location = location, From = row.From!.Value, To = row.To ?? row.From!.Value, Opens = row.Opens, Closes = row.Closes, Note = Clean(row.Note),
            });
        }
    }

    /// <summary>The entry as labelled texts, part by part, the same whoever reads it (German words, ISO dates, 24-hour
    /// times): what the conflict view and the review compare and the history records.</summary>
    public static List<EntryPart> Describe(ServiceInput e, ServiceChoices choices)
    {
        string Names(IEnumerable<int> ids, IReadOnlyDictionary<int, string> names) =>
            string.Join("; ", ids.Distinct().Select(i => names.GetValueOrDefault(i) ?? "#" + i.ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal));
        string Flag(bool b) => b ? "ja" : "nein";
        var parts = new List<EntryPart>
        {
            new("Organisation", "Organisation", e.OrganisationId is int o ? choices.Organisations.GetValueOrDefault(o) ?? "#" + o.ToString(CultureInfo.InvariantCulture) : ""),
            new("Name", "Name", Clean(e.Name)),
            new("Description", "Beschreibung", Clean(e.Description)),
            new("Status", "Status", StatusText(e.Status)),
            new("Url", "Internetadresse", Clean(e.Url)),
            new("Email", "E-Mail", Clean(e.Email)),
            new("Audience", "Wer es nutzen kann", string.Join("; ", e.Audience.Distinct().Order().Select(AudienceText))),
            new("Ages", "Alter", Ages(e.MinimumAge, e.MaximumAge)),
            new("Eligibility", "Weitere Voraussetzungen", Clean(e.Eligibility)),
            new("IsFree", "kostenlos", Flag(e.IsFree)),
            new("Costs", "Kosten", Clean(e.Costs)),
            new("HowToApply", "Zugang und Anmeldung", Clean(e.HowToApply)),
            new("DocumentsToBring", "Mitzubringende Unterlagen", Clean(e.DocumentsToBring)),
            new("Accessibility", "Barrierefreiheit", Clean(e.Accessibility)),
            new("IsRemoteOnly", "nur telefonisch oder online", Flag(e.IsRemoteOnly)),
            new("Topics", "Themen", Names(e.TopicIds, choices.Topics)),
            new("Languages", "Angebotene Sprachen", string.Join(", ", LanguageCodes.Parse(e.Languages).Known.Order(StringComparer.Ordinal))),
            new("Locations", "Orte", string.Join("\n\n", e.Locations.Select(l => LocationText(l, choices)))),
            new("ServiceHours", "Zeiten ohne Ort", HoursText(e.ServiceHours)),
            new("Contacts", "Kontakte", string.Join("\n", e.Contacts.Select(c => string.Join(" · ", new[] { Clean(c.Name), Clean(c.Title), Clean(c.Email), Clean(c.Phone),
                LanguageCodes.Parse(c.PhoneLanguages).Known is { Count: > 0 } spoken ? "(" + string.Join(", ", spoken) + ")" : "" }.Where(x => x.Length > 0))))),
        };
        return parts;
    }

    private static string Ages(int? min, int? max) => (min, max) switch
    {
        (null, null) => "",
        (int a, null) => "ab " + a.ToString(CultureInfo.InvariantCulture),
        (null, int b) => "bis " + b.ToString(CultureInfo.InvariantCulture),
        (int a, int b) => a.ToString(CultureInfo.InvariantCulture) + "–" + b.ToString(CultureInfo.InvariantCulture),
    };

    private static string LocationText(ServiceInput.LocationRow l, ServiceChoices choices)
    {
        var lines = new List<string>
        {
            string.Join(", ", new[] { Clean(l.Name), Clean(l.Street), (Clean(l.PostalCode) + " " + Clean(l.City)).Trim(),
                l.DistrictId is int d ? choices.Districts.GetValueOrDefault(d) ?? "" : "" }.Where(x => x.Length > 0)),
        };
        if (Coordinate(l.Latitude, 90) is { } lat && Coordinate(l.Longitude, 180) is { } lon)
            lines.Add(lat.ToString(CultureInfo.InvariantCulture) + ", " + lon.ToString(CultureInfo.InvariantCulture));
        if (Clean(l.TransportNotes) is { Length: > 0 } transport) lines.Add("Anfahrt: " + transport);
        if (Clean(l.Accessibility) is { Length: > 0 } access) lines.Add("Barrierefreiheit: " + access);
        if (l.IsWheelchairAccessible) lines.Add("stufenlos erreichbar");
        if (HoursText(l.Hours) is { Length: > 0 } hours) lines.Add(hours);
        return string.Join("\n", lines);
    }

    private static string HoursText(ServiceInput.HoursBlock h) => string.Join("\n",
        h.Weekly.OrderBy(w => ((int)w.Weekday + 6) % 7).ThenBy(w => w.Opens).Select(w => string.Join(" ", new[]
        {
            WeekdayText(w.Weekday), Time(w.Opens) + "–" + Time(w.Closes),
            w.ValidFrom is null && w.ValidTo is null ? "" : "(" + Day(w.ValidFrom) + " – " + Day(w.ValidTo) + ")", Clean(w.Note),
        }.Where(x => x.Length > 0)))
        .Concat(h.Special.OrderBy(s => s.From).Select(s => string.Join(" ", new[]
        {
            Day(s.From) + (s.To is { } to && to != s.From ? " – " + Day(to) : ""), s.Opens is null ? "geschlossen" : Time(s.Opens) + "–" + Time(s.Closes), Clean(s.Note),
        }.Where(x => x.Length > 0)))));

    /// <summary>German text keys.</summary>
    public static string StatusText(ServiceStatus s) => s switch
    {
        ServiceStatus.Active => "aktiv",
        ServiceStatus.Inactive => "nicht aktiv",
        ServiceStatus.Defunct => "eingestellt",
        ServiceStatus.TemporarilyClosed => "vorübergehend geschlossen",
        _ => s.ToString(),
    };

    public static string AudienceText(ResidenceSituations s) => s switch
    {
        ResidenceSituations.AsylumSeekers => "Asylsuchende",
        ResidenceSituations.ToleratedPersons => "Geduldete",
        ResidenceSituations.RecognisedRefugees => "Anerkannte Geflüchtete",
        ResidenceSituations.TemporaryProtection => "Vorübergehender Schutz (§ 24 AufenthG)",
        ResidenceSituations.EuCitizens => "EU-Bürgerinnen und -Bürger",
        ResidenceSituations.OtherMigrants => "Andere Zugewanderte",
        _ => s.ToString(),
    };

    public static string WeekdayText(DayOfWeek d) => d switch
    {
        DayOfWeek.Monday => "Montag",
        DayOfWeek.Tuesday => "Dienstag",
        DayOfWeek.Wednesday => "Mittwoch",
        DayOfWeek.Thursday => "Donnerstag",
        DayOfWeek.Friday => "Freitag",
        DayOfWeek.Saturday => "Samstag",
        _ => "Sonntag",
    };
}
