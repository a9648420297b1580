using Mist.Client.Reporting;

namespace Mist.Client.Terminal;

internal static class PhaseNames
{
    public static string Of(ProgressPhase phase) => phase switch
    {
        ProgressPhase.Checking => "Checking installed files",
        ProgressPhase.Reusing => "Reusing installed chunks",
        ProgressPhase.Downloading => "Downloading",
        ProgressPhase.Assembling => "Assembling files",
        ProgressPhase.Applying => "Applying patch",
        ProgressPhase.Placing => "Moving into place",
        ProgressPhase.Verifying => "Verifying",
        ProgressPhase.Ingesting => "Ingesting",
        ProgressPhase.BuildingPatches => "Patches built",
        _ => phase.ToString(),
    };

    public static string Amount(ProgressPhase phase, long done, long total) => phase switch
    {
        ProgressPhase.Placing => $"{done}/{total} entries",
        ProgressPhase.BuildingPatches => $"{done}/{total} patches",
        _ => $"{Output.Bytes(done)}/{Output.Bytes(total)}",
    };
}
