namespace Mist.Api.Tests.Accounts;

/// <summary>A clock stopped at one moment, to issue tokens as of another time.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
