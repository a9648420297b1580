using System.Diagnostics;

namespace Mist.Delta.Patching.Small;

/// <summary>
/// Time the small encoder spends in each phase, summed over all threads since the process
/// started, so a benchmark can show where encoding CPU goes. Costs two clock reads per phase.
/// </summary>
internal static class EncodePhaseClock
{
    private static long _index;
    private static long _match;
    private static long _streams;

    /// <summary>Suffix-array construction.</summary>
    public static TimeSpan Index => Stopwatch.GetElapsedTime(0, Volatile.Read(ref _index));

    /// <summary>Matching the target against the index.</summary>
    public static TimeSpan Match => Stopwatch.GetElapsedTime(0, Volatile.Read(ref _match));

    /// <summary>Building and compressing the five streams.</summary>
    public static TimeSpan Streams => Stopwatch.GetElapsedTime(0, Volatile.Read(ref _streams));

    public static void AddIndex(long started) => Add(ref _index, started);

    public static void AddMatch(long started) => Add(ref _match, started);

    public static void AddStreams(long started) => Add(ref _streams, started);

    private static void Add(ref long total, long started) =>
        Interlocked.Add(ref total, Stopwatch.GetTimestamp() - started);
}
