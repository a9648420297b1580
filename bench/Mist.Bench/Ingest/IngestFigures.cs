using System.Text.Json.Serialization;

namespace Mist.Bench.Ingest;

public sealed record IngestFigures(
    [property: JsonPropertyName("files")] int Files,
    [property: JsonPropertyName("raw_bytes")] long RawBytes,
    [property: JsonPropertyName("stored_bytes")] long StoredBytes,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("mb_per_s")] double MegabytesPerSecond)
{
    [JsonIgnore]
    public double CpuSeconds { get; init; }

    [JsonIgnore]
    public double Ratio => RawBytes == 0 ? 0 : (double)StoredBytes / RawBytes;
}
