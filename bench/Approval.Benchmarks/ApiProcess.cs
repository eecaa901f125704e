using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Approval.Benchmarks;

/// <summary>
/// Approval.Api running as a process of its own, as it is deployed: Kestrel on a loopback port over the benchmark's
/// database, the shipped settings (Production), but for the public status query's per-address limit, lifted because the
/// load driver is a single address. Its output goes to a file in the database's folder, shown if it fails to start.
/// </summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly string _logPath;

    private ApiProcess(Process process, StreamWriter log, string logPath, Uri address) =>
        (_process, _log, _logPath, Address) = (process, log, logPath, address);

    public Uri Address { get; }

    /// <summary>
    /// The processor time the application has used so far: per request, a cost that does not depend on how much of the
    /// machine other processes take, unlike requests per second on a shared machine.
    /// </summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<ApiProcess> StartAsync(string apiAssembly, BenchDatabase database, int port)
    {
        port = port == 0 ? FreePort() : port;
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = database.Folder,
        };
        foreach (var argument in new[] { apiAssembly, "--urls", address.ToString().TrimEnd('/'), "--Approval:RateLimits:StatusQueryPerAddress", "0" }.Concat(database.Arguments))
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var logPath = Path.Combine(database.Folder, "api.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) lock (log) log.WriteLine(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) lock (log) log.WriteLine(line.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var api = new ApiProcess(process, log, logPath, address);
        try
        {
            await api.WaitUntilHealthyAsync(TimeSpan.FromMinutes(5));
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
        return api;
    }

    private async Task WaitUntilHealthyAsync(TimeSpan patience)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < patience)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"Approval.Api exited with {_process.ExitCode} while starting:\n{Tail()}");
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Console.WriteLine($"Approval.Api (process {_process.Id}) answered /health at {Address} after {watch.Elapsed.TotalSeconds:N1} s.");
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet: migrating the fresh database, seeding the demo.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"Approval.Api did not answer /health within {patience}:\n{Tail()}");
    }

    private string Tail()
    {
        lock (_log)
            _log.Flush();
        return string.Join('\n', File.ReadLines(_logPath).TakeLast(30));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log)
            _log.Dispose();
    }
}
