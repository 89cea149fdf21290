using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Delivery.Core.Chat;

namespace Deliver.Commands;

/// <summary>Why an incident was not filed: the tracker unreachable, or an answer other than success.</summary>
internal sealed class IncidentNotFiledException(string message) : Exception(message);

/// <summary>
/// An issue tracker's REST API: JSON requests under a base URL with the tracker's own auth header,
/// each answer's JSON, and every failure one line naming the tracker, the request and the status.
/// </summary>
internal sealed class TrackerApi(string tracker, Uri baseUrl, IReadOnlyList<(string Name, string Value)> headers, HttpClient http)
{
    public JsonDocument Send(HttpMethod method, string path, string? json = null)
    {
        var url = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + path);
        using var request = new HttpRequestMessage(method, url);
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        int status;
        string body;
        try
        {
            (status, body) = HttpExchange.Send(http, request);
        }
        catch (NoAnswerException e)
        {
            throw new IncidentNotFiledException($"{tracker} at {baseUrl} is unreachable ({e.Message}).");
        }
        if (status is < 200 or > 299)
            throw new IncidentNotFiledException($"{tracker} answered HTTP {status} to {method} {url.AbsolutePath}: {ChatResponses.Excerpt(body)}");
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new IncidentNotFiledException($"{tracker} answered {method} {url.AbsolutePath} with no JSON: {ChatResponses.Excerpt(body)}");
        }
    }
}
