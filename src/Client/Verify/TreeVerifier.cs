using Mist.Client.Install;
using Mist.Client.Reporting;
using Mist.Delta.Hashing;
using Mist.Delta.Manifests;

namespace Mist.Client.Verify;

/// <summary>
/// Compares an installed tree with its manifest and lists every difference: missing, extra,
/// wrong kind, wrong size, changed content, wrong executable bit, wrong link target.
/// Mist's own folder (<c>.mist</c>) is ignored.
/// </summary>
public sealed class TreeVerifier
{
    /// <summary>Verifies the install in <paramref name="directory"/> against its kept
    /// manifest.</summary>
    public async Task<IReadOnlyList<TreeDifference>> VerifyInstallAsync(
        string directory, IProgressSink? progress, CancellationToken cancellationToken)
    {
        var (_, manifest) = await new InstallRecord(new InstallLayout(directory))
            .ReadAsync(cancellationToken);
        return await VerifyAsync(directory, manifest, progress, cancellationToken);
    }

    public async Task<IReadOnlyList<TreeDifference>> VerifyAsync(
        string root, VersionManifest manifest, IProgressSink? progress,
        CancellationToken cancellationToken)
    {
        progress ??= SilentProgress.Instance;
        if (!Directory.Exists(root))
        {
            throw new InstallException($"{root} is not a folder.");
        }

        var local = LocalTree.List(root);
        var differences = new List<TreeDifference>();
        var total = manifest.RawBytes;
        long done = 0;
        progress.Report(ProgressPhase.Verifying, 0, total);

        foreach (var expected in manifest.Entries)
        {
            if (!local.Remove(expected.Path, out var actual))
            {
                differences.Add(
                    new(expected.Path, DifferenceKind.Missing, Describe(expected.Kind)));
            }
            else
            {
                await CompareAsync(expected, actual, differences, cancellationToken);
            }

            done += expected.Kind == EntryKind.File ? expected.Size : 0;
            progress.Report(ProgressPhase.Verifying, done, total);
        }

        differences.AddRange(local.Values.Select(extra =>
            new TreeDifference(extra.Path, DifferenceKind.Extra, null, Describe(extra.Kind))));
        return [.. differences.OrderBy(d => d.Path, StringComparer.Ordinal)];
    }

    private static async Task CompareAsync(
        ManifestEntry expected, LocalEntry actual, List<TreeDifference> differences,
        CancellationToken cancellationToken)
    {
        if (actual.Kind != expected.Kind)
        {
            differences.Add(new(
                expected.Path, DifferenceKind.WrongKind, Describe(expected.Kind),
                Describe(actual.Kind)));
            return;
        }

        switch (expected.Kind)
        {
            case EntryKind.Symlink when actual.LinkTarget != expected.LinkTarget:
                differences.Add(new(
                    expected.Path, DifferenceKind.WrongLinkTarget, expected.LinkTarget,
                    actual.LinkTarget));
                break;
            case EntryKind.File:
                await CompareFileAsync(expected, actual, differences, cancellationToken);
                break;
        }
    }

    private static async Task CompareFileAsync(
        ManifestEntry expected, LocalEntry actual, List<TreeDifference> differences,
        CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsWindows() && actual.Executable != expected.Executable)
        {
            differences.Add(new(
                expected.Path, DifferenceKind.WrongExecutable, Executable(expected.Executable),
                Executable(actual.Executable)));
        }

        // Content is hashed only when the size matches, and an empty file has nothing to
        // hash, so a fifo or device in place of a file is never opened (it could block).
        if (actual.Size != expected.Size)
        {
            differences.Add(new(
                expected.Path, DifferenceKind.WrongSize, $"{expected.Size} bytes",
                $"{actual.Size} bytes"));
            return;
        }

        if (expected.Size == 0)
        {
            return;
        }

        var hash = await Sha256Hex.OfFileAsync(actual.FullPath, cancellationToken);
        if (hash != expected.Sha256)
        {
            differences.Add(
                new(expected.Path, DifferenceKind.ChangedContent, expected.Sha256, hash));
        }
    }

    private static string Executable(bool executable) =>
        executable ? "executable" : "not executable";

    private static string Describe(EntryKind kind) => kind switch
    {
        EntryKind.Directory => "directory",
        EntryKind.Symlink => "symbolic link",
        _ => "file",
    };
}
