using System.Security.Cryptography;

namespace Mist.Delta.Hashing;

/// <summary>SHA-256 as lower-case hex, the form every Mist key and manifest uses.</summary>
public static class Sha256Hex
{
    public const int Length = 64;

    public static string Of(ReadOnlySpan<byte> data) =>
        Convert.ToHexStringLower(SHA256.HashData(data));

    public static async Task<string> OfStreamAsync(
        Stream stream, CancellationToken cancellationToken = default) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));

    public static async Task<string> OfFileAsync(
        string path, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await OfStreamAsync(stream, cancellationToken);
    }

    /// <summary>True for 64 lower-case hex digits, so a key can safely name a file.</summary>
    public static bool IsValid(string? value) =>
        value is { Length: Length } && value.All(IsLowerHexDigit);

    private static bool IsLowerHexDigit(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f');
}
