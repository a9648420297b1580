namespace Mist.Api.Versions;

/// <summary>A version to build: its label and the server folder that holds the build.</summary>
public sealed record RequestBuildRequest(string? Label, string? SourcePath);

/// <summary>The branch to publish on; "main" when left out.</summary>
public sealed record PublishVersionRequest(string? Branch);

/// <summary>Why the version is withdrawn; players and admins see it.</summary>
public sealed record WithdrawVersionRequest(string? Reason);
