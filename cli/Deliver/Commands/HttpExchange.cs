using System.Net.Sockets;

namespace Deliver.Commands;

/// <summary>A server that gave no answer at all: unreachable, or silent past the client's timeout.</summary>
internal sealed class NoAnswerException(string why) : Exception(why);

/// <summary>One request of deliver's outgoing calls (chat webhooks, issue trackers) and its answer, whatever its status.</summary>
internal static class HttpExchange
{
    /// <exception cref="NoAnswerException">Why there is no answer, in a few words.</exception>
    public static (int Status, string Body) Send(HttpClient http, HttpRequestMessage request)
    {
        try
        {
            using var response = http.Send(request);
            using var reader = new StreamReader(response.Content.ReadAsStream());
            return ((int)response.StatusCode, reader.ReadToEnd());
        }
        catch (HttpRequestException e)
        {
            throw new NoAnswerException(e.InnerException is SocketException socket ? socket.Message : e.Message);
        }
        catch (TaskCanceledException)
        {
            throw new NoAnswerException($"no answer within {http.Timeout.TotalSeconds:0}s");
        }
    }
}
