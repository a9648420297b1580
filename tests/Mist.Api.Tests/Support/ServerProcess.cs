using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Mist.Api.Tests.Support;

/// <summary>
/// The server binary run as its own process on a free port of 127.0.0.1, as an operator runs
/// it, so a test can kill it outright (SIGKILL) and start it again on the same database and
/// data root. Its console log is kept line by line.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public string Log => string.Join('\n', _lines);

    private static string Binary => Path.Combine(AppContext.BaseDirectory, "Mist.Api.dll");

    /// <summary>Starts the server with the given settings (environment variable names) and
    /// waits until it answers /healthz.</summary>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = Prepare(settings, ["--urls", address.AbsoluteUri.TrimEnd('/')]);
        var server = new ServerProcess(Process.Start(start)!, address);

        using var http = new HttpClient { BaseAddress = address };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (server._process.HasExited)
            {
                break;
            }

            try
            {
                using var health = await http.GetAsync("healthz");
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        await server.DisposeAsync();
        throw new InvalidOperationException($"The server did not start:\n{server.Log}");
    }

    /// <summary>Runs an operator command of the server binary to its end.</summary>
    public static async Task<(int Exit, string Output)> RunCommandAsync(
        IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        var start = Prepare(settings, args);
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>An HTTP client for this server, with a bearer token when given.</summary>
    public HttpClient CreateClient(string? token = null)
    {
        var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        return http;
    }

    /// <summary>Waits for a log line that contains <paramref name="text"/>.</summary>
    public async Task WaitForLineAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!_lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No log line with '{text}'; the log:\n{Log}");
            }

            await Task.Delay(20);
        }
    }

    public bool Logged(string text) =>
        _lines.Any(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>Ends the process at once with SIGKILL, as a crash or an OOM kill would: no
    /// shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }

    private static ProcessStartInfo Prepare(
        IReadOnlyDictionary<string, string> settings, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Binary);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
