using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Mist.Application.Pipeline;

/// <summary>
/// Logs each request by name (never its contents, which may hold a password), warns when one
/// is slow, and logs what fails unexpectedly.
/// </summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(
    ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly TimeSpan SlowRequest = TimeSpan.FromMilliseconds(500);

    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var name = typeof(TMessage).Name;
        var started = Stopwatch.GetTimestamp();
        LogHandling(name);

        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception e) when (!IsExpected(e))
        {
            LogFailed(e, name);
            throw;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed > SlowRequest)
            {
                LogSlow(name, (long)elapsed.TotalMilliseconds);
            }
        }
    }

    private static bool IsExpected(Exception e) =>
        e is FluentValidation.ValidationException or Domain.Common.DomainException
            or OperationCanceledException;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handling {RequestName}")]
    private partial void LogHandling(string requestName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{RequestName} took {ElapsedMs} ms")]
    private partial void LogSlow(string requestName, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "{RequestName} failed")]
    private partial void LogFailed(Exception exception, string requestName);
}
