namespace Mist.Client.Verify;

/// <summary>One way the installed tree differs from its manifest, with both sides shown.</summary>
public sealed record TreeDifference(
    string Path,
    DifferenceKind Kind,
    string? Expected = null,
    string? Actual = null)
{
    public override string ToString() => Kind switch
    {
        DifferenceKind.Missing => $"missing        {Path} ({Expected})",
        DifferenceKind.Extra => $"extra          {Path} ({Actual})",
        _ => $"{Describe(Kind),-14} {Path}: expected {Expected}, found {Actual}",
    };

    private static string Describe(DifferenceKind kind) => kind switch
    {
        DifferenceKind.WrongKind => "wrong kind",
        DifferenceKind.WrongSize => "wrong size",
        DifferenceKind.ChangedContent => "changed",
        DifferenceKind.WrongExecutable => "wrong exec bit",
        DifferenceKind.WrongLinkTarget => "wrong link",
        _ => kind.ToString(),
    };
}
