namespace Mist.Client.Update;

/// <summary>What <see cref="UpdateRecovery"/> found and did.</summary>
public enum RecoveryOutcome
{
    /// <summary>No update was interrupted.</summary>
    NothingToRecover,

    /// <summary>An interrupted swap was finished; the target version is installed.</summary>
    RolledForward,

    /// <summary>An interrupted swap was undone; the base version is installed again.</summary>
    RolledBack,
}
