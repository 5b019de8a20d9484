// The bare web server the benchmarks compare against: the same Kestrel, no middleware, no
// database, answering every request with a fixed body (a saved copy of the page under test).
var body = args.Length > 0 && File.Exists(args[0]) ? await File.ReadAllBytesAsync(args[0]) : "ok"u8.ToArray();
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
var app = builder.Build();
app.Run(context =>
{
    context.Response.ContentType = "text/html; charset=utf-8";
    context.Response.ContentLength = body.Length;
    return context.Response.Body.WriteAsync(body).AsTask();
});
await app.RunAsync();
