namespace Mist.Bench.Chain;

/// <summary>
/// Small made-up versions of a game: a 2 MiB binary and a 1 MiB level that every version edits
/// in a new place, a settings file, and one file added per version. Repeatable: the same
/// version number always gives the same bytes.
/// </summary>
public static class BenchGame
{
    private const int BinaryBytes = 2 * 1024 * 1024;
    private const int LevelBytes = 1024 * 1024;

    public static void Write(string root, int version)
    {
        var binary = Structured(1, BinaryBytes);
        var level = Noise(2, LevelBytes);
        for (var edit = 1; edit <= version; edit++)
        {
            Noise(10 + edit, 2000).CopyTo(binary, edit * 300_000);
            Noise(20 + edit, 500).CopyTo(level, edit * 150_000);
        }

        Put(root, "bin/game.bin", binary);
        Put(root, "data/level.pak", level);
        Put(root, "settings.ini", System.Text.Encoding.UTF8.GetBytes($"version={version}\n"));
        Put(root, $"data/extra-{version}.dat", Noise(30 + version, 50_000));
    }

    // Code-like: a repeated instruction pattern between stretches of noise.
    private static byte[] Structured(int seed, int size)
    {
        var bytes = Noise(seed, size);
        var pattern = "mov rax, [rbp-8]; call update; "u8.ToArray();
        for (var at = 0; at + pattern.Length < size; at += 3 * pattern.Length)
        {
            pattern.CopyTo(bytes, at);
        }

        return bytes;
    }

    private static byte[] Noise(int seed, int size)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static void Put(string root, string path, byte[] bytes)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }
}
