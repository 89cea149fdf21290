using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Delivery.Core.Kubernetes;
using Delivery.Core.Registry;
using Delivery.Core.Tests.Tools;

namespace Delivery.Core.Tests.Registry;

/// <summary>
/// The rendered config.yml run by the real distribution registry (Debian's docker-registry, 2.8)
/// with an htpasswd file of a real bcrypt hash (apache2-utils' htpasswd): only the right
/// credential gets in, no credential can delete, and the garbage collector runs on the same config.
/// </summary>
public sealed class RegistryServerTests : IDisposable
{
    private const string User = "delivery";
    private const string Password = "correct horse battery staple";
    private const string PullUser = "pull";
    private const string PullPassword = "another long pull password";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly string _directory = Directory.CreateTempSubdirectory("registry-test-").FullName;

    [Fact]
    public async Task The_rendered_config_admits_only_the_htpasswd_users_refuses_anonymous_pushes_and_deletes_and_collects_garbage()
    {
        var layout = Layout(htpasswdPath: WriteHtpasswd());
        using (var registry = Start(layout))
            await AssertServes(layout, registry);

        // Stopped, as the distribution docs want it; the collector's pod mounts no password file.
        var collectorConfig = WriteConfig(layout with { HtpasswdPath = Path.Combine(_directory, "not-mounted", "htpasswd") });
        var collection = ExternalTool.Run("docker-registry", ["garbage-collect", collectorConfig, "--delete-untagged"], timeout: TimeSpan.FromMinutes(1));
        Assert.True(collection.ExitCode == 0, collection.All);
        Assert.False(File.Exists(BlobFile(layout)), "The collector left the blob no manifest references.");
    }

    private static readonly byte[] BlobContent = Encoding.UTF8.GetBytes("a layer no manifest references");
    private static readonly string BlobDigest = $"sha256:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BlobContent))}";

    private static string BlobFile(RegistryFileLayout layout)
    {
        var hex = BlobDigest["sha256:".Length..];
        return Path.Combine(layout.StorageDirectory, "docker", "registry", "v2", "blobs", "sha256", hex[..2], hex, "data");
    }

    private static async Task AssertServes(RegistryFileLayout layout, RunningRegistry registry)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var api = $"http://{layout.ListenAddress}";
        await WaitUntilHealthy(http, $"http://{layout.MetricsAddress}{RegistryConfigFile.HealthPath}", registry);

        Assert.Equal(HttpStatusCode.OK, (await Send(http, HttpMethod.Get, $"{api}/v2/", User, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(http, HttpMethod.Get, $"{api}/v2/", User, "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(http, HttpMethod.Get, $"{api}/v2/", "someone", Password)).StatusCode);
        var anonymous = await Send(http, HttpMethod.Get, $"{api}/v2/", null, null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("realm=\"registry\"", anonymous.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(http, HttpMethod.Post, $"{api}/v2/shop/api/blobs/uploads/", null, null)).StatusCode);
        var upload = await Send(http, HttpMethod.Post, $"{api}/v2/shop/api/blobs/uploads/", User, Password);
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var location = new Uri(new Uri(api), upload.Headers.Location!).ToString();
        var finish = $"{location}{(location.Contains('?', StringComparison.Ordinal) ? '&' : '?')}digest={BlobDigest}";
        Assert.Equal(HttpStatusCode.Created, (await Send(http, HttpMethod.Put, finish, User, Password, BlobContent)).StatusCode);

        Assert.True(File.Exists(BlobFile(layout)), "The pushed blob is not in the storage directory.");
        Assert.Equal(HttpStatusCode.OK, (await Send(http, HttpMethod.Get, $"{api}/v2/shop/api/blobs/{BlobDigest}", PullUser, PullPassword)).StatusCode);
        // storage.delete.enabled is false: not even the push user can delete through the API.
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await Send(http, HttpMethod.Delete, $"{api}/v2/shop/api/blobs/{BlobDigest}", User, Password)).StatusCode);
        Assert.True(File.Exists(BlobFile(layout)), "A DELETE removed the blob.");
        var metrics = await http.GetStringAsync($"http://{layout.MetricsAddress}{RegistryConfigFile.MetricsPath}");
        Assert.Contains("registry_", metrics, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private RegistryFileLayout Layout(string htpasswdPath) =>
        RegistryFileLayout.InCluster with
        {
            StorageDirectory = Path.Combine(_directory, "storage"),
            HtpasswdPath = htpasswdPath,
            ListenAddress = $"127.0.0.1:{FreePort()}",
            MetricsAddress = $"127.0.0.1:{FreePort()}",
        };

    private string WriteConfig(RegistryFileLayout layout)
    {
        var path = Path.Combine(_directory, "config.yml");
        File.WriteAllText(path, RegistryConfigFile.Render(layout));
        return path;
    }

    /// <summary>Real bcrypt hashes from apache2-utils' htpasswd, in the file layout the shell writes: the pull user, then the push user.</summary>
    private string WriteHtpasswd()
    {
        var path = Path.Combine(_directory, "htpasswd");
        File.WriteAllText(path, Line(PullUser, PullPassword) + Line(User, Password));
        return path;
    }

    private static string Line(string user, string password)
    {
        var result = ExternalTool.Run("htpasswd", ["-nbB", user, password]);
        Assert.True(result.ExitCode == 0, result.All);
        var hash = result.Output.Trim()[(user.Length + 1)..];
        Assert.StartsWith("$2", hash, StringComparison.Ordinal);
        return Htpasswd.Line(user, hash);
    }

    private RunningRegistry Start(RegistryFileLayout layout)
    {
        var start = new ProcessStartInfo(ExternalTool.Require("docker-registry"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(WriteConfig(layout));
        return new RunningRegistry(Process.Start(start)!);
    }

    private static async Task WaitUntilHealthy(HttpClient http, string healthUrl, RunningRegistry registry)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            Assert.False(registry.Process.HasExited, $"The registry exited:\n{registry.Log}");
            try
            {
                if ((await http.GetAsync(healthUrl)).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        Assert.Fail($"The registry was not healthy within {StartTimeout}:\n{registry.Log}");
    }

    private static async Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, string url, string? user, string? password, byte[]? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } };
        if (user is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return await http.SendAsync(request);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The registry process, killed (and its output kept for failures) when the test ends.</summary>
    private sealed class RunningRegistry : IDisposable
    {
        private readonly StringBuilder _log = new();

        public RunningRegistry(Process process)
        {
            Process = process;
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public string Log
        {
            get { lock (_log) return _log.ToString(); }
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit(TimeSpan.FromSeconds(10));
            }
            Process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is null)
                return;
            lock (_log)
                _log.AppendLine(line);
        }
    }
}
