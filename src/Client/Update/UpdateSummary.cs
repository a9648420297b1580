using System.Text;
using System.Text.Json;
using Mist.Client.Http;

namespace Mist.Client.Update;

/// <summary>The one-line JSON summary <c>mist update --json</c> ends with, for scripts; its
/// names and their order are fixed.</summary>
public static class UpdateSummary
{
    public static string Json(UpdateResult result, TimeSpan elapsed)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("from", result.FromLabel);
            json.WriteString("to", result.ToLabel);
            json.WriteString("plan", PlanName(result.Plan));
            json.WriteNumber("steps", result.Steps);
            json.WriteNumber("downloaded_bytes", result.BytesDownloaded);
            json.WriteNumber("written_bytes", result.BytesWritten);
            json.WriteNumber("seconds", Math.Round(elapsed.TotalSeconds, 3));
            json.WriteBoolean("fell_back_to_chunks", result.FellBackToChunks);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string PlanName(UpdatePlanKind kind) => kind switch
    {
        UpdatePlanKind.UpToDate => "upToDate",
        UpdatePlanKind.PatchChain => "patchChain",
        UpdatePlanKind.Chunks => "chunks",
        UpdatePlanKind.Full => "full",
        _ => kind.ToString(),
    };
}
