using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mist.Delta.Hashing;
using Mist.Delta.Manifests;

namespace Mist.Delta.Updates;

/// <summary>
/// The version patch's stored form: UTF-8 JSON, camelCase, enums as strings, default values
/// left out (most entries of a game update are unchanged, so they stay short). Reading
/// validates every path and the fields each entry kind needs.
/// </summary>
public static class VersionPatchSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Writes <paramref name="patch"/> as UTF-8 JSON.</summary>
    public static byte[] Serialize(VersionPatch patch)
    {
        Validate(patch);
        return JsonSerializer.SerializeToUtf8Bytes(patch, Options);
    }

    /// <summary>Reads and validates a serialized patch.</summary>
    /// <exception cref="VersionPatchException">Not valid JSON, another format, or an entry
    /// that breaks the rules.</exception>
    public static VersionPatch Deserialize(ReadOnlySpan<byte> json)
    {
        VersionPatch? patch;
        try
        {
            patch = JsonSerializer.Deserialize<VersionPatch>(json, Options);
        }
        catch (JsonException e)
        {
            throw new VersionPatchException($"The version patch is not valid JSON: {e.Message}", e);
        }

        if (patch is null)
        {
            throw new VersionPatchException("The version patch is empty.");
        }

        Validate(patch);
        return patch;
    }

    /// <summary>The SHA-256 (lower-case hex) of a serialized patch.</summary>
    public static string Hash(ReadOnlySpan<byte> serialized) =>
        Convert.ToHexStringLower(SHA256.HashData(serialized));

    /// <summary>Checks the rules docs/version-patch-format.md states.</summary>
    /// <exception cref="VersionPatchException">The first rule broken.</exception>
    public static void Validate(VersionPatch patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (patch.FormatVersion != VersionPatch.CurrentFormat)
        {
            throw new VersionPatchException(
                $"The version patch has format {patch.FormatVersion}; this build reads " +
                $"{VersionPatch.CurrentFormat}.");
        }

        Require(Sha256Hex.IsValid(patch.BaseManifestHash), "The base manifest hash is invalid.");
        Require(
            Sha256Hex.IsValid(patch.TargetManifestHash), "The target manifest hash is invalid.");
        Require(patch.Entries is not null && patch.Deleted is not null, "A list is missing.");
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in patch.Entries!)
        {
            Require(
                entry is not null && ManifestPath.IsValid(entry.Path), "An entry path is invalid.");
            Require(paths.Add(entry!.Path), $"'{entry.Path}' appears twice.");
            ValidateEntry(entry);
        }

        ValidateLinks(patch.Entries!);
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in patch.Deleted!)
        {
            Require(ManifestPath.IsValid(path), $"The deleted path '{path}' is invalid.");
            Require(deleted.Add(path), $"'{path}' is deleted twice.");
        }
    }

    // A client must never read or write outside its install folder: links must resolve
    // inside the tree, and no entry may sit below a link, where writing it would follow one.
    private static void ValidateLinks(IReadOnlyList<PatchEntry> entries)
    {
        var links = entries
            .Where(e => e.Kind == PatchEntryKind.Symlink)
            .ToDictionary(e => e.Path, e => e.LinkTarget!, StringComparer.Ordinal);
        foreach (var (path, target) in links)
        {
            Require(
                LinkTargets.Resolve(path, links) == LinkResolution.Inside,
                $"Link '{path}' points to '{target}', outside the install.");
        }

        foreach (var entry in entries)
        {
            var parent = entry.Path;
            while (parent.LastIndexOf('/') is var slash and > 0)
            {
                parent = parent[..slash];
                Require(!links.ContainsKey(parent), $"'{entry.Path}' lies below link '{parent}'.");
            }
        }
    }

    private static void ValidateEntry(PatchEntry entry)
    {
        var where = $"Entry '{entry.Path}' ({entry.Kind})";
        switch (entry.Kind)
        {
            case PatchEntryKind.Directory:
                break;
            case PatchEntryKind.Symlink:
                Require(!string.IsNullOrEmpty(entry.LinkTarget), $"{where} has no link target.");
                break;
            case PatchEntryKind.Unchanged:
                RequireFile(entry, where);
                break;
            case PatchEntryKind.Copy:
                RequireFile(entry, where);
                Require(ManifestPath.IsValid(entry.BasePath), $"{where} has no valid base path.");
                break;
            case PatchEntryKind.Delta:
                RequireFile(entry, where);
                Require(ManifestPath.IsValid(entry.BasePath), $"{where} has no valid base path.");
                Require(Sha256Hex.IsValid(entry.BaseSha256), $"{where} has no valid base hash.");
                Require(Sha256Hex.IsValid(entry.PayloadKey), $"{where} has no valid payload key.");
                Require(entry.PayloadSize > 0, $"{where} has no payload size.");
                break;
            case PatchEntryKind.Chunks:
                RequireFile(entry, where);
                var offset = 0L;
                foreach (var chunk in entry.ChunkList)
                {
                    // Contiguous chunks that sum to the size let the client write the file in
                    // one pass and know its length before it downloads anything.
                    Require(
                        chunk is not null && chunk.Offset == offset && chunk.Length > 0 &&
                        Sha256Hex.IsValid(chunk.Sha256),
                        $"{where} has a chunk out of place at offset {offset}.");
                    offset += chunk!.Length;
                }

                Require(offset == entry.Size, $"{where} has chunks that do not sum to its size.");
                break;
            default:
                throw new VersionPatchException($"{where} has an unknown kind.");
        }
    }

    private static void RequireFile(PatchEntry entry, string where)
    {
        Require(Sha256Hex.IsValid(entry.Sha256), $"{where} has no valid SHA-256.");
        Require(entry.Size >= 0, $"{where} has a negative size.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new VersionPatchException(message);
        }
    }
}
