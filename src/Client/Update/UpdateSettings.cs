using System.ComponentModel;
using Mist.Client.Install;
using Spectre.Console.Cli;

namespace Mist.Client.Update;

public sealed class UpdateSettings : InstallFolderSettings
{
    [CommandOption("-d|--dir <DIR>")]
    [Description("The install folder to update.")]
    public override string? Dir { get; init; }

    [CommandOption("--to <LABEL>")]
    [Description("The version to update to (default: the latest on the install's branch).")]
    public string? To { get; init; }

    [CommandOption("--json")]
    [Description("End with one JSON line of summary figures, for scripts.")]
    public bool Json { get; init; }
}
