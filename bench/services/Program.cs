using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Planwerk.Data;
using Planwerk.Features.Services;
using Planwerk.Features.Services.Directory;

// The help-service search benchmark's data and its query timing, on an existing, migrated Planwerk database with the demo
// municipality (its organisations, districts and topics).
//
// seed: adds services (default 10,000) with German texts and English and Arabic translations of name, description and
// eligibility, saved through the application's DbContext in batches of 500, so each service's listing and search words are written by
// the save path as an edit writes it (ServiceSearch.CollectAsync/ApplyAsync). Topics (one or two, sub-topics among them),
// districts (a third of the services at one or two of 1,000 places, most in a district; the rest online or by phone),
// languages offered (one to four of twelve), residence situations, age ranges and costs are spread evenly.
// pathways: adds published pathways (default 50), each of three stages of three steps (every fifth step shared with the
// pathway before), every step naming five of the municipality's listed services and one of its measures, the pathways'
// conditions and the steps' spread over residence situations, ages and children, titles translated into Arabic and
// Ukrainian; published through PathwayPublishing as the plan team publishes.
// measure: times ServiceDirectoryQuery.FindAsync (the count and the first page, as the directory page asks) for searches
// with filters, each in a fresh DbContext as a request has, and prints the median and 90th and 99th percentiles.
//
// Usage: dotnet ServicesSeed.dll seed sqlite|postgres "<connection string>" <municipality slug> [services, default 10000]
//        dotnet ServicesSeed.dll measure sqlite|postgres "<connection string>" <municipality slug> [rounds, default 20]
//        dotnet ServicesSeed.dll pathways sqlite|postgres "<connection string>" <municipality slug> [pathways, default 50]
//        dotnet ServicesSeed.dll analyze sqlite "<connection string>" <municipality slug>   (runs SQLite's ANALYZE)
if (args.Length < 4 || args[0] is not ("seed" or "measure" or "analyze" or "pathways"))
{
    Console.Error.WriteLine("Usage: ServicesSeed seed|measure|analyze|pathways sqlite|postgres \"<connection string>\" <municipality slug> [count]");
    return 2;
}
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Provider"] = args[1].Equals("postgres", StringComparison.OrdinalIgnoreCase) ? "Postgres" : "Sqlite",
    ["ConnectionStrings:Planwerk"] = args[2],
}).Build();
await using var provider = new ServiceCollection().AddLogging(b => { if (Environment.GetEnvironmentVariable("BENCH_SQL") == "1") b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information); }).AddPlanwerkDatabase(configuration, Path.GetTempPath()).BuildServiceProvider();
async Task<PlanwerkDbContext> OpenAsync(AsyncServiceScope scope)
{
    var db = scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>();
    db.CurrentMunicipalityId = await db.Municipalities.Where(m => m.Slug == args[3]).Select(m => (int?)m.Id).SingleOrDefaultAsync()
        ?? throw new InvalidOperationException($"No municipality {args[3]}.");
    return db;
}

if (args[0] == "analyze")
{
    // What SQLite's query planner knows after ANALYZE: how many rows each index narrows to (sqlite_stat1).
    await using var scope = provider.CreateAsyncScope();
    await (await OpenAsync(scope)).Database.ExecuteSqlRawAsync("ANALYZE");
    return 0;
}
if (args[0] == "measure") return await MeasureAsync(args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 20);
if (args[0] == "pathways") return await PathwaysAsync(args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 50);

var count = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 10000;
var watch = Stopwatch.StartNew();
await using (var scope = provider.CreateAsyncScope())
{
    var db = await OpenAsync(scope);
    await ContentLanguages.EnsureDefaultsAsync(db);
    await DefaultTopics.EnsureAsync(db, DateTimeOffset.UtcNow);
}
List<int> organisations, districts, topics, places;
await using (var scope = provider.CreateAsyncScope())
{
    var db = await OpenAsync(scope);
    organisations = await db.Stakeholders.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
    districts = await db.Districts.OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
    topics = await db.ServiceTopics.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();
    if (organisations.Count == 0 || districts.Count == 0 || topics.Count == 0)
        throw new InvalidOperationException("The municipality needs organisations, districts and topics (the demo content has them).");
    for (var i = 0; i < 1000; i++)
    {
        db.ServiceLocations.Add(new ServiceLocation
        {
            OrganisationId = organisations[i % organisations.Count], Name = $"{Words.PlaceNames[i % Words.PlaceNames.Length]} {i}",
            Street = $"{Words.Streets[i % Words.Streets.Length]} {i % 97 + 1}", PostalCode = (1067 + i % 250).ToString("00000", CultureInfo.InvariantCulture),
            City = "Dresden", DistrictId = i % 10 == 9 ? null : districts[i % districts.Count], IsWheelchairAccessible = i % 3 == 0,
        });
    }
    await db.SaveChangesAsync();
    places = await db.ServiceLocations.OrderByDescending(l => l.Id).Take(1000).Select(l => l.Id).ToListAsync();
}

var languages = new[] { "de", "en", "ar", "fa", "uk", "ru", "tr", "ku", "ps", "ti", "fr", "so" };
for (var start = 0; start < count; start += 500)
{
    await using var scope = provider.CreateAsyncScope();
    var db = await OpenAsync(scope);
    var batch = new List<(HelpService Service, int Index)>();
    var topicSet = await db.ServiceTopics.Where(t => topics.Contains(t.Id)).ToDictionaryAsync(t => t.Id);
    for (var i = start; i < Math.Min(count, start + 500); i++)
    {
        var (de, _, _) = Words.Texts(i);
        var service = new HelpService
        {
            OrganisationId = organisations[i % organisations.Count], Name = de.Name, Description = de.Description, Eligibility = de.Eligibility,
            Status = i % 50 == 0 ? ServiceStatus.TemporarilyClosed : i % 40 == 0 ? ServiceStatus.Inactive : ServiceStatus.Active,
            Audience = i % 3 == 0 ? ResidenceSituations.Everybody : (ResidenceSituations)(1 << (i % 6)) | ResidenceSituations.AsylumSeekers,
            MinimumAge = i % 5 == 0 ? 16 : null, MaximumAge = i % 7 == 0 ? 27 : null, IsFree = i % 10 < 7, Costs = i % 10 < 7 ? "" : "5 € je Termin",
            HowToApply = "Kommen Sie ohne Termin vorbei oder rufen Sie an.", IsRemoteOnly = i % 3 != 0, LastCheckedOn = new DateOnly(2026, 1 + i % 12, 1 + i % 28),
        };
        service.Topics.Add(topicSet[topics[i % topics.Count]]);
        if (i % 4 == 0) service.Topics.Add(topicSet[topics[(i / 4 + 3) % topics.Count]]);
        foreach (var code in Enumerable.Range(0, 1 + i % 4).Select(k => languages[(i * 7 + k * 5) % languages.Length]).Distinct())
            service.Languages.Add(new ServiceLanguage { Code = code });
        if (i % 3 == 0)
        {
            service.Locations.Add(new ServiceAtLocation { LocationId = places[i % places.Count] });
            if (i % 9 == 0) service.Locations.Add(new ServiceAtLocation { LocationId = places[(i / 9 + 500) % places.Count] });
        }
        db.HelpServices.Add(service);
        batch.Add((service, i));
    }
    await db.SaveChangesAsync();
    foreach (var (service, i) in batch)
    {
        var (de, en, ar) = Words.Texts(i);
        foreach (var (language, texts) in new[] { ("en", en), ("ar", ar) })
        {
            foreach (var (field, text, source) in new[] { ("Name", texts.Name, de.Name), ("Description", texts.Description, de.Description), ("Eligibility", texts.Eligibility, de.Eligibility) })
                db.ContentTranslations.Add(new ContentTranslation { Kind = ContentKinds.Service, EntityId = service.Id, Language = language, Field = field, Text = text, SourceFingerprint = ServiceTexts.Fingerprint(source) });
        }
    }
    await db.SaveChangesAsync();
    Console.Error.Write($"\r{Math.Min(count, start + 500)} services in {watch.Elapsed.TotalSeconds:0} s");
}
await using (var scope = provider.CreateAsyncScope())
{
    var db = await OpenAsync(scope);
    var empty = await db.HelpServices.CountAsync(s => s.Listing == null || !db.Set<ServiceSearchWord>().Any(w => w.ServiceId == s.Id));
    var total = await db.HelpServices.CountAsync();
    var words = await db.Set<ServiceSearchWord>().CountAsync();
    Console.Error.WriteLine($"\r{count} services added in {watch.Elapsed.TotalSeconds:0.0} s; {total} in the municipality, {empty} without a listing or search words, {words} search words ({(double)words / total:0} a service).");
}
return 0;

async Task<int> PathwaysAsync(int count)
{
    var started = Stopwatch.StartNew();
    await using var scope = provider.CreateAsyncScope();
    var db = await OpenAsync(scope);
    var services = await db.HelpServices.Where(s => s.Status == ServiceStatus.Active).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
    var measures = await db.Measures.OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();
    if (services.Count < 10 || measures.Count == 0) throw new InvalidOperationException("The municipality needs services and a plan with measures (seed and the demo).");
    var situations = Enum.GetValues<ResidenceSituations>().Where(x => x is not ResidenceSituations.None and not ResidenceSituations.Everybody).ToArray();
    var offset = await db.Pathways.CountAsync();
    var pathways = new List<Planwerk.Features.Pathways.Pathway>();
    // The steps of the pathway before, by place: every fifth step place takes the one at the same place there (shared).
    var before = new List<Planwerk.Features.Pathways.PathwayStep>();
    var n = 0;
    for (var p = 0; p < count; p++)
    {
        var pathway = new Planwerk.Features.Pathways.Pathway
        {
            Code = $"weg-{offset + p + 1}", Title = $"Weg {offset + p + 1}: {Words.PlaceNames[p % Words.PlaceNames.Length]}", Summary = "Ein Weg für den Benchmark.",
            Audience = p % 3 == 0 ? ResidenceSituations.Everybody : situations[p % situations.Length] | situations[(p + 2) % situations.Length],
            MinimumAge = p % 4 == 1 ? 18 : null, MaximumAge = p % 4 == 2 ? 17 : null,
            Children = p % 5 == 0 ? Planwerk.Features.Pathways.ChildrenCondition.WithChildren : Planwerk.Features.Pathways.ChildrenCondition.Any, Position = offset + p,
        };
        var these = new List<Planwerk.Features.Pathways.PathwayStep>();
        for (var k = 0; k < 3; k++)
        {
            var stage = new Planwerk.Features.Pathways.PathwayStage { Title = $"Stufe {k + 1}", Position = k };
            for (var j = 0; j < 3; j++)
            {
                n++;
                var shared = n % 5 == 0 && before.Count > 0;
                var step = shared ? before[k * 3 + j] : new Planwerk.Features.Pathways.PathwayStep
                {
                    Title = $"Schritt {n}", WhatToDo = Words.Texts(n).De.Description, Why = "Damit es weitergeht.", DocumentsToBring = "Ausweis\nBescheid",
                    Audience = n % 4 == 0 ? situations[n % situations.Length] : ResidenceSituations.Everybody, MinimumAge = n % 7 == 0 ? 16 : null,
                    Children = n % 6 == 0 ? Planwerk.Features.Pathways.ChildrenCondition.WithChildren : Planwerk.Features.Pathways.ChildrenCondition.Any,
                };
                if (!shared)
                {
                    for (var x = 0; x < 5; x++) step.Services.Add(new Planwerk.Features.Pathways.PathwayStepService { ServiceId = services[(n * 37 + x * 101) % services.Count], Position = x });
                    step.Measures.Add(new Planwerk.Features.Pathways.PathwayStepMeasure { MeasureId = measures[n % measures.Count] });
                }
                stage.Steps.Add(new Planwerk.Features.Pathways.PathwayStageStep { Step = step, Position = j });
                these.Add(step);
            }
            pathway.Stages.Add(stage);
        }
        before = these;
        db.Pathways.Add(pathway);
        pathways.Add(pathway);
    }
    await db.SaveChangesAsync();
    foreach (var pathway in pathways)
    {
        foreach (var (language, text) in new[] { ("ar", "طريق " + pathway.Code), ("uk", "Шлях " + pathway.Code) })
        {
            db.ContentTranslations.Add(new ContentTranslation { Kind = Planwerk.Features.Pathways.PathwayTexts.PathwayKind, EntityId = pathway.Id, Language = language,
                Field = "Title", Text = text, SourceFingerprint = ServiceTexts.Fingerprint(pathway.Title) });
        }
    }
    await db.SaveChangesAsync();
    foreach (var pathway in pathways) await Planwerk.Features.Pathways.PathwayPublishing.PublishAsync(db, pathway, DateTimeOffset.UtcNow);
    await db.SaveChangesAsync();
    Console.Error.WriteLine($"{count} pathways with {n} step places published in {started.Elapsed.TotalSeconds:0.0} s; {await db.Pathways.CountAsync()} in the municipality.");
    return 0;
}

async Task<int> MeasureAsync(int rounds)
{
    var searches = await SearchesAsync();
    var clock = TimeProvider.System;
    var times = new Dictionary<string, List<double>>();
    var cpuTimes = new List<double>();
    for (var round = 0; round < rounds + 1; round++)
    {
        foreach (var (name, filter) in searches)
        {
            await using var scope = provider.CreateAsyncScope();
            var db = await OpenAsync(scope);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var page = await ServiceDirectoryQuery.FindAsync(db, filter, clock);
            var elapsed = watch.Elapsed.TotalMilliseconds;
            cpuTimes.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
            if (round == 0)
            {
                Console.Error.WriteLine($"{name}: {page.Total} found");
                continue; // the first round warms up
            }
            (times.TryGetValue(name, out var list) ? list : times[name] = []).Add(elapsed);
        }
    }
    Console.WriteLine("| search with filters (ServiceDirectoryQuery.FindAsync: count and first page) | found | p50 | p90 | p99 | fastest |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
    var all = new List<double>();
    foreach (var (name, filter) in searches)
    {
        await using var scope = provider.CreateAsyncScope();
        var found = (await ServiceDirectoryQuery.FindAsync(await OpenAsync(scope), filter, clock)).Total;
        var list = times[name];
        all.AddRange(list);
        Console.WriteLine($"| {name} | {found:N0} | {P(list, 50):0.0} ms | {P(list, 90):0.0} ms | {P(list, 99):0.0} ms | {list.Min():0.0} ms |");
    }
    Console.WriteLine($"| all {searches.Count} searches, {rounds} rounds | | {P(all, 50):0.0} ms | {P(all, 90):0.0} ms | {P(all, 99):0.0} ms | {all.Min():0.0} ms |");
    Console.WriteLine();
    Console.WriteLine($"CPU time of the process per search (all threads, load-independent as far as that goes): median {P(cpuTimes, 50):0.0} ms, mean {cpuTimes.Average():0.0} ms.");
    return 0;
}

static double P(List<double> values, int percent)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

async Task<List<(string Name, DirectoryFilter Filter)>> SearchesAsync()
{
    await using var scope = provider.CreateAsyncScope();
    var db = await OpenAsync(scope);
    var district = await db.Districts.OrderBy(d => d.Id).Select(d => new { d.Id, d.Name }).FirstAsync();
    var topic = await db.ServiceTopics.Where(t => t.Code == "counselling").Select(t => new { t.Id, t.Name }).FirstAsync();
    var health = await db.ServiceTopics.Where(t => t.Code == "health").Select(t => new { t.Id, t.Name }).FirstAsync();
    return
    [
        ("\"Beratungen\" (German, inflected)", new DirectoryFilter { Query = "Beratungen" }),
        ($"\"Beratungen\" + district {district.Name} + language ar", new DirectoryFilter { Query = "Beratungen", DistrictId = district.Id, Language = "ar" }),
        ($"\"Kinder\" + topic {health.Name} + language fa", new DirectoryFilter { Query = "Kinder", TopicId = health.Id, Language = "fa" }),
        ($"\"counselling housing\" (English) + topic {topic.Name}", new DirectoryFilter { Query = "counselling housing", TopicId = topic.Id }),
        ("\"استشارة\" (Arabic) + language ar + free", new DirectoryFilter { Query = "استشارة", Language = "ar", FreeOnly = true }),
        ($"\"Sprachkurs Frauen\" + district {district.Name}", new DirectoryFilter { Query = "Sprachkurs Frauen", DistrictId = district.Id }),
        ("\"Zahnarzt\" (rare) + language uk", new DirectoryFilter { Query = "Zahnarzt", Language = "uk" }),
        ("no words, language tr + accessible", new DirectoryFilter { Language = "tr", AccessibleOnly = true }),
    ];
}

/// <summary>Texts made of a few dozen words in German, English and Arabic, so that common words (Beratung) match thousands
/// of services and rare ones (Zahnarzt) a few dozen.</summary>
internal static class Words
{
    public sealed record ServiceText(string Name, string Description, string Eligibility);

    // What a service is, in the three languages.
    private static readonly (string De, string En, string Ar)[] Kinds =
    [
        ("Beratung", "counselling", "استشارة"), ("Sprachkurs", "language course", "دورة لغة"), ("Hausaufgabenhilfe", "homework help", "مساعدة في الواجبات المدرسية"),
        ("Rechtsberatung", "legal advice", "استشارة قانونية"), ("Wohnungssuche", "flat hunting", "البحث عن سكن"), ("Sprechstunde", "consultation hour", "ساعة استشارة"),
        ("Begegnungscafé", "meeting café", "مقهى لقاء"), ("Kinderbetreuung", "childcare", "رعاية الأطفال"), ("Bewerbungstraining", "application training", "تدريب على طلبات العمل"),
        ("Therapiegruppe", "therapy group", "مجموعة علاجية"), ("Familienberatung", "family counselling", "استشارة أسرية"), ("Schuldnerberatung", "debt counselling", "استشارة الديون"),
        ("Zahnarzt", "dentist", "طبيب أسنان"), ("Nähwerkstatt", "sewing workshop", "ورشة خياطة"), ("Fahrradwerkstatt", "bicycle workshop", "ورشة دراجات"),
        ("Dolmetscherdienst", "interpreting service", "خدمة الترجمة الفورية"), ("Asylverfahrensberatung", "asylum procedure counselling", "استشارة إجراءات اللجوء"),
    ];

    // Whom it is for.
    private static readonly (string De, string En, string Ar)[] Groups =
    [
        ("Frauen", "women", "النساء"), ("Kinder und Jugendliche", "children and young people", "الأطفال والشباب"), ("Familien", "families", "العائلات"),
        ("Geflüchtete", "refugees", "اللاجئين"), ("Studierende", "students", "الطلاب"), ("Senioren", "older people", "كبار السن"), ("Männer", "men", "الرجال"),
        ("Neuzugewanderte", "newcomers", "القادمين الجدد"), ("Auszubildende", "apprentices", "المتدربين"),
    ];

    private static readonly (string De, string En, string Ar)[] Sentences =
    [
        ("Wir beraten vertraulich und kostenlos zu allen Fragen rund um Aufenthalt, Arbeit und Wohnen.", "We advise confidentially and free of charge on residence, work and housing.", "نقدم استشارات سرية ومجانية حول الإقامة والعمل والسكن."),
        ("Termine nach Vereinbarung, offene Sprechstunde jeden Dienstag.", "Appointments by arrangement, open consultation every Tuesday.", "المواعيد بالاتفاق، ساعة استشارة مفتوحة كل يوم ثلاثاء."),
        ("Beratungen auch auf Arabisch, Farsi und Ukrainisch, mit Dolmetschern für weitere Sprachen.", "Counselling also in Arabic, Farsi and Ukrainian, with interpreters for other languages.", "استشارات أيضًا باللغة العربية والفارسية والأوكرانية، مع مترجمين للغات أخرى."),
        ("Die Kinder werden während der Kurse betreut.", "Children are looked after during the courses.", "تتم رعاية الأطفال أثناء الدورات."),
        ("Bitte bringen Sie Ihren Ausweis und vorhandene Bescheide mit.", "Please bring your identity card and any notices you have.", "يرجى إحضار بطاقة الهوية وأي قرارات لديك."),
        ("Unsere Räume sind barrierefrei erreichbar.", "Our rooms are accessible without steps.", "يمكن الوصول إلى غرفنا دون عوائق."),
        ("Gemeinsam kochen, reden und Deutsch üben.", "Cooking, talking and practising German together.", "نطبخ ونتحدث ونتدرب على اللغة الألمانية معًا."),
        ("Hilfe bei Anträgen, Briefen von Behörden und der Suche nach einem Kitaplatz.", "Help with applications, letters from authorities and finding a nursery place.", "مساعدة في الطلبات ورسائل الدوائر الرسمية والبحث عن مكان في الحضانة."),
    ];

    public static readonly string[] PlaceNames = ["Beratungsstelle", "Begegnungszentrum", "Stadtteilhaus", "Familienzentrum", "Jugendhaus", "Bürgerbüro", "Gemeindehaus"];
    public static readonly string[] Streets = ["Königsbrücker Straße", "Hauptstraße", "Wiener Platz", "Bautzner Straße", "Leipziger Straße", "Prager Straße", "Großenhainer Straße"];

    public static (ServiceText De, ServiceText En, ServiceText Ar) Texts(int i)
    {
        var kind = Kinds[i % Kinds.Length];
        var group = Groups[i / Kinds.Length % Groups.Length];
        var first = Sentences[i % Sentences.Length];
        var second = Sentences[(i / 3 + 1) % Sentences.Length];
        var number = (i + 1).ToString(CultureInfo.InvariantCulture);
        return (
            new($"{kind.De} für {group.De} {number}", first.De + " " + second.De, $"Für {group.De}; alle Aufenthaltstitel."),
            new($"{Cap(kind.En)} for {group.En} {number}", first.En + " " + second.En, $"For {group.En}; every residence status."),
            new($"{kind.Ar} لـ{group.Ar} {number}", first.Ar + " " + second.Ar, $"لـ{group.Ar}؛ جميع أنواع الإقامة."));
    }

    private static string Cap(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
