using System.Text.Json.Serialization;

namespace Mist.Bench.Apply;

/// <summary>One apply run, as the JSON line reports it.</summary>
public sealed record ApplyFigures(
    [property: JsonPropertyName("target_bytes_written")] long TargetBytesWritten,
    [property: JsonPropertyName("apply_seconds")] double ApplySeconds,
    [property: JsonPropertyName("mb_per_s")] double MegabytesPerSecond,
    [property: JsonPropertyName("verified")] bool Verified,
    [property: JsonPropertyName("update_seconds")] double UpdateSeconds,
    [property: JsonPropertyName("apply_cpu_seconds")] double ApplyCpuSeconds,
    [property: JsonPropertyName("patch_download_bytes")] long PatchDownloadBytes);
