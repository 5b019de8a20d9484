using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.History;
using Planwerk.Features.Services.Manage;

namespace Planwerk.Features.Services.Hsds;

public sealed record HsdsImportCounts(int ServicesAdded, int ServicesChanged, int LocationsAdded, int LocationsChanged, int TopicsAdded, int TopicsChanged, int OrganisationsAdded);

public sealed record HsdsImportResult(bool Succeeded, IReadOnlyList<HsdsProblem> Problems, HsdsImportCounts Counts)
{
    public static HsdsImportResult Failed(params HsdsProblem[] problems) => new(false, problems, new HsdsImportCounts(0, 0, 0, 0, 0, 0, 0));
}

/// <summary>Brings an HSDS file (the JSON document or the tabular ZIP, told apart by content, never by name) into the current
/// municipality: read and checked completely first (types, required fields, dates and times, language codes, duplicate ids,
/// references to objects the file lacks), then taken over in one transaction, or nothing at all.
/// <para>Matching: services, locations, service-at-locations, schedules and contacts keep the file's UUIDs as their
/// <c>Uid</c>, so importing the same file again changes nothing and an export gives the same ids back. Topics are matched by
/// id, else by code; organisations by id, else by name, in the municipality's one registry (entries found there are not
/// changed; missing ones are created). Districts are found by name or created. Nothing is deleted.</para></summary>
public static class HsdsImport
{
    public const int MaxBytes = 32 * 1024 * 1024;
    public const int MaxObjects = 100_000;

    public static string Size(long bytes) => Infrastructure.Files.FileSizes.Text(bytes);

    public static async Task<HsdsImportResult> ImportAsync(PlanwerkDbContext db, string fileName, byte[] content, DateTimeOffset now, CancellationToken ct)
    {
        if (content.Length == 0) return HsdsImportResult.Failed(HsdsProblem.InFile(HsdsTexts.EmptyFile));
        if (content.Length > MaxBytes) return HsdsImportResult.Failed(HsdsProblem.InFile(HsdsTexts.TooLarge, Size(content.Length), Size(MaxBytes)));
        var reading = new HsdsReading();
        HsdsDirectory? directory;
        var name = Path.GetFileName(fileName ?? "");
        if (content.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            directory = HsdsCsv.Read(content, reading, now);
        }
        else if (content.AsSpan().StartsWith("%PDF-"u8))
        {
            return HsdsImportResult.Failed(HsdsProblem.InFile(HsdsTexts.IsPdf, name));
        }
        else
        {
            var root = ParseJson(content, name, out var problem);
            if (problem is not null) return HsdsImportResult.Failed(problem);
            directory = HsdsJsonReader.Read(root!, reading, now);
        }
        if (directory is null) return new HsdsImportResult(false, Ordered(reading.Problems), Empty);
        reading.CheckReferences();
        CheckTopicTree(directory, reading);
        if (reading.Problems.Count > 0) return new HsdsImportResult(false, Ordered(reading.Problems), Empty);
        await CheckAgainstDatabaseAsync(db, directory, reading, ct);
        if (reading.Problems.Count > 0) return new HsdsImportResult(false, Ordered(reading.Problems), Empty);
        var counts = await ApplyAsync(db, directory, name, now, ct);
        return new HsdsImportResult(true, [], counts);
    }

    private static readonly HsdsImportCounts Empty = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Problems of the file as a whole first, then by file or place and row, each in the order found.</summary>
    private static List<HsdsProblem> Ordered(List<HsdsProblem> problems) =>
        problems.Select((p, i) => (p, i)).OrderBy(x => x.p.Where is null ? 0 : 1).ThenBy(x => x.p.Where?.Contains(".csv", StringComparison.Ordinal) == true ? x.p.Where : "", StringComparer.Ordinal)
            .ThenBy(x => x.p.Row ?? 0).ThenBy(x => x.i).Select(x => x.p).ToList();

    private static JsonObject? ParseJson(byte[] content, string name, out HsdsProblem? problem)
    {
        problem = null;
        var span = content.AsSpan();
        if (span.StartsWith("\uFEFF"u8)) span = span[3..];
        var first = 0;
        while (first < span.Length && span[first] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') first++;
        if (first == span.Length || span[first] is not ((byte)'{' or (byte)'['))
        {
            problem = HsdsProblem.InFile(HsdsTexts.NotHsds, name);
            return null;
        }
        try
        {
            var node = JsonNode.Parse(span, documentOptions: new JsonDocumentOptions { MaxDepth = 32 });
            if (node is JsonObject o) return o;
            problem = HsdsProblem.InFile(HsdsTexts.NotADocument);
            return null;
        }
        catch (JsonException e)
        {
            problem = HsdsProblem.InFile(HsdsTexts.NotJson, ((e.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture),
                ((e.BytePositionInLine ?? 0) + 1).ToString(CultureInfo.InvariantCulture));
            return null;
        }
    }

    /// <summary>Codes are unique in a topic list, and no topic is its own ancestor.</summary>
    private static void CheckTopicTree(HsdsDirectory directory, HsdsReading reading)
    {
        var byCode = new Dictionary<string, HsdsTopic>(StringComparer.Ordinal);
        var byId = directory.Topics.ToDictionary(t => t.Id);
        foreach (var t in directory.Topics)
        {
            var place = reading.PlaceOf(HsdsReading.TaxonomyTerm, t.Id) ?? new HsdsPlace("taxonomy_terms", null);
            if (byCode.TryGetValue(t.Code, out var other))
                reading.Problem(place, "code", HsdsTexts.DuplicateCode, t.Code, (reading.PlaceOf(HsdsReading.TaxonomyTerm, other.Id) ?? place).ToString());
            else byCode[t.Code] = t;
            var seen = new HashSet<Guid> { t.Id };
            for (var parent = t.ParentId; parent is { } p && byId.TryGetValue(p, out var up); parent = up.ParentId)
            {
                if (!seen.Add(p))
                {
                    reading.Problem(place, "parent_id", HsdsTexts.TopicCycle);
                    break;
                }
            }
        }
    }

    /// <summary>What only the municipality's data can tell: a topic code taken by another topic, an id of a link, hour or
    /// contact that belongs to another service there.</summary>
    private static async Task CheckAgainstDatabaseAsync(PlanwerkDbContext db, HsdsDirectory directory, HsdsReading reading, CancellationToken ct)
    {
        var topics = await db.ServiceTopics.AsNoTracking().Select(t => new { t.Uid, t.Code, t.Name }).ToListAsync(ct);
        var topicUids = topics.Select(t => t.Uid).ToHashSet();
        foreach (var t in directory.Topics)
        {
            // Matched by id: its code must not be another existing topic's (one that the file does not also rename).
            var holder = topics.FirstOrDefault(x => x.Code == t.Code && x.Uid != t.Id);
            if (holder is null || !topicUids.Contains(t.Id)) continue;
            if (directory.Topics.Any(x => x.Id == holder.Uid)) continue;
            reading.Problem(reading.PlaceOf(HsdsReading.TaxonomyTerm, t.Id) ?? new HsdsPlace("taxonomy_terms", null), "code", HsdsTexts.CodeTaken, t.Code, holder.Name);
        }

        var owner = directory.Services.SelectMany(s => s.Locations.Select(a => (a.Id, s.Id, HsdsReading.ServiceAtLocation))
            .Concat(s.Schedules.Select(h => (h.Id, s.Id, HsdsReading.Schedule))).Concat(s.Contacts.Select(c => (c.Id, s.Id, HsdsReading.Contact)))).ToList();
        var linkIds = owner.Where(o => o.Item3 == HsdsReading.ServiceAtLocation).Select(o => o.Item1).ToList();
        var scheduleIds = owner.Where(o => o.Item3 == HsdsReading.Schedule).Select(o => o.Item1).ToList();
        var contactIds = owner.Where(o => o.Item3 == HsdsReading.Contact).Select(o => o.Item1).ToList();
        var existing = new Dictionary<Guid, Guid>();
        foreach (var x in await db.ServiceAtLocations.AsNoTracking().Where(a => linkIds.Contains(a.Uid)).Select(a => new { a.Uid, Service = a.Service!.Uid }).ToListAsync(ct)) existing[x.Uid] = x.Service;
        foreach (var x in await db.ServiceSchedules.AsNoTracking().Where(a => scheduleIds.Contains(a.Uid)).Select(a => new { a.Uid, Service = a.Service!.Uid }).ToListAsync(ct)) existing[x.Uid] = x.Service;
        foreach (var x in await db.ServiceContacts.AsNoTracking().Where(a => contactIds.Contains(a.Uid)).Select(a => new { a.Uid, Service = a.Service!.Uid }).ToListAsync(ct)) existing[x.Uid] = x.Service;
        foreach (var (id, service, kind) in owner)
        {
            if (existing.TryGetValue(id, out var holder) && holder != service)
                reading.Problem(reading.PlaceOf(kind, id) ?? new HsdsPlace(kind, null), "id", HsdsTexts.IdTakenElsewhere, HsdsIds.Text(id));
        }
    }

    private static async Task<HsdsImportCounts> ApplyAsync(PlanwerkDbContext db, HsdsDirectory directory, string fileName, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ContentLanguages.EnsureDefaultsAsync(db, ct);

        // Organisations: the one registry.
        var registry = await db.Stakeholders.ToListAsync(ct);
        var organisations = new Dictionary<Guid, Stakeholder>();
        var organisationsAdded = 0;
        foreach (var o in directory.Organisations)
        {
            var found = registry.FirstOrDefault(s => s.Uid == o.Id)
                ?? registry.FirstOrDefault(s => string.Equals(s.Name.Trim(), o.Name.Trim(), StringComparison.OrdinalIgnoreCase));
            if (found is null)
            {
                found = new Stakeholder
                {
                    Uid = o.Id, Name = o.Name, Description = o.Description, Email = o.Email, Website = o.Website, Phone = o.Phone, ContactPerson = o.ContactPerson, Address = o.Address,
                };
                db.Stakeholders.Add(found);
                registry.Add(found);
                organisationsAdded++;
            }
            organisations[o.Id] = found;
        }

        // Districts by name.
        var districts = await db.Districts.ToListAsync(ct);
        District? DistrictNamed(string name)
        {
            if (name.Trim().Length == 0) return null;
            var d = districts.FirstOrDefault(x => x.Name == name);
            if (d is null)
            {
                d = new District { Name = name };
                db.Districts.Add(d);
                districts.Add(d);
            }
            return d;
        }

        // Topics: by id, else by code.
        var topicRows = await db.ServiceTopics.ToListAsync(ct);
        var topics = new Dictionary<Guid, ServiceTopic>();
        int topicsAdded = 0, topicsChanged = 0;
        foreach (var t in directory.Topics)
        {
            var row = topicRows.FirstOrDefault(x => x.Uid == t.Id) ?? topicRows.FirstOrDefault(x => x.Code == t.Code && directory.Topics.All(y => y.Id != x.Uid));
            if (row is null)
            {
                row = new ServiceTopic { Uid = t.Id, Code = t.Code, Name = t.Name };
                db.ServiceTopics.Add(row);
                topicRows.Add(row);
                topicsAdded++;
            }
            topics[t.Id] = row;
        }
        foreach (var t in directory.Topics)
        {
            var row = topics[t.Id];
            (string Code, string Name, string Description, int Position, ServiceTopic? Parent)? before = db.Entry(row).State == EntityState.Added ? null : (row.Code, row.Name, row.Description, row.Position, row.Parent);
            row.Code = t.Code;
            row.Name = t.Name;
            row.Description = t.Description;
            row.Position = t.Position;
            row.Parent = t.ParentId is { } p ? topics[p] : null;
            if (row.Parent is null) row.ParentId = null;
            if (before is { } b && (b.Code != row.Code || b.Name != row.Name || b.Description != row.Description || b.Position != row.Position || b.Parent != row.Parent)) topicsChanged++;
        }

        // Locations.
        var locationUids = directory.Locations.Select(l => l.Id).ToList();
        var locationRows = await db.ServiceLocations.Include(l => l.District).Where(l => locationUids.Contains(l.Uid)).ToDictionaryAsync(l => l.Uid, ct);
        var locations = new Dictionary<Guid, ServiceLocation>();
        int locationsAdded = 0, locationsChanged = 0;
        foreach (var l in directory.Locations)
        {
            if (!locationRows.TryGetValue(l.Id, out var row))
            {
                row = new ServiceLocation { Uid = l.Id, Name = l.Name };
                db.ServiceLocations.Add(row);
                locationsAdded++;
            }
            row.Organisation = organisations[l.OrganisationId];
            row.Name = l.Name;
            row.Street = l.Street;
            row.PostalCode = l.PostalCode;
            row.City = l.City;
            row.District = DistrictNamed(l.District);
            if (row.District is null) row.DistrictId = null;
            row.Latitude = l.Latitude;
            row.Longitude = l.Longitude;
            row.TransportNotes = l.TransportNotes;
            row.Accessibility = l.Accessibility;
            row.IsWheelchairAccessible = l.IsWheelchairAccessible;
            if (db.Entry(row).State == EntityState.Modified) locationsChanged++;
            locations[l.Id] = row;
        }

        // Services with everything they hold.
        var serviceUids = directory.Services.Select(s => s.Id).ToList();
        var serviceRows = await db.HelpServices.Where(s => serviceUids.Contains(s.Uid))
            .Include(s => s.Topics).Include(s => s.Languages).Include(s => s.Locations).Include(s => s.Schedules).Include(s => s.SpecialHours).Include(s => s.Contacts)
            .AsSplitQuery().ToDictionaryAsync(s => s.Uid, ct);
        var services = new List<(HsdsService Source, HelpService Row, bool Added, bool ChildrenChanged)>();
        foreach (var s in directory.Services)
        {
            var added = !serviceRows.TryGetValue(s.Id, out var row);
            if (row is null)
            {
                row = new HelpService { Uid = s.Id, Name = s.Name, ModifiedAt = s.ModifiedAt, CreatedAt = now };
                db.HelpServices.Add(row);
            }
            row.Organisation = organisations[s.OrganisationId];
            row.Name = s.Name;
            row.Description = s.Description;
            row.Status = s.Status;
            row.Url = s.Url;
            row.Email = s.Email;
            row.Audience = s.Audience;
            row.MinimumAge = s.MinimumAge;
            row.MaximumAge = s.MaximumAge;
            row.Eligibility = s.Eligibility;
            row.IsFree = s.IsFree;
            row.Costs = s.Costs;
            row.HowToApply = s.HowToApply;
            row.DocumentsToBring = s.DocumentsToBring;
            row.Accessibility = s.Accessibility;
            row.IsRemoteOnly = s.IsRemoteOnly;
            row.LastCheckedOn = s.LastCheckedOn;
            row.IsExample = s.IsExample;
            var children = ApplyChildren(db, row, s, topics, locations);
            services.Add((s, row, added, children));
        }
        db.ChangeTracker.DetectChanges();
        var changedRows = services.Where(x => !x.Added && (x.ChildrenChanged || db.Entry(x.Row).State == EntityState.Modified)).Select(x => x.Row).ToHashSet();
        await db.SaveChangesAsync(ct);

        // Translations need the rows' ids.
        var translated = new List<(string Kind, int EntityId, List<HsdsTranslation> Translations, Func<string, string> Source)>();
        foreach (var (s, row, _, _) in services) translated.Add((ContentKinds.Service, row.Id, s.Translations, f => ServiceSource(row, f)));
        foreach (var l in directory.Locations)
        {
            var row = locations[l.Id];
            translated.Add((ContentKinds.Location, row.Id, l.Translations, f => f switch
            {
                nameof(ServiceLocation.Name) => row.Name,
                nameof(ServiceLocation.TransportNotes) => row.TransportNotes,
                _ => row.Accessibility,
            }));
        }
        foreach (var t in directory.Topics)
        {
            var row = topics[t.Id];
            translated.Add((ContentKinds.Topic, row.Id, t.Translations, f => f == nameof(ServiceTopic.Name) ? row.Name : row.Description));
        }
        var changedTranslations = await ApplyTranslationsAsync(db, translated, ct);
        var languages = await db.ContentLanguages.Select(l => l.Code).ToListAsync(ct);
        var position = languages.Count;
        foreach (var code in translated.SelectMany(t => t.Translations).Select(t => t.Language).Distinct().Where(c => !languages.Contains(c)).Order(StringComparer.Ordinal))
        {
            var language = LanguageCodes.Find(code)!;
            db.ContentLanguages.Add(new ContentLanguage { Code = language.Code, Name = language.NativeName, IsRightToLeft = language.IsRightToLeft, Position = position++ });
        }

        foreach (var (_, row, added, _) in services)
        {
            if (added) await ServiceHistory.AddAsync(db, row.Id, row.Name, ChangeAction.Created, null, null, now, ct, ("Import", null, fileName));
            else if (changedRows.Contains(row) || changedTranslations.Contains(row.Id))
                await ServiceHistory.AddAsync(db, row.Id, row.Name, ChangeAction.Updated, null, null, now, ct, ("Import", null, fileName));
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        // An import can multiply the directory's size: the planner's statistics follow it.
        await db.RefreshPlannerStatisticsAsync(ct);
        return new HsdsImportCounts(services.Count(s => s.Added), services.Count(s => !s.Added && (changedRows.Contains(s.Row) || changedTranslations.Contains(s.Row.Id))), locationsAdded, locationsChanged, topicsAdded, topicsChanged, organisationsAdded);
    }

    private static string ServiceSource(HelpService row, string field) => field switch
    {
        nameof(HelpService.Name) => row.Name,
        nameof(HelpService.Description) => row.Description,
        nameof(HelpService.Eligibility) => row.Eligibility,
        nameof(HelpService.Costs) => row.Costs,
        nameof(HelpService.HowToApply) => row.HowToApply,
        nameof(HelpService.DocumentsToBring) => row.DocumentsToBring,
        _ => row.Accessibility,
    };

    /// <summary>Topics, languages, places, hours and contacts of a service as the file has them: rows with the same id (or
    /// the same content, for languages and special hours) stay, others are added or removed. True when anything changed.</summary>
    private static bool ApplyChildren(PlanwerkDbContext db, HelpService row, HsdsService s, Dictionary<Guid, ServiceTopic> topics, Dictionary<Guid, ServiceLocation> locations)
    {
        var changed = false;
        var wantedTopics = s.TopicIds.Select(id => topics[id]).ToList();
        foreach (var t in row.Topics.Where(t => !wantedTopics.Contains(t)).ToList()) { row.Topics.Remove(t); changed = true; }
        foreach (var t in wantedTopics.Where(t => !row.Topics.Contains(t))) { row.Topics.Add(t); changed = true; }

        foreach (var l in row.Languages.Where(l => !s.Languages.Contains(l.Code)).ToList()) { db.ServiceLanguages.Remove(l); changed = true; }
        foreach (var code in s.Languages.Where(c => row.Languages.All(l => l.Code != c))) { row.Languages.Add(new ServiceLanguage { Code = code }); changed = true; }

        foreach (var a in row.Locations.Where(a => s.Locations.All(x => x.Id != a.Uid)).ToList()) { db.ServiceAtLocations.Remove(a); changed = true; }
        foreach (var a in s.Locations)
        {
            var existing = row.Locations.FirstOrDefault(x => x.Uid == a.Id);
            var location = locations[a.LocationId];
            if (existing is null) { row.Locations.Add(new ServiceAtLocation { Uid = a.Id, Location = location }); changed = true; }
            else if (existing.Location != location && existing.LocationId != location.Id) { existing.Location = location; changed = true; }
        }

        foreach (var h in row.Schedules.Where(h => s.Schedules.All(x => x.Id != h.Uid)).ToList()) { db.ServiceSchedules.Remove(h); changed = true; }
        foreach (var h in s.Schedules)
        {
            var existing = row.Schedules.FirstOrDefault(x => x.Uid == h.Id);
            if (existing is null) { existing = new ServiceSchedule { Uid = h.Id }; row.Schedules.Add(existing); changed = true; }
            var location = h.LocationId is { } l ? locations[l] : null;
            if (existing.Weekday != h.Weekday || existing.Opens != h.Opens || existing.Closes != h.Closes || existing.ValidFrom != h.ValidFrom || existing.ValidTo != h.ValidTo
                || existing.Note != h.Note || (location is null ? existing.LocationId is not null : existing.Location != location && existing.LocationId != location.Id)) changed = true;
            existing.Weekday = h.Weekday;
            existing.Opens = h.Opens;
            existing.Closes = h.Closes;
            existing.ValidFrom = h.ValidFrom;
            existing.ValidTo = h.ValidTo;
            existing.Note = h.Note;
            existing.Location = location;
            if (location is null) existing.LocationId = null;
        }

        var wantedSpecials = s.SpecialHours.Select(h => (Location: h.LocationId is { } l ? locations[l] : null, h)).ToList();
        bool Same(SpecialHours row2, (ServiceLocation? Location, HsdsSpecialHours h) w) =>
            row2.From == w.h.From && row2.To == w.h.To && row2.Opens == w.h.Opens && row2.Closes == w.h.Closes && row2.Note == w.h.Note
            && (w.Location is null ? row2.LocationId is null : row2.Location == w.Location || row2.LocationId == w.Location.Id && w.Location.Id != 0);
        var unmatched = row.SpecialHours.ToList();
        foreach (var w in wantedSpecials)
        {
            var match = unmatched.FirstOrDefault(r => Same(r, w));
            if (match is not null) { unmatched.Remove(match); continue; }
            row.SpecialHours.Add(new SpecialHours { From = w.h.From, To = w.h.To, Opens = w.h.Opens, Closes = w.h.Closes, Note = w.h.Note, Location = w.Location });
            changed = true;
        }
        foreach (var r in unmatched) { db.SpecialHours.Remove(r); changed = true; }

        foreach (var c in row.Contacts.Where(c => s.Contacts.All(x => x.Id != c.Uid)).ToList()) { db.ServiceContacts.Remove(c); changed = true; }
        for (var i = 0; i < s.Contacts.Count; i++)
        {
            var c = s.Contacts[i];
            var existing = row.Contacts.FirstOrDefault(x => x.Uid == c.Id);
            if (existing is null) { existing = new ServiceContact { Uid = c.Id }; row.Contacts.Add(existing); changed = true; }
            var phoneLanguages = string.Join(", ", c.PhoneLanguages);
            if (existing.Position != i || existing.Name != c.Name || existing.Title != c.Title || existing.Email != c.Email || existing.Phone != c.Phone || existing.PhoneLanguages != phoneLanguages)
                changed = true;
            existing.Position = i;
            existing.Name = c.Name;
            existing.Title = c.Title;
            existing.Email = c.Email;
            existing.Phone = c.Phone;
            existing.PhoneLanguages = phoneLanguages;
        }
        return changed;
    }

    /// <summary>Sets each object's translations to the file's: same text and date stay, others are written, translations the
    /// file does not have for an imported object are removed. A translation marked outdated gets a fingerprint that does not
    /// match its source, so it shows as outdated here too. Returns the services whose translations changed.</summary>
    private static async Task<HashSet<int>> ApplyTranslationsAsync(PlanwerkDbContext db,
        List<(string Kind, int EntityId, List<HsdsTranslation> Translations, Func<string, string> Source)> objects, CancellationToken ct)
    {
        var changedServices = new HashSet<int>();
        foreach (var kind in new[] { ContentKinds.Service, ContentKinds.Location, ContentKinds.Topic })
        {
            var ofKind = objects.Where(o => o.Kind == kind).ToList();
            var ids = ofKind.Select(o => o.EntityId).ToList();
            var existing = (await db.ContentTranslations.Where(t => t.Kind == kind && ids.Contains(t.EntityId)).ToListAsync(ct))
                .ToLookup(t => t.EntityId);
            foreach (var (_, entityId, translations, source) in ofKind)
            {
                var rows = existing[entityId].ToList();
                var fields = HsdsDirectory.FieldsOf(kind);
                foreach (var t in translations)
                {
                    var field = fields.First(f => f.Hsds == t.Field).Planwerk;
                    var text = source(field);
                    var fingerprint = t.Outdated ? ServiceTexts.Fingerprint("\u0001outdated\u0001" + text) : ServiceTexts.Fingerprint(text);
                    var row = rows.FirstOrDefault(r => r.Language == t.Language && r.Field == field);
                    if (row is null)
                    {
                        db.ContentTranslations.Add(new ContentTranslation
                        {
                            Kind = kind, EntityId = entityId, Language = t.Language, Field = field, Text = t.Text, SourceFingerprint = fingerprint, TranslatedAt = t.TranslatedAt,
                        });
                        if (kind == ContentKinds.Service) changedServices.Add(entityId);
                        continue;
                    }
                    rows.Remove(row);
                    var wasOutdated = row.SourceFingerprint != ServiceTexts.Fingerprint(text);
                    if (row.Text == t.Text && wasOutdated == t.Outdated && row.TranslatedAt == t.TranslatedAt) continue;
                    row.Text = t.Text;
                    if (wasOutdated != t.Outdated) row.SourceFingerprint = fingerprint;
                    row.TranslatedAt = t.TranslatedAt;
                    if (kind == ContentKinds.Service) changedServices.Add(entityId);
                }
                foreach (var gone in rows)
                {
                    db.ContentTranslations.Remove(gone);
                    if (kind == ContentKinds.Service) changedServices.Add(entityId);
                }
            }
        }
        return changedServices;
    }
}
