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
await app.RunAsync();
return 0;

public partial class Program;

