using System.ComponentModel;
using Spectre.Console.Cli;

namespace Mist.Client.Terminal;

/// <summary>Options every command takes.</summary>
public class GlobalSettings : CommandSettings
{
    [CommandOption("--server <URL>")]
    [Description("Mist server URL (default: $MIST_SERVER, else http://127.0.0.1:5080).")]
    public string? Server { get; init; }
}
