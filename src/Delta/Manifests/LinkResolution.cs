namespace Mist.Delta.Manifests;

public enum LinkResolution
{
    /// <summary>The link leads to a place inside the tree.</summary>
    Inside,

    /// <summary>The link is absolute, uses backslashes or a drive, or climbs out of the tree.
    /// </summary>
    Outside,

    /// <summary>The link is part of a loop, or of a chain deeper than the OS follows.</summary>
    TooDeep,
}
