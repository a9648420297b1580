using Microsoft.Extensions.Configuration;

namespace Mist.Infrastructure;

public static class DatabaseConnection
{
    public const string Name = "Mist";

    /// <summary>
    /// The PostgreSQL connection string; its absence stops the process with a reason.
    /// </summary>
    public static string From(IConfiguration configuration) =>
        configuration.GetConnectionString(Name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"No database configured: set ConnectionStrings:{Name} " +
                $"(environment variable ConnectionStrings__{Name}).");
}
