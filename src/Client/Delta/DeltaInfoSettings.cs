using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mist.Client.Delta;

/// <summary>Arguments of <c>mist delta info PATCH</c>.</summary>
public sealed class DeltaInfoSettings : CommandSettings
{
    /// <summary>The patch to describe.</summary>
    [CommandArgument(0, "<PATCH>")]
    [Description("The patch to describe.")]
    public string Patch { get; set; } = "";

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        DeltaFiles.MustExist(Patch) ?? ValidationResult.Success();
}
