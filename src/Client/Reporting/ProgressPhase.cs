namespace Mist.Client.Reporting;

public enum ProgressPhase
{
    /// <summary>Hashing files already in the folder that may stay; progress in bytes.</summary>
    Checking,

    /// <summary>Reading chunks of the previous install that the new version reuses.</summary>
    Reusing,

    /// <summary>Downloading and checking chunks; progress in uncompressed bytes.</summary>
    Downloading,

    /// <summary>Writing and checking files in the staging folder; progress in bytes.</summary>
    Assembling,

    /// <summary>Applying a patch: rebuilding changed files in staging; progress in bytes.
    /// </summary>
    Applying,

    /// <summary>Moving staged entries into place; progress in entries.</summary>
    Placing,

    /// <summary>Hashing an installed tree against its manifest; progress in bytes.</summary>
    Verifying,

    /// <summary>The server ingesting a build (admin import); progress in bytes.</summary>
    Ingesting,

    /// <summary>The server building a published version's patches (admin publish); progress
    /// in patches.</summary>
    BuildingPatches,
}
