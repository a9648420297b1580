namespace Mist.Infrastructure.ReadModels;

/// <summary>One entry of a version's manifest (table version_entries).</summary>
public sealed class VersionEntryRow
{
    public required string Slug { get; set; }

    public required string Label { get; set; }

    public required string Path { get; set; }

    /// <summary>file, directory or symlink.</summary>
    public required string Kind { get; set; }

    public long Size { get; set; }

    public string? Sha256 { get; set; }

    public bool Executable { get; set; }

    public string? LinkTarget { get; set; }

    public int ChunkCount { get; set; }
}
