using System.ComponentModel;
using Mist.Client.Terminal;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mist.Client.Admin;

public sealed class AddGameSettings : GlobalSettings
{
    [CommandArgument(0, "<SLUG>")]
    [Description("Short name used in URLs and commands, e.g. space-miner.")]
    public string Slug { get; init; } = "";

    [CommandOption("--name <NAME>")]
    [Description("The game's display name.")]
    public string? Name { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Name)
            ? ValidationResult.Error("--name NAME is required.")
            : ValidationResult.Success();
}
