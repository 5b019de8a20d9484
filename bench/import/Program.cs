using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Data;
using Planwerk.Features.Municipalities;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Transfer;
using ImportBench;
using Microsoft.EntityFrameworkCore.Diagnostics;

// Times the import of a 10,000-measure table (CSV and XLSX) into an empty plan, on SQLite or
// PostgreSQL, as the import page does it: read, check every row, apply in one transaction.
// Usage: dotnet run -c Release -- sqlite|postgres [connection string] [measures] [runs]
var provider = args.Length > 0 ? args[0] : "sqlite";
var folder = Path.Combine(Path.GetTempPath(), "planwerk-import-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(folder);
var connection = args.Length > 1 && args[1].Length > 0 ? args[1] : $"Data Source={Path.Combine(folder, "bench.db")}";
var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;
var runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;

var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Provider"] = provider.Equals("postgres", StringComparison.OrdinalIgnoreCase) ? "Postgres" : "Sqlite",
    ["ConnectionStrings:Planwerk"] = connection,
}).Build();
var breakdown = new Breakdown();
var services = new ServiceCollection().AddLogging().AddSingleton<IInterceptor>(breakdown)
    .AddPlanwerkDatabase(configuration, folder).BuildServiceProvider();

int municipalityId;
await using (var scope = services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>();
    await db.Database.MigrateAsync();
    var municipality = new Municipality { Slug = "bench" + Guid.NewGuid().ToString("N")[..8], Name = "Benchmark", CreatedAt = DateTimeOffset.UtcNow };
    db.Municipalities.Add(municipality);
    await db.SaveChangesAsync();
    municipalityId = municipality.Id;
    db.CurrentMunicipalityId = municipalityId;
    db.Districts.AddRange(new District { Name = "Altstadt" }, new District { Name = "Neustadt" }, new District { Name = "Cotta" });
    // The registry of organisations the lead and partner columns name.
    db.Stakeholders.AddRange(new[] { "Sozialamt", "Träger A", "Träger B", "Träger C" }.Select(name => new Stakeholder { Name = name }));
    await db.SaveChangesAsync();
}

// The files: measures imported once from generated CSV, then exported as the app exports them.
var seedPlan = await EmptyPlanAsync();
var seed = await ImportAsync(seedPlan, Generate(count));
if (!seed.Succeeded) throw new InvalidOperationException(string.Join("\n", seed.Problems.Take(5)));
PlanDocument document;
await using (var scope = services.CreateAsyncScope())
{
    var db = Scoped(scope);
    document = (await PlanDocument.LoadAsync(db, seedPlan))!;
}
var files = new[] { ("CSV", MeasureFiles.WriteCsv(document)), ("XLSX", MeasureFiles.WriteXlsx(document)) };

Console.WriteLine($"Import of {count:N0} measures into an empty plan, {configuration["Database:Provider"]}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");
Console.WriteLine();
Console.WriteLine("| format | file size | runs | fastest | median | slowest |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
var breakdowns = new List<string>();
foreach (var (name, bytes) in files)
{
    var times = new List<double>();
    for (var run = 0; run < runs; run++)
    {
        var plan = await EmptyPlanAsync();
        breakdown.Reset();
        breakdown.Enabled = true;
        var watch = Stopwatch.StartNew();
        var reading = MeasureFiles.Read(bytes);
        var read = watch.Elapsed;
        var result = await ImportSheetAsync(plan, reading.Sheet!);
        watch.Stop();
        breakdown.Enabled = false;
        if (!result.Succeeded || result.Created != count) throw new InvalidOperationException($"{name} import failed: {string.Join("\n", result.Problems.Take(5))}");
        times.Add(watch.Elapsed.TotalSeconds);
        if (run == 0) breakdowns.Add(Describe(name, watch.Elapsed, read));
    }
    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {bytes.Length / 1024.0 / 1024.0:0.0} MB | {runs} | {times[0]:0.00} s | {times[times.Count / 2]:0.00} s | {times[^1]:0.00} s |"));
}
foreach (var text in breakdowns) Console.WriteLine(text);
Directory.Delete(folder, recursive: true);
return;

PlanwerkDbContext Scoped(AsyncServiceScope scope)
{
    var db = scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>();
    db.CurrentMunicipalityId = municipalityId;
    return db;
}

async Task<int> EmptyPlanAsync()
{
    await using var scope = services.CreateAsyncScope();
    var db = Scoped(scope);
    var plan = new Plan { Title = "Benchmark", UpdatedAt = DateTimeOffset.UtcNow };
    db.Plans.Add(plan);
    db.Principles.AddRange(new Principle { Plan = plan, Position = 1, Title = "Eins" }, new Principle { Plan = plan, Position = 2, Title = "Zwei" });
    await db.SaveChangesAsync();
    return plan.Id;
}

async Task<MeasureImportResult> ImportAsync(int planId, byte[] content)
{
    await using var scope = services.CreateAsyncScope();
    return await MeasureImport.ImportAsync(Scoped(scope), planId, content, DateTimeOffset.UtcNow);
}

async Task<MeasureImportResult> ImportSheetAsync(int planId, Sheet sheet)
{
    await using var scope = services.CreateAsyncScope();
    return await MeasureImport.ImportAsync(Scoped(scope), planId, sheet, DateTimeOffset.UtcNow);
}

// The first run of each format, split: reading the file, checking the rows (from the end of reading to the
// transaction's start, including loading the plan), applying (the transaction, from its start to its commit), and
// inside applying the change tracker's saves (EF detecting changes and sending commands) and the SQL commands.
string Describe(string name, TimeSpan total, TimeSpan read)
{
    static string S(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
    var check = total - read - breakdown.Transaction;
    var text = new StringBuilder();
    text.AppendLine(CultureInfo.InvariantCulture, $"\n{name}, first run, {S(total)}: read {S(read)}, check {S(check)}, apply {S(breakdown.Transaction)} " +
        $"(of which commit {S(breakdown.Commit)}; {breakdown.Saves} saves of the change tracker {S(breakdown.SaveTime)}; " +
        $"{breakdown.Commands:N0} SQL commands {S(breakdown.CommandTime)})");
    text.AppendLine();
    text.AppendLine("| SQL command | count | time |");
    text.AppendLine("| --- | ---: | ---: |");
    foreach (var (kind, n, time) in breakdown.ByKind.Take(12))
        text.AppendLine(CultureInfo.InvariantCulture, $"| {kind} | {n:N0} | {S(time)} |");
    return text.ToString();
}

static byte[] Generate(int count)
{
    var lines = new StringBuilder("Teilbereich-Nummer;Teilbereich-Titel;Nummer;Titel;Ziel;Beschreibung;Zielgruppen;Verantwortliche Stelle;Partnerorganisationen;Stadtbezirke;Beginn;Ende;Geschätzte Kosten;Finanzierung;Priorität;Leitlinien;Status;Fortschritt;Beispielinhalt\r\n");
    for (var i = 0; i < count; i++)
    {
        var field = 1 + i / 500;
        lines.Append(CultureInfo.InvariantCulture, $"{field};Teilbereich {field};{field}.{1 + i % 500};Maßnahme {i} mit einem Titel von üblicher Länge;")
            .Append("Ziel der Maßnahme in einem Satz, wie er in einem Fachplan steht.;")
            .Append("\"Eine Beschreibung über zwei Absätze; mit Semikolon.\n\nUnd einem zweiten Absatz, der erklärt, wie die Maßnahme umgesetzt wird.\";")
            .Append("Zugewanderte, Familien;Sozialamt;\"Träger A; Träger B; Träger C\";")
            .Append(i % 3 == 0 ? "Altstadt" : "\"Altstadt; Neustadt\"")
            .Append(CultureInfo.InvariantCulture, $";2019-07-01;2022-12-31;12500.50;Landesmittel;Mittel;\"1; 2\";In Umsetzung;{i % 100};nein\r\n");
    }
    return Encoding.UTF8.GetBytes(lines.ToString());
}
