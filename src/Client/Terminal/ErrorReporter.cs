using Mist.Client.Config;
using Mist.Client.Http;
using Mist.Client.Install;
using Mist.Delta.Updates;
using Spectre.Console;

namespace Mist.Client.Terminal;

/// <summary>
/// Prints a failure the user can act on — problem details with every field error, an
/// unreachable server, a bad folder — without a stack trace, and gives its exit code.
/// Anything else is a bug and keeps its stack trace.
/// </summary>
internal static class ErrorReporter
{
    public const int Failure = 1;

    public const int Cancelled = 130;

    public static int? TryReport(Exception exception, Uri? server)
    {
        switch (exception)
        {
            case MistApiException api:
                ReportProblem(api);
                return Failure;
            case HttpRequestException http:
                var reason = http.InnerException is { } inner &&
                    !http.Message.Contains(inner.Message, StringComparison.Ordinal)
                        ? $"{http.Message} {inner.Message}"
                        : http.Message;
                Error($"No answer from the Mist server at {server}: {reason}");
                return Failure;
            case TaskCanceledException { InnerException: TimeoutException }:
                Error($"The Mist server at {server} did not answer in time.");
                return Failure;
            case OperationCanceledException:
                Error("Cancelled. Running the same command again resumes where it stopped.");
                return Cancelled;
            case InstallException or ConfigException or InvalidDataException
                or VersionPatchException or TimeoutException:
                Error(exception.Message);
                return Failure;
            case IOException or UnauthorizedAccessException:
                Error(exception.Message);
                return Failure;
            default:
                return null;
        }
    }

    private static void ReportProblem(MistApiException api)
    {
        var problem = api.Problem;
        Error($"{problem.Title} (HTTP {api.StatusCode} for {api.Request})");
        if (!string.IsNullOrWhiteSpace(problem.Detail))
        {
            AnsiConsole.MarkupLineInterpolated($"  {problem.Detail}");
        }

        foreach (var (field, reasons) in problem.Errors ?? new Dictionary<string, string[]>())
        {
            foreach (var reason in reasons)
            {
                AnsiConsole.MarkupLineInterpolated($"  [yellow]{field}[/]: {reason}");
            }
        }

        if (api.StatusCode == 401)
        {
            AnsiConsole.MarkupLine(
                "  Log in with [bold]mist login --user NAME[/] or set MIST_TOKEN.");
        }
    }

    public static void Error(string message) =>
        AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {message}");
}
