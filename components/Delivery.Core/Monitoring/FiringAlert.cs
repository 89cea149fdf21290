namespace Delivery.Core.Monitoring;

/// <summary>An alert as Alertmanager holds it; <paramref name="Muted"/> says "silenced" or "inhibited" when a silence or an inhibition hides it from receivers.</summary>
public sealed record FiringAlert(IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Annotations, string Muted = "")
{
    /// <summary>The label our app rules set to the app an alert is about; the platform's alerts have none.</summary>
    public const string AppLabel = "app";

    public string Name => Labels.GetValueOrDefault("alertname", "");

    /// <summary>The app it is about, or null for the platform's.</summary>
    public string? App => Labels.GetValueOrDefault(AppLabel);

    public string Summary => Annotations.GetValueOrDefault("summary", "");
}
