namespace Mist.Delta.Manifests;

/// <summary>
/// Rules for the relative paths a manifest may hold, so that no manifest can make a client
/// write outside the folder it installs into.
/// </summary>
public static class ManifestPath
{
    public static bool IsValid(string? path)
    {
        if (string.IsNullOrEmpty(path) || path.Contains('\\') || path.Contains('\0'))
        {
            return false;
        }

        if (path.StartsWith('/') || path.EndsWith('/') || (path.Length > 1 && path[1] == ':'))
        {
            return false;
        }

        return path.Split('/').All(part => part is not ("" or "." or ".."));
    }

    public static void EnsureValid(string? path)
    {
        if (!IsValid(path))
        {
            throw new InvalidDataException(
                $"'{path}' is not a relative path with forward slashes and no '..'.");
        }
    }
}
