namespace Mist.Api.Tests.EndToEnd;

/// <summary>
/// The real sample builds that scripts/test.sh fetches (five versions of a runtime, about
/// 80 MB each), in MIST_SAMPLES or /var/tmp/mist-samples.
/// </summary>
public static class SampleBuilds
{
    public static string Root =>
        Environment.GetEnvironmentVariable("MIST_SAMPLES") is { Length: > 0 } root
            ? root
            : "/var/tmp/mist-samples";

    public static string PathOf(string label)
    {
        var path = Path.Combine(Root, label);
        if (!Directory.Exists(path))
        {
            throw new InvalidOperationException(
                $"The sample build {path} is missing: run scripts/test.sh, which fetches it, " +
                "or set MIST_SAMPLES to a folder that holds it.");
        }

        return path;
    }
}
