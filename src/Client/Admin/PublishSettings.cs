using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mist.Client.Admin;

public sealed class PublishSettings : VersionSettings
{
    [CommandOption("--branch <BRANCH>")]
    [Description("The branch to publish on.")]
    [DefaultValue("main")]
    public string Branch { get; init; } = "main";

    [CommandOption("--wait")]
    [Description("Follow the version's patch chain until it closes; fail if a patch failed.")]
    public bool Wait { get; init; }

    [CommandOption("--wait-minutes <MINUTES>")]
    [Description("With --wait: give up when the chain is still open after this long.")]
    [DefaultValue(60)]
    public int WaitMinutes { get; init; } = 60;

    public override ValidationResult Validate() =>
        WaitMinutes <= 0
            ? ValidationResult.Error("--wait-minutes takes a positive number.")
            : ValidationResult.Success();
}
