using System.ComponentModel;
using Mist.Client.Terminal;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mist.Client.Accounts;

public sealed class LoginSettings : GlobalSettings
{
    [CommandOption("-u|--user <NAME>")]
    [Description("User name. The password comes from $MIST_PASSWORD, a prompt, or stdin.")]
    public string? User { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(User)
            ? ValidationResult.Error("--user NAME is required.")
            : ValidationResult.Success();
}
