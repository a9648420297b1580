using System.ComponentModel;
using Mist.Client.Terminal;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mist.Client.Install;

/// <summary>
/// Options of the commands that download into an install folder (install, update, repair).
/// Each names the folder in its own words, so <see cref="Dir"/> carries its option there.
/// </summary>
public abstract class InstallFolderSettings : GlobalSettings
{
    public abstract string? Dir { get; init; }

    [CommandOption("--parallel <N>")]
    [Description("Downloads at once.")]
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
