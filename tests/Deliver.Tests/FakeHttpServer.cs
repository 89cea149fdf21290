using System.Net;
using System.Text;
using Deliver.Tests.Monitoring;

namespace Deliver.Tests;

/// <summary>
/// A real HTTP server (HttpListener) on a free 127.0.0.1 port that records every request and answers
/// each with what <c>answer</c> returns; stopped on dispose. Stands in for a chat webhook or an issue tracker's API.
/// </summary>
internal sealed class FakeHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<RecordedRequest, (int Status, string Body)> _answer;
    private readonly List<RecordedRequest> _requests = [];
    private readonly Thread _loop;

    public FakeHttpServer(Func<RecordedRequest, (int Status, string Body)> answer)
    {
        _answer = answer;
        Port = LocalServer.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = new Thread(Serve) { IsBackground = true };
        _loop.Start();
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
                return [.. _requests];
        }
    }

    private void Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = _listener.GetContext();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            // The raw target, as sent: a GitLab project path keeps its %2F.
            var target = context.Request.RawUrl ?? "/";
            var query = target.IndexOf('?', StringComparison.Ordinal);
            var request = new RecordedRequest(context.Request.HttpMethod, query < 0 ? target : target[..query], query < 0 ? "" : target[query..],
                context.Request.ContentType ?? "", context.Request.Headers.AllKeys.ToDictionary(k => k!, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase),
                reader.ReadToEnd());
            lock (_requests)
                _requests.Add(request);
            var (status, body) = _answer(request);
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = body.StartsWith('{') || body.StartsWith('[') ? "application/json" : "text/plain";
            context.Response.OutputStream.Write(bytes);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        // Close alone: Stop then Close makes the managed listener bind the port again to remove it, which fails once another test holds it.
        _listener.Close();
        _loop.Join(TimeSpan.FromSeconds(10));
    }
}

/// <summary>One request the fake server received.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Query, string ContentType, IReadOnlyDictionary<string, string> Headers, string Body);
