using Mist.Client.Accounts;
using Mist.Client.Admin;
using Mist.Client.Catalog;
using Mist.Client.Delta;
using Mist.Client.Install;
using Mist.Client.Repair;
using Mist.Client.Update;
using Mist.Client.Verify;
using Spectre.Console;
using Spectre.Console.Cli;

if (Console.IsOutputRedirected)
{
    // Logs and pipes have no width; wrapping at Spectre's default 80 columns would split
    // paths and messages across lines.
    AnsiConsole.Profile.Width = 1000;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops the work cleanly (an install resumes later); a second one kills.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("mist");

    config.AddCommand<LoginCommand>("login").WithDescription("Log in and keep the token.");
    config.AddCommand<LogoutCommand>("logout").WithDescription("Forget the kept token.");
    config.AddCommand<GamesCommand>("games").WithDescription("List the games.");
    config.AddCommand<GameCommand>("game").WithDescription("Show a game's versions per branch.");
    config.AddCommand<InstallCommand>("install")
        .WithDescription("Install or update a game in a folder; resumes when interrupted.")
        .WithExample("install", "space-miner", "--dir", "~/games/space-miner");
    config.AddCommand<UpdateCommand>("update")
        .WithDescription("Update an install by patches or chunks; finishes an interrupted one.")
        .WithExample("update", "--dir", "~/games/space-miner", "--to", "1.2");
    config.AddCommand<VerifyCommand>("verify")
        .WithDescription("Check an installed folder against its manifest.");
    config.AddCommand<RepairCommand>("repair")
        .WithDescription("Restore what fails verification, fetching only what is needed.");

    config.AddBranch("admin", admin =>
    {
        admin.SetDescription("Manage games and versions (admin role).");
        admin.AddBranch("game", game =>
        {
            game.SetDescription("Manage games.");
            game.AddCommand<AddGameCommand>("add").WithDescription("Register a game.");
        });
        admin.AddBranch("build", build =>
        {
            build.SetDescription("Manage builds.");
            build.AddCommand<ImportBuildCommand>("import")
                .WithDescription("Import a build from a folder on the server.");
        });
        admin.AddCommand<PublishCommand>("publish").WithDescription("Publish a version.");
        admin.AddCommand<WithdrawCommand>("withdraw").WithDescription("Withdraw a version.");
    });

    DeltaCommands.Register(config);
});

// Spectre answers a usage error or an unexpected failure with -1 (255 to the shell); scripts
// are promised 1 for every failure.
var exitCode = await app.RunAsync(args, cancellation.Token);
return exitCode < 0 ? 1 : exitCode;
