using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Json.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Features.Demo;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;
using Planwerk.Features.Services;
using Planwerk.Features.Services.Hsds;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Demo;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Services.Exchange;

/// <summary>The whole directory out and in as HSDS JSON and as the HSDS tabular ZIP: the demo (with hostile text added) exported,
/// imported into an empty municipality and exported again gives the same bytes; a bad file is refused with its problems by
/// place and field and changes nothing; only the plan team of the municipality may use the page.</summary>
public abstract class ServicesExchangeTests(DemoApp app)
{
    private static string Page(string slug) => $"/{slug}/manage/services/exchange";

    private async Task<TestMunicipality> DemoAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var demo = await scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>().Municipalities
            .Where(m => m.Slug == DemoContent.Slug && m.IsDemo).Select(m => new { m.Id, m.Name }).SingleAsync();
        return new TestMunicipality(app, demo.Id, DemoContent.Slug, demo.Name);
    }

    /// <summary>A service of a new organisation with hostile text everywhere a text goes: its fields, a contact, a place in a
    /// new district, hours with an exception, a topic, translations (one outdated).</summary>
    private static async Task AddHostileServiceAsync(TestMunicipality m)
    {
        await m.WithDbAsync(async db =>
        {
            var suffix = Guid.NewGuid().ToString("N")[..6];
            var organisation = new Stakeholder { Name = HostileText.Script + " Träger " + suffix, Description = HostileText.Markup, Phone = "+49 351 000", ContactPerson = HostileText.RightToLeft };
            var topic = new ServiceTopic { Code = "hostile-" + suffix, Name = HostileText.Markup + suffix, Description = HostileText.RightToLeft, Position = 99 };
            var district = new District { Name = HostileText.Script + " Bezirk " + suffix };
            var location = new ServiceLocation
            {
                Name = HostileText.Markup + " Ort", Street = "Straße 1 " + HostileText.Script, PostalCode = "01067", City = "Dresden", District = district, Organisation = organisation,
                Latitude = 51.05m, Longitude = 13.7375m, TransportNotes = HostileText.RightToLeft, Accessibility = "Rampe\n" + HostileText.Script, IsWheelchairAccessible = true,
            };
            var service = new HelpService
            {
                Name = HostileText.Script + " Angebot " + suffix, Description = HostileText.VeryLong[..HelpService.MaxTextLength], Organisation = organisation,
                Status = ServiceStatus.TemporarilyClosed, Url = "https://example.org/a?b=1&c=<2>", Email = "x@example.org", Audience = ResidenceSituations.AsylumSeekers | ResidenceSituations.EuCitizens,
                MinimumAge = 16, MaximumAge = 27, Eligibility = HostileText.Markup, Costs = "5 € " + HostileText.Script, HowToApply = HostileText.RightToLeft,
                DocumentsToBring = "Pass\n" + HostileText.Script + "\nBescheid", Accessibility = HostileText.Markup, LastCheckedOn = new DateOnly(2025, 2, 28),
                ModifiedAt = new DateTimeOffset(2025, 3, 1, 8, 30, 0, TimeSpan.Zero), Topics = [topic],
                Languages = [new ServiceLanguage { Code = "ar" }, new ServiceLanguage { Code = "fa" }],
                Locations = [new ServiceAtLocation { Location = location }],
                Contacts = [new ServiceContact { Name = HostileText.Script, Title = HostileText.RightToLeft, Email = "kontakt@example.org", Phone = "+49 351 1234", PhoneLanguages = "de, ar" },
                    new ServiceContact { Position = 1, Name = "Zweite", Phone = "0351 99" }],
                Schedules = [new ServiceSchedule { Location = location, Weekday = DayOfWeek.Monday, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(12, 30), Note = HostileText.Script },
                    new ServiceSchedule { Weekday = DayOfWeek.Sunday, Opens = new TimeOnly(18, 0), Closes = new TimeOnly(23, 59, 30), ValidFrom = new DateOnly(2025, 1, 1), ValidTo = new DateOnly(2025, 12, 31) }],
                SpecialHours = [new SpecialHours { Location = location, From = new DateOnly(2025, 12, 24), To = new DateOnly(2025, 12, 26), Note = HostileText.RightToLeft },
                    new SpecialHours { From = new DateOnly(2025, 5, 1), To = new DateOnly(2025, 5, 1), Opens = new TimeOnly(10, 0), Closes = new TimeOnly(12, 0) }],
            };
            db.HelpServices.Add(service);
            await db.SaveChangesAsync();
            var at = new DateTimeOffset(2025, 3, 2, 10, 0, 0, TimeSpan.Zero);
            db.ContentTranslations.AddRange(
                new ContentTranslation { Kind = ContentKinds.Service, EntityId = service.Id, Language = "ar", Field = nameof(HelpService.Name), Text = HostileText.RightToLeft + HostileText.Script, SourceFingerprint = ServiceTexts.Fingerprint(service.Name), TranslatedAt = at },
                new ContentTranslation { Kind = ContentKinds.Service, EntityId = service.Id, Language = "fa", Field = nameof(HelpService.Description), Text = HostileText.Markup, SourceFingerprint = ServiceTexts.Fingerprint("older text"), TranslatedAt = at },
                new ContentTranslation { Kind = ContentKinds.Location, EntityId = location.Id, Language = "uk", Field = nameof(ServiceLocation.TransportNotes), Text = "Трамвай " + HostileText.Script, SourceFingerprint = ServiceTexts.Fingerprint(location.TransportNotes), TranslatedAt = at },
                new ContentTranslation { Kind = ContentKinds.Topic, EntityId = topic.Id, Language = "en", Field = nameof(ServiceTopic.Name), Text = HostileText.Script, SourceFingerprint = ServiceTexts.Fingerprint(topic.Name), TranslatedAt = at });
            return 0;
        });
    }

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string slug, byte[] content, string fileName, string contentType)
    {
        var page = await client.GetDocumentAsync(Page(slug));
        var form = (IHtmlFormElement)page.QuerySelector("main form[enctype='multipart/form-data']")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new MultipartFormDataContent();
        body.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        body.Add(file, "Upload", fileName);
        return await client.PostAsync(Page(slug), body);
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, string slug, string handler)
    {
        var response = await client.GetAsync(Page(slug) + "?handler=" + handler);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<(int Services, int Locations, int Topics, int Organisations, int Translations, int Histories)> CountAsync(TestMunicipality m) =>
        await m.WithDbAsync(async db => (await db.HelpServices.CountAsync(), await db.ServiceLocations.CountAsync(), await db.ServiceTopics.CountAsync(),
            await db.Stakeholders.CountAsync(), await db.ContentTranslations.CountAsync(), await db.ChangeRecords.CountAsync(r => r.EntityType == Planwerk.Features.Services.Manage.ServiceHistory.EntityType)));

    private static readonly Lazy<Dictionary<string, JsonSchema>> Schemas = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "shared", "standards", "hsds", "schema", "compiled");
            if (!System.IO.Directory.Exists(folder)) continue;
            var registry = new SchemaRegistry();
            return new[] { "organization", "service" }.ToDictionary(n => n, n => JsonSchema.FromText(File.ReadAllText(Path.Combine(folder, n + ".json")),
                new BuildOptions { SchemaRegistry = registry, Dialect = Dialect.Draft07.With([], allowUnknownKeywords: true) }, new Uri($"https://example.org/hsds/compiled/{n}.json")));
        }
        throw new InvalidOperationException("shared/standards/hsds/schema/compiled not found above the test assembly.");
    });

    private static void AssertValid(string schema, JsonNode node)
    {
        var result = Schemas.Value[schema].Evaluate(JsonDocument.Parse(node.ToJsonString()).RootElement, new EvaluationOptions { RequireFormatValidation = true, OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, $"Invalid {schema}: " + string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))) + "\n" + node.ToJsonString()[..Math.Min(3000, node.ToJsonString().Length)]);
    }

    [Fact]
    public async Task Exported_json_holds_the_whole_directory_and_every_organisation_and_service_validates_against_the_compiled_hsds_schemas()
    {
        var demo = await DemoAsync();
        await AddHostileServiceAsync(demo);
        var client = await demo.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var response = await client.GetAsync(Page(demo.Slug) + "?handler=Json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("hsds-" + demo.Slug + ".json", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var doc = JsonNode.Parse(await response.Content.ReadAsByteArrayAsync())!.AsObject();
        var counts = await CountAsync(demo);

        var services = doc["services"]!.AsArray();
        Assert.Equal(counts.Services, services.Count);
        Assert.Equal(counts.Topics, doc["taxonomy_terms"]!.AsArray().Count(t => t!["taxonomy_id"]!.GetValue<string>() == HsdsIds.Text(HsdsIds.TopicTaxonomy)));
        Assert.Equal(counts.Locations, doc["organizations"]!.AsArray().Sum(o => o!["locations"]?.AsArray().Count ?? 0));
        foreach (var o in doc["organizations"]!.AsArray()) AssertValid("organization", o!);
        foreach (var s in services) AssertValid("service", s!);

        var hostile = services.Single(s => s!["name"]!.GetValue<string>().StartsWith(HostileText.Script + " Angebot", StringComparison.Ordinal))!;
        Assert.Equal("temporarily closed", hostile["status"]!.GetValue<string>());
        Assert.Equal(["ar", "fa"], hostile["languages"]!.AsArray().Select(l => l!["code"]!.GetValue<string>()));
        Assert.Equal(["de", "ar"], hostile["contacts"]![0]!["phones"]![0]!["languages"]!.AsArray().Select(l => l!["code"]!.GetValue<string>()));
        Assert.Contains(hostile["translations"]!.AsArray(), t => t!["language"]!.GetValue<string>() == "fa" && t["outdated"]!.GetValue<bool>());
        Assert.Contains(hostile["schedules"]!.AsArray(), h => h!["freq"] is null && h["valid_from"]!.GetValue<string>() == "2025-05-01" && h["opens_at"]!.GetValue<string>() == "10:00");
        var atLocation = hostile["service_at_locations"]![0]!["schedules"]!.AsArray();
        Assert.Contains(atLocation, h => h!["byday"]?.GetValue<string>() == "MO" && h["closes_at"]!.GetValue<string>() == "12:30");
        Assert.Contains(atLocation, h => h!["freq"] is null && h["valid_to"]!.GetValue<string>() == "2025-12-26" && h["opens_at"] is null);
        // One topic and two residence situations.
        Assert.Equal(3, hostile["attributes"]!.AsArray().Count);
        // Markup is text in a JSON string, and escaped there, so the file is safe wherever it is shown.
        Assert.DoesNotContain("<script>", Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        Assert.StartsWith(HostileText.Script, hostile["contacts"]![0]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_export_imported_into_an_empty_municipality_exports_byte_identical_and_a_second_import_changes_nothing()
    {
        var demo = await DemoAsync();
        await AddHostileServiceAsync(demo);
        var a = await DownloadAsync(await demo.SignedInClientAsync(MunicipalityRole.PlanEditor), demo.Slug, "Json");

        var b = await app.CreateMunicipalityAsync();
        var client = await b.SignedInClientAsync(MunicipalityRole.Administrator);
        var response = await UploadAsync(client, b.Slug, a, "verzeichnis.json", "application/json");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var exported = await DownloadAsync(client, b.Slug, "Json");
        Assert.Equal(Encoding.UTF8.GetString(a), Encoding.UTF8.GetString(exported));
        var demoCounts = await CountAsync(demo);
        var after = await CountAsync(b);
        Assert.Equal(demoCounts.Services, after.Services);
        Assert.Equal(after.Services, after.Histories);

        response = await UploadAsync(client, b.Slug, a, "verzeichnis.json", "application/json");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync(Page(b.Slug));
        Assert.Contains("0 Hilfeangebote, 0 Orte, 0 Themen und 0 Organisationen neu, 0 Hilfeangebote, 0 Orte und 0 Themen geändert", page, StringComparison.Ordinal);
        Assert.Equal(after, await CountAsync(b));
        Assert.Equal(a, await DownloadAsync(client, b.Slug, "Json"));
    }

    [Fact]
    public async Task A_json_file_with_dangling_references_duplicate_ids_bad_dates_and_unknown_languages_is_refused_with_each_place_and_nothing_changes()
    {
        var demo = await DemoAsync();
        var a = await DownloadAsync(await demo.SignedInClientAsync(MunicipalityRole.PlanEditor), demo.Slug, "Json");
        var doc = JsonNode.Parse(a)!.AsObject();
        var services = doc["services"]!.AsArray();
        var withPlace = services.Select((s, i) => (s, i)).First(x => x.s!["service_at_locations"] is JsonArray { Count: > 0 });
        var missingLocation = Guid.NewGuid().ToString();
        withPlace.s!["service_at_locations"]![0]!["location_id"] = missingLocation;
        var others = Enumerable.Range(0, services.Count).Where(i => i != withPlace.i).Take(4).ToList();
        var missingOrganisation = Guid.NewGuid().ToString();
        services[others[0]]!["organization_id"] = missingOrganisation;
        services[others[1]]!["languages"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["code"] = "xx-klingon" });
        services[others[2]]!["assured_date"] = "2025-02-30";
        services[others[3]]!["id"] = services[others[0]]!["id"]!.GetValue<string>();
        services[others[3]]!["minimum_age"] = "zwölf";

        var b = await app.CreateMunicipalityAsync();
        await b.WithDbAsync(db => { db.Stakeholders.Add(new Stakeholder { Name = "Schon da" }); return Task.FromResult(0); });
        var before = await CountAsync(b);
        var client = await b.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var response = await UploadAsync(client, b.Slug, Encoding.UTF8.GetBytes(doc.ToJsonString()), "kaputt.json", "application/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await HtmlForms.ParseAsync(response);
        var rows = html.QuerySelectorAll("#problem-list tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        void Expect(string where, string field, string text) =>
            Assert.True(rows.Any(r => r[0] == where && r[2] == field && r[3].Contains(text, StringComparison.Ordinal)),
                $"No problem at {where} / {field} with „{text}“ in:\n" + string.Join("\n", rows.Select(r => string.Join(" | ", r))));
        Expect($"services[{withPlace.i}].service_at_locations[0]", "location_id", missingLocation);
        Expect($"services[{others[0]}]", "organization_id", missingOrganisation);
        Expect($"services[{others[1]}].languages[0]", "code", "xx-klingon");
        Expect($"services[{others[2]}]", "assured_date", "2025-02-30");
        Expect($"services[{others[3]}]", "id", "kommt schon vor");
        Expect($"services[{others[3]}]", "minimum_age", "falschen Typ: erwartet wird number");
        Assert.Equal(before, await CountAsync(b));
    }

    [Fact]
    public async Task Csv_zip_export_imported_into_an_empty_municipality_exports_byte_identical_in_both_formats()
    {
        var demo = await DemoAsync();
        await AddHostileServiceAsync(demo);
        var demoClient = await demo.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var zip = await DownloadAsync(demoClient, demo.Slug, "Csv");
        var json = await DownloadAsync(demoClient, demo.Slug, "Json");
        using (var archive = new ZipArchive(new MemoryStream(zip)))
        {
            Assert.Equal(HsdsCsv.All.Select(t => t.File), archive.Entries.Select(e => e.FullName));
            using var reader = new StreamReader(archive.GetEntry("service_at_locations.csv")!.Open());
            Assert.Equal("id,service_id,location_id", await reader.ReadLineAsync());
        }

        var b = await app.CreateMunicipalityAsync();
        var client = await b.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var response = await UploadAsync(client, b.Slug, zip, "verzeichnis.zip", "application/zip");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        Assert.Equal(zip, await DownloadAsync(client, b.Slug, "Csv"));
        Assert.Equal(Encoding.UTF8.GetString(json), Encoding.UTF8.GetString(await DownloadAsync(client, b.Slug, "Json")));
    }

    private static byte[] Rezip(byte[] zip, Func<string, string, string> change)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(zip)))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                var text = change(entry.FullName, reader.ReadToEnd());
                using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }
        return output.ToArray();
    }

    [Fact]
    public async Task A_csv_zip_with_a_dangling_location_an_unknown_language_and_closing_before_opening_is_refused_by_file_row_and_column_and_nothing_changes()
    {
        var demo = await DemoAsync();
        var zip = await DownloadAsync(await demo.SignedInClientAsync(MunicipalityRole.PlanEditor), demo.Slug, "Csv");
        var missing = Guid.NewGuid().ToString();
        string? serviceId = null;
        var broken = Rezip(zip, (name, text) =>
        {
            var lines = text.Split("\r\n").ToList();
            switch (name)
            {
                case "service_at_locations.csv":
                    var cells = lines[1].Split(',');
                    serviceId = cells[1];
                    lines[1] = cells[0] + "," + cells[1] + "," + missing;
                    return string.Join("\r\n", lines);
                case "languages.csv":
                    return text + Guid.NewGuid() + "," + serviceId + ",,Klingon,xx-klingon\r\n";
                case "schedules.csv":
                    return text + Guid.NewGuid() + "," + serviceId + ",,,,,MO,WEEKLY,MO,12:00,09:00,\r\n";
                default:
                    return text;
            }
        });
        var b = await app.CreateMunicipalityAsync();
        var before = await CountAsync(b);
        var client = await b.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var response = await UploadAsync(client, b.Slug, broken, "kaputt.zip", "application/zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = (await HtmlForms.ParseAsync(response)).QuerySelectorAll("#problem-list tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        void Expect(string file, string? row, string field, string text) =>
            Assert.True(rows.Any(r => r[0] == file && (row is null ? int.TryParse(r[1], out var n) && n > 1 : r[1] == row) && r[2] == field && r[3].Contains(text, StringComparison.Ordinal)),
                $"No problem at {file} / {row} / {field} with „{text}“ in:\n" + string.Join("\n", rows.Select(r => string.Join(" | ", r))));
        Expect("service_at_locations.csv", "2", "location_id", missing);
        Expect("languages.csv", null, "code", "xx-klingon");
        Expect("schedules.csv", null, "closes_at", "09:00");
        Assert.Equal(3, rows.Count);
        Assert.Equal(before, await CountAsync(b));
    }

    [Fact]
    public async Task A_zip_with_too_many_entries_one_that_unpacks_too_large_or_without_services_is_refused_with_a_clear_message()
    {
        var b = await app.CreateMunicipalityAsync();
        var client = await b.SignedInClientAsync(MunicipalityRole.PlanEditor);
        static byte[] Zip(Action<ZipArchive> fill)
        {
            using var output = new MemoryStream();
            using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true)) fill(zip);
            return output.ToArray();
        }
        async Task<string> ProblemsAsync(byte[] content, string name) =>
            (await HtmlForms.ParseAsync(await UploadAsync(client, b.Slug, content, name, "application/zip"))).QuerySelector("#problem-list")!.TextContent;

        var many = Zip(zip => { for (var i = 0; i < HsdsCsv.MaxEntries + 1; i++) zip.CreateEntry($"f{i}.csv"); });
        Assert.Contains($"enthält {HsdsCsv.MaxEntries + 1} Dateien; erlaubt sind höchstens {HsdsCsv.MaxEntries}", await ProblemsAsync(many, "viele.zip"), StringComparison.Ordinal);

        var bomb = Zip(zip =>
        {
            using var stream = zip.CreateEntry("services.csv", CompressionLevel.SmallestSize).Open();
            var block = new byte[1024 * 1024];
            for (var i = 0; i <= HsdsCsv.MaxUnpackedBytes / block.Length; i++) stream.Write(block);
        });
        Assert.True(bomb.Length < 2 * 1024 * 1024, "The bomb should be small packed: " + bomb.Length);
        Assert.Contains("entpackt zu groß", await ProblemsAsync(bomb, "bombe.zip"), StringComparison.Ordinal);

        var empty = Zip(zip => zip.CreateEntry("organizations.csv"));
        Assert.Contains("keine Datei „services.csv“", await ProblemsAsync(empty, "leer.zip"), StringComparison.Ordinal);
        Assert.Contains("ZIP-Archiv ist beschädigt", await ProblemsAsync([.. "PK\u0003\u0004kaputt"u8], "kaputt.zip"), StringComparison.Ordinal);
        Assert.Equal(0, (await CountAsync(b)).Services);
    }

    [Fact]
    public async Task Organisations_are_found_in_the_registry_by_name_and_only_missing_ones_are_created_there()
    {
        var demo = await DemoAsync();
        var json = await DownloadAsync(await demo.SignedInClientAsync(MunicipalityRole.PlanEditor), demo.Slug, "Json");
        var organisations = JsonNode.Parse(json)!["organizations"]!.AsArray().Select(o => (Id: Guid.Parse(o!["id"]!.GetValue<string>()), Name: o["name"]!.GetValue<string>())).ToList();
        var known = organisations[0];
        var b = await app.CreateMunicipalityAsync();
        var registered = await b.WithDbAsync(async db =>
        {
            var entry = new Stakeholder { Name = known.Name.ToUpperInvariant(), Description = "Eigene Beschreibung" };
            db.Stakeholders.Add(entry);
            await db.SaveChangesAsync();
            return entry.Uid;
        });
        var client = await b.SignedInClientAsync(MunicipalityRole.PlanEditor);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, b.Slug, json, "verzeichnis.json", "application/json")).StatusCode);

        var (entries, servicesOfKnown, description) = await b.WithDbAsync(async db => (
            await db.Stakeholders.Select(s => s.Uid).ToListAsync(),
            await db.HelpServices.CountAsync(s => s.Organisation!.Uid == registered),
            await db.Stakeholders.Where(s => s.Uid == registered).Select(s => s.Description).SingleAsync()));
        Assert.Equal(organisations.Count, entries.Count);
        Assert.DoesNotContain(known.Id, entries);
        Assert.All(organisations.Skip(1), o => Assert.Contains(o.Id, entries));
        Assert.Equal(JsonNode.Parse(json)!["services"]!.AsArray().Count(s => s!["organization_id"]!.GetValue<string>() == known.Id.ToString()), servicesOfKnown);
        Assert.True(servicesOfKnown > 0 || JsonNode.Parse(json)!["organizations"]![0]!["locations"] is not null);
        // The registry entry is the municipality's own and stays as it was.
        Assert.Equal("Eigene Beschreibung", description);
    }

    [Fact]
    public async Task A_pdf_named_json_and_a_file_that_is_not_hsds_are_refused_with_a_clear_message()
    {
        var b = await app.CreateMunicipalityAsync();
        var client = await b.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var response = await UploadAsync(client, b.Slug, Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), "x.json", "application/json");
        var text = (await HtmlForms.ParseAsync(response)).QuerySelector("#problem-list")!.TextContent;
        Assert.Contains("„x.json“ ist ein PDF-Dokument, keine HSDS-Datei", text, StringComparison.Ordinal);
        response = await UploadAsync(client, b.Slug, Encoding.UTF8.GetBytes("Name;Beschreibung\nA;B"), "liste.json", "application/json");
        text = (await HtmlForms.ParseAsync(response)).QuerySelector("#problem-list")!.TextContent;
        Assert.Contains("„liste.json“ ist weder eine HSDS-JSON-Datei noch ein ZIP-Archiv", text, StringComparison.Ordinal);
        response = await UploadAsync(client, b.Slug, Encoding.UTF8.GetBytes("{\"services\": [ {\"id\": "), "halb.json", "application/json");
        text = (await HtmlForms.ParseAsync(response)).QuerySelector("#problem-list")!.TextContent;
        Assert.Contains("kein gültiges JSON", text, StringComparison.Ordinal);
        Assert.Equal(0, (await CountAsync(b)).Services);
    }

    [Fact]
    public async Task Only_plan_editors_and_administrators_of_the_municipality_use_the_exchange_page_and_its_handlers()
    {
        var m = await app.CreateMunicipalityAsync();
        foreach (var visitor in Enum.GetValues<Visitor>())
        {
            var client = await PermissionMatrix.ClientAsync(app, m, visitor);
            // The post carries no file: an admitted visitor gets the page with the problem, nothing changes.
            await PermissionMatrix.AssertAsync(client, visitor, [
                PermissionCheck.Get(Page(m.Slug), Access.PlanEditor),
                PermissionCheck.Get(Page(m.Slug) + "?handler=Json", Access.PlanEditor),
                PermissionCheck.Get(Page(m.Slug) + "?handler=Csv", Access.PlanEditor),
                PermissionCheck.Post(Page(m.Slug), Access.PlanEditor, [], HttpStatusCode.OK),
            ]);
        }
    }
}

public sealed class ServicesExchangeSqliteTests(DemoSqliteApp app) : ServicesExchangeTests(app), IClassFixture<DemoSqliteApp>;

public sealed class ServicesExchangePostgresTests(DemoPostgresApp app) : ServicesExchangeTests(app), IClassFixture<DemoPostgresApp>;
