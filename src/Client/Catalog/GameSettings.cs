using System.ComponentModel;
using Mist.Client.Terminal;
using Spectre.Console.Cli;

namespace Mist.Client.Catalog;

public sealed class GameSettings : GlobalSettings
{
    [CommandArgument(0, "<GAME>")]
    [Description("The game's slug.")]
    public string Game { get; init; } = "";
}
