namespace Mist.Delta.Trees;

/// <summary>
/// A folder cannot be taken as a version's tree: an entry is unreadable, is of a kind a
/// manifest cannot hold (fifo, socket, device), has a name a manifest path cannot represent,
/// or is a symbolic link that leads outside the tree.
/// </summary>
public sealed class TreeException(string message, Exception? innerException = null)
    : Exception(message, innerException);
