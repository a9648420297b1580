using Microsoft.Extensions.Logging;
using Mist.Application.Contracts;
using Mist.Application.EventLog;
using Mist.Domain.Common;
using Mist.Domain.Patches;

namespace Mist.Handlers.Patches;

/// <summary>
/// Builds one patch on the worker side and tells its chain how it went. Idempotent on the
/// patch stream: a settled patch is never built again, and a request redelivered after it
/// settled appends nothing but reports the recorded outcome, since the chain may have missed
/// the first report.
/// </summary>
public static partial class GeneratePatchHandler
{
    // A conflict means another worker wrote to the stream meanwhile; a few rounds settle it.
    private const int AppendRounds = 3;

    public static async Task<PatchSettled> Handle(
        GeneratePatch message,
        IEventLog log,
        PatchGenerator generator,
        TimeProvider clock,
        ILogger<GeneratePatch> logger,
        CancellationToken cancellationToken)
    {
        var key = Patch.StreamKey(message.Slug, message.FromLabel, message.ToLabel);
        var loaded = await log.LoadAsync(key, PatchStream.Fold, cancellationToken);
        if (loaded is null)
        {
            return Report(message, PatchOutcome.Failed, "The patch was never requested.");
        }

        if (loaded.State.Patch.IsSettled)
        {
            LogAlreadySettled(logger, message.Slug, message.FromLabel, message.ToLabel);
            return Report(message, loaded.State.Patch);
        }

        LogBuilding(logger, message.Slug, message.FromLabel, message.ToLabel, message.Attempt);
        var decided = await DecideAsync(message, loaded.State, generator, clock, logger,
            cancellationToken);
        for (var round = 1; ; round++)
        {
            try
            {
                await log.AppendAsync(key, loaded.Version, [decided], [], cancellationToken);
                return Report(message, decided);
            }
            catch (DomainException e) when (e.Kind == DomainErrorKind.Conflict &&
                round < AppendRounds)
            {
                loaded = await log.LoadAsync(key, PatchStream.Fold, cancellationToken);
                if (loaded!.State.Patch.IsSettled)
                {
                    return Report(message, loaded.State.Patch);
                }
            }
        }
    }

    private static async Task<object> DecideAsync(
        GeneratePatch message,
        PatchStream stream,
        PatchGenerator generator,
        TimeProvider clock,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var patch = stream.Patch;
        var request = stream.Request;
        try
        {
            var made = await generator.GenerateAsync(
                request.BaseManifestHash, request.TargetManifestHash, cancellationToken);
            var now = clock.GetUtcNow();
            if (!made.WorthShipping)
            {
                LogSkipped(logger, message.Slug, message.FromLabel, message.ToLabel,
                    made.DownloadBytes, made.ChunksOnlyBytes);
                return patch.Skip(made.DownloadBytes, made.ChunksOnlyBytes, now)!;
            }

            LogCompleted(logger, message.Slug, message.FromLabel, message.ToLabel,
                made.DownloadBytes, made.ChunksOnlyBytes, made.EncodeTime.TotalSeconds,
                made.VerifyTime.TotalSeconds);
            return patch.Complete(new PatchCompleted(patch.Slug, patch.FromLabel, patch.ToLabel,
                made.PatchManifestHash!, made.DownloadBytes, made.BytesWritten,
                made.PeakExtraBytes, message.Attempt, made.EncodeTime, now, made.VerifyTime))!;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Missing or damaged storage, or a patch that fails its own check: this attempt
            // ends, and the chain decides whether to try again.
            LogFailed(logger, e, message.Slug, message.FromLabel, message.ToLabel,
                message.Attempt);
            return patch.Fail(Describe(e), message.Attempt, clock.GetUtcNow())!;
        }
    }

    private static string Describe(Exception e) => e switch
    {
        FileNotFoundException => $"Missing from storage: {e.Message}",
        InvalidDataException => $"Damaged data: {e.Message}",
        IOException => $"Storage failed: {e.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    private static PatchSettled Report(GeneratePatch message, Patch patch) =>
        Report(message, patch.Status == PatchStatus.Skipped
            ? PatchOutcome.Skipped
            : PatchOutcome.Completed, null);

    private static PatchSettled Report(GeneratePatch message, object decided) => decided switch
    {
        PatchCompleted => Report(message, PatchOutcome.Completed, null),
        PatchSkipped => Report(message, PatchOutcome.Skipped, null),
        PatchFailed failed => Report(message, PatchOutcome.Failed, failed.Reason),
        _ => throw new InvalidOperationException($"Unexpected {decided.GetType().Name}."),
    };

    private static PatchSettled Report(
        GeneratePatch message, PatchOutcome outcome, string? reason) =>
        new(message.ChainId, message.FromLabel, message.Attempt, outcome, reason);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Patch {GameSlug} {FromLabel}->{ToLabel}: building, attempt {Attempt}")]
    private static partial void LogBuilding(ILogger logger, string gameSlug, string fromLabel,
        string toLabel, int attempt);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Patch {GameSlug} {FromLabel}->{ToLabel} stored: {DownloadBytes} bytes to " +
            "download instead of {ChunkBytes}, built in {EncodeSeconds:F1} s, verified in " +
            "{VerifySeconds:F1} s")]
    private static partial void LogCompleted(ILogger logger, string gameSlug, string fromLabel,
        string toLabel, long downloadBytes, long chunkBytes, double encodeSeconds,
        double verifySeconds);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Patch {GameSlug} {FromLabel}->{ToLabel} skipped: {DownloadBytes} bytes is " +
            "no less than the {ChunkBytes} of its chunks")]
    private static partial void LogSkipped(ILogger logger, string gameSlug, string fromLabel,
        string toLabel, long downloadBytes, long chunkBytes);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Patch {GameSlug} {FromLabel}->{ToLabel} failed on attempt {Attempt}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string gameSlug,
        string fromLabel, string toLabel, int attempt);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Patch {GameSlug} {FromLabel}->{ToLabel} is settled already; reporting it")]
    private static partial void LogAlreadySettled(
        ILogger logger, string gameSlug, string fromLabel, string toLabel);
}
