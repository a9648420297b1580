using System.ComponentModel;
using Mist.Client.Terminal;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mist.Client.Update;

public sealed class UpdateSettings : GlobalSettings
{
    [CommandOption("-d|--dir <DIR>")]
    [Description("The install folder to update.")]
    public string? Dir { get; init; }

    [CommandOption("--to <LABEL>")]
    [Description("The version to update to (default: the latest on the install's branch).")]
    public string? To { get; init; }

    [CommandOption("--json")]
    [Description("End with one JSON line of summary figures, for scripts.")]
    public bool Json { get; init; }

    [CommandOption("--parallel <N>")]
    [Description("Blobs downloaded at once.")]
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
