using System.Net.Sockets;
using System.Text.Json;

namespace Delivery.Core.Io;

/// <summary>
/// A Prometheus or Alertmanager HTTP API base URL and one synchronous JSON GET against it, with a
/// bounded wait. Every failure becomes a one-line <see cref="CannotJudgeException"/> naming the server.
/// </summary>
public sealed class MonitoringEndpoint
{
    private readonly HttpClient _http;

    private MonitoringEndpoint(string server, Uri baseUrl, HttpClient http)
    {
        Server = server;
        BaseUrl = baseUrl;
        _http = http;
    }

    public string Server { get; }

    public Uri BaseUrl { get; }

    /// <param name="server">What it is, for messages (<c>Prometheus</c>).</param>
    /// <param name="option">The option that gave it, for the fix (<c>--prometheus</c>).</param>
    public static MonitoringEndpoint Parse(string server, string option, string url, HttpClient http)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps) || parsed.Host.Length == 0)
            throw new CannotJudgeException($"cannot judge: {option} \"{url}\" is not an http(s) URL; give {server}'s address, e.g. {option} http://127.0.0.1:{(server == "Prometheus" ? 9090 : 9093)}.");
        var text = parsed.AbsoluteUri;
        return new MonitoringEndpoint(server, new Uri(text.EndsWith('/') ? text : text + "/"), http);
    }

    /// <summary>GET a path under the base URL; the JSON body whatever the status (APIs explain errors in it), with the status code.</summary>
    public (int Status, JsonDocument? Body) Get(string pathAndQuery)
    {
        var url = new Uri(BaseUrl, pathAndQuery);
        try
        {
            using var response = _http.Send(new HttpRequestMessage(HttpMethod.Get, url));
            using var stream = response.Content.ReadAsStream();
            JsonDocument? body;
            try
            {
                body = JsonDocument.Parse(stream);
            }
            catch (JsonException)
            {
                body = null;
            }
            return ((int)response.StatusCode, body);
        }
        catch (HttpRequestException e)
        {
            var why = e.InnerException is SocketException socket ? socket.Message : e.Message;
            throw new CannotJudgeException($"cannot judge: {Server} at {BaseUrl} is unreachable ({why}).");
        }
        catch (TaskCanceledException)
        {
            throw new CannotJudgeException($"cannot judge: {Server} at {BaseUrl} did not answer within {_http.Timeout.TotalSeconds:0}s.");
        }
    }

    /// <summary>An HttpClient with the bounded wait every call here uses.</summary>
    public static HttpClient DefaultClient() => new() { Timeout = TimeSpan.FromSeconds(10) };
}
