using Mist.Delta.Patching;
using Spectre.Console.Cli;

namespace Mist.Client.Delta;

/// <summary>
/// <c>mist delta apply</c>: applies a patch and keeps the result only if it verifies.
/// </summary>
public sealed class DeltaApplyCommand : Command<DeltaApplySettings>
{
    /// <inheritdoc />
    public override int Execute(
        CommandContext context, DeltaApplySettings settings, CancellationToken cancellationToken) =>
        DeltaFiles.Run(() =>
        {
            // The decoder checks the result's hash only at the end, so the output goes to a
            // temporary file that replaces NEW on success and is deleted on failure.
            var temporary = settings.New + ".partial";
            try
            {
                DeltaDecoder.Apply(settings.Old, settings.Patch, temporary);
                File.Move(temporary, settings.New, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }

            Console.WriteLine($"{settings.New}: written and verified.");
            return 0;
        });
}
