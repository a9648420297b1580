using Spectre.Console;

namespace Mist.Client.Terminal;

/// <summary>Whether to draw live progress or print plain lines (redirected output, CI).</summary>
internal static class Output
{
    public static bool IsInteractive =>
        !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0 ? $"{bytes} B" : $"{value:0.0} {units[unit]}";
    }

    /// <summary>A count with its noun in the right number: "1 entry", "3 entries".</summary>
    public static string Count(int count, string one, string many) =>
        $"{count} {(count == 1 ? one : many)}";
}
