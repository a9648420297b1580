namespace Mist.Application.Updates;

/// <summary>
/// Orders plans: bytes to download, then steps, then bytes written. Every part is a sum of
/// non-negative step costs, so the order is safe for Dijkstra: extending a path never makes
/// it compare cheaper.
/// </summary>
internal readonly record struct PlanCost(long DownloadBytes, int Steps, long BytesWritten)
    : IComparable<PlanCost>
{
    public static PlanCost Zero => new(0, 0, 0);

    public PlanCost Plus(PatchFacts patch) =>
        new(DownloadBytes + patch.DownloadBytes, Steps + 1, BytesWritten + patch.BytesWritten);

    public int CompareTo(PlanCost other)
    {
        var byDownload = DownloadBytes.CompareTo(other.DownloadBytes);
        if (byDownload != 0)
            return byDownload;

        var bySteps = Steps.CompareTo(other.Steps);
        return bySteps != 0 ? bySteps : BytesWritten.CompareTo(other.BytesWritten);
    }

    public static bool operator <(PlanCost left, PlanCost right) => left.CompareTo(right) < 0;

    public static bool operator >(PlanCost left, PlanCost right) => left.CompareTo(right) > 0;

    public static bool operator <=(PlanCost left, PlanCost right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PlanCost left, PlanCost right) => left.CompareTo(right) >= 0;
}
