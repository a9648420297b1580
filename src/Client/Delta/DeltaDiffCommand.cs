using System.Diagnostics;
using Mist.Delta.Patching;
using Spectre.Console.Cli;

namespace Mist.Client.Delta;

/// <summary><c>mist delta diff</c>: writes a patch from OLD to NEW.</summary>
public sealed class DeltaDiffCommand : Command<DeltaDiffSettings>
{
    /// <inheritdoc />
    public override int Execute(
        CommandContext context, DeltaDiffSettings settings, CancellationToken cancellationToken) =>
        DeltaFiles.Run(() =>
        {
            var watch = Stopwatch.StartNew();

            // Written beside the destination and moved into place, so an interrupted run never
            // leaves a truncated patch under the requested name.
            var temporary = settings.Patch + ".partial";
            PatchInfo info;
            using (var patch = new FileStream(temporary, FileMode.Create, FileAccess.Write))
            {
                var options = new DeltaOptions { Mode = settings.Mode };
                info = DeltaEncoder.Encode(
                    settings.Old, settings.New, patch, options, cancellationToken);
            }

            File.Move(temporary, settings.Patch, overwrite: true);
            Console.WriteLine(
                $"{settings.Patch}: {info.PatchBytes:N0} bytes "
                + $"({info.Mode.ToString().ToLowerInvariant()}) "
                + $"for {info.TargetSize:N0} bytes of target, "
                + $"in {watch.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
}
