using System.ComponentModel;
using Mist.Client.Terminal;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mist.Client.Install;

public sealed class InstallSettings : GlobalSettings
{
    [CommandArgument(0, "<GAME>")]
    [Description("The game's slug.")]
    public string Game { get; init; } = "";

    [CommandOption("--version <LABEL>")]
    [Description("The version to install (default: the latest published on the branch).")]
    public string? Version { get; init; }

    [CommandOption("--branch <BRANCH>")]
    [Description("The branch whose latest version is installed.")]
    [DefaultValue("main")]
    public string Branch { get; init; } = "main";

    [CommandOption("-d|--dir <DIR>")]
    [Description("The folder to install into: new, empty, or an earlier Mist install.")]
    public string? Dir { get; init; }

    [CommandOption("--repair")]
    [Description("Rebuild the folder even if it holds this version already.")]
    public bool Repair { get; init; }

    [CommandOption("--parallel <N>")]
    [Description("Chunks downloaded at once.")]
    [DefaultValue(6)]
    public int Parallel { get; init; } = 6;

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Dir))
        {
            return ValidationResult.Error("--dir DIR is required.");
        }

        return Parallel is < 1 or > 64
            ? ValidationResult.Error("--parallel must be between 1 and 64.")
            : ValidationResult.Success();
    }
}
