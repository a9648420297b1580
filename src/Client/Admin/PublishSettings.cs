using System.ComponentModel;
using Spectre.Console.Cli;

namespace Mist.Client.Admin;

public sealed class PublishSettings : VersionSettings
{
    [CommandOption("--branch <BRANCH>")]
    [Description("The branch to publish on.")]
    [DefaultValue("main")]
    public string Branch { get; init; } = "main";
}
