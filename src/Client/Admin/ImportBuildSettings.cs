using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mist.Client.Admin;

public sealed class ImportBuildSettings : VersionSettings
{
    [CommandOption("--path <SERVERPATH>")]
    [Description("The build's folder as the server sees it (inside its import roots).")]
    public string? Path { get; init; }

    [CommandOption("--wait")]
    [Description("Follow the ingestion until it ends.")]
    public bool Wait { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Path)
            ? ValidationResult.Error("--path SERVERPATH is required.")
            : ValidationResult.Success();
}
