using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Mist.Api.Accounts;

/// <summary>
/// The key that signs and checks access tokens: configured, or else generated once and kept
/// in <c>{DataRoot}/auth/signing.key</c> (mode 0600). Loaded on first use, so operator
/// commands that never touch a token do not need it.
/// </summary>
public sealed partial class SigningKeySource
{
    public const string DataRootKey = "Mist:DataRoot";
    public const int MinimumKeyBytes = 32;
    private const int GeneratedKeyBytes = 64;

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly Lazy<SymmetricSecurityKey> _key;
    private readonly ILogger<SigningKeySource> _logger;

    public SigningKeySource(
        IOptions<AuthOptions> options,
        IConfiguration configuration,
        ILogger<SigningKeySource> logger)
    {
        _logger = logger;
        _key = new Lazy<SymmetricSecurityKey>(() => new SymmetricSecurityKey(
            options.Value.SigningKey is { Length: > 0 } configured
                ? Decode(configured, $"configuration {AuthOptions.Section}:SigningKey")
                : LoadOrCreate(KeyPath(configuration))));
    }

    public SymmetricSecurityKey Key => _key.Value;

    public static string? KeyPath(IConfiguration configuration) =>
        configuration[DataRootKey] is { Length: > 0 } root
            ? Path.Combine(root, "auth", "signing.key")
            : null;

    private byte[] LoadOrCreate(string? path)
    {
        if (path is null)
        {
            throw new InvalidOperationException(
                $"No token signing key: set {AuthOptions.Section}:SigningKey, or set " +
                $"{DataRootKey} so that a key can be generated and kept there.");
        }

        if (!File.Exists(path))
        {
            TryCreate(path);
        }

        WarnIfShared(path);
        return Decode(File.ReadAllText(path), path);
    }

    private void TryCreate(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        CreateFolder(folder);

        // Written whole to a temporary file and linked into place without replacing: a node
        // starting at the same moment either wins or reads the winner's complete key.
        var temporary = Path.Combine(folder, $".signing.key.{Guid.NewGuid():N}");
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(GeneratedKeyBytes));
        try
        {
            using (var stream = new FileStream(temporary, CreateOptions()))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(key);
            }

            File.Move(temporary, path, overwrite: false);
            LogGenerated(path);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; its key is the one to use.
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, OwnerOnly | UnixFileMode.UserExecute);
        }
    }

    private static FileStreamOptions CreateOptions()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        return options;
    }

    private void WarnIfShared(string path)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
        {
            LogShared(path);
        }
    }

    private static byte[] Decode(string text, string source)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException(
                $"The token signing key in {source} is not base64.");
        }

        return bytes.Length >= MinimumKeyBytes
            ? bytes
            : throw new InvalidOperationException(
                $"The token signing key in {source} has {bytes.Length} bytes; " +
                $"at least {MinimumKeyBytes} are needed.");
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Generated a token signing key at {KeyPath}")]
    private partial void LogGenerated(string keyPath);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The token signing key at {KeyPath} is readable by others; chmod 600 it")]
    private partial void LogShared(string keyPath);
}
