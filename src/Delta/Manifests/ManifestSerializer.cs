using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mist.Delta.Manifests;

/// <summary>
/// The manifest's stored form: UTF-8 JSON, camelCase, enums as strings. Its SHA-256 is the
/// manifest hash that events, patches and clients name.
/// </summary>
public static class ManifestSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static byte[] Serialize(VersionManifest manifest) =>
        JsonSerializer.SerializeToUtf8Bytes(manifest, Options);

    public static VersionManifest Deserialize(ReadOnlySpan<byte> json)
    {
        VersionManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<VersionManifest>(json, Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The manifest is not valid JSON: {e.Message}", e);
        }

        if (manifest is null || manifest.Entries is null)
        {
            throw new InvalidDataException("The manifest has no entries list.");
        }

        if (manifest.FormatVersion != VersionManifest.CurrentFormat)
        {
            throw new InvalidDataException(
                $"The manifest has format {manifest.FormatVersion}; this build reads " +
                $"{VersionManifest.CurrentFormat}.");
        }

        foreach (var entry in manifest.Entries)
        {
            ManifestPath.EnsureValid(entry.Path);
        }

        return manifest;
    }

    public static string Hash(ReadOnlySpan<byte> serialized) =>
        Convert.ToHexStringLower(SHA256.HashData(serialized));
}
