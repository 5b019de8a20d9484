// The bare web server the benchmarks compare against: the same Kestrel, no middleware, no
// database, answering every request with a fixed body (a saved copy of the page under test).
// BENCH_BODY_FILE names the file to serve; --urls sets the address.
var file = Environment.GetEnvironmentVariable("BENCH_BODY_FILE");
var body = file is not null && File.Exists(file) ? await File.ReadAllBytesAsync(file) : "ok"u8.ToArray();
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.Run(context =>
{
    context.Response.ContentType = "text/html; charset=utf-8";
    context.Response.ContentLength = body.Length;
    return context.Response.Body.WriteAsync(body).AsTask();
});
await app.RunAsync();
