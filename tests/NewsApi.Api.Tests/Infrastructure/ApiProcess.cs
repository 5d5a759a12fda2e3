using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NewsApi.Api.Tests.Infrastructure;

/// <summary>
/// The built API as a real process on a loopback port (Kestrel, not the in-memory test server): for what only a
/// real process shows, such as being killed mid-import, reading a body from a socket, or a README command.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    /// <summary>Every process started, killed when the test run ends, whatever became of the test that started it.</summary>
    private static readonly List<Process> Started = [];

    static ApiProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            lock (Started)
            {
                foreach (var process in Started.Where(p => !p.HasExited))
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        };
    }

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ApiProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The API's build output (built with the tests, as a project reference).</summary>
    public static string ProgramFolder
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
            return Path.Combine(RepositoryRoot.Find(), "src", "NewsApi.Api", "bin", configuration, "net10.0");
        }
    }

    /// <summary>Starts the API on a free port with these settings (Section__Key environment variables) and waits until it is ready.</summary>
    public static async Task<ApiProcess> StartAsync(string connectionString, string importPath, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(ProgramFolder, "NewsApi.Api.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = ProgramFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__News"] = connectionString,
            ["Database__MigrateOnStartup"] = "true",
            ["Import__Path"] = importPath,
            ["Import__SettleSeconds"] = "0",
            ["Import__IntervalSeconds"] = "0",
            ["ApiKeys__AdminKey"] = NewsApiFactory.AdminKey,
            ["RateLimits__RequestsPerSecond"] = "1000000",
            ["RateLimits__Burst"] = "1000000",
            ["Analysis__ReprocessEnabled"] = "false",
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        lock (Started)
        {
            Started.Add(process);
        }

        var api = new ApiProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => api.Append(e.Data);
        process.ErrorDataReceived += (_, e) => api.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await api.WaitReadyAsync(TimeSpan.FromSeconds(90));
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }

        return api;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {_process.ExitCode} while starting:\n{Output}");
            }

            try
            {
                using var ready = await Client.GetAsync("/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The API was not ready after {timeout.TotalSeconds} s:\n{Output}");
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Asks the process to stop (SIGTERM) and waits for it.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill!.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await KillAsync();
        _process.Dispose();
    }
}
