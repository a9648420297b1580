using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mist.Client.Delta;

/// <summary>Arguments of <c>mist delta apply OLD PATCH NEW</c>.</summary>
public sealed class DeltaApplySettings : CommandSettings
{
    /// <summary>The base file.</summary>
    [CommandArgument(0, "<OLD>")]
    [Description("The file the patch was made from.")]
    public string Old { get; set; } = "";

    /// <summary>The patch.</summary>
    [CommandArgument(1, "<PATCH>")]
    [Description("The patch to apply.")]
    public string Patch { get; set; } = "";

    /// <summary>Where to write the result.</summary>
    [CommandArgument(2, "<NEW>")]
    [Description("Where to write the result; replaced only once it is verified.")]
    public string New { get; set; } = "";

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        DeltaFiles.MustExist(Old, Patch) ?? ValidationResult.Success();
}
