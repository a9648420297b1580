using Mist.Delta.Manifests;

namespace Mist.Delta.Tests.Manifests;

public sealed class ManifestPathTests
{
    [Theory]
    [InlineData("game.exe")]
    [InlineData("data/levels/1.pak")]
    [InlineData("..hidden/x")]
    [InlineData("a..b")]
    public void Relative_forward_slash_paths_are_valid(string path)
    {
        ManifestPath.IsValid(path).ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/Windows")]
    [InlineData("data\\x")]
    [InlineData("a/../../b")]
    [InlineData("..")]
    [InlineData("./a")]
    [InlineData("a//b")]
    [InlineData("a/")]
    [InlineData("a\0b")]
    public void Paths_that_could_leave_the_folder_or_are_ambiguous_are_invalid(string? path)
    {
        ManifestPath.IsValid(path).ShouldBeFalse();
        Should.Throw<InvalidDataException>(() => ManifestPath.EnsureValid(path));
    }
}
