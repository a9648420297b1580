using System.ComponentModel;
using Mist.Client.Install;
using Spectre.Console.Cli;

namespace Mist.Client.Repair;

public sealed class RepairSettings : InstallFolderSettings
{
    [CommandOption("-d|--dir <DIR>")]
    [Description("The install folder to repair.")]
    public override string? Dir { get; init; }
}
