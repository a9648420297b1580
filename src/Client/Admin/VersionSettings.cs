using System.ComponentModel;
using Mist.Client.Terminal;
using Spectre.Console.Cli;

namespace Mist.Client.Admin;

/// <summary>Arguments naming one version of one game.</summary>
public class VersionSettings : GlobalSettings
{
    [CommandArgument(0, "<GAME>")]
    [Description("The game's slug.")]
    public string Game { get; init; } = "";

    [CommandArgument(1, "<LABEL>")]
    [Description("The version's label, e.g. 1.4.2.")]
    public string Label { get; init; } = "";
}
