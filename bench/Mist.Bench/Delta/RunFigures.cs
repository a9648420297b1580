namespace Mist.Bench.Delta;

/// <summary>Totals of one engine over all file pairs.</summary>
internal sealed record RunFigures(
    long NewBytes, long PatchBytes, double EncodeSeconds, double ApplySeconds, bool Verified);
