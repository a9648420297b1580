using System.Text.Json.Serialization;

namespace Mist.Bench.Chain;

/// <summary>
/// One patch chain, from the publication's commit to the chain's closing event (both as the
/// event log stamped them). <see cref="EngineSumSeconds"/> adds up each pair's time in the
/// delta engine (building and verifying); pairs run side by side, so
/// <see cref="EngineWallSeconds"/> is the part of the wall time during which at least one
/// pair was in the engine, and the overhead is the rest.
/// </summary>
public sealed record ChainFigures(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("pairs")] int Pairs,
    [property: JsonPropertyName("wall_s")] double WallSeconds,
    [property: JsonPropertyName("engine_sum_s")] double EngineSumSeconds,
    [property: JsonPropertyName("engine_wall_s")] double EngineWallSeconds,
    [property: JsonPropertyName("overhead_s")] double OverheadSeconds,
    [property: JsonPropertyName("start_s")] double StartSeconds,
    [property: JsonPropertyName("close_s")] double CloseSeconds,
    [property: JsonPropertyName("cpu_s")] double CpuSeconds);
