using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Deliver.Tests.Monitoring;

/// <summary>
/// A real server binary (prometheus, prometheus-alertmanager) on a free 127.0.0.1 port with its own
/// temp folder, ready-checked within a bound, killed and cleaned up on dispose. A missing binary
/// fails the test with how to install it.
/// </summary>
internal sealed class LocalServer : IDisposable
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private LocalServer(string name, Process process, int port, string folder)
    {
        Name = name;
        _process = process;
        Port = port;
        Folder = folder;
    }

    public string Name { get; }

    public int Port { get; }

    public string Folder { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    /// <param name="arguments">Given the free port and the temp folder.</param>
    /// <param name="environment">Variables for the server's process, on top of this one's.</param>
    public static LocalServer Start(string binary, string package, Func<int, string, IEnumerable<string>> arguments, string readyPath, Action<string>? prepare = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var path = Require(binary, package);
        var folder = Directory.CreateTempSubdirectory($"{binary}-test-").FullName;
        prepare?.Invoke(folder);
        var port = FreePort();
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var argument in arguments(port, folder))
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{binary} did not start.");
        var server = new LocalServer(binary, process, port, folder);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        server.WaitReady(readyPath);
        return server;
    }

    public string Log
    {
        get
        {
            lock (_log)
                return _log.ToString();
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The tool's full path; fails with the install command when it is not on PATH.</summary>
    public static string Require(string binary, string package) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, binary))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"'{binary}' is not installed, and this test starts a real one: apt-get install {package} (bash .ci/run does, as root).");

    private void WaitReady(string readyPath)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + ReadyWithin;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                break;
            try
            {
                if (http.GetAsync($"{Url}{readyPath}").GetAwaiter().GetResult().IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            Thread.Sleep(100);
        }
        var exited = _process.HasExited;
        Dispose();
        throw new InvalidOperationException($"{Name} on port {Port} was not ready within {ReadyWithin.TotalSeconds}s{(exited ? " (it exited)" : "")}:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_log)
            _log.AppendLine(line);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
