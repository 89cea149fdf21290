using System.Text.Json;
using Delivery.Core.Monitoring;

namespace Delivery.Core.Io;

/// <summary>
/// The alerts firing now, from Alertmanager's API v2 (<c>/api/v2/alerts</c>): silenced and inhibited
/// ones too, as anyone who reaches Alertmanager can silence an alert, and a silence must not hide it
/// from the gate.
/// </summary>
public sealed class AlertmanagerAlerts(MonitoringEndpoint endpoint)
{
    public IReadOnlyList<FiringAlert> Firing()
    {
        var (status, body) = endpoint.Get($"{AlertmanagerReadApi.AlertsPath[1..]}?active=true&silenced=true&inhibited=true&unprocessed=true");
        using (body)
        {
            if (status != 200 || body is null || body.RootElement.ValueKind != JsonValueKind.Array)
                throw new CannotJudgeException($"cannot judge: {endpoint.BaseUrl} answered HTTP {status} without an Alertmanager alert list; is it Alertmanager (API v2)?");
            return [.. body.RootElement.EnumerateArray()
                .Select(alert => new FiringAlert(Strings(alert, "labels"), Strings(alert, "annotations"), Muted(alert)))];
        }
    }

    private static string Muted(JsonElement alert) =>
        !alert.TryGetProperty("status", out var status) ? ""
        : NonEmpty(status, "silencedBy") ? "silenced"
        : NonEmpty(status, "inhibitedBy") ? "inhibited"
        : "";

    private static bool NonEmpty(JsonElement status, string name) =>
        status.TryGetProperty(name, out var ids) && ids.ValueKind == JsonValueKind.Array && ids.GetArrayLength() > 0;

    private static Dictionary<string, string> Strings(JsonElement alert, string name) =>
        alert.TryGetProperty(name, out var map)
            ? map.EnumerateObject().ToDictionary(entry => entry.Name, entry => entry.Value.GetString() ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
}
