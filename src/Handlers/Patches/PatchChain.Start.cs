using Marten;
using Microsoft.Extensions.Logging;
using Mist.Application.Contracts;
using Mist.Application.EventLog;
using Mist.Domain.Common;
using Mist.Domain.Patches;
using Wolverine;

namespace Mist.Handlers.Patches;

public sealed partial class PatchChain
{
    /// <summary>
    /// Chooses the pairs of a newly published version, requests each patch on its stream and
    /// sends the work out. A chain with nothing to do (first version of a branch, or every
    /// pair settled already) closes at once and is never stored.
    /// </summary>
    public static async Task<(PatchChain, OutgoingMessages)> Start(
        StartPatchChain message,
        IPublicationHistory history,
        IEventLog log,
        IDocumentSession session,
        PatchChainOptions options,
        TimeProvider clock,
        ILogger<PatchChain> logger,
        CancellationToken cancellationToken)
    {
        var chain = new PatchChain
        {
            Id = IdFor(message.Slug, message.Label), Slug = message.Slug, Label = message.Label,
        };
        var messages = new OutgoingMessages();

        // A redelivered start must neither restart a running chain nor reopen a closed one.
        if (await session.LoadAsync<PatchChain>(chain.Id, cancellationToken) is not null ||
            await IsClosedAsync(log, message.Slug, message.Label, cancellationToken))
        {
            LogDuplicateStart(logger, message.Slug, message.Label);
            chain.MarkCompleted();
            return (chain, messages);
        }

        var published = await history.ListAsync(message.Slug, cancellationToken);
        var target = published.LastOrDefault(p => p.Label == message.Label);
        if (target is null)
        {
            LogNotPublished(logger, message.Slug, message.Label);
            chain.MarkCompleted();
            return (chain, messages);
        }

        var earlier = published
            .Where(p => p.Branch == target.Branch && p.Sequence < target.Sequence &&
                !p.Withdrawn && p.Label != target.Label)
            .Select(p => p.Label)
            .ToList();
        var bases = PatchPairs.BasesFor(earlier, options.DirectCount);
        var now = clock.GetUtcNow();
        foreach (var from in bases)
        {
            var source = published.Last(p => p.Label == from);
            var requested = new PatchRequested(message.Slug, from, message.Label,
                source.ManifestHash, target.ManifestHash, now);
            chain.Pairs.Add(await RequestAsync(log, requested, cancellationToken));
        }

        foreach (var pair in chain.Pairs.Where(p => p.State == PatchPairState.Pending))
        {
            messages.Add(new GeneratePatch(chain.Id, chain.Slug, pair.From, chain.Label, 1));
        }

        LogStarted(logger, message.Slug, message.Label, bases.Count, messages.Count);
        if (messages.Count == 0)
        {
            await chain.CloseAsync(log, timedOut: false, clock, logger, cancellationToken);
            return (chain, messages);
        }

        messages.Add(new PatchChainTimedOut(chain.Id, options.Timeout));
        return (chain, messages);
    }

    // Starts the patch stream; a stream there already (a chain restarted after a crash) is
    // reused, and one that settled needs no work.
    private static async Task<PatchChainPair> RequestAsync(
        IEventLog log, PatchRequested requested, CancellationToken cancellationToken)
    {
        var key = Patch.StreamKey(requested.Slug, requested.FromLabel, requested.ToLabel);
        var pair = new PatchChainPair { From = requested.FromLabel };
        var existing = await log.LoadAsync(key, Patch.Fold, cancellationToken);
        if (existing is null)
        {
            try
            {
                await log.StartAsync(key, [requested], [], cancellationToken);
                return pair;
            }
            catch (DomainException e) when (e.Kind == DomainErrorKind.Conflict)
            {
                existing = await log.LoadAsync(key, Patch.Fold, cancellationToken);
            }
        }

        pair.State = existing?.State.Status switch
        {
            PatchStatus.Completed => PatchPairState.Completed,
            PatchStatus.Skipped => PatchPairState.Skipped,
            _ => PatchPairState.Pending,
        };
        return pair;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Patch chain of {GameSlug}/{VersionLabel} started: {PairCount} pairs, " +
            "{MessageCount} sent to workers")]
    private static partial void LogStarted(ILogger logger, string gameSlug, string versionLabel,
        int pairCount, int messageCount);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Patch chain of {GameSlug}/{VersionLabel} exists already; start ignored")]
    private static partial void LogDuplicateStart(
        ILogger logger, string gameSlug, string versionLabel);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Patch chain of {GameSlug}/{VersionLabel} not started: no publication found")]
    private static partial void LogNotPublished(
        ILogger logger, string gameSlug, string versionLabel);
}
