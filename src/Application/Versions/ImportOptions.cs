namespace Mist.Application.Versions;

/// <summary>The server folders an admin may import builds from.</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    public List<string> Roots { get; set; } = [];
}
