using System.Text.Json;

namespace Delivery.Core.Monitoring;

/// <summary>An alert as Alertmanager holds it.</summary>
public sealed record FiringAlert(IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Annotations)
{
    public string Name => Labels.GetValueOrDefault("alertname", "");

    public string Summary => Annotations.GetValueOrDefault("summary", "");
}

/// <summary>The alerts firing now, from Alertmanager's API v2 (<c>/api/v2/alerts</c>): active, neither silenced nor inhibited.</summary>
public sealed class AlertmanagerAlerts(MonitoringEndpoint endpoint)
{
    public IReadOnlyList<FiringAlert> Firing()
    {
        var (status, body) = endpoint.Get("api/v2/alerts?active=true&silenced=false&inhibited=false&unprocessed=true");
        using (body)
        {
            if (status != 200 || body is null || body.RootElement.ValueKind != JsonValueKind.Array)
                throw new CannotJudgeException($"cannot judge: {endpoint.BaseUrl} answered HTTP {status} without an Alertmanager alert list; is it Alertmanager (API v2)?");
            return [.. body.RootElement.EnumerateArray()
                .Where(alert => !alert.TryGetProperty("status", out var state) || state.GetProperty("state").GetString() == "active")
                .Select(alert => new FiringAlert(Strings(alert, "labels"), Strings(alert, "annotations")))];
        }
    }

    private static Dictionary<string, string> Strings(JsonElement alert, string name) =>
        alert.TryGetProperty(name, out var map)
            ? map.EnumerateObject().ToDictionary(entry => entry.Name, entry => entry.Value.GetString() ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
}
