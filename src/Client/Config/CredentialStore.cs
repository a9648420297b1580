using System.Text.Json;

namespace Mist.Client.Config;

/// <summary>
/// The per-user credentials file: one token per server URL, so a token issued by one server is
/// never sent to another. Written owner-only (0600) through a temporary file and a rename, so
/// a crash never leaves half a file and the token is never readable by other users.
/// </summary>
public sealed class CredentialStore(string directory)
{
    public const string FileName = "credentials.json";

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode OwnerOnlyDirectory =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
    };

    public string FilePath { get; } = Path.Combine(directory, FileName);

    public async Task<StoredLogin?> GetAsync(string serverUrl, CancellationToken cancellationToken)
    {
        var all = await LoadAsync(cancellationToken);
        return all.GetValueOrDefault(ServerKey.Of(serverUrl));
    }

    public async Task SaveAsync(
        string serverUrl, StoredLogin login, CancellationToken cancellationToken)
    {
        var all = await LoadAsync(cancellationToken);
        all[ServerKey.Of(serverUrl)] = login;
        await WriteAsync(all, cancellationToken);
    }

    /// <returns>True when a token for the server was there to remove.</returns>
    public async Task<bool> RemoveAsync(string serverUrl, CancellationToken cancellationToken)
    {
        var all = await LoadAsync(cancellationToken);
        if (!all.Remove(ServerKey.Of(serverUrl)))
        {
            return false;
        }

        await WriteAsync(all, cancellationToken);
        return true;
    }

    private async Task<Dictionary<string, StoredLogin>> LoadAsync(
        CancellationToken cancellationToken)
    {
        if (!File.Exists(FilePath))
        {
            return new Dictionary<string, StoredLogin>(StringComparer.Ordinal);
        }

        await using var stream = File.OpenRead(FilePath);
        try
        {
            var file = await JsonSerializer.DeserializeAsync<CredentialsFile>(
                stream, Json, cancellationToken);
            return new Dictionary<string, StoredLogin>(
                file?.Servers ?? [], StringComparer.Ordinal);
        }
        catch (JsonException e)
        {
            throw new ConfigException(
                $"The credentials file {FilePath} is damaged ({e.Message}); delete it and run " +
                "'mist login' again.", e);
        }
    }

    private async Task WriteAsync(
        Dictionary<string, StoredLogin> servers, CancellationToken cancellationToken)
    {
        CreateDirectory();

        var temporary = FilePath + $".{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        await using (var stream = new FileStream(temporary, options))
        {
            await JsonSerializer.SerializeAsync(
                stream, new CredentialsFile(servers), Json, cancellationToken);
        }

        // A stale temporary file from an earlier crash keeps its old mode; set it explicitly.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, OwnerOnlyFile);
        }

        File.Move(temporary, FilePath, overwrite: true);
    }

    private void CreateDirectory()
    {
        var dir = Path.GetDirectoryName(FilePath)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dir);
        }
        else if (!Directory.Exists(dir))
        {
            Directory.CreateDirectory(dir, OwnerOnlyDirectory);
        }
    }

    private sealed record CredentialsFile(Dictionary<string, StoredLogin>? Servers);
}
