using System.Text.Json;
using Mist.Client.Http;
using Mist.Client.Update;

namespace Mist.Client.Tests.Update;

public sealed class UpdateSummaryTests
{
    [Fact]
    public void Summary_is_one_json_line_with_the_figures_scripts_read()
    {
        var result = new UpdateResult(
            "game", "1.0", "1.2", UpdatePlanKind.PatchChain, 2, false,
            RecoveryOutcome.NothingToRecover, 12_345, 67_890, []);

        var line = UpdateSummary.Json(result, TimeSpan.FromMilliseconds(1500));

        line.ShouldNotContain('\n');
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        root.GetProperty("from").GetString().ShouldBe("1.0");
        root.GetProperty("to").GetString().ShouldBe("1.2");
        root.GetProperty("plan").GetString().ShouldBe("patchChain");
        root.GetProperty("steps").GetInt32().ShouldBe(2);
        root.GetProperty("downloaded_bytes").GetInt64().ShouldBe(12_345);
        root.GetProperty("written_bytes").GetInt64().ShouldBe(67_890);
        root.GetProperty("seconds").GetDouble().ShouldBe(1.5);
    }

    [Theory]
    [InlineData("upToDate", UpdatePlanKind.UpToDate)]
    [InlineData("patchChain", UpdatePlanKind.PatchChain)]
    [InlineData("chunks", UpdatePlanKind.Chunks)]
    [InlineData("full", UpdatePlanKind.Full)]
    public void Plan_kinds_read_from_the_server_are_written_back_the_same(
        string name, UpdatePlanKind kind)
    {
        var plan = JsonSerializer.Deserialize<UpdatePlanResponse>(
            $$"""{"kind":"{{name}}","targetLabel":"2","targetManifestHash":"x"}""",
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        plan.Kind.ShouldBe(kind);
        UpdateSummary.PlanName(plan.Kind).ShouldBe(name);
    }
}
