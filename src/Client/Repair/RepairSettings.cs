using System.ComponentModel;
using Mist.Client.Terminal;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mist.Client.Repair;

public sealed class RepairSettings : GlobalSettings
{
    [CommandOption("-d|--dir <DIR>")]
    [Description("The install folder to repair.")]
    public string? Dir { get; init; }

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
