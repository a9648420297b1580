namespace Mist.Delta.Patching;

/// <summary>Which encoder produces a patch.</summary>
public enum DeltaMode
{
    /// <summary>Choose per file: try the small encoder where it is affordable, else fast.</summary>
    Auto = 0,

    /// <summary>
    /// Suffix-array matching with separate control, difference and literal streams.
    /// </summary>
    Small = 1,

    /// <summary>Zstandard with the base as prefix and long-distance matching.</summary>
    Fast = 2,
}
