using Mist.Client.Http;
using Mist.Client.Install;

namespace Mist.Client.Update;

/// <summary>What an update asks of the server besides content: the plan, and how many bytes
/// it has received so far (the figure a summary reports as downloaded).</summary>
public interface IUpdateServer : IContentSource
{
    /// <summary>Bytes of response bodies received since the client was made.</summary>
    long BytesReceived { get; }

    /// <summary>The plan from installed version <paramref name="fromLabel"/> to
    /// <paramref name="toLabel"/>, or to the latest on <paramref name="branch"/>.</summary>
    Task<UpdatePlanResponse> GetPlanAsync(
        string game, string fromLabel, string? toLabel, string? branch,
        CancellationToken cancellationToken);
}
