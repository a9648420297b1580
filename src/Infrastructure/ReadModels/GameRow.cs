namespace Mist.Infrastructure.ReadModels;

/// <summary>A registered game (table games).</summary>
public sealed class GameRow
{
    public required string Slug { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }
}
