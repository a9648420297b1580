using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mist.Client.Admin;

public sealed class WithdrawSettings : VersionSettings
{
    [CommandOption("--reason <TEXT>")]
    [Description("Why the version is withdrawn; players see it.")]
    public string? Reason { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Reason)
            ? ValidationResult.Error("--reason TEXT is required.")
            : ValidationResult.Success();
}
