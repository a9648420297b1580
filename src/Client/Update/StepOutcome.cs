namespace Mist.Client.Update;

/// <summary>A patch step that was applied: what is installed now, and the bytes of the files
/// it moved in.</summary>
internal sealed record StepOutcome(InstalledState Installed, long BytesWritten);
