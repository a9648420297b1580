namespace Mist.Application.Catalog;

/// <summary>A manifest exactly as stored, and the SHA-256 of those bytes.</summary>
public sealed record ManifestContent(string Hash, byte[] Bytes);
