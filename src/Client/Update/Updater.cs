using Mist.Client.Http;
using Mist.Client.Install;
using Mist.Client.Reporting;
using Mist.Delta.Hashing;
using Mist.Delta.Updates;

namespace Mist.Client.Update;

/// <summary>
/// Updates an installed game: finishes any interrupted update, asks the server for a plan,
/// then applies its patches one journaled step at a time, recording each version reached,
/// or installs the target by chunks. A patch that does not fit (a damaged blob on the server,
/// a base file changed locally) is refused before the tree is touched and the target is then
/// reached by chunks, so a wrong file is never installed.
/// </summary>
public sealed class Updater(IUpdateServer server, InstallerOptions? options = null)
{
    private readonly InstallerOptions _options = options ?? new InstallerOptions();

    /// <summary>Called before every change a swap makes; tests throw from it to stop an
    /// update at that point, as a crash would.</summary>
    internal Action? BeforeSwapChange { get; init; }

    public async Task<UpdateResult> UpdateAsync(
        UpdateRequest request, IProgressSink? progress, CancellationToken cancellationToken)
    {
        progress ??= SilentProgress.Instance;
        var received = server.BytesReceived;
        var layout = new InstallLayout(request.Directory);
        if (!layout.IsMistInstall)
        {
            throw new InstallException(
                $"{layout.Root} is not a Mist install; 'mist install' one there first.");
        }

        using var folderLock = InstallFolder.AcquireLock(layout);
        var recovery = await UpdateRecovery.RecoverAsync(
            layout, progress, cancellationToken, BeforeSwapChange);
        var installed = await ReadInstalledAsync(layout, cancellationToken);
        var from = installed.Version;
        var plan = await server.GetPlanAsync(
            from.Game, from.Label, request.To, request.To is null ? from.Branch ?? "main" : null,
            cancellationToken);
        if (!Sha256Hex.IsValid(plan.TargetManifestHash))
        {
            throw new InvalidDataException(
                $"The server's plan names '{plan.TargetManifestHash}' as the target manifest.");
        }

        var run = new Run(from, plan, recovery);
        if (plan.TargetManifestHash == from.ManifestHash && plan.Kind == UpdatePlanKind.UpToDate)
        {
            return run.Result(from.Label, server.BytesReceived - received);
        }

        if (plan.Kind == UpdatePlanKind.PatchChain)
        {
            installed = await ApplyChainAsync(layout, installed, run, progress, cancellationToken);
        }

        if (installed.Version.ManifestHash != plan.TargetManifestHash)
        {
            var target = new InstallTarget(
                from.Game, plan.TargetLabel, from.Branch, plan.TargetManifestHash, from.Server);
            var done = await new Installer(server, _options).InstallLockedAsync(
                layout, target, null, progress, cancellationToken);
            run.Steps++;
            run.BytesWritten += done.BytesWritten;
        }

        return run.Result(plan.TargetLabel, server.BytesReceived - received);
    }

    private async Task<InstalledState> ApplyChainAsync(
        InstallLayout layout, InstalledState installed, Run run, IProgressSink progress,
        CancellationToken cancellationToken)
    {
        var step = new PatchStep(server, _options, BeforeSwapChange);
        var patches = run.Plan.PatchList;
        for (var i = 0; i < patches.Count; i++)
        {
            var planned = patches[i];
            var last = i == patches.Count - 1 ? run.Plan.TargetManifestHash : null;
            progress.Message($"Patching {installed.Version.Label} to {planned.To}.");
            try
            {
                var outcome = await step.RunAsync(
                    layout, installed, planned, last, progress, cancellationToken);
                installed = outcome.Installed;
                run.Steps++;
                run.BytesWritten += outcome.BytesWritten;
            }
            catch (VersionPatchException e)
            {
                if (Directory.Exists(layout.UpdateDir))
                {
                    Directory.Delete(layout.UpdateDir, recursive: true);
                }

                progress.Message(
                    $"Refused the patch {planned.From} to {planned.To}: {e.Message} " +
                    $"Updating to {run.Plan.TargetLabel} by chunks instead.");
                run.Refusals.Add($"{planned.From} to {planned.To}: {e.Message}");
                run.FellBack = true;
                break;
            }
        }

        return installed;
    }

    private static async Task<InstalledState> ReadInstalledAsync(
        InstallLayout layout, CancellationToken cancellationToken)
    {
        var (version, manifest) = await new InstallRecord(layout).ReadAsync(cancellationToken);

        // Read again under the lock: ReadAsync checked these bytes' hash a moment ago, and
        // the patch's base hash is compared with exactly them.
        var bytes = await File.ReadAllBytesAsync(layout.ManifestPath, cancellationToken);
        return new InstalledState(version, bytes, manifest);
    }

    /// <summary>The figures of one update as it goes.</summary>
    private sealed class Run(
        InstalledVersion from, UpdatePlanResponse plan, RecoveryOutcome recovery)
    {
        public UpdatePlanResponse Plan { get; } = plan;

        public int Steps { get; set; }

        public long BytesWritten { get; set; }

        public bool FellBack { get; set; }

        public List<string> Refusals { get; } = [];

        public UpdateResult Result(string toLabel, long downloaded) => new(
            from.Game, from.Label, toLabel, Plan.Kind, Steps, FellBack, recovery, downloaded,
            BytesWritten, Refusals);
    }
}
