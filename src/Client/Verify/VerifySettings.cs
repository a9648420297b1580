using System.ComponentModel;
using Mist.Client.Terminal;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mist.Client.Verify;

public sealed class VerifySettings : GlobalSettings
{
    [CommandOption("-d|--dir <DIR>")]
    [Description("The install folder to check.")]
    public string? Dir { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Dir)
            ? ValidationResult.Error("--dir DIR is required.")
            : ValidationResult.Success();
}
