namespace Mist.Infrastructure.ReadModels;

/// <summary>A patch between two versions of a game and where it stands (table patches).
/// </summary>
public sealed class PatchRow
{
    public required string Slug { get; set; }

    public required string FromLabel { get; set; }

    public required string ToLabel { get; set; }

    /// <summary>Lower-case name of <see cref="Mist.Domain.Patches.PatchStatus"/>.</summary>
    public required string Status { get; set; }

    public string? BaseManifestHash { get; set; }

    public string? TargetManifestHash { get; set; }

    /// <summary>Key of the stored patch manifest, once completed.</summary>
    public string? PatchManifestHash { get; set; }

    public long DownloadBytes { get; set; }

    public long BytesWritten { get; set; }

    public long PeakExtraBytes { get; set; }

    /// <summary>Failed attempts so far (the number of the latest one).</summary>
    public int Failures { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
