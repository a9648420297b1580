using Mist.Api.Accounts;
using Mist.Domain.Common;
using Mist.Infrastructure.Accounts;
using Npgsql;

namespace Mist.Api.Operations;

/// <summary>
/// <c>users create NAME [--admin]</c> and <c>users reset-password NAME</c>. The password comes
/// from MIST_PASSWORD or standard input, never from the arguments, which other users of the
/// machine can read in the process list and which shells keep in their history.
/// </summary>
public sealed class UsersCommand(
    AccountsSchema schema,
    UserAccounts accounts,
    string? environmentPassword,
    TextReader input,
    TextWriter output,
    TextWriter error)
{
    public const string PasswordVariable = "MIST_PASSWORD";

    public static UsersCommand ForConsole(IServiceProvider services) => new(
        services.GetRequiredService<AccountsSchema>(),
        services.GetRequiredService<UserAccounts>(),
        Environment.GetEnvironmentVariable(PasswordVariable),
        Console.IsInputRedirected ? Console.In : new HiddenConsoleReader(),
        Console.Out,
        Console.Error);

    /// <summary>Runs the words after <c>users</c>; 0 on success, 1 refused, 2 usage.</summary>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var command = args switch
        {
            ["create", var name] => (Create: true, Name: name, Role: Roles.Player),
            ["create", var name, "--admin"] => (Create: true, Name: name, Role: Roles.Admin),
            ["reset-password", var name] => (Create: false, Name: name, Role: ""),
            _ => (Create: false, Name: "", Role: ""),
        };
        if (command.Name.Length == 0 || command.Name.StartsWith('-'))
        {
            await error.WriteLineAsync("usage: Mist.Api users create NAME [--admin]");
            await error.WriteLineAsync("       Mist.Api users reset-password NAME");
            await error.WriteLineAsync($"The password is read from {PasswordVariable} or stdin.");
            return 2;
        }

        try
        {
            await schema.EnsureAsync(cancellationToken);
            var password = await ReadPasswordAsync();
            if (command.Create)
            {
                var account = await accounts.CreateAsync(
                    command.Name, password, command.Role, cancellationToken);
                await output.WriteLineAsync($"Created {account.Role} '{account.UserName}'.");
            }
            else
            {
                var account = await accounts.ResetPasswordAsync(
                    command.Name, password, cancellationToken);
                await output.WriteLineAsync(
                    $"Reset the password of '{account.UserName}'; its tokens are revoked.");
            }

            return 0;
        }
        catch (DomainException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (NpgsqlException e)
        {
            await error.WriteLineAsync($"The database refused or did not answer: {e.Message}");
            return 1;
        }
    }

    private async Task<string> ReadPasswordAsync()
    {
        if (environmentPassword is not null)
        {
            return environmentPassword;
        }

        if (input is HiddenConsoleReader)
        {
            await error.WriteAsync("Password: ");
        }

        var password = await input.ReadLineAsync() ?? "";
        return password.Length > 0
            ? password
            : throw DomainException.Invalid(
                $"No password: set {PasswordVariable} or write it to standard input.");
    }
}
