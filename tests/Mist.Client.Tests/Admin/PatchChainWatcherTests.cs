using System.Net;
using System.Text;
using System.Text.Json;
using Mist.Client.Admin;
using Mist.Client.Http;
using Mist.Client.Reporting;

namespace Mist.Client.Tests.Admin;

public sealed class PatchChainWatcherTests
{
    private const string Open = """
        {"completed":false,"timedOut":false,"patches":[
          {"from":"1.0","to":"1.2","status":"completed","patchManifestHash":"aa",
           "downloadBytes":1200,"bytesWritten":5000,"peakExtraBytes":5000,"failures":0},
          {"from":"1.1","to":"1.2","status":"failed","failures":1,"lastError":"disk full"}]}
        """;

    private const string ClosedWithAFailure = """
        {"completed":true,"timedOut":false,"patches":[
          {"from":"1.0","to":"1.2","status":"completed","patchManifestHash":"aa",
           "downloadBytes":1200,"bytesWritten":5000,"peakExtraBytes":5000,"failures":0},
          {"from":"1.1","to":"1.2","status":"failed","failures":3,"lastError":"disk full"}]}
        """;

    [Fact]
    public async Task Waits_through_an_unknown_and_an_open_chain_and_reports_failures_once_closed()
    {
        var answers = new ScriptedAnswers(null, Open, ClosedWithAFailure);
        var progress = new RecordingProgress();

        var chain = await Watcher(answers).WaitAsync(
            "game", "1.2", TimeSpan.FromMinutes(1), progress, CancellationToken.None);

        answers.Asked.ShouldBe(3);
        chain.Completed.ShouldBeTrue();
        chain.FailedPairs.Select(p => (p.From, p.Failures, p.LastError))
            .ShouldBe([("1.1", 3, "disk full")]);
        progress.Messages.ShouldBe(["Patch 1.0 to 1.2 stored: 1200 bytes to download."]);
        progress.Reports.ShouldBe([(1L, 2L), (1L, 2L)]);
    }

    [Fact]
    public void A_failed_pair_of_an_open_chain_is_not_failed_for_good()
    {
        var chain = JsonSerializer.Deserialize<PatchChainProgress>(
            Open, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        chain.FailedPairs.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_chain_still_open_at_the_deadline_is_a_timeout()
    {
        var answers = new ScriptedAnswers(Open);

        var wait = Watcher(answers).WaitAsync(
            "game", "1.2", TimeSpan.FromMilliseconds(50), new RecordingProgress(),
            CancellationToken.None);

        var error = await Should.ThrowAsync<TimeoutException>(wait);
        error.Message.ShouldContain("game 1.2");
        answers.Asked.ShouldBeGreaterThan(1);
    }

    private static PatchChainWatcher Watcher(ScriptedAnswers answers) =>
        new(new MistApiClient(new HttpClient(answers) { BaseAddress = new("http://mist.test/") },
            "token"), TimeSpan.FromMilliseconds(10));

    /// <summary>Answers each request with the next body (null: 404), repeating the last.
    /// </summary>
    private sealed class ScriptedAnswers(params string?[] bodies) : HttpMessageHandler
    {
        public int Asked { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri!.AbsolutePath
                .ShouldBe("/api/admin/games/game/versions/1.2/patches");
            var body = bodies[Math.Min(Asked, bodies.Length - 1)];
            Asked++;
            return Task.FromResult(body is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                });
        }
    }

    private sealed class RecordingProgress : IProgressSink
    {
        public List<string> Messages { get; } = [];

        public List<(long Done, long Total)> Reports { get; } = [];

        public void Report(ProgressPhase phase, long done, long total)
        {
            phase.ShouldBe(ProgressPhase.BuildingPatches);
            Reports.Add((done, total));
        }

        public void Message(string text) => Messages.Add(text);
    }
}
