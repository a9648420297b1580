using Mist.Delta.Patching;
using Spectre.Console.Cli;

namespace Mist.Client.Delta;

/// <summary><c>mist delta info</c>: prints a patch's header and segments.</summary>
public sealed class DeltaInfoCommand : Command<DeltaInfoSettings>
{
    /// <inheritdoc />
    public override int Execute(
        CommandContext context, DeltaInfoSettings settings, CancellationToken cancellationToken) =>
        DeltaFiles.Run(() =>
        {
            using var patch = File.OpenRead(settings.Patch);
            var info = DeltaDecoder.ReadInfo(patch);
            Console.WriteLine($"format     {info.FormatVersion}");
            Console.WriteLine($"mode       {info.Mode.ToString().ToLowerInvariant()}");
            Console.WriteLine($"transform  {(info.BranchTransform ? "x86 branch" : "none")}");
            var baseHash = Convert.ToHexStringLower(info.BaseSha256);
            var targetHash = Convert.ToHexStringLower(info.TargetSha256);
            Console.WriteLine($"base       {info.BaseSize:N0} bytes, sha256 {baseHash}");
            Console.WriteLine($"target     {info.TargetSize:N0} bytes, sha256 {targetHash}");
            Console.WriteLine(
                $"patch      {info.PatchBytes:N0} bytes, {info.Segments.Count} segment(s)");
            foreach (var s in info.Segments)
            {
                Console.WriteLine(
                    $"  target {s.TargetOffset:N0}+{s.TargetLength:N0} from base "
                    + $"{s.BaseOffset:N0}+{s.BaseLength:N0}, streams "
                    + string.Join(" / ", s.StreamBytes.Select(b => b.ToString("N0"))));
            }

            return 0;
        });
}
