using System.Globalization;
using System.Text.Json;

namespace Delivery.Core.Io;

/// <summary>One instant-vector sample: its labels and value.</summary>
public sealed record PromSample(IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>Instant queries against Prometheus's HTTP API (<c>/api/v1/query</c>).</summary>
public sealed class PrometheusQueries(MonitoringEndpoint endpoint)
{
    /// <summary>Every sample of an instant query.</summary>
    public IReadOnlyList<PromSample> Vector(string promql)
    {
        var (status, body) = endpoint.Get("api/v1/query?query=" + Uri.EscapeDataString(promql));
        using (body)
        {
            if (body is null || !body.RootElement.TryGetProperty("status", out var state))
                throw new CannotJudgeException($"cannot judge: {endpoint.BaseUrl} answered HTTP {status} without a Prometheus API response; is it Prometheus?");
            var root = body.RootElement;
            if (state.GetString() != "success")
            {
                throw new CannotJudgeException(
                    $"cannot judge: Prometheus rejected the query ({Text(root, "errorType")}: {Text(root, "error")}): {promql}");
            }
            var data = root.GetProperty("data");
            var type = data.GetProperty("resultType").GetString();
            var result = data.GetProperty("result");
            return type switch
            {
                "vector" => [.. result.EnumerateArray().Select(sample => new PromSample(Labels(sample.GetProperty("metric")), Value(sample.GetProperty("value"))))],
                "scalar" => [new PromSample(new Dictionary<string, string>(), Value(result))],
                _ => throw new CannotJudgeException($"cannot judge: the query returned a {type}, not an instant vector: {promql}"),
            };
        }
    }

    /// <summary>The one sample of a query that aggregates to a single series; null for none.</summary>
    public double? Scalar(string promql)
    {
        var samples = Vector(promql);
        return samples.Count switch
        {
            0 => null,
            1 => samples[0].Value,
            _ => throw new CannotJudgeException($"cannot judge: the query returned {samples.Count} series where one was expected: {promql}"),
        };
    }

    private static string Text(JsonElement root, string name) => root.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";

    private static Dictionary<string, string> Labels(JsonElement metric) =>
        metric.EnumerateObject().ToDictionary(label => label.Name, label => label.Value.GetString() ?? "", StringComparer.Ordinal);

    /// <summary>A sample is <c>[unix time, "value"]</c>; the value may be <c>NaN</c> or <c>+Inf</c>.</summary>
    private static double Value(JsonElement pair) =>
        pair[1].GetString() switch
        {
            "NaN" => double.NaN,
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            var text => double.Parse(text!, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
}
