using Spectre.Console.Cli;

namespace Mist.Client.Delta;

/// <summary>
/// The <c>mist delta</c> commands: make, apply and inspect binary patches locally.
/// </summary>
public static class DeltaCommands
{
    /// <summary>Adds the <c>delta</c> branch with its diff, apply and info commands.</summary>
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddBranch("delta", delta =>
        {
            delta.SetDescription("Make, apply and inspect binary patches between two files.");
            delta.AddCommand<DeltaDiffCommand>("diff")
                .WithDescription("Write a patch that turns OLD into NEW.")
                .WithExample("delta", "diff", "game-1.0.exe", "game-1.1.exe", "game.mdlt");
            delta.AddCommand<DeltaApplyCommand>("apply")
                .WithDescription("Apply PATCH to OLD and write the verified result to NEW.")
                .WithExample("delta", "apply", "game-1.0.exe", "game.mdlt", "game-1.1.exe");
            delta.AddCommand<DeltaInfoCommand>("info")
                .WithDescription("Show what a patch declares.")
                .WithExample("delta", "info", "game.mdlt");
        });
    }
}
