using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Planwerk.Data;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Council.OParlImport;

/// <summary>A second Planwerk on Kestrel at a free loopback port: the council information system another municipality
/// publishes through Planwerk's own OParl API.</summary>
public sealed class SourcePlanwerk() : PlanwerkApp(DatabaseProvider.Sqlite)
{
    public string BaseUrl { get; private set; } = "";

    protected override void Start()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }
}

/// <summary>A target Planwerk whose requests to a source give up after two seconds.</summary>
public sealed class ImpatientApp() : PlanwerkApp(DatabaseProvider.Sqlite)
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("OParlImport:TimeoutSeconds", "2")];
}

/// <summary>A small OParl server on Kestrel serving the official examples (../shared/standards/oparl/examples), with
/// their addresses moved to this server, and faults per path: a status, invalid JSON, or no answer.</summary>
public sealed class ExampleOParlServer : IAsyncLifetime
{
    public static readonly byte[] Pdf = CouncilTestSupport.Pdf;
    private WebApplication? app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Path → fault ("500", "invalid", "hang", "wrongtype").</summary>
    public ConcurrentDictionary<string, string> Faults { get; } = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["/paper/749"] = "Paper-01.json",
        ["/meeting/243"] = "Meeting-01.json",
        ["/organization/96"] = "Organization-01.json",
        ["/organization/34"] = "Organization-01.json",
    };

    public static string ExamplesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "standards", "oparl", "examples");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException("The official OParl examples (../shared/standards/oparl/examples) were not found above " + AppContext.BaseDirectory);
    }

    public async Task InitializeAsync()
    {
        var folder = ExamplesFolder();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "";
            if (Faults.TryGetValue(path, out var fault))
            {
                switch (fault)
                {
                    case "hang":
                        await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                        return;
                    case "invalid":
                        context.Response.ContentType = "application/json";
                        await context.Response.WriteAsync("{\"id\": \"kaputt\", ");
                        return;
                    case "wrongtype":
                        context.Response.ContentType = "application/json";
                        await context.Response.WriteAsync(Moved(await File.ReadAllTextAsync(Path.Combine(folder, "Meeting-01.json"))));
                        return;
                    default:
                        context.Response.StatusCode = int.Parse(fault, System.Globalization.CultureInfo.InvariantCulture);
                        return;
                }
            }
            if (path.StartsWith("/files/download/", StringComparison.Ordinal))
            {
                context.Response.ContentType = "application/pdf";
                await context.Response.Body.WriteAsync(Pdf);
                return;
            }
            if (!Examples.TryGetValue(path, out var file))
            {
                context.Response.StatusCode = 404;
                return;
            }
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Moved(await File.ReadAllTextAsync(Path.Combine(folder, file))));
        });
        await app.StartAsync();
        BaseUrl = app.Urls.First().TrimEnd('/');
    }

    private string Moved(string json) => json.Replace("https://oparl.example.org", BaseUrl, StringComparison.Ordinal);

    public async Task DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }
}
