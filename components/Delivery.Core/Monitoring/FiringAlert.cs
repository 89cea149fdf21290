namespace Delivery.Core.Monitoring;

/// <summary>An alert as Alertmanager holds it; <paramref name="Muted"/> says "silenced" or "inhibited" when a silence or an inhibition hides it from receivers.</summary>
public sealed record FiringAlert(IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Annotations, string Muted = "")
{
    public string Name => Labels.GetValueOrDefault("alertname", "");

    public string Summary => Annotations.GetValueOrDefault("summary", "");
}
