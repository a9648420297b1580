namespace Mist.Client.Update;

/// <summary>Which install to update, and to what: <see cref="To"/> pins a label; without it
/// the target is the latest version on the install's branch (or <c>main</c>).</summary>
public sealed record UpdateRequest(string Directory, string? To = null);
