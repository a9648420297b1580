using Mist.Api.Hosting;
using Mist.Api.Operations;

var builder = WebApplication.CreateBuilder(args);
builder.AddMistServer();

var app = builder.Build();
app.UseMistServer();

if (ServerCommandLine.IsCommand(args))
{
    return await ServerCommandLine.RunAsync(app, args);
}

await app.RunAsync();
return 0;

/// <summary>Entry point type, named so that tests can host the server.</summary>
public partial class Program;
