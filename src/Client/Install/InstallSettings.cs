using System.ComponentModel;
using Mist.Client.Terminal;
using Spectre.Console.Cli;

namespace Mist.Client.Install;

public sealed class InstallSettings : InstallFolderSettings
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
    public override string? Dir { get; init; }

    [CommandOption("--repair")]
    [Description("Rebuild the folder even if it holds this version already.")]
    public bool Repair { get; init; }
}
