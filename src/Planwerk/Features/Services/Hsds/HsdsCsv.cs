using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;

namespace Planwerk.Features.Services.Hsds;

/// <summary>The HSDS 3.0 tabular package: one CSV file per kind of object, named as the standard names them
/// (<c>services.csv</c>, <c>service_at_locations.csv</c>, ...), zipped. Written by flattening the JSON document
/// (<see cref="HsdsJson.Document"/>), so both formats always hold the same; read back into a <see cref="HsdsDirectory"/> with
/// every problem at its file, row (the header is row 1) and column. Planwerk's profile adds <c>translations.csv</c> and a few
/// columns (see docs/services-exchange.md).</summary>
public static class HsdsCsv
{
    public const int MaxEntries = 40;
    public const long MaxUnpackedBytes = 256L * 1024 * 1024;

    /// <summary>A table: its file, the columns Planwerk writes (and reads), and further HSDS columns it accepts and ignores.</summary>
    public sealed record Table(string File, string[] Columns, string[] Ignored);

    public static readonly Table Organizations = new("organizations.csv", ["id", "name", "description", "email", "website", "address"],
        ["alternate_name", "tax_status", "tax_id", "year_incorporated", "legal_status", "logo", "uri", "parent_organization_id"]);
    public static readonly Table Locations = new("locations.csv",
        ["id", "location_type", "organization_id", "name", "transportation", "latitude", "longitude", "district", "wheelchair_accessible"],
        ["url", "alternate_name", "description", "external_identifier", "external_identifier_type"]);
    public static readonly Table Addresses = new("addresses.csv", ["id", "location_id", "address_1", "city", "state_province", "postal_code", "country", "address_type"],
        ["attention", "address_2", "region"]);
    public static readonly Table Accessibility = new("accessibility.csv", ["id", "location_id", "description"], ["details", "url"]);
    public static readonly Table Services = new("services.csv",
        ["id", "organization_id", "name", "description", "url", "email", "status", "application_process", "fees_description", "eligibility_description",
            "minimum_age", "maximum_age", "assured_date", "last_modified", "accessibility_description", "remote_only", "example"],
        ["program_id", "alternate_name", "interpretation_services", "wait_time", "fees", "accreditations", "assurer_email", "licenses", "alert"]);
    public static readonly Table ServiceAtLocations = new("service_at_locations.csv", ["id", "service_id", "location_id"], ["description"]);
    public static readonly Table Schedules = new("schedules.csv",
        ["id", "service_id", "location_id", "service_at_location_id", "valid_from", "valid_to", "wkst", "freq", "byday", "opens_at", "closes_at", "notes"],
        ["dtstart", "timezone", "until", "count", "interval", "byweekno", "bymonthday", "byyearday", "description", "schedule_link", "attending_type"]);
    public static readonly Table Contacts = new("contacts.csv", ["id", "organization_id", "service_id", "name", "title", "email"],
        ["service_at_location_id", "location_id", "department"]);
    public static readonly Table Phones = new("phones.csv", ["id", "organization_id", "contact_id", "number"],
        ["location_id", "service_id", "service_at_location_id", "extension", "type", "description"]);
    public static readonly Table Languages = new("languages.csv", ["id", "service_id", "phone_id", "name", "code"], ["location_id", "note"]);
    public static readonly Table CostOptions = new("cost_options.csv", ["id", "service_id", "option", "currency", "amount"], ["valid_from", "valid_to", "amount_description"]);
    public static readonly Table RequiredDocuments = new("required_documents.csv", ["id", "service_id", "document"], ["uri"]);
    public static readonly Table Taxonomies = new("taxonomies.csv", ["id", "name", "description", "version"], ["uri"]);
    public static readonly Table TaxonomyTerms = new("taxonomy_terms.csv", ["id", "code", "name", "description", "parent_id", "taxonomy_id"],
        ["taxonomy", "language", "term_uri"]);
    public static readonly Table Attributes = new("attributes.csv", ["id", "link_id", "taxonomy_term_id", "link_entity"], ["link_type", "value"]);
    public static readonly Table Translations = new("translations.csv", ["link_entity", "link_id", "language", "field", "text", "outdated", "translated_at"], []);

    public static readonly IReadOnlyList<Table> All =
        [Organizations, Locations, Addresses, Accessibility, Services, ServiceAtLocations, Schedules, Contacts, Phones, Languages, CostOptions, RequiredDocuments,
            Taxonomies, TaxonomyTerms, Attributes, Translations];

    // ---------------------------------------------------------------- writing

    /// <summary>The package as a ZIP: every table (also an empty one, as its header), in <see cref="All"/>'s order, with fixed
    /// entry dates so the same directory gives the same bytes. CSV as RFC 4180: comma, CRLF, UTF-8 without byte order mark,
    /// quoted where needed; values are written as they are (open data is not guarded against spreadsheet formulas).</summary>
    public static byte[] Write(JsonObject document)
    {
        var rows = All.ToDictionary(t => t, _ => new List<Dictionary<string, string>>());
        void Add(Table table, JsonObject o, params (string Column, string? Value)[] extra)
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in o)
            {
                if (value is null || value is JsonArray || value is JsonObject) continue;
                row[key] = value.GetValueKind() switch
                {
                    JsonValueKind.String => value.GetValue<string>(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => value.ToJsonString(),
                };
            }
            foreach (var (column, value) in extra) if (value is not null) row[column] = value;
            rows[table].Add(row);
        }
        void Each(JsonObject o, string property, Action<JsonObject> action)
        {
            if (o[property] is JsonArray list) foreach (var item in list) action(item!.AsObject());
        }
        void Translated(JsonObject o, string entity) =>
            Each(o, "translations", t => Add(Translations, t, ("link_entity", entity), ("link_id", o["id"]!.GetValue<string>())));
        void Schedule(JsonObject h) => Add(Schedules, h);

        Each(document, "organizations", org =>
        {
            Add(Organizations, org);
            Each(org, "contacts", c => Add(Contacts, c));
            Each(org, "phones", p => Add(Phones, p));
            Each(org, "locations", l =>
            {
                Add(Locations, l);
                Each(l, "addresses", a => Add(Addresses, a));
                Each(l, "accessibility", a => Add(Accessibility, a));
                Translated(l, "location");
            });
        });
        Each(document, "services", s =>
        {
            Add(Services, s);
            Each(s, "contacts", c =>
            {
                Add(Contacts, c);
                Each(c, "phones", p =>
                {
                    Add(Phones, p);
                    Each(p, "languages", l => Add(Languages, l));
                });
            });
            Each(s, "schedules", Schedule);
            Each(s, "service_at_locations", a =>
            {
                Add(ServiceAtLocations, a);
                Each(a, "schedules", Schedule);
            });
            Each(s, "languages", l => Add(Languages, l));
            Each(s, "cost_options", c => Add(CostOptions, c));
            Each(s, "required_documents", d => Add(RequiredDocuments, d));
            Each(s, "attributes", a => Add(Attributes, a));
            Translated(s, "service");
        });
        Each(document, "taxonomies", t => Add(Taxonomies, t));
        Each(document, "taxonomy_terms", t =>
        {
            Add(TaxonomyTerms, t);
            Translated(t, "taxonomy_term");
        });

        using var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var table in All)
            {
                var entry = zip.CreateEntry(table.File, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var stream = entry.Open();
                stream.Write(WriteTable(table, rows[table]));
            }
        }
        return zipped.ToArray();
    }

    private static byte[] WriteTable(Table table, List<Dictionary<string, string>> rows)
    {
        using var stream = new MemoryStream();
        var options = new CsvWriterOptions
        {
            Separator = ',',
            NewLine = "\r\n",
            Quoting = CsvQuoting.WhenNeededOrWhitespace,
            WriteByteOrderMark = false,
            Injection = CsvInjection.None,
        };
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            csv.WriteRecord(table.Columns);
            foreach (var row in rows) csv.WriteRecord(table.Columns.Select(c => row.GetValueOrDefault(c) ?? "").ToArray());
        }
        return stream.ToArray();
    }

    // ---------------------------------------------------------------- reading

    /// <summary>The fields of one CSV row by column name.</summary>
    private sealed class CsvFields(Dictionary<string, string> cells, HsdsReading reading, HsdsPlace place) : HsdsFields(reading, place)
    {
        public override bool Has(string field) => cells.TryGetValue(field, out var value) && value.Length > 0;

        protected override string? Raw(string field, HsdsValueKind expected) => cells.TryGetValue(field, out var value) && value.Length > 0 ? value : null;

        public string Cell(string field) => cells.GetValueOrDefault(field) ?? "";
    }

    /// <summary>Reads the package; null when it cannot be read at all (the problem is in <paramref name="reading"/>).</summary>
    public static HsdsDirectory? Read(byte[] content, HsdsReading reading, DateTimeOffset now)
    {
        var tables = new Dictionary<Table, List<CsvFields>>();
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            var files = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
            if (files.Count > MaxEntries)
            {
                reading.Problems.Add(HsdsProblem.InFile(HsdsTexts.ZipTooManyEntries, files.Count.ToString(CultureInfo.InvariantCulture), MaxEntries.ToString(CultureInfo.InvariantCulture)));
                return null;
            }
            if (files.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                reading.Problems.Add(HsdsProblem.InFile(HsdsTexts.ZipTooBig, HsdsImport.Size(MaxUnpackedBytes)));
                return null;
            }
            long unpacked = 0;
            foreach (var entry in files)
            {
                var name = entry.Name;
                if (name.Equals("datapackage.json", StringComparison.OrdinalIgnoreCase)) continue;
                var table = All.FirstOrDefault(t => t.File.Equals(name, StringComparison.OrdinalIgnoreCase));
                if (table is null)
                {
                    reading.Problems.Add(new HsdsProblem(entry.FullName, null, null, HsdsTexts.ZipUnknownFile, [string.Join(", ", All.Select(t => t.File))]));
                    continue;
                }
                var bytes = ReadEntry(entry, MaxUnpackedBytes - unpacked);
                if (bytes is null)
                {
                    reading.Problems.Add(HsdsProblem.InFile(HsdsTexts.ZipTooBig, HsdsImport.Size(MaxUnpackedBytes)));
                    return null;
                }
                unpacked += bytes.Length;
                tables[table] = ReadTable(table, bytes, reading);
            }
        }
        catch (InvalidDataException)
        {
            reading.Problems.Add(HsdsProblem.InFile(HsdsTexts.NotAZip));
            return null;
        }
        if (!tables.ContainsKey(Services))
        {
            reading.Problems.Add(HsdsProblem.InFile(HsdsTexts.ZipNoServices));
            return null;
        }
        return Assemble(tables, reading, now);
    }

    /// <summary>An entry's bytes, or null when it unpacks to more than <paramref name="limit"/> (whatever its header claims).</summary>
    private static byte[]? ReadEntry(ZipArchiveEntry entry, long limit)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static List<CsvFields> ReadTable(Table table, byte[] bytes, HsdsReading reading)
    {
        var rows = new List<CsvFields>();
        var span = bytes.AsSpan();
        if (span.StartsWith("\uFEFF"u8)) span = span[3..];
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span);
        }
        catch (DecoderFallbackException)
        {
            reading.Problems.Add(new HsdsProblem(table.File, null, null, HsdsTexts.CsvNotText, []));
            return rows;
        }
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            reading.Problems.Add(new HsdsProblem(table.File, null, null, HsdsTexts.CsvNotText, []));
            return rows;
        }
        var options = new CsvReaderOptions
        {
            Separator = ',', HasHeader = false, SkipEmptyLines = true, AllowLineBreaksInQuotes = true, MalformedData = CsvMalformedDataHandling.Throw, DetectSeparatorHint = false,
        };
        var records = new List<string[]>();
        try
        {
            using var reader = CsvReader.Create(new StringReader(text), options, leaveOpen: false);
            while (reader.Read())
            {
                if (records.Count > HsdsImport.MaxObjects)
                {
                    reading.Problems.Add(new HsdsProblem(table.File, null, null, HsdsTexts.TooManyObjects, [HsdsImport.MaxObjects.ToString(CultureInfo.InvariantCulture)]));
                    return [];
                }
                var fields = new string[reader.FieldCount];
                for (var i = 0; i < fields.Length; i++) fields[i] = reader.GetString(i);
                records.Add(fields);
            }
        }
        catch (CsvFormatException e)
        {
            reading.Problems.Add(new HsdsProblem(table.File, null, null, HsdsTexts.CsvBroken, [e.RecordNumber.ToString(CultureInfo.InvariantCulture)]));
            return rows;
        }
        if (records.Count == 0) return rows;
        var header = records[0].Select(h => h.Trim()).ToArray();
        var use = new List<(int Index, string Column)>();
        for (var i = 0; i < header.Length; i++)
        {
            var place = new HsdsPlace(table.File, 1);
            if (header.Take(i).Contains(header[i], StringComparer.Ordinal)) reading.Problem(place, header[i], HsdsTexts.CsvDuplicateColumn);
            else if (table.Columns.Contains(header[i], StringComparer.Ordinal)) use.Add((i, header[i]));
            else if (!table.Ignored.Contains(header[i], StringComparer.Ordinal) && header[i] != "metadata")
                reading.Problem(place, header[i], HsdsTexts.CsvUnknownColumn, string.Join(", ", table.Columns));
        }
        if (!header.Contains("id") && table != Translations) reading.Problem(new HsdsPlace(table.File, 1), "id", HsdsTexts.CsvMissingColumn, "id");
        for (var r = 1; r < records.Count; r++)
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (index, column) in use) cells[column] = index < records[r].Length ? records[r][index] : "";
            rows.Add(new CsvFields(cells, reading, new HsdsPlace(table.File, r + 1)));
        }
        return rows;
    }

    /// <summary>Rows of a child table by the parent id in <paramref name="column"/>, each a reference the reading checks.</summary>
    private static Dictionary<Guid, List<CsvFields>> By(List<CsvFields> rows, string column, string kind, HsdsReading reading)
    {
        var groups = new Dictionary<Guid, List<CsvFields>>();
        foreach (var row in rows)
        {
            var text = row.Cell(column).Trim();
            if (text.Length == 0) continue;
            if (!Guid.TryParseExact(text, "D", out var id))
            {
                row.Problem(column, HsdsTexts.NotAnId, HsdsFields.Cut(text));
                continue;
            }
            reading.Refer(kind, id, row.Place, column);
            if (!groups.TryGetValue(id, out var list)) groups[id] = list = [];
            list.Add(row);
        }
        return groups;
    }

    /// <summary>A row must name one of its possible parents.</summary>
    private static void RequireOne(List<CsvFields> rows, params string[] columns)
    {
        foreach (var row in rows.Where(r => columns.All(c => r.Cell(c).Trim().Length == 0))) row.Problem(columns[^1], HsdsTexts.Required);
    }

    private static List<CsvFields> Of(Dictionary<Guid, List<CsvFields>> groups, Guid? id) => id is { } key && groups.TryGetValue(key, out var list) ? list : [];

    private static HsdsDirectory Assemble(Dictionary<Table, List<CsvFields>> tables, HsdsReading reading, DateTimeOffset now)
    {
        List<CsvFields> T(Table table) => tables.GetValueOrDefault(table) ?? [];
        Guid? IdOf(CsvFields row) => Guid.TryParseExact(row.Cell("id").Trim(), "D", out var id) ? id : null;

        RequireOne(T(Contacts), "organization_id", "service_id");
        RequireOne(T(Phones), "organization_id", "contact_id");
        RequireOne(T(Languages), "service_id", "phone_id");
        RequireOne(T(Addresses), "location_id");
        RequireOne(T(Accessibility), "location_id");
        RequireOne(T(ServiceAtLocations), "service_id");
        RequireOne(T(Schedules), "service_id", "service_at_location_id");
        RequireOne(T(CostOptions), "service_id");
        RequireOne(T(RequiredDocuments), "service_id");
        RequireOne(T(Attributes), "link_id");
        var orgContacts = By(T(Contacts), "organization_id", HsdsReading.Organization, reading);
        var serviceContacts = By(T(Contacts), "service_id", HsdsReading.Service, reading);
        var orgPhones = By(T(Phones), "organization_id", HsdsReading.Organization, reading);
        var contactPhones = By(T(Phones), "contact_id", HsdsReading.Contact, reading);
        var serviceLanguages = By(T(Languages), "service_id", HsdsReading.Service, reading);
        var phoneLanguages = By(T(Languages), "phone_id", "phone", reading);
        var addresses = By(T(Addresses), "location_id", HsdsReading.Location, reading);
        var accessibility = By(T(Accessibility), "location_id", HsdsReading.Location, reading);
        var links = By(T(ServiceAtLocations), "service_id", HsdsReading.Service, reading);
        var linkSchedules = By(T(Schedules), "service_at_location_id", HsdsReading.ServiceAtLocation, reading);
        var serviceSchedules = By(T(Schedules).Where(h => h.Cell("service_at_location_id").Trim().Length == 0).ToList(), "service_id", HsdsReading.Service, reading);
        var costs = By(T(CostOptions), "service_id", HsdsReading.Service, reading);
        var documents = By(T(RequiredDocuments), "service_id", HsdsReading.Service, reading);
        var attributes = By(T(Attributes), "link_id", HsdsReading.Service, reading);
        var translations = new Dictionary<(string, Guid), List<CsvFields>>();
        foreach (var row in T(Translations))
        {
            var entity = row.Cell("link_entity").Trim();
            var kind = entity switch { "service" => HsdsReading.Service, "location" => HsdsReading.Location, "taxonomy_term" => HsdsReading.TaxonomyTerm, _ => null };
            if (kind is null)
            {
                row.Problem("link_entity", entity.Length == 0 ? HsdsTexts.Required : HsdsTexts.UnknownLinkEntity, HsdsFields.Cut(entity));
                continue;
            }
            if (row.Id("link_id", required: true) is not { } link) continue;
            reading.Refer(kind, link, row.Place, "link_id");
            if (!translations.TryGetValue((kind, link), out var list)) translations[(kind, link)] = list = [];
            list.Add(row);
        }
        List<CsvFields> TranslationsOf(string kind, Guid? id) => id is { } key && translations.TryGetValue((kind, key), out var list) ? list : [];

        var directory = new HsdsDirectory();
        foreach (var o in T(Organizations))
        {
            var id = IdOf(o);
            // Organisation contacts and phones have no ids of their own in Planwerk; declared so that nothing else may refer to them wrongly.
            var contact = Of(orgContacts, id).FirstOrDefault();
            if (contact is not null && IdOf(contact) is { } cid) reading.Declare(HsdsReading.Contact, cid, contact.Place);
            var organisation = HsdsJsonReader.Organisation(o, contact?.Text("name", Participation.Stakeholders.Stakeholder.MaxLineLength) ?? "",
                Of(orgPhones, id).FirstOrDefault()?.Text("number", Participation.Stakeholders.Stakeholder.MaxLineLength) ?? "");
            if (organisation is not null) directory.Organisations.Add(organisation);
        }
        foreach (var l in T(Locations))
        {
            var id = IdOf(l);
            var address = Of(addresses, id).FirstOrDefault();
            var access = Of(accessibility, id).FirstOrDefault();
            var location = HsdsJsonReader.Location(l, null, address?.Text("address_1", HelpService.MaxLineLength) ?? "", address?.Text("postal_code", 20) ?? "",
                address?.Text("city", 200) ?? "", access?.Text("description", HelpService.MaxTextLength) ?? "",
                HsdsJsonReader.Translations(TranslationsOf(HsdsReading.Location, id), ContentKinds.Location, now));
            if (location is not null) directory.Locations.Add(location);
        }
        foreach (var s in T(Services))
        {
            var id = IdOf(s);
            var atLocations = new List<HsdsServiceAtLocation>();
            var schedules = new List<HsdsSchedule>();
            var specials = new List<HsdsSpecialHours>();
            foreach (var h in Of(serviceSchedules, id)) HsdsJsonReader.Schedule(h, null, h.Id("location_id", required: false), schedules, specials);
            foreach (var a in Of(links, id))
            {
                var linkId = a.Id("id", required: true);
                var location = a.Id("location_id", required: true);
                reading.Refer(HsdsReading.Location, location, a.Place, "location_id");
                if (linkId is { } lid && location is { } loc && reading.Declare(HsdsReading.ServiceAtLocation, lid, a.Place))
                {
                    atLocations.Add(new HsdsServiceAtLocation(lid, loc));
                    foreach (var h in Of(linkSchedules, lid)) HsdsJsonReader.Schedule(h, lid, loc, schedules, specials);
                }
            }
            var contacts = new List<HsdsContact>();
            foreach (var c in Of(serviceContacts, id))
            {
                var phone = Of(contactPhones, IdOf(c)).FirstOrDefault();
                var phoneId = phone is null ? null : IdOf(phone);
                if (phoneId is { } pid) reading.Declare("phone", pid, phone!.Place);
                var codes = Of(phoneLanguages, phoneId).Select(x => x.Language("code")).OfType<string>().Distinct().ToList();
                if (HsdsJsonReader.Contact(c, phone?.Text("number", 100) ?? "", codes) is { } contact) contacts.Add(contact);
            }
            var languages = Of(serviceLanguages, id).Select(x => x.Language("code")).OfType<string>().Distinct().ToList();
            var free = Of(costs, id).Any(o => o.Text("option", 1000).Equals("free", StringComparison.OrdinalIgnoreCase) || o.Number("amount") == 0);
            var documentText = string.Join("\n", Of(documents, id).Select(d => d.Text("document", HelpService.MaxLineLength)).Where(d => d.Trim().Length > 0));
            var (topics, audience) = HsdsJsonReader.Attributes(Of(attributes, id), id);
            var service = HsdsJsonReader.Service(s, now, atLocations, schedules, specials, contacts, languages, free, documentText, topics, audience,
                HsdsJsonReader.Translations(TranslationsOf(HsdsReading.Service, id), ContentKinds.Service, now));
            if (service is not null) directory.Services.Add(service);
        }
        var positions = new Dictionary<Guid, int>();
        foreach (var t in T(TaxonomyTerms))
        {
            var topic = HsdsJsonReader.Topic(t, positions, now, HsdsJsonReader.Translations(TranslationsOf(HsdsReading.TaxonomyTerm, IdOf(t)), ContentKinds.Topic, now));
            if (topic is not null) directory.Topics.Add(topic);
        }
        // Phones of organisations and contacts are declared above; other phone rows that languages refer to are dangling.
        foreach (var p in T(Phones).Where(p => p.Cell("organization_id").Trim().Length > 0)) if (IdOf(p) is { } pid) reading.Declare("phone", pid, p.Place);
        return directory;
    }
}
