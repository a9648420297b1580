using System.Collections.Concurrent;
using Mist.Application.Builds.Ingestion;

namespace Mist.Api.Tests.Storage;

/// <summary>Keeps every report, on the reporting thread (Progress&lt;T&gt; would post them
/// later).</summary>
internal sealed class ProgressLog : IProgress<IngestProgress>
{
    public ConcurrentQueue<IngestProgress> Reports { get; } = new();

    public void Report(IngestProgress value) => Reports.Enqueue(value);
}
