using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Mist.Api.Accounts;

namespace Mist.Api.Tests.Accounts;

public sealed class SigningKeySourceTests : IDisposable
{
    private readonly string _dataRoot =
        Directory.CreateTempSubdirectory("mist-signing-key-").FullName;

    [Fact]
    public void Without_a_configured_key_one_is_generated_private_and_kept()
    {
        var first = Source(configuredKey: null).Key.Key;
        var second = Source(configuredKey: null).Key.Key;

        var path = Path.Combine(_dataRoot, "auth", "signing.key");
        File.Exists(path).ShouldBeTrue();
        second.ShouldBe(first);
        first.Length.ShouldBeGreaterThanOrEqualTo(SigningKeySource.MinimumKeyBytes);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public void A_configured_key_is_used_and_nothing_is_written()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);

        var key = Source(Convert.ToBase64String(bytes)).Key.Key;

        key.ShouldBe(bytes);
        Directory.Exists(Path.Combine(_dataRoot, "auth")).ShouldBeFalse();
    }

    [Fact]
    public void A_configured_key_shorter_than_32_bytes_is_refused()
    {
        var source = Source(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));

        var refused = Should.Throw<InvalidOperationException>(() => source.Key);

        refused.Message.ShouldContain("at least 32");
    }

    public void Dispose() => Directory.Delete(_dataRoot, recursive: true);

    private SigningKeySource Source(string? configuredKey) => new(
        Options.Create(new AuthOptions { SigningKey = configuredKey }),
        new ConfigurationBuilder()
            .AddInMemoryCollection([new(SigningKeySource.DataRootKey, _dataRoot)])
            .Build(),
        NullLogger<SigningKeySource>.Instance);
}
