using Mist.Client.Install;
using Mist.Client.Tests.Support;

namespace Mist.Client.Tests.Install;

/// <summary>How the record of a finished install is read back.</summary>
public sealed class InstallRecordTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("{}", "game")]
    [InlineData("""{"game": "g", "manifestHash": "ab"}""", "label")]
    [InlineData("""{"game": "g", "label": "1.0", "manifestHash": null}""", "manifestHash")]
    public async Task Record_without_a_needed_field_is_reported_damaged(string json, string field)
    {
        var layout = new InstallLayout(_folder.Path);
        _folder.Write($"{InstallLayout.MistFolderName}/installed.json", json);

        var error = await Should.ThrowAsync<InstallException>(
            () => new InstallRecord(layout).ReadInstalledAsync(CancellationToken.None));

        error.Message.ShouldContain("is damaged");
        error.Message.ShouldContain($"no {field}");
    }

    [Fact]
    public async Task Record_without_a_branch_is_read_as_on_no_recorded_branch()
    {
        var layout = new InstallLayout(_folder.Path);
        _folder.Write(
            $"{InstallLayout.MistFolderName}/installed.json",
            """{"game": "g", "label": "1.0", "manifestHash": "ab", "server": "http://x/"}""");

        var installed = await new InstallRecord(layout).ReadInstalledAsync(CancellationToken.None);

        installed.ShouldNotBeNull().Label.ShouldBe("1.0");
        installed.Branch.ShouldBeNull();
    }
}
