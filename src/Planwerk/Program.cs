using Planwerk;
using Planwerk.Data;
using Planwerk.Features.Accounts;

if (args.Length > 0 && AdminCommands.Names.Contains(args[0]))
{
    return await AdminCommands.RunAsync(args, Console.In, Console.Out);
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPlanwerk(builder.Configuration, builder.Environment);

var app = builder.Build();
app.UsePlanwerk();
try
{
    await app.RunAsync();
}
catch (Microsoft.Extensions.Options.OptionsValidationException refused)
{
    // A setting the installation cannot run without: say which, without a stack trace.
    await Console.Error.WriteLineAsync("Planwerk does not start: " + string.Join(" ", refused.Failures));
    return 1;
}
return 0;

public partial class Program;

