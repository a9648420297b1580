using System.ComponentModel;
using Mist.Delta.Patching;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mist.Client.Delta;

/// <summary>Arguments of <c>mist delta diff OLD NEW PATCH [--mode small|fast|auto]</c>.</summary>
public sealed class DeltaDiffSettings : CommandSettings
{
    /// <summary>The base file.</summary>
    [CommandArgument(0, "<OLD>")]
    [Description("The file the patch starts from.")]
    public string Old { get; set; } = "";

    /// <summary>The target file.</summary>
    [CommandArgument(1, "<NEW>")]
    [Description("The file the patch produces.")]
    public string New { get; set; } = "";

    /// <summary>Where to write the patch.</summary>
    [CommandArgument(2, "<PATCH>")]
    [Description("Where to write the patch.")]
    public string Patch { get; set; } = "";

    /// <summary>The encoder: small, fast or auto.</summary>
    [CommandOption("--mode <MODE>")]
    [Description("small (smallest patch), fast (zstd patch-from), or auto (default).")]
    [DefaultValue(DeltaMode.Auto)]
    public DeltaMode Mode { get; set; } = DeltaMode.Auto;

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        DeltaFiles.MustExist(Old, New) ?? ValidationResult.Success();
}
