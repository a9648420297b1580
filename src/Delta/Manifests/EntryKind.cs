namespace Mist.Delta.Manifests;

public enum EntryKind
{
    File,
    Directory,
    Symlink,
}
