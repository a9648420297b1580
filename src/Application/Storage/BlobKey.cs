using Mist.Delta.Hashing;

namespace Mist.Application.Storage;

/// <summary>Checks keys before they become file names, so no key can name a path outside
/// the store.</summary>
public static class BlobKey
{
    public static bool IsValid(string? key) => Sha256Hex.IsValid(key);

    public static void EnsureValid(string? key)
    {
        if (!IsValid(key))
        {
            throw new ArgumentException(
                $"'{key}' is not a SHA-256 key (64 lower-case hex digits).", nameof(key));
        }
    }
}
