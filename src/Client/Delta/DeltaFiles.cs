using Spectre.Console;

namespace Mist.Client.Delta;

/// <summary>File checks and error reporting shared by the delta commands.</summary>
internal static class DeltaFiles
{
    public const int Failure = 1;

    public static ValidationResult? MustExist(params string[] paths) =>
        paths.FirstOrDefault(p => !File.Exists(p)) is { } missing
            ? ValidationResult.Error($"No such file: {missing}")
            : null;

    /// <summary>Runs a command body, turning expected failures into a message on stderr.</summary>
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is Mist.Delta.Patching.PatchFormatException
            or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"mist delta: {e.Message}");
            return Failure;
        }
    }
}
